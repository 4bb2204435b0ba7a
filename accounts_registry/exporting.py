"""Export of the register as CSV (machine codes, re-importable by ``registry import``) or
XLSX (Russian headers and labels, for people). Credentials are never exported: only their
type, dates and health."""

import csv
import datetime
import io

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from cms.spreadsheets import csv_row, xlsx_append

from .models import Account
from .restricted import legal_warning

IMPORT_COLUMNS = [
    "network",
    "name",
    "url",
    "external_id",
    "status",
    "created_on",
    "deleted_on",
    "responsible",
    "purpose",
]
EXTRA_COLUMNS = [
    "kind",
    "verified",
    "subscribers",
    "owner_2fa",
    "admins_2fa",
    "widget_report_problem",
    "widget_give_opinion",
    "credential_type",
    "credential_set_at",
    "credential_expires_at",
    "health",
    "health_checked_at",
    "notes",
]
COLUMNS = IMPORT_COLUMNS + EXTRA_COLUMNS


def _raw(account: Account, name: str):
    value = getattr(account, name)
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        if hasattr(value, "tzinfo") and value.tzinfo is not None:
            value = timezone.localtime(value)
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _label(account: Account, name: str):
    """The value as a person reads it: words for codes, dates as dates."""
    field = Account._meta.get_field(name)
    value = getattr(account, name)
    if name == "credential_type":
        return account.credential_kind
    if field.choices:
        return getattr(account, f"get_{name}_display")()
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        return timezone.localtime(value).replace(tzinfo=None)
    return value if value is not None else ""


def export_csv(accounts) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for account in accounts:
        # A name or purpose starting with "=" is text, never a formula (issue 12.3).
        writer.writerow(csv_row(_raw(account, name) for name in COLUMNS))
    # UTF-8 with BOM so that spreadsheet programs read Cyrillic correctly.
    return out.getvalue().encode("utf-8-sig")


# Russian spreadsheet formats (the file carries them, whatever the reader's locale).
DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
# Column widths in characters: as wide as the longest value, within these bounds; long
# texts (purpose, notes) wrap inside the widest.
MIN_WIDTH, MAX_WIDTH = 8, 50


def export_xlsx(accounts) -> bytes:
    """The register for people: Russian headings with a filter on each, the heading row
    and the network and name columns frozen, dates as dates in the Russian format,
    codes in words, columns as wide as their content."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Register")
    headings = [str(capfirst(Account._meta.get_field(n).verbose_name)) for n in COLUMNS]
    sheet.append(headings)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    widths = [len(h) for h in headings]
    for account in accounts:
        row = [_label(account, name) for name in COLUMNS]
        if account.is_restricted:
            row[-1] = f"{row[-1]} {restricted_warning()}".strip()
        xlsx_append(sheet, row)  # no cell is a formula (issue 12.3)
        for index, (cell, value) in enumerate(
            zip(sheet[sheet.max_row], row, strict=True)
        ):
            if isinstance(value, datetime.datetime):
                cell.number_format = DATETIME_FORMAT
                length = len(DATETIME_FORMAT)
            elif isinstance(value, datetime.date):
                cell.number_format = DATE_FORMAT
                length = len(DATE_FORMAT)
            else:
                length = max((len(line) for line in str(value).splitlines()), default=0)
            if length > MAX_WIDTH:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            else:
                cell.alignment = Alignment(vertical="top")
            widths[index] = max(widths[index], length)
    for index, width in enumerate(widths, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = (
            min(max(width, MIN_WIDTH), MAX_WIDTH) + 2
        )
    sheet.auto_filter.ref = sheet.dimensions
    # The heading row and the network and name columns stay in view.
    sheet.freeze_panes = "C2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def restricted_warning() -> str:
    return legal_warning()


FORMATS = {
    "csv": (export_csv, "text/csv; charset=utf-8", "csv"),
    "xlsx": (
        export_xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
    ),
}


def export(accounts, fmt: str) -> tuple[bytes, str, str]:
    """(content, content type, file name) of the register in ``fmt``."""
    writer, content_type, ext = FORMATS[fmt]
    stamp = timezone.localdate().strftime("%Y-%m-%d")
    return writer(accounts), content_type, f"registry-{stamp}.{ext}"
