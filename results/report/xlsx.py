"""The report as XLSX: one sheet per section, figures as numbers so they can be
checked and summed; every text cell goes through the shared formula neutraliser
(cms.spreadsheets, issue 12.3), since titles and names are typed by people."""

from __future__ import annotations

import io
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from cms.spreadsheets import xlsx_append

from . import data
from .data import Figure, Measure, Report

COUNT = "#,##0"
DATE = "DD.MM.YYYY"


def plain(value):
    """A figure stays a number (so it can be summed and sorted); the network's
    missing one says so in words, as on the screens; a share is kept as Excel keeps
    one (0.05 shown «5,0 %»); an empty cell is empty, not an empty text."""
    if isinstance(value, Figure):
        return (
            str(_("no data from the network")) if value.value is None else value.value
        )
    if isinstance(value, Measure):
        if value.value is None:
            return "—"
        return value.value / 100 if value.unit == "percent" else value.value
    return None if value == "" else value


def format_of(value) -> str | None:
    """The cell's number format, or None for text (left as General)."""
    if isinstance(value, Figure):
        return None if value.value is None else number_format(value)
    if isinstance(value, Measure):
        if value.value is None:
            return None
        if value.unit == "percent":
            return "0.0%"
        return f'0.0" {pgettext("hours, after a number", "h")}"'
    if isinstance(value, date):
        return DATE
    if isinstance(value, int | float) and not isinstance(value, bool):
        return COUNT
    return None


def number_format(figure: Figure) -> str:
    """Digits grouped; a sign for a change; Vestnik's own count labelled in the
    cell's format, so the cell still holds the number."""
    base = '+#,##0;"−"#,##0;0' if figure.signed else "#,##0"
    if not figure.mark:
        return base
    return ";".join(f'{part}" ({figure.mark})"' for part in base.split(";"))


def build_xlsx(report: Report) -> bytes:
    book = Workbook()
    cover = book.active
    cover.title = _("Report")
    xlsx_append(cover, [report.title])
    cover["A1"].font = Font(bold=True, size=14)
    xlsx_append(cover, [report.intro])
    for number, table in enumerate(report.tables, start=1):
        sheet = book.create_sheet(f"{number}")
        xlsx_append(sheet, [table.title])
        sheet["A1"].font = Font(bold=True)
        xlsx_append(sheet, table.headings)
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        # Columns as wide as what they show (a share is 0.031… in the cell but
        # «3,1 %» on screen); the title and the note may run over empty cells.
        widths = [len(str(heading)) for heading in table.headings]
        for index, row in enumerate(table.rows):
            xlsx_append(sheet, [plain(value) for value in row])
            for column, value in enumerate(row, start=1):
                cell = sheet.cell(sheet.max_row, column)
                if fmt := format_of(value):
                    cell.number_format = fmt
                if index in table.strong:
                    cell.font = Font(bold=True)
                shown = data.cell(value)
                text = f"{shown.text} ({shown.mark})" if shown.mark else shown.text
                widths[column - 1] = max(widths[column - 1], len(text))
        if not table.rows:
            xlsx_append(sheet, [table.empty])
        if table.note:
            xlsx_append(sheet, [])
            xlsx_append(sheet, [table.note])
        sheet.freeze_panes = "A3"
        for column, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = min(
                max(width + 2, 10), 60
            )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
