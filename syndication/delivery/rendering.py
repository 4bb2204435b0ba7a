"""The delivery's piece and its render for the account: the CPU-bound half of a send,
read by the prepare step and by the Telegraph full-text page (``full_text.py``)."""

from __future__ import annotations

import threading

from syndication.models import Delivery, PageSyndication
from syndication.networks import get_network
from syndication.render.page_reader import piece_from_page

_pieces: dict[tuple, object] = {}
_pieces_lock = threading.Lock()
PIECE_CACHE_SIZE = 32


def piece_of(delivery: Delivery):
    """The Piece of the delivery's revision. A revision never changes, so a fan-out
    to many accounts reads and parses the page once per process, not once per
    account (it is the CPU-heavy part of a send)."""
    revision = delivery.revision
    # The creation time guards against ids reused by a database that was rolled back.
    key = (revision.pk, revision.created_at) if revision else None
    with _pieces_lock:
        piece = _pieces.get(key) if key else None
    if piece is None:
        piece = piece_from_page(delivery.page.specific, revision=delivery.revision)
        if key:
            with _pieces_lock:
                if len(_pieces) >= PIECE_CACHE_SIZE:
                    _pieces.pop(next(iter(_pieces)))
                _pieces[key] = piece
    return piece


def render_post(delivery: Delivery, full_text_url: str = ""):
    """The delivery's post; ``full_text_url``: where a text too long for one message
    can be read in full (a Telegram account's Telegraph page, ``full_text.py``)."""
    piece = piece_of(delivery)
    choice = PageSyndication.objects.filter(page_id=delivery.page_id).first()
    options = choice.options_for(delivery.account.network) if choice else {}
    if full_text_url:
        options["full_text_url"] = full_text_url
    return get_network(delivery.account.network).render(
        piece, delivery.account, options
    )


def summarize(delivery: Delivery, post=None, deduplicated=False) -> dict:
    """What was asked, for the log: methods, sizes, media kinds. Never credentials."""
    summary: dict = {"network": delivery.account.network, "action": delivery.action}
    if deduplicated:
        summary["idempotency_key"] = str(delivery.idempotency_key)
    if post is not None:
        summary["messages"] = [
            {
                "method": m.method,
                "text_length": len(m.text or ""),
                "attachments": [a.kind for a in m.attachments],
            }
            for m in post.messages
        ]
        summary["warnings"] = post.warning_kinds()
    if delivery.origin_id:
        summary["remote_ids"] = (delivery.origin.remote_ref or {}).get("ids", [])
    return summary
