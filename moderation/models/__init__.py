"""Models of the moderation inbox (split by concern; import from here)."""

from .authors import AuthorProfile
from .inbox import Ban, InboxItem, Label, ModerationAction, Reason
from .ingest import FetchCursor, WebhookEndpoint, WebhookEvent
from .replies import ReplyTemplate
from .rules import Rule, WatchedAuthor

__all__ = [
    "AuthorProfile",
    "Ban",
    "FetchCursor",
    "InboxItem",
    "Label",
    "ModerationAction",
    "Reason",
    "ReplyTemplate",
    "Rule",
    "WatchedAuthor",
    "WebhookEndpoint",
    "WebhookEvent",
]
