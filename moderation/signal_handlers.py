"""Receivers of syndication's signals. Connected in ``ModerationConfig.ready``."""

from __future__ import annotations

import logging

from . import ingest
from .incoming import incoming_from_remote

logger = logging.getLogger(__name__)


def on_comment_received(sender, account=None, comment=None, raw=None, **kwargs):
    """A network module saw a comment (polling, long poll, its own webhook): store it."""
    if account is None or comment is None:
        logger.warning("comment_received from %s without account or comment", sender)
        return None
    incoming = incoming_from_remote(comment, raw)
    item, _ = ingest.store(account, incoming)
    return item
