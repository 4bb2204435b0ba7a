"""The notification is an official letter (ГОСТ Р 7.0.97-2016, issue 15): A4, margins
20/10/20/20 mm, Times New Roman 14 (12 in the table), the sender's details, date and
number, addressee, title, text, a table that splits no word, the signature block and the
executor; Russian; the document's own metadata. DOCX, PDF and the printable page."""

import datetime
import io
import re
import shutil
import subprocess
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts_registry.models import Account, Notification
from accounts_registry.notification_doc import build_docx, build_letter, build_pdf
from accounts_registry.notification_views import mark_notification_sent
from accounts_registry.requisites import LetterRequisites

from .conftest import login

pytestmark = pytest.mark.django_db

ORGANISATION = "Министерство социальной защиты населения Кузбасса"
REQUISITES = {
    "organisation": ORGANISATION,
    "organisation_details": (
        "Кузнецкий пр-т, д. 19а, г. Кемерово, 650991\n"
        "тел. 8 (3842) 75-85-80, e-mail: info@dsznko.ru\n"
        "ОКПО 00000000, ОГРН 1024200000000, ИНН/КПП 4200000000/420501001"
    ),
    "addressee": (
        "Начальнику главного управления по работе со средствами массовой "
        "информации Администрации Правительства Кузбасса\nА.Б. Иванову"
    ),
    "signatory_position": "Министр",
    "signatory_name": "В.Г. Петрова",
    "executor_name": "Сидорова Анна Ивановна",
    "executor_phone": "8 (3842) 75-85-81",
}


@pytest.fixture
def requisites():
    record = LetterRequisites.load()
    for name, value in REQUISITES.items():
        setattr(record, name, value)
    record.save()
    return record


@pytest.fixture
def obligations():
    created = Account.objects.create(
        network="ok",
        name="Минсоцзащиты Кузбасса в Одноклассниках",
        external_id="57000",
        url="https://ok.ru/group/57000",
        status="active",
        created_on=datetime.date(2026, 11, 30),
    )
    deleted = Account(
        network="vk",
        name="Старая страница министерства",
        external_id="10",
        url="https://vk.com/minsoc_old",
        status="active",
        created_on=datetime.date(2020, 1, 1),
    )
    deleted.skip_report_obligation = True  # its creation was reported long ago
    deleted.save()
    deleted.skip_report_obligation = False
    deleted.status = "deleted"
    deleted.deleted_on = datetime.date(2026, 12, 1)
    deleted.save()
    return [created.report_obligations.get(), deleted.report_obligations.get()]


def _docx(letter):
    from docx import Document

    raw = build_docx(letter)
    return raw, Document(io.BytesIO(raw))


def test_docx_is_an_a4_letter_in_times_new_roman(requisites, obligations):
    letter = build_letter(obligations, "01-12/345", "07.12.2026")
    raw, document = _docx(letter)
    section = document.sections[0]
    mm = [
        round(v.mm)
        for v in (
            section.page_width,
            section.page_height,
            section.left_margin,
            section.right_margin,
            section.top_margin,
            section.bottom_margin,
        )
    ]
    assert mm == [210, 297, 20, 10, 20, 20]
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size.pt == 14
    assert normal.paragraph_format.line_spacing == 1.0
    styles = zipfile.ZipFile(io.BytesIO(raw)).read("word/styles.xml").decode()
    assert 'w:lang w:val="ru-RU"' in styles and "en-US" not in styles

    head, table, signature = document.tables
    sender, addressee = (cell.text for cell in head.rows[0].cells)
    assert ORGANISATION in sender and "ИНН/КПП" in sender
    assert "07.12.2026 № 01-12/345" in sender
    assert "А.Б. Иванову" in addressee
    texts = [p.text for p in document.paragraphs if p.text]
    assert "О создании и удалении аккаунтов в социальных сетях" in texts
    assert any(t.startswith("В соответствии с постановлением") for t in texts)
    assert texts[-2:] == ["Сидорова Анна Ивановна", "8 (3842) 75-85-81"]
    assert [c.text for c in signature.rows[0].cells] == ["Министр", "В.Г. Петрова"]

    # A table of sensible widths: the text width, set and fixed; 12 pt.
    widths = [round(column.width.mm) for column in table.columns]
    assert sum(widths) == 180 and min(widths) >= 10
    assert 'w:tblLayout w:type="fixed"' in table._tbl.xml
    assert [c.text for c in table.rows[0].cells][1:4] == [
        "Событие",
        "Социальная сеть",
        "Наименование аккаунта",
    ]
    assert table.rows[1].cells[2].text == "Одноклассники"
    assert table.rows[2].cells[1].text == "аккаунт удалён"
    sizes = {
        run.font.size.pt
        for row in table.rows
        for c in row.cells
        for p in c.paragraphs
        for run in p.runs
    }
    assert sizes == {12}


def test_docx_metadata_is_the_documents_own(requisites, obligations):
    before = timezone.now().replace(microsecond=0)
    raw, document = _docx(build_letter(obligations))
    properties = document.core_properties
    assert properties.author == ORGANISATION
    assert properties.title == "О создании и удалении аккаунтов в социальных сетях"
    assert properties.language == "ru-RU"
    assert properties.created.replace(tzinfo=datetime.UTC) >= before
    assert properties.comments == ""
    package = zipfile.ZipFile(io.BytesIO(raw))
    assert not [n for n in package.namelist() if "thumbnail" in n]
    assert "Macintosh" not in package.read("docProps/app.xml").decode()


def test_title_and_text_follow_what_is_reported(requisites, obligations):
    created, deleted = obligations
    one = build_letter([created])
    assert one.title == "О создании аккаунта в социальной сети"
    assert one.text.endswith("сообщаем о создании аккаунта в социальной сети:")
    assert build_letter([deleted]).title == "Об удалении аккаунта в социальной сети"
    requisites.basis = ""
    requisites.save()
    assert build_letter([created]).text == (
        "Сообщаем о создании аккаунта в социальной сети:"
    )


def _pdf_text(pdf: bytes, tmp_path, *args) -> str:
    path = tmp_path / "letter.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils not installed")
def test_pdf_first_page_is_a4_with_every_requisite(requisites, obligations, tmp_path):
    from PIL import Image

    pdf = build_pdf(build_letter(obligations, "01-12/345", "07.12.2026"))
    (tmp_path / "letter.pdf").write_bytes(pdf)
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "letter.pdf")], capture_output=True, text=True
    ).stdout
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info), info
    assert f"Author:          {ORGANISATION}" in info
    assert "Pages:           1" in info
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "50",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "letter.pdf"),
            str(tmp_path / "page"),
        ],
        check=True,
    )
    page = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    width, height = page.size
    assert abs(height / width - 297 / 210) < 0.01
    dark = sum(page.histogram()[:128])
    assert dark > 0.01 * width * height  # text, not a blank page

    fonts = subprocess.run(
        ["pdffonts", str(tmp_path / "letter.pdf")], capture_output=True, text=True
    ).stdout
    assert "Liberation-Serif" in fonts or "TimesNewRoman" in fonts, fonts

    text = " ".join(_pdf_text(pdf, tmp_path).split())
    for value in (
        ORGANISATION,
        "ИНН/КПП",
        "07.12.2026 № 01-12/345",
        "А.Б. Иванову",
        "О создании и удалении аккаунтов в социальных сетях",
        "В.Г. Петрова",
        "Сидорова Анна Ивановна",
        "8 (3842) 75-85-81",
    ):
        assert value in text, value


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_pdf_table_splits_no_word(requisites, obligations, tmp_path):
    pdf = build_pdf(build_letter(obligations))
    words = set(_pdf_text(pdf, tmp_path).split())
    for word in (
        "Одноклассники",
        "ВКонтакте",
        "Наименование",
        "Социальная",
        "Событие",
        "Минсоцзащиты",
        "министерства",
        "30.11.2026",
        "01.12.2026",
    ):
        assert word in words, word


def test_page_pdf_and_docx_from_the_admin(client, keeper, requisites, obligations):
    login(client, keeper)
    created, _deleted = obligations
    response = client.post(
        reverse("registry_notification_new"), {"obligations": [created.pk]}
    )
    note = Notification.objects.get()
    page = client.get(response["Location"]).content.decode()
    assert "О создании аккаунта в социальной сети" in page
    assert "Скачать PDF" in page and "не готово к подписи" not in page

    printable = client.get(response["Location"] + "?print=1").content.decode()
    assert "@page{size:A4;margin:20mm 10mm 20mm 20mm}" in printable
    assert '<html lang="ru">' in printable and "В.Г. Петрова" in printable

    pdf = client.get(reverse("registry_notification_pdf", args=[note.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert f'filename="notification-{note.pk}.pdf"' in pdf["Content-Disposition"]

    mark_notification_sent(note, "01-12/345", datetime.date(2026, 12, 7), keeper)
    docx = client.get(reverse("registry_notification_docx", args=[note.pk]))
    assert f"notification-{note.pk}-01-12-345.docx" in docx["Content-Disposition"]


def test_page_names_the_requisites_still_missing(client, keeper, obligations):
    login(client, keeper)
    response = client.post(
        reverse("registry_notification_new"), {"obligations": [obligations[0].pk]}
    )
    page = client.get(response["Location"]).content.decode()
    assert "Письмо не готово к подписи" in page
    assert "организация" in page and "исполнитель" in page
    assert (
        reverse("wagtailsettings:edit", args=["accounts_registry", "letterrequisites"])
        in page
    )


def test_command_writes_the_letter_and_marks_nothing_sent(
    requisites, obligations, tmp_path
):
    from django.core.management import call_command
    from docx import Document

    out = io.StringIO()
    target = tmp_path / "letter.docx"
    call_command(
        "registry",
        "notification",
        "--since",
        "01.12.2026",
        "-o",
        str(target),
        stdout=out,
    )
    assert "(1 событие)" in out.getvalue()
    text = "\n".join(
        c.text for t in Document(target).tables for r in t.rows for c in r.cells
    )
    assert "Старая страница министерства" in text and "Одноклассниках" not in text
    assert "____________ № ____________" in text
    assert all(ob.reported_on is None for ob in obligations[0].__class__.objects.all())
    assert not Notification.objects.exists()

    pdf = tmp_path / "letter.pdf"
    call_command(
        "registry", "notification", "--format", "pdf", "-o", str(pdf), stdout=out
    )
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "(2 события)" in out.getvalue()


def test_command_marks_sent_with_its_number(requisites, obligations, tmp_path):
    from django.core.management import call_command

    out = io.StringIO()
    call_command(
        "registry",
        "notification",
        "-o",
        str(tmp_path / "letter.docx"),
        "--mark-sent",
        "01-12/400",
        "--sent-on",
        "07.12.2026",
        stdout=out,
    )
    for ob in obligations:
        ob.refresh_from_db()
        assert (ob.outgoing_number, ob.reported_on) == (
            "01-12/400",
            datetime.date(2026, 12, 7),
        )
    assert "№ 01-12/400 от 07.12.2026" in out.getvalue()
    change = obligations[0].account.changes.filter(action="reported").get()
    assert change.actor == "manage.py registry notification"
