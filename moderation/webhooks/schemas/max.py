"""MAX Bot API ``Update`` (networks.md §9.5-9.6): the message fields the handler reads."""

from __future__ import annotations

from .common import Any, AnyId, Id, IdText, Millis, Name, Short, Wire


class Sender(Wire):
    user_id: Id | None = None
    name: Name | None = None
    first_name: Name | None = None
    last_name: Name | None = None
    username: Name | None = None
    is_bot: bool | None = None


class Recipient(Wire):
    chat_id: Id | None = None
    chat_type: Short | None = None
    post_id: AnyId | None = None


class Body(Wire):
    mid: IdText | None = None
    text: str | None = None
    attachments: list[Any] | None = None


class Link(Wire):
    type: Short | None = None
    mid: IdText | None = None


class Message(Wire):
    sender: Sender | None = None
    recipient: Recipient | None = None
    body: Body | None = None
    link: Link | None = None
    timestamp: Millis | None = None


class Update(Wire):
    update_type: Short
    timestamp: Millis | None = None
    message: Message | None = None
    message_id: IdText | None = None


def check(payload: dict) -> None:
    Update.model_validate(payload)
