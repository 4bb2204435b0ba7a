"""The texts of a saved page and their style score, for the listing and reviewers.

The editor panel sends the texts straight from the form; here we read the
latest revision (the draft a reviewer is asked to approve) instead.
"""

from __future__ import annotations

import html
import re

from django.core.cache import cache

from .checker import check_fields, combined_scores

# Struct blocks of cms/blocks.py whose plain-text children are prose to check.
STRUCT_TEXT_FIELDS = {
    "quote": ("text",),
    "video": ("description",),
    "live": ("description",),
    "contest": ("terms", "how_to_enter"),
    "infographic": ("text_alternative",),
}
_BLOCK_END_RE = re.compile(r"</(p|h[1-6]|li|blockquote)>|<br\s*/?>", re.IGNORECASE)
_TAG_RE = re.compile(r"<[^>]+>")
# A revision never changes, but an id can be reused (SQLite after a deletion, a
# restored database): the creation time makes the key unique.
CACHE_KEY = "voice:page-score:v1:{}:{}"
CACHE_SECONDS = 7 * 24 * 3600


def rich_text_plain(source: str) -> str:
    """Paragraphs and list items of Wagtail's rich text, one per line."""
    text = _TAG_RE.sub("", _BLOCK_END_RE.sub("\n", source or ""))
    return "\n".join(
        line.strip() for line in html.unescape(text).splitlines() if line.strip()
    )


def page_fields(page) -> dict[str, str]:
    """Title, lead and every prose block of a news page, named as the panel names them."""
    fields = {"title": page.title or "", "lead": getattr(page, "lead", "") or ""}
    for index, block in enumerate(getattr(page, "body", None) or []):
        name = f"body-{index}"
        if block.block_type == "text":
            fields[name] = rich_text_plain(block.value.source)
        for child in STRUCT_TEXT_FIELDS.get(block.block_type, ()):
            fields[f"{name}-{child}"] = block.value.get(child) or ""
    return fields


def score_fields(fields: dict[str, str]) -> dict[str, float]:
    return combined_scores(fields, check_fields(fields))


def cache_key(revision_id: int, created_at) -> str:
    return CACHE_KEY.format(revision_id, created_at.timestamp() if created_at else "")


def revision_scores(revision, key: str = "") -> dict[str, float] | None:
    """Scores of one saved revision of a news page, cached by its id."""
    key = key or cache_key(revision.pk, revision.created_at)
    cached = cache.get(key)
    if cached is not None:
        return cached
    page = revision.as_object()
    if not hasattr(page, "lead"):
        return None
    scores = score_fields(page_fields(page))
    cache.set(key, scores, CACHE_SECONDS)
    return scores


def page_scores(page) -> dict[str, float] | None:
    """Scores of the page's latest revision (its draft); None if it has no lead."""
    specific_class = getattr(page, "specific_class", type(page))
    if specific_class is None or not hasattr(specific_class, "lead"):
        return None
    if page.latest_revision_id:
        # The listing's rows carry the id; load the revision only on a cache miss.
        key = cache_key(page.latest_revision_id, page.latest_revision_created_at)
        cached = cache.get(key)
        if cached is not None:
            return cached
        return revision_scores(page.latest_revision, key)
    return score_fields(page_fields(page.specific))
