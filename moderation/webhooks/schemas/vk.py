"""VK Callback API events (networks.md §1.6): the envelope, and the ``object`` of each
event type the handler reads. Other types are answered ``ok`` unread."""

from __future__ import annotations

from .common import Any, Id, IdText, Seconds, Short, Wire


class Event(Wire):
    type: Short
    group_id: Id | None = None
    event_id: IdText | None = None
    secret: str | None = None
    object: Any = None


class Comment(Wire):
    id: Id
    post_id: Id | None = None
    owner_id: Id | None = None
    from_id: Id | None = None
    text: str | None = None
    attachments: list[dict[str, Any]] | None = None
    date: Seconds | None = None
    reply_to_comment: Id | None = None


class CommentDeleted(Wire):
    id: Id
    post_id: Id | None = None
    owner_id: Id | None = None


class Message(Wire):
    id: Id | None = None
    from_id: Id | None = None
    peer_id: Id | None = None
    conversation_message_id: Id | None = None
    text: str | None = None
    attachments: list[dict[str, Any]] | None = None
    date: Seconds | None = None


class MessageNew(Message):
    """Callback API >= 5.103 wraps the message (``{"message": {...}}``); older
    versions send the message itself."""

    message: Message | None = None


class UserBlock(Wire):
    user_id: Id
    unblock_date: Seconds | None = None
    reason: int | None = None
    comment: str | None = None


class UserUnblock(Wire):
    user_id: Id


OBJECTS = {
    "wall_reply_new": Comment,
    "wall_reply_edit": Comment,
    "wall_reply_restore": Comment,
    "wall_reply_delete": CommentDeleted,
    "message_new": MessageNew,
    "user_block": UserBlock,
    "user_unblock": UserUnblock,
}


def check(payload: dict) -> None:
    event = Event.model_validate(payload)
    model = OBJECTS.get(event.type)
    if model is not None:
        model.model_validate(payload.get("object"))
