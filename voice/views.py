"""The JSON endpoint behind the editor's «Стиль» panel.

POST ``{"fields": {"title": "...", "lead": "...", "body-0": "..."}}`` (plain text;
``"offsets": "utf16"`` asks for JavaScript string offsets) and get back the
scores of each field and of the whole piece, with every finding and its verified
one-click fixes (text to put in place of a span, already inflected). Mounted through
``register_admin_urls``, so Wagtail requires a logged-in user with admin access;
Django's CSRF middleware checks the ``X-CSRFToken`` header.
"""

from __future__ import annotations

import json
import re

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import conf
from .checker import Finding, Report, category_names, check_fields, combined_scores
from .checker.findings import Fix
from .checker.rules import load_rulebook

_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")
MAX_FIELDS = 500
MAX_NAME_LENGTH = 200


def category_labels() -> dict[str, str]:
    """Display names, and under ``<slug>:kind`` which score each category lowers."""
    labels = dict(category_names())
    for slug, category in load_rulebook().categories.items():
        labels[f"{slug}:kind"] = category.score
    return labels


def utf16_offset(text: str, index: int) -> int:
    # JavaScript counts UTF-16 code units: a character outside the BMP counts twice.
    return index + len(_ASTRAL_RE.findall(text, 0, index))


def _offsets(text: str, start: int, end: int, utf16: bool) -> tuple[int, int]:
    if utf16 and _ASTRAL_RE.search(text):
        return utf16_offset(text, start), utf16_offset(text, end)
    return start, end


def fix_payload(text: str, fix: Fix, utf16: bool) -> dict:
    """One button: put ``text`` in place of ``replaces`` (offsets start–end)."""
    start, end = _offsets(text, fix.start, fix.end, utf16)
    return {
        "start": start,
        "end": end,
        "replaces": text[fix.start : fix.end],
        "text": fix.text,
        "removes": fix.removes,
        "removed": removed_words(text[fix.start : fix.end], fix) if fix.removes else "",
    }


def removed_words(replaces: str, fix: Fix) -> str:
    """What a removal takes out, for its button and its undo message. A removal may
    span the next word to give it the capital («Уведомляем, что с 1 января» → «С 1
    января»): the button says «Убрать «Уведомляем, что»», not just the marked word."""
    kept = fix.text.strip()
    if kept and replaces.lower().endswith(kept.lower()):
        replaces = replaces[: len(replaces) - len(kept)]
    elif kept and replaces.lower().startswith(kept.lower()):
        replaces = replaces[len(kept) :]
    return replaces.strip(" ,")


def finding_payload(
    text: str, finding: Finding, names: dict[str, str], utf16: bool
) -> dict:
    start, end = _offsets(text, finding.start, finding.end, utf16)
    return {
        "start": start,
        "end": end,
        "text": text[finding.start : finding.end],
        "category": finding.category,
        "category_name": names.get(finding.category, finding.category),
        # Which score the finding lowers: the panel marks the two kinds differently.
        "kind": names.get(f"{finding.category}:kind", "clarity"),
        "hint": finding.hint,
        # Already in the form this place needs; each fix is one button.
        "suggestion": finding.suggestion,
        "fixes": [fix_payload(text, fix, utf16) for fix in finding.fixes],
    }


def report_payload(text: str, report: Report, names: dict, utf16: bool) -> dict:
    return {
        "clarity": report.clarity,
        "readability": report.readability,
        "words": report.words,
        "findings": [finding_payload(text, f, names, utf16) for f in report.findings],
    }


def check_payload(fields: dict[str, str], utf16: bool = False) -> dict:
    """Per-field reports plus the scores of the piece as a whole."""
    reports = check_fields(fields, fixes=True)
    names = category_labels()
    overall = combined_scores(fields, reports)
    threshold = conf.clarity_warn_below()
    return {
        "clarity": overall["clarity"],
        "readability": overall["readability"],
        "words": sum(r.words for r in reports.values()),
        "warn_below": threshold,
        "warn": overall["clarity"] < threshold,
        "fields": {
            name: report_payload(fields[name], report, names, utf16)
            for name, report in reports.items()
        },
    }


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def parse_fields(body: bytes) -> tuple[dict[str, str] | None, bool, str]:
    """The fields of a request body, whether UTF-16 offsets are wanted, or an error."""
    try:
        payload = json.loads(body or b"null")
    except (ValueError, UnicodeDecodeError):
        return None, False, _("The request is not valid JSON.")
    fields = payload.get("fields") if isinstance(payload, dict) else None
    if not isinstance(fields, dict) or len(fields) > MAX_FIELDS:
        return None, False, _("Send the texts as an object under “fields”.")
    for name, text in fields.items():
        if len(name) > MAX_NAME_LENGTH or not isinstance(text, str | None):
            return None, False, _("Every field must be a text.")
    clean = {name: text or "" for name, text in fields.items()}
    return clean, payload.get("offsets") == "utf16", ""


@require_POST
def check_view(request):
    if len(request.body) > 4 * conf.max_chars() + 65_536:  # UTF-8 and JSON escapes
        return _error(_("The text is too long to check."), 413)
    fields, utf16, error = parse_fields(request.body)
    if fields is None:
        return _error(error, 400)
    if sum(len(text) for text in fields.values()) > conf.max_chars():
        return _error(_("The text is too long to check."), 413)
    return JsonResponse(
        check_payload(fields, utf16=utf16), json_dumps_params={"ensure_ascii": False}
    )
