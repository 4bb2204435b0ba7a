"""A Piece as the clean HTML of Dzen's ``content:encoded``.

Only the tags Dzen's RSS import accepts (see the NOTES in ``dzen.py``: the list of a
2026 Dzen feed plugin, which turns ``br`` into paragraphs, so ``br`` is not kept; the
writer never emits it). Every item of the Piece gets a form in
``syndication.render.article_html``, so nothing is dropped. The result always passes
through the sanitiser (``syndication.render.sanitize``), so a rich-text surprise can
never reach Dzen as script or style.
"""

from __future__ import annotations

from html import escape

from django.utils import translation

from syndication import content as c
from syndication.render.article_html import HtmlWriter
from syndication.render.sanitize import HtmlSubset

ALLOWED_TAGS = frozenset(
    {
        "p",
        "a",
        "b",
        "i",
        "u",
        "s",
        "h1",
        "h2",
        "h3",
        "h4",
        "blockquote",
        "ul",
        "ol",
        "li",
        "figure",
        "img",
        "figcaption",
    }
)
ALLOWED_ATTRIBUTES = {"a": ["href"], "img": ["src", "alt"]}
ALLOWED_PROTOCOLS = ["http", "https", "mailto"]


SUBSET = HtmlSubset(ALLOWED_TAGS, ALLOWED_ATTRIBUTES, ALLOWED_PROTOCOLS)


def sanitize(markup: str) -> str:
    return SUBSET.clean(markup)


def piece_html(piece: c.Piece, language: str = "ru") -> str:
    """The full article: the lead, then every block in order, sanitised."""
    with translation.override(language):
        parts = [f"<p>{escape(piece.lead)}</p>"] if piece.lead else []
        parts += [HtmlWriter(piece.url).block(block) for block in piece.blocks]
    return sanitize("".join(parts))
