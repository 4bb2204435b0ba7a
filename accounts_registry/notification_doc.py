"""The notification to the regional media department (order, item 2): a letter listing
each account created or deleted with its network, name, URL and date. Produced as DOCX
(python-docx) and as a printable HTML page from the same rows."""

import io
from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass
class Row:
    number: int
    event: str
    network: str
    name: str
    url: str
    date: str


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
    return [_("No."), _("Event"), _("Network"), _("Account"), _("Address"), _("Date")]


def title() -> str:
    return _("On the accounts created and deleted in social networks")


def intro() -> str:
    return _(
        "Pursuant to item 2 of the order on creating and keeping the ministry's accounts "
        "in social networks, we inform you of the following accounts created or deleted:"
    )


def build_docx(obligations, number: str = "", date: str = "") -> bytes:
    from docx import Document
    from docx.shared import Pt

    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(12)
    if number or date:
        document.add_paragraph(
            _("Outgoing No. %(number)s of %(date)s") % {"number": number, "date": date}
        )
    document.add_paragraph(_("To the main media department of the Administration"))
    document.add_heading(title(), level=1)
    document.add_paragraph(intro())
    rows = rows_for(obligations)
    table = document.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headings(), strict=True):
        cell.text = text
    for row in rows:
        cells = table.add_row().cells
        values = [str(row.number), row.event, row.network, row.name, row.url, row.date]
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
