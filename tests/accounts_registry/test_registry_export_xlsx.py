"""The register's XLSX for people (issue 15): column widths, a header row with a filter,
frozen panes, dates as dates in the Russian format, codes in words."""

import datetime
import io

import pytest
from openpyxl import load_workbook

from accounts_registry.exporting import COLUMNS, export_xlsx
from accounts_registry.models import Account

pytestmark = pytest.mark.django_db


def test_xlsx_is_a_spreadsheet_a_person_can_read(account):
    account.created_on = datetime.date(2026, 3, 2)
    account.purpose = "Новости министерства, ответы на вопросы жителей. " * 4
    account.save()
    Account.objects.create(network="ok", name="ОК", external_id="5", status="planned")
    sheet = load_workbook(io.BytesIO(export_xlsx(Account.objects.all()))).active

    assert sheet.freeze_panes == "C2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(COLUMNS)).column_letter}3"
    headings = [c.value for c in sheet[1]]
    assert headings[:5] == [
        "Соцсеть",
        "Название",
        "Адрес (URL)",
        "Внешний идентификатор",
        "Статус",
    ]
    assert all(c.font.bold for c in sheet[1])

    rows = {row[1].value: row for row in sheet.iter_rows(min_row=2)}
    vk = rows["Минсоцзащиты Кузбасса"]
    created = vk[COLUMNS.index("created_on")]
    assert created.is_date and created.number_format == "DD.MM.YYYY"
    assert created.value.date() == datetime.date(2026, 3, 2)
    set_at = vk[COLUMNS.index("credential_set_at")]
    assert set_at.is_date and set_at.number_format == "DD.MM.YYYY HH:MM"
    assert vk[COLUMNS.index("status")].value == "действует"
    assert rows["ОК"][COLUMNS.index("status")].value == "планируется"
    assert vk[COLUMNS.index("credential_type")].value == "ключ сообщества"
    assert vk[COLUMNS.index("verified")].value == "нет"

    widths = {
        name: sheet.column_dimensions[sheet.cell(1, i + 1).column_letter].width
        for i, name in enumerate(COLUMNS)
    }
    assert widths["name"] >= len("Минсоцзащиты Кузбасса")
    assert widths["created_on"] >= len("DD.MM.YYYY")
    assert widths["purpose"] <= 52  # long text wraps instead of a mile-wide column
    assert vk[COLUMNS.index("purpose")].alignment.wrap_text
