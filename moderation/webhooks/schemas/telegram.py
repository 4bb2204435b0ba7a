"""Telegram Bot API ``Update`` (networks.md §3.5-3.6): the message fields the handler
reads, in ``message`` and ``edited_message``; other update kinds pass unread."""

from __future__ import annotations

from pydantic import Field

from .common import Id, Name, Seconds, Short, Wire


class User(Wire):
    id: Id
    first_name: Name | None = None
    last_name: Name | None = None
    username: Name | None = None


class Chat(Wire):
    id: Id
    type: Short | None = None
    title: Name | None = None
    username: Name | None = None


class Origin(Wire):
    message_id: Id | None = None


class Message(Wire):
    message_id: Id
    chat: Chat | None = None
    sender: User | None = Field(None, alias="from")
    sender_chat: Chat | None = None
    reply_to_message: Message | None = None
    forward_origin: Origin | None = None
    forward_from_message_id: Id | None = None
    is_automatic_forward: bool | None = None
    text: str | None = None
    caption: str | None = None
    date: Seconds | None = None


class Update(Wire):
    update_id: Id
    message: Message | None = None
    edited_message: Message | None = None


def check(payload: dict) -> None:
    Update.model_validate(payload)
