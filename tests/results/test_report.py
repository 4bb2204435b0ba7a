"""The monthly report: what it says, and that DOCX, PDF and XLSX say the same."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook

from accounts_registry.models import AccountChange, ReportObligation
from moderation.models import InboxItem, ModerationAction
from results.models import PostTracking
from results.report import data, formats, pdf
from tests.results import factories

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.syndication.test_delivery_support"]

NOV = datetime(2026, 11, 10, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


@pytest.fixture
def november(piece_page):
    vk = factories.account(name='=HYPERLINK("http://evil")')  # typed by a person
    tg = factories.account("telegram", "Минсоц в Telegram", "@minsoc")
    AccountChange.objects.update(at=NOV)  # both were added to the register in November
    tg.status = tg.Status.DELETED
    tg.save()  # ...and Telegram's channel was closed on the 7th of December
    factories.tracked(piece_page, vk, NOV, views=(100, 400, 700), likes=(2, 8, 20))
    factories.audience(vk, NOV, [2000, 2010, 2042])
    factories.audience(tg, NOV, [1500, 1490])
    waits = [1, 2, 3, 4, 30]  # hours to answer
    for number, hours in enumerate(waits):
        received = NOV + timedelta(days=number)
        InboxItem.objects.create(
            account=vk, network="vk", remote_id=f"q{number}", text="Когда выплата?",
            received_at=received, status=InboxItem.Status.REPLIED,
            answered_at=received + timedelta(hours=hours),
            deadline=received + timedelta(hours=24),
        )  # fmt: skip
    spam = InboxItem.objects.create(
        account=vk, network="vk", remote_id="s1", text="Купи диплом",
        received_at=NOV, status=InboxItem.Status.DELETED,
    )  # fmt: skip
    for reason in ("spam", "spam", "obscene"):
        ModerationAction.objects.create(
            item=spam, account=vk, action="delete", reason=reason, created_at=NOV
        )
    InboxItem.objects.create(  # never answered, its deadline passed in November
        account=tg, network="telegram", remote_id="late", text="Ответьте!",
        received_at=NOV, deadline=NOV + timedelta(hours=24),
    )  # fmt: skip
    return vk, tg


def plain(value):
    return value.value if isinstance(value, data.Figure) else value


def rows(table):
    return {str(row[0]).strip(): row[1] for row in table.rows}


def test_report_sections(november):
    report = data.build("2026-11", now=NOW)
    assert report.title.endswith("за ноябрь 2026\xa0г.")
    assert "с 01.11.2026 по 30.11.2026" in report.intro
    accounts, top, moderation, register = report.tables

    vk_row = next(r for r in accounts.rows if r[0] == "ВКонтакте")
    assert [plain(v) for v in vk_row[2:6]] == [2042, 42, 1, 700]
    tg_row = next(r for r in accounts.rows if r[0] == "Telegram")
    assert [plain(v) for v in tg_row[2:4]] == [1490, -10]
    assert tg_row[5] == data.Figure(None)  # views: the network does not give them
    # One account per network: no «все аккаунты» row repeating it.
    assert [r[0] for r in accounts.rows] == ["Telegram", "ВКонтакте", "Итого"]
    assert "Telegram не передаёт Вестнику счётчиков публикаций" in accounts.note
    assert "комментарии в Telegram подсчитывает Вестник" in accounts.note
    assert top.rows[0][1] == "Выплаты выросли"

    figures = rows(moderation)
    assert figures["Получено комментариев и сообщений"] == 7
    assert figures["Удалено или скрыто"] == 3
    assert figures["из них: Спам"] == 2
    assert data.cell(figures["Медианное время ответа"]).text == "3,0 ч"
    assert data.cell(figures["90 % ответов даны в течение"]).text.endswith(" ч")
    assert figures["из них пропущено"] == 2  # one answered late, one never

    assert [(r[1], r[3]) for r in register.rows] == [
        ('=HYPERLINK("http://evil")', "Внесён в реестр"),
        ("Минсоц в Telegram", "Внесён в реестр"),
    ]
    december = data.build("2026-12", now=NOW).tables[3]
    assert [r[1] for r in december.rows] == ["Минсоц в Telegram"]
    assert "Статус" in december.rows[0][3] and "→" in december.rows[0][3]


def test_xlsx_never_holds_a_formula(november):
    content, _ = formats.render(data.build("2026-11", now=NOW), "xlsx")
    book = load_workbook(io.BytesIO(content))
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    evil = [c for c in cells if str(c.value or "").startswith("=HYPERLINK")]
    assert evil and all(c.data_type == "s" and c.quotePrefix for c in evil)
    assert 700 in [c.value for c in cells]  # figures stay numbers


# Text a person would read as a number: «700», «0,1 %», «3,0 ч», «07.11.2026».
LOOKS_NUMERIC = re.compile(r"^[−+-]?\d[\d\s\u00a0.,]*(%|ч)?$")


def test_xlsx_figures_are_numbers_a_spreadsheet_can_sum(november):
    """Every figure of every sheet is a numeric cell with a number format (a share
    in a percent format, hours with «ч» in the format, a date as a date), so the
    department can sum and sort the columns; no figure is written as text."""
    report = data.build("2026-11", now=NOW)
    content, _ = formats.render(report, "xlsx")
    book = load_workbook(io.BytesIO(content))
    texts = [c for sheet in book for row in sheet.iter_rows() for c in row
             if c.data_type == "s"]  # fmt: skip
    assert not [c.value for c in texts if LOOKS_NUMERIC.match(str(c.value).strip())]
    numbers = [c for sheet in book for row in sheet.iter_rows() for c in row
               if c.data_type in ("n", "d") and c.value is not None]  # fmt: skip
    assert numbers and all(c.number_format != "General" for c in numbers)

    accounts = book["1"]
    vk = next(r for r in accounts.iter_rows() if r[0].value == "ВКонтакте")
    rate = vk[-1]  # engagement, «3,1 %» in the PDF: 0.031 in a percent format
    shown = next(r for r in report.tables[0].rows if r[0] == "ВКонтакте")[-1]
    assert data.cell(shown).text == "3,1\u00a0%"
    assert rate.data_type == "n" and rate.number_format == "0.0%"
    assert rate.value == pytest.approx(shown.value / 100)
    # As wide as «Вовлечённость», not as «0.03142857142857143»; sums in bold.
    assert accounts.column_dimensions[rate.column_letter].width < 18
    total = next(r for r in accounts.iter_rows() if r[0].value == "Итого")
    assert total[0].font.b and total[-1].font.b
    moderation = {str(r[0].value).strip(): r[1] for r in book["3"].iter_rows(min_row=3)}
    median = moderation["Медианное время ответа"]
    assert (median.value, median.number_format) == (3.0, '0.0" ч"')
    assert moderation["Получено комментариев и сообщений"].value == 7
    changes = book["4"].iter_rows(min_row=3, max_row=2 + len(report.tables[3].rows))
    dates = [r[0] for r in changes]
    assert dates and all(c.is_date and c.number_format == "DD.MM.YYYY" for c in dates)


def test_docx_is_the_official_letter(november):
    content, _ = formats.render(data.build("2026-11", now=NOW), "docx")
    document = Document(io.BytesIO(content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "О результатах ведения официальных аккаунтов" in text
    assert "3. Модерация" in text
    assert document.styles["Normal"].font.name == "Times New Roman"
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "Получено комментариев и сообщений" in cells and "700" in cells
    total = next(
        r for t in document.tables for r in t.rows if r.cells[0].text == "Итого"
    )
    assert all(run.bold for run in total.cells[0].paragraphs[0].runs)  # sums in bold
    html = pdf.render_html(data.build("2026-11", now=NOW))
    assert '<tr class="report-total"><td class="text">Итого</td>' in html


def test_command_writes_each_format(november, tmp_path):
    out = io.StringIO()
    for name in ("report.docx", "report.pdf", "report.xlsx"):
        call_command(
            "report", "monthly", "--month", "2026-11", "-o", str(tmp_path / name),
            stdout=out,
        )  # fmt: skip
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "report.docx").read_bytes().startswith(b"PK")
    with pytest.raises(CommandError):
        call_command("report", "monthly", "--month", "2026-13", "-o", "x.pdf")
    with pytest.raises(CommandError):
        call_command("report", "monthly", "--month", "2026-11", "-o", "x.txt")


def test_report_speaks_as_the_screens(november, piece_page):
    """Where a network gives no counter every format says «нет данных у сети» (the
    screens' words, never «—» or 0), and Telegram's comments, which Vestnik counts
    itself, carry «подсчёт Вестника» (a sum holding them «в т. ч. подсчёт Вестника»)."""
    vk, tg = november
    post = factories.tracked(piece_page, tg, NOV, views=(), likes=(), remote="9")
    PostTracking.objects.filter(pk=post.pk).update(comments=2)  # from the inbox
    report = data.build("2026-11", now=NOW)
    accounts = report.tables[0]
    tg_row = next(r for r in accounts.rows if r[0] == "Telegram")
    cells = [data.cell(v) for v in tg_row]
    assert cells[5] == data.Cell("нет данных у\u00a0сети", kind="na")  # views
    assert (cells[9].text, cells[9].mark) == ("2", "подсчёт Вестника")  # comments
    total = [data.cell(v) for v in accounts.rows[-1]]
    assert total[9].mark == "в т. ч. подсчёт Вестника"
    assert all(c.text != "—" for c in cells[2:10])

    html = pdf.render_html(report)
    assert "нет данных у\u00a0сети" in html and "подсчёт Вестника</small>" in html

    content, _ = formats.render(report, "docx")
    texts = [c.text for t in Document(io.BytesIO(content)).tables
             for r in t.rows for c in r.cells]  # fmt: skip
    assert "нет данных у\u00a0сети" in texts and "2\nподсчёт Вестника" in texts

    content, _ = formats.render(report, "xlsx")
    sheet = load_workbook(io.BytesIO(content))["1"]
    row = next(r for r in sheet.iter_rows() if r[0].value == "Telegram")
    assert row[5].value == "нет данных у сети"
    assert row[9].value == 2 and "подсчёт Вестника" in row[9].number_format
    # The change keeps its sign as a number; «−» is quoted, as a format's literal.
    assert (row[3].value, row[3].number_format) == (-10, '+#,##0;"−"#,##0;0')


def test_a_networks_sum_follows_its_own_accounts(november, piece_page):
    """Two VK accounts: their «все аккаунты» row comes right under them (in bold),
    not after another network's, so the department reads each network as a block."""
    second = factories.account(name="Минсоц: второй", external_id="1002")
    factories.tracked(piece_page, second, NOV, views=(50,), likes=(1,), remote="8")
    factories.audience(second, NOV, [300, 310])
    accounts = data.build("2026-11", now=NOW).tables[0]
    names = [(str(r[0]), str(r[1])) for r in accounts.rows]
    vk_rows = [i for i, (network, _) in enumerate(names) if network == "ВКонтакте"]
    assert len(vk_rows) == 3 and vk_rows == list(range(vk_rows[0], vk_rows[0] + 3))
    assert names[vk_rows[-1]][1] == "все аккаунты"
    assert accounts.strong == {vk_rows[-1], len(names) - 1}
    assert names[-1][0] == "Итого"


@pytest.fixture
def notices(november):
    """Three accounts added in November, one 10-day report in each state on the
    day the report is taken (NOW, 7 December): sent, overdue, still in time."""
    vk, tg = november
    ok = factories.account("ok", "Минсоц в Одноклассниках", "ok1")
    AccountChange.objects.filter(account=ok).update(
        at=datetime(2026, 11, 28, 3, 0, tzinfo=UTC)
    )
    for account, day, sent in (
        (vk, date(2026, 11, 10), date(2026, 11, 18)),
        (tg, date(2026, 11, 10), None),
        (ok, date(2026, 11, 28), None),
    ):
        ReportObligation.objects.create(
            account=account, event="created", event_date=day,
            due_on=day + timedelta(days=10), reported_on=sent,
        )  # fmt: skip
    return {
        vk.name: "направлено вовремя, 18.11.2026",
        tg.name: "не направлено, срок истёк 20.11.2026",
        ok.name: "ещё не направлено, срок\xa0— 08.12.2026",  # the dash stays
    }


NOTICE = "Уведомление (10\xa0дней)"  # «10» never ends a line


def test_register_table_states_each_10_day_report(notices):
    """The official report's register table has the 10-day report's column, in the
    period view's words as of the day the report is taken, in all three formats."""
    report = data.build("2026-11", now=NOW)
    register = report.tables[3]
    assert register.headings[-1] == NOTICE
    assert {row[1]: row[-1] for row in register.rows} == notices
    assert "в течение 10 дней" in register.note

    content, _ = formats.render(report, "xlsx")
    sheet = load_workbook(io.BytesIO(content))["4"]
    assert sheet.cell(2, 6).value == NOTICE
    assert {r[1].value: r[5].value for r in sheet.iter_rows(min_row=3, max_col=6)
            if r[1].value} == notices  # fmt: skip

    content, _ = formats.render(report, "docx")
    table = next(
        t
        for t in Document(io.BytesIO(content)).tables
        if t.rows[0].cells[-1].text == NOTICE
    )
    assert {r.cells[1].text: r.cells[5].text for r in table.rows[1:]} == notices

    # Taken on 15 November, Telegram's report was still in time.
    early = data.build("2026-11", now=datetime(2026, 11, 15, 3, 0, tzinfo=UTC))
    words = {row[1]: row[-1] for row in early.tables[3].rows}
    assert words["Минсоц в Telegram"] == "ещё не направлено, срок\xa0— 20.11.2026"


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_pdf_register_table_fits_the_page(notices, tmp_path):
    """Six columns on A4 (November's additions, December's deletion with its long
    «Что изменилось»): every word of the table lies inside the right margin
    (10 mm); a network's name and the report's state are never hyphenated."""
    words = set()
    for month in ("2026-11", "2026-12"):
        path = tmp_path / f"{month}.pdf"
        path.write_bytes(formats.render(data.build(month, now=NOW), "pdf")[0])
        boxes = subprocess.run(
            ["pdftotext", "-bbox", str(path), "-"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        page_width = float(re.search(r'<page width="([\d.]+)"', boxes)[1])
        right = [float(x) for x in re.findall(r'xMax="([\d.]+)"', boxes)]
        assert max(right) <= page_width - 10 / 25.4 * 72 + 1, month
        words |= set(re.findall(r">([^<]+)</word>", boxes))
    for word in ("Уведомление", "Одноклассники", "направлено", "вовремя,",
                 "18.11.2026", "20.11.2026", "08.12.2026", "истёк"):  # fmt: skip
        assert word in words, word
