"""The report's formats: name -> (builder, content type, file extension)."""

from __future__ import annotations

from .data import Report
from .docx import build_docx
from .pdf import build_pdf
from .xlsx import build_xlsx

FORMATS = {
    "docx": (
        build_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "pdf": (build_pdf, "application/pdf"),
    "xlsx": (
        build_xlsx,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}


def render(report: Report, fmt: str) -> tuple[bytes, str]:
    builder, content_type = FORMATS[fmt]
    return builder(report), content_type


def filename(month: str, fmt: str) -> str:
    return f"vestnik-report-{month}.{fmt}"
