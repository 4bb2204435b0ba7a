"""The notification to the regional media department (order, item 2) as an official letter
(ГОСТ Р 7.0.97-2016): the sender's name and details, date and outgoing number, addressee,
title, text, the table of accounts created or deleted, the signature block and the
executor. One ``Letter`` feeds three forms: DOCX (python-docx, editable), the printable
page and the PDF (WeasyPrint, from the same HTML template as the page).

The requisites are data (``LetterRequisites``), never code.
"""

from __future__ import annotations

import datetime
import io
import logging
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .requisites import LetterRequisites

# The page (ГОСТ Р 7.0.97-2016, 5.1 and 5.2): A4, margins 20 mm left, 10 mm right,
# 20 mm top and bottom; Times New Roman 14, 12 in the table; single spacing; paragraph
# indent 1.25 cm.
PAGE_MM = (210, 297)
MARGINS_MM = {"left": 20, "right": 10, "top": 20, "bottom": 20}
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
FONT = "Times New Roman"
TEXT_PT = 14
TABLE_PT = 12
SMALL_PT = 10
INDENT_MM = 12.5
# The letterhead's corner block and the addressee beside it.
SENDER_MM = 85
ADDRESSEE_MM = TEXT_WIDTH_MM - SENDER_MM
# The table's columns, wide enough for their longest word at 12 pt («Одноклассники»,
# «Наименование», a date), so nothing is split inside a word; they add up to the text
# width.
COLUMNS_MM = (10, 32, 34, 46, 36, 22)
LANGUAGE = "ru-RU"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# WeasyPrint logs each of its seven steps at INFO for every PDF.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


@dataclass
class Row:
    number: int
    event: str
    network: str
    name: str
    url: str
    date: str


@dataclass
class Letter:
    requisites: LetterRequisites
    rows: list[Row]
    title: str
    text: str
    number: str = ""
    date: str = ""
    created: datetime.datetime = field(default_factory=timezone.now)

    @property
    def headings(self) -> list[str]:
        return headings()

    @property
    def columns_mm(self) -> tuple[int, ...]:
        return COLUMNS_MM

    @property
    def organisation_details(self) -> list[str]:
        return _lines(self.requisites.organisation_details)

    @property
    def addressee(self) -> list[str]:
        return _lines(self.requisites.addressee)

    @property
    def author(self) -> str:
        return self.requisites.organisation.strip()

    @property
    def date_and_number(self) -> str:
        """«07.12.2026 № 01-12/345», or lines to fill in by hand on a draft."""
        blank = "_" * 12
        return f"{self.date or blank} № {self.number or blank}"


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def rows_for(obligations) -> list[Row]:
    rows = []
    for i, ob in enumerate(obligations, start=1):
        account = ob.account
        rows.append(
            Row(
                number=i,
                event=str(ob.get_event_display()),
                network=str(account.get_network_display()),
                name=account.name,
                url=account.url or account.external_id,
                date=ob.event_date.strftime("%d.%m.%Y"),
            )
        )
    return rows


def headings() -> list[str]:
    return [
        _("No."),
        _("Event"),
        _("Social network"),
        _("Account name"),
        _("Address"),
        _("Date"),
    ]


def title(obligations) -> str:
    """«О создании аккаунта в социальной сети», «Об удалении аккаунтов…», «О создании
    и удалении аккаунтов…»: what the letter is about, in the number it lists."""
    events = {ob.event for ob in obligations}
    many = len(obligations) != 1
    if events == {"created"}:
        if many:
            return _("On the creation of accounts in social networks")
        return _("On the creation of an account in a social network")
    if events == {"deleted"}:
        if many:
            return _("On the deletion of accounts in social networks")
        return _("On the deletion of an account in a social network")
    return _("On the creation and deletion of accounts in social networks")


def text(obligations, basis: str) -> str:
    subject = title(obligations)
    # The title's words after «сообщаем»: «о создании аккаунтов в социальных сетях».
    subject = subject[:1].lower() + subject[1:]
    if basis.strip():
        return _("In accordance with %(basis)s, we inform you %(subject)s:") % {
            "basis": basis.strip(),
            "subject": subject,
        }
    return _("We inform you %(subject)s:") % {"subject": subject}


def build_letter(obligations, number: str = "", date: str = "") -> Letter:
    obligations = list(obligations)
    requisites = LetterRequisites.load()
    return Letter(
        requisites=requisites,
        rows=rows_for(obligations),
        title=title(obligations),
        text=text(obligations, requisites.basis),
        number=number,
        date=date,
    )


# --- PDF and the printable page ------------------------------------------------------


def render_html(letter: Letter) -> str:
    """The letter as a standalone HTML page (the printable page and the PDF's source)."""
    return render_to_string("accounts_registry/letter.html", {"letter": letter})


def build_pdf(letter: Letter) -> bytes:
    """The PDF, laid out by WeasyPrint from the printable page's template; Cyrillic
    needs a Times-compatible font installed (Debian: fonts-liberation, README)."""
    # Inside: WeasyPrint loads Pango and fonts (seconds), which only a PDF needs.
    from weasyprint import HTML

    return HTML(string=render_html(letter)).write_pdf()


# --- DOCX ------------------------------------------------------------------------------


def build_docx(letter: Letter) -> bytes:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    _base_style(document)

    _letterhead(document, letter)
    _paragraph(document, "")
    _paragraph(document, letter.title, bold=True)
    _paragraph(document, "")
    _paragraph(document, letter.text, indent=True, justify=True)
    _paragraph(document, "")
    _table(document, letter)
    _paragraph(document, "")
    _paragraph(document, "")
    _signature(document, letter)
    for _blank in range(3):
        _paragraph(document, "")
    _paragraph(document, letter.requisites.executor_name.strip(), size=TABLE_PT)
    _paragraph(document, letter.requisites.executor_phone.strip(), size=TABLE_PT)

    _metadata(document, letter)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _base_style(document) -> None:
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(TEXT_PT)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    paragraph = style.paragraph_format
    paragraph.space_before = paragraph.space_after = Pt(0)
    paragraph.line_spacing = 1.0
    # The document's language (spell checking, hyphenation): the template's default is
    # en-US, in the document defaults every style inherits.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run_defaults.find(qn("w:lang"))
    if lang is None:
        lang = run_defaults.makeelement(qn("w:lang"), {})
        run_defaults.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), LANGUAGE)
    for run_fonts in run_defaults.findall(qn("w:rFonts")):
        for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            run_fonts.set(qn(attribute), FONT)
        for attribute in (
            "w:asciiTheme",
            "w:hAnsiTheme",
            "w:eastAsiaTheme",
            "w:cstheme",
        ):
            run_fonts.attrib.pop(qn(attribute), None)


def _paragraph(
    container,
    content: str,
    *,
    bold=False,
    size=None,
    indent=False,
    justify=False,
    align=None,
):
    paragraph = container.add_paragraph()
    if content:
        run = paragraph.add_run(content)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
    if indent:
        paragraph.paragraph_format.first_line_indent = Mm(INDENT_MM)
    if justify:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    elif align is not None:
        paragraph.alignment = align
    return paragraph


def _fixed_table(document, widths_mm, rows: int):
    table = document.add_table(rows=rows, cols=len(widths_mm))
    table.autofit = False
    properties = table._tbl.tblPr
    layout = properties.makeelement(qn("w:tblLayout"), {qn("w:type"): "fixed"})
    properties.append(layout)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    return table


def _cell_text(cell, lines, *, size=None, bold=False, align=None) -> None:
    """Fill a cell with one paragraph per line (the cell's first paragraph reused)."""
    first = True
    for line in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        run = paragraph.add_run(line)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
        if align is not None:
            paragraph.alignment = align


def _letterhead(document, letter: Letter) -> None:
    """The corner letterhead (name, details, date and number) and the addressee beside
    it, in a table without borders."""
    table = _fixed_table(document, (SENDER_MM, ADDRESSEE_MM), rows=1)
    sender, addressee = table.rows[0].cells
    centre = WD_ALIGN_PARAGRAPH.CENTER
    _cell_text(sender, [letter.author or " "], size=TABLE_PT, bold=True, align=centre)
    _cell_text(sender, letter.organisation_details, size=SMALL_PT, align=centre)
    sender.add_paragraph()
    _cell_text(sender, [letter.date_and_number], size=TABLE_PT, align=centre)
    _cell_text(addressee, letter.addressee or [" "])


def _table(document, letter: Letter) -> None:
    table = _fixed_table(document, COLUMNS_MM, rows=1)
    table.style = "Table Grid"
    header = table.rows[0]
    # The heading row repeats on every page of a long list.
    header._tr.get_or_add_trPr().append(
        header._tr.makeelement(qn("w:tblHeader"), {qn("w:val"): "true"})
    )
    for cell, heading in zip(header.cells, letter.headings, strict=True):
        _cell_text(
            cell, [heading], size=TABLE_PT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER
        )
    for row in letter.rows:
        cells = table.add_row().cells
        values = [str(row.number), row.event, row.network, row.name, row.url, row.date]
        for i, (cell, value) in enumerate(zip(cells, values, strict=True)):
            cell.width = table.columns[i].width
            centred = i in (0, len(values) - 1)
            _cell_text(
                cell,
                [value],
                size=TABLE_PT,
                align=WD_ALIGN_PARAGRAPH.CENTER if centred else None,
            )


def _signature(document, letter: Letter) -> None:
    """The position at the left margin, «И.О. Фамилия» at the right one, on the
    position's last line."""
    position_mm = 110
    table = _fixed_table(document, (position_mm, TEXT_WIDTH_MM - position_mm), rows=1)
    position, name = table.rows[0].cells
    _cell_text(position, [letter.requisites.signatory_position.strip() or " "])
    _cell_text(
        name,
        [letter.requisites.signatory_name.strip() or " "],
        align=WD_ALIGN_PARAGRAPH.RIGHT,
    )
    name.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.BOTTOM


def _metadata(document, letter: Letter) -> None:
    """The document's own properties: python-docx's template says it was created in
    2013 by «python-docx» on «Microsoft Macintosh Word», with an unrelated thumbnail."""
    properties = document.core_properties
    properties.title = letter.title
    properties.subject = letter.title
    properties.author = letter.author
    properties.last_modified_by = letter.author
    properties.comments = ""
    properties.keywords = ""
    properties.category = ""
    properties.language = LANGUAGE
    properties.created = properties.modified = letter.created.astimezone(datetime.UTC)
    properties.revision = 1
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rel_id)
        elif rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = _extended_properties(letter).encode("utf-8")


def _extended_properties(letter: Letter) -> str:
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties">'
        "<Application>Vestnik</Application>"
        f"<Company>{escape(letter.author)}</Company>"
        "</Properties>"
    )
