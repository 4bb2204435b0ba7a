"""The report as DOCX, laid out with the registry letter's own helpers (page,
margins, Times New Roman, letterhead, signature, executor, document metadata), and
the report's tables after the text (12 pt, the wide ones 9 pt so they fit A4)."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from accounts_registry import notification_doc as official

from . import data
from .data import Report, Table
from .letter import letter_for

WIDE = 6  # a table with more columns than this is set smaller


def build_docx(report: Report) -> bytes:
    letter = letter_for(report)
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(v) for v in official.PAGE_MM)
    section.left_margin = Mm(official.MARGINS_MM["left"])
    section.right_margin = Mm(official.MARGINS_MM["right"])
    section.top_margin = Mm(official.MARGINS_MM["top"])
    section.bottom_margin = Mm(official.MARGINS_MM["bottom"])
    official._base_style(document)
    official._letterhead(document, letter)
    official._paragraph(document, "")
    official._paragraph(document, letter.title, bold=True)
    official._paragraph(document, "")
    official._paragraph(document, letter.text, indent=True, justify=True)
    for table in report.tables:
        official._paragraph(document, "")
        official._paragraph(document, table.title, bold=True)
        if table.rows:
            _table(document, table)
        else:
            official._paragraph(document, table.empty, indent=True)
        if table.note:
            official._paragraph(document, table.note, size=official.SMALL_PT)
    official._paragraph(document, "")
    official._paragraph(document, "")
    official._signature(document, letter)
    for _blank in range(3):
        official._paragraph(document, "")
    executor = letter.requisites
    official._paragraph(document, executor.executor_name.strip(), size=12)
    official._paragraph(document, executor.executor_phone.strip(), size=12)
    official._metadata(document, letter)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _table(document, table: Table) -> None:
    size = 9 if len(table.headings) > WIDE else official.TABLE_PT
    grid = document.add_table(rows=1, cols=len(table.headings))
    grid.style = "Table Grid"
    for cell, heading in zip(grid.rows[0].cells, table.headings, strict=True):
        official._cell_text(
            cell, [str(heading)], size=size, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER
        )
    for number, row in enumerate(table.rows):
        strong = number in table.strong
        for cell, value in zip(grid.add_row().cells, row, strict=True):
            shown = data.cell(value)
            right = WD_ALIGN_PARAGRAPH.RIGHT if shown.kind != "text" else None
            small = size - 1 if shown.kind == "na" else size
            official._cell_text(
                cell, [shown.text], size=small, align=right, bold=strong
            )
            if shown.mark:  # under the figure, smaller, as on the screens
                paragraph = cell.add_paragraph()
                paragraph.alignment = right
                paragraph.add_run(shown.mark).font.size = Pt(size - 2)
