"""Meta Webhooks (networks.md §4.6, §5.6): the envelope Facebook and Instagram share,
and the ``value`` of each change field the handlers read (Facebook's ``feed``,
Instagram's ``comments``)."""

from __future__ import annotations

from pydantic import Field

from .common import Any, AnyId, Name, Seconds, Short, Wire


class Change(Wire):
    field: Short | None = None
    value: Any = None


class Entry(Wire):
    id: AnyId | None = None
    time: Seconds | None = None
    changes: list[Change] | None = None
    # Instagram Login: one change inline in the entry.
    field: Short | None = None
    value: Any = None


class Event(Wire):
    object: Short
    entry: list[Entry]


class Author(Wire):
    id: AnyId | None = None
    name: Name | None = None
    username: Name | None = None


class FeedComment(Wire):
    """Facebook ``feed`` change of a Page."""

    item: Short | None = None
    verb: Short | None = None
    comment_id: AnyId | None = None
    post_id: AnyId | None = None
    parent_id: AnyId | None = None
    author: Author | None = Field(None, alias="from")
    message: str | None = None
    created_time: Seconds | None = None


class Media(Wire):
    id: AnyId | None = None


class InstagramComment(Wire):
    """Instagram ``comments`` / ``live_comments`` change."""

    id: AnyId | None = None
    author: Author | None = Field(None, alias="from")
    text: str | None = None
    media: Media | None = None
    parent_id: AnyId | None = None


def check(payload: dict, values: dict[str, type[Wire]]) -> None:
    """The envelope, then every change whose ``field`` has a model in ``values``."""
    event = Event.model_validate(payload)
    for entry in event.entry:
        changes = entry.changes
        if changes is None:
            changes = [Change(field=entry.field, value=entry.value)]
        for change in changes:
            model = values.get(change.field or "")
            if model is not None and change.value is not None:
                model.model_validate(change.value)
