"""OK webhooks (networks.md §2.6): the handshake and Bot API group-chat messages."""

from __future__ import annotations

from .common import Any, AnyId, IdText, Millis, Name, Short, Wire


class Sender(Wire):
    user_id: AnyId | None = None
    name: Name | None = None


class Message(Wire):
    mid: IdText | None = None
    text: str | None = None
    attachments: list[Any] | None = None


class Event(Wire):
    webhookType: Short | None = None
    sender: Sender | None = None
    message: Message | None = None
    timestamp: Millis | None = None


def check(payload: dict) -> None:
    Event.model_validate(payload)
