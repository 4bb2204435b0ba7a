import io
import json

import pytest
from django.core.management import CommandError, call_command

from accounts_registry import crypto
from accounts_registry.models import Account

from .conftest import SECRET

pytestmark = pytest.mark.django_db

HEADER = (
    "network,name,url,external_id,status,created_on,deleted_on,responsible,purpose\n"
)


def run(*args, stdin=None):
    out, err = io.StringIO(), io.StringIO()
    kwargs = {"stdout": out, "stderr": err}
    if stdin is not None:
        kwargs["stdin"] = stdin
    call_command("registry", *args, **kwargs)
    return out.getvalue(), err.getvalue()


def write(tmp_path, text, name="in.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_import_good_rows_then_upsert(tmp_path):
    path = write(
        tmp_path,
        HEADER
        + "vk,ВК Минсоц,https://vk.com/minsoc,123,active,2026-03-01,,Иванов,Новости\n"
        + "telegram,Канал,,@minsoc,planned,,,,\n"
        + 'ok,"ОК, группа",https://ok.ru/g/55,55,deleted,01.02.2026,15.03.2026,,\n',
    )
    out, _err = run("import", path)
    assert "3" in out
    vk = Account.objects.get(network="vk", external_id="123")
    assert vk.created_on.isoformat() == "2026-03-01"
    assert vk.report_obligations.get().due_on.isoformat() == "2026-03-11"
    ok = Account.objects.get(network="ok")
    assert ok.name == "ОК, группа" and ok.deleted_on.isoformat() == "2026-03-15"
    assert vk.changes.get().actor == "registry import"

    again = write(tmp_path, HEADER + "vk,ВК новое имя,,123,active,,,,\n", "b.csv")
    run("import", again)
    vk.refresh_from_db()
    assert vk.name == "ВК новое имя"
    assert vk.url == "https://vk.com/minsoc"  # empty cell keeps the value
    assert Account.objects.count() == 3


def test_import_reports_every_bad_row_in_russian_and_writes_nothing(tmp_path):
    path = write(
        tmp_path,
        HEADER
        + "vk,Хорошая,,1,active,,,,\n"
        + "myspace,Плохая сеть,,2,active,,,,\n"
        + "vk,Плохая дата,,3,active,31.02.2026,,,\n"
        + "vk,,not-a-url,4,closed,,,,\n"
        + "vk,Повтор,,1,active,,,,\n",
    )
    err = io.StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("registry", "import", path, stdout=io.StringIO(), stderr=err)
    assert "ничего не импортировано" in str(exc.value)
    reported_rows = {line.split(":")[0] for line in err.getvalue().splitlines()}
    assert reported_rows == {"Строка 3", "Строка 4", "Строка 5", "Строка 6"}
    assert "повторяет строку 2" in err.getvalue()
    assert Account.objects.count() == 0


def test_import_error_lines_name_rows(tmp_path, capsys):
    path = write(
        tmp_path,
        HEADER + "vk,Ок,,1,active,,,,\nmyspace,X,,2,,,,,\nvk,Y,,3,,2026/01/01,,,\n",
    )
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("registry", "import", path, stdout=io.StringIO(), stderr=err)
    lines = err.getvalue().splitlines()
    assert any(
        line.startswith("Строка 3:") and "неизвестная соцсеть «myspace»" in line
        for line in lines
    )
    assert any(line.startswith("Строка 4:") and "2026/01/01" in line for line in lines)
    assert not any(line.startswith("Строка 2:") for line in lines)


def test_import_malformed_csv_is_a_clear_error(tmp_path):
    bad_header = write(tmp_path, "name;url\nX;Y\n")
    with pytest.raises(CommandError, match="столбц"):
        run("import", bad_header)
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(CommandError, match="UTF-8"):
        run("import", str(binary))
    with pytest.raises(CommandError, match="Не удалось прочитать"):
        run("import", str(tmp_path / "missing.csv"))


def test_export_csv_and_xlsx_never_contain_the_secret(account, tmp_path):
    out, _err = run("export")
    assert out.startswith("network,name,url,external_id")
    assert "Минсоцзащиты" in out and SECRET not in out
    target = tmp_path / "r.xlsx"
    run("export", "--format", "xlsx", "-o", str(target))
    from openpyxl import load_workbook

    sheet = load_workbook(target).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row]
    assert "Минсоцзащиты Кузбасса" in cells and "Соцсеть" in cells
    assert not any(SECRET in c for c in cells)
    assert SECRET.encode() not in target.read_bytes()


def test_set_credential_from_stdin_validates_shape(account):
    with pytest.raises(CommandError) as exc:
        run("set-credential", "vk:123456", stdin=io.StringIO('{"bot_token": "x"}'))
    assert "access_token" in str(exc.value)
    with pytest.raises(CommandError) as exc:
        run("set-credential", account.slug, stdin=io.StringIO("{oops " + SECRET))
    assert SECRET not in str(exc.value)
    new = {"access_token": "vk1.a.NEWTOKEN-777-zzzz", "token_type": "user"}
    out, _err = run(
        "set-credential", str(account.pk), stdin=io.StringIO(json.dumps(new))
    )
    assert "…zzzz" in out and "NEWTOKEN" not in out
    account.refresh_from_db()
    assert account.get_credential() == new


def test_set_credential_shapes_per_network(db):
    tg = Account.objects.create(network="telegram", name="TG", external_id="@c")
    run(
        "set-credential",
        "telegram:@c",
        stdin=io.StringIO('{"bot_token": "1:AAAA-bbbb"}'),
    )
    ok = Account.objects.create(network="ok", name="OK", external_id="5")
    with pytest.raises(CommandError, match="application_secret_key"):
        run(
            "set-credential",
            "ok:5",
            stdin=io.StringIO('{"application_key": "k", "access_token": "t"}'),
        )
    tg.refresh_from_db()
    assert tg.credential_type == "telegram:bot"
    assert not Account.objects.get(pk=ok.pk).has_credential


def test_unknown_account_reference():
    with pytest.raises(CommandError, match="vk:404"):
        run("set-credential", "vk:404", stdin=io.StringIO("{}"))


def test_rotate_key_reencrypts_with_the_newest_key(account, settings):
    from cryptography.fernet import Fernet

    old_key = settings.FIELD_ENCRYPTION_KEY
    new_key = Fernet.generate_key().decode()
    before = bytes(Account.objects.get(pk=account.pk).credential_encrypted)
    settings.FIELD_ENCRYPTION_KEY = f"{new_key},{old_key}"
    out, _err = run("rotate-key")
    assert "1" in out
    after = bytes(Account.objects.get(pk=account.pk).credential_encrypted)
    assert after != before
    settings.FIELD_ENCRYPTION_KEY = new_key  # the old key is retired
    assert Account.objects.get(pk=account.pk).get_credential()["access_token"] == SECRET
    settings.FIELD_ENCRYPTION_KEY = old_key
    with pytest.raises(crypto.CredentialDecryptionError):
        Account.objects.get(pk=account.pk).get_credential()
