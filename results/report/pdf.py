"""The report as PDF: results/report.html (the registry letter's letterhead and style
sheet, then the report's tables) laid out by WeasyPrint, with the fonts installed on
the server (no web fonts are fetched)."""

from __future__ import annotations

from django.template.loader import render_to_string

from .data import Report
from .letter import letter_for


def render_html(report: Report) -> str:
    context = {"report": report, "letter": letter_for(report)}
    return render_to_string("results/report.html", context)


def build_pdf(report: Report) -> bytes:
    # Imported here: WeasyPrint loads Pango and fonts, which only this path needs.
    from weasyprint import HTML

    return HTML(string=render_html(report)).write_pdf()
