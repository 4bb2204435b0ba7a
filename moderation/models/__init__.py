"""Models of the moderation inbox (split by concern; import from here)."""

from .inbox import Ban, InboxItem, Label, ModerationAction, Reason
from .ingest import FetchCursor, WebhookEndpoint, WebhookEvent
from .rules import Rule, WatchedAuthor

__all__ = [
    "Ban",
    "FetchCursor",
    "InboxItem",
    "Label",
    "ModerationAction",
    "Reason",
    "Rule",
    "WatchedAuthor",
    "WebhookEndpoint",
    "WebhookEvent",
]
