"""What the editor reads about a post's parts: people's words for the networks' API
calls. The calls themselves (``wall.post``, ``sendMediaGroup``) stay in the
technician's delivery log."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

# By the API call a message is sent with (syndication/networks/<code>.py).
MESSAGE_KINDS = {
    "wall.post": _("Wall post"),
    "mediatopic.post": _("Group topic"),
    "sendMessage": _("Message"),
    "sendPhoto": _("Photo with a caption"),
    "sendVideo": _("Video with a caption"),
    "sendAnimation": _("Animation with a caption"),
    "sendMediaGroup": _("Album with a caption"),
    "sendPoll": _("Poll"),
    "send": _("Message"),
    "feed": _("Page post"),
    "videos": _("Page video"),
    "createPage": _("Telegraph page"),
    "postevent": _("LiveJournal entry"),
    "posts": _("WordPress post"),
}

# Instagram names the kind of a post by its media type.
INSTAGRAM_KINDS = {
    "IMAGE": _("Photo post"),
    "CAROUSEL": _("Carousel"),
    "REELS": _("Reels video"),
}


def message_kind(message) -> str:
    """The kind of ``message`` in words; "" for a call this list does not know yet
    (the card then shows no kind rather than an API name)."""
    media_type = (message.options or {}).get("media_type")
    if media_type in INSTAGRAM_KINDS:
        return str(INSTAGRAM_KINDS[media_type])
    kind = MESSAGE_KINDS.get(message.method)
    return str(kind) if kind else ""


def has_text(message) -> bool:
    """A counter means something only beside text: a poll or a bare video has none."""
    return bool((message.text or "").strip())
