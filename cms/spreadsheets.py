"""Spreadsheet exports that cannot run a formula (issue 12.3: formula injection).

Any text a user typed (an account's name, a responsible person, a page title) may start
with ``=``, ``+``, ``-`` or ``@``; a spreadsheet program opening the export would take
it for a formula: ``=HYPERLINK(…)`` sends the reader's data away, a DDE call
(``=cmd|' /C calc'!A0``) starts a program. Every export goes through this module:

* XLSX: such a cell is written as text (never an ``<f>`` formula element) with the
  «quote prefix» style, so Excel and LibreOffice show exactly what was typed and keep
  it text when the cell is edited.
* CSV has no types: such a cell gets a leading apostrophe (OWASP's advice), which
  spreadsheet programs show as text. ``csv_value`` undoes it, so an export read back
  (``registry import``) gives the text that was exported.

Plain numbers (``-5``, ``+7``, ``-123456`` as VK writes a community's id) are left as
they are: a spreadsheet reads them as numbers, not formulas.

Wagtail's own exports (every listing's «Download CSV/XLSX», the admin reports) go through
``SpreadsheetExportMixin``; ``install_export_guard`` makes its CSV rows and its XLSX
cells neutral the same way, so a report built on it later is safe without more code.
"""

from __future__ import annotations

import re

from wagtail.admin.views.mixins import SpreadsheetExportMixin

# A formula starts with one of these; tab, CR and LF can push a formula past a naive
# check in some programs. The full-width forms are read as the ASCII ones by Excel in
# East Asian locales.
FORMULA_STARTS = frozenset("=+-@\t\r\n＝＋－＠")
NEUTRALISER = "'"
NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def is_formula_like(value) -> bool:
    """``value`` is text a spreadsheet program would take for a formula."""
    if not isinstance(value, str) or not value:
        return False
    stripped = value.lstrip(" \u00a0")
    if not stripped or stripped[0] not in FORMULA_STARTS:
        return False
    return not NUMBER.fullmatch(value.strip())


def csv_cell(value):
    """``value`` as a CSV cell that no spreadsheet program evaluates."""
    if is_formula_like(value):
        return NEUTRALISER + value
    return value


def csv_row(values) -> list:
    return [csv_cell(value) for value in values]


def csv_value(cell: str) -> str:
    """The text ``csv_cell`` was given: a CSV reader's inverse of the neutraliser."""
    if cell.startswith(NEUTRALISER) and is_formula_like(cell[1:]):
        return cell[1:]
    return cell


def neutralise_xlsx_cell(cell, value) -> None:
    """Make ``cell`` (holding ``value``) show ``value`` as text, never a formula."""
    if is_formula_like(value):
        cell.value = value
        cell.data_type = "s"
        cell.quotePrefix = True


def xlsx_append(sheet, values) -> None:
    """``sheet.append(values)`` for a normal (not write-only) openpyxl worksheet."""
    values = list(values)
    sheet.append(values)
    row = sheet.max_row
    for column, value in enumerate(values, start=1):
        if is_formula_like(value):
            neutralise_xlsx_cell(sheet.cell(row=row, column=column), value)


def install_export_guard() -> None:
    """Neutralise Wagtail's ``SpreadsheetExportMixin`` (listings' and reports' exports).

    Wagtail 8 writes a would-be formula as an XLSX string but without the quote prefix
    (it turns into a formula when the cell is edited), and writes CSV cells as they
    are."""
    if getattr(SpreadsheetExportMixin, "_vestnik_neutralised", False):
        return
    original_row = SpreadsheetExportMixin.generate_xlsx_row

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for cell in original_row(self, worksheet, row_dict, date_format):
            if is_formula_like(cell.value):
                neutralise_xlsx_cell(cell, cell.value)
            yield cell

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: csv_cell(
                    self.preprocess_field_value(field, value, self.FORMAT_CSV)
                )
                for field, value in row_dict.items()
            }
        )

    SpreadsheetExportMixin.generate_xlsx_row = generate_xlsx_row
    SpreadsheetExportMixin.write_csv_row = write_csv_row
    SpreadsheetExportMixin._vestnik_neutralised = True
