"""PlainWallNetwork.check, the last guard before a wall post leaves (VK, OK): each
limit holds at its boundary and breaks one past it, counted as the network counts."""

from __future__ import annotations

import pytest

from syndication.exceptions import RenderError
from syndication.networks import get_network
from syndication.networks.base import Attachment, Message, Post
from tests.syndication.standalone import configure_standalone

configure_standalone()


def photos(count: int) -> tuple[Attachment, ...]:
    return tuple(
        Attachment("photo", None, f"https://s.ru/{n}.jpg") for n in range(count)
    )


def poll() -> Attachment:
    return Attachment("poll", None, spec={"question": "Как?", "answers": ["Да", "Нет"]})


def check(code: str, *messages: Message) -> None:
    get_network(code).check(Post(code, list(messages)))


@pytest.mark.parametrize("code", ["vk", "ok"])
def test_text_limit_is_counted_in_utf16_units(code):
    limit = get_network(code).text_limit
    check(code, Message("post", "а" * limit))
    # One emoji is two UTF-16 units: limit - 1 letters and an emoji is one too many.
    with pytest.raises(RenderError):
        check(code, Message("post", "а" * (limit - 1) + "🙂"))
    with pytest.raises(RenderError):
        check(code, Message("post", "а" * (limit + 1)))


@pytest.mark.parametrize("code", ["vk", "ok"])
def test_media_limit_does_not_count_the_poll(code):
    most = get_network(code).max_media
    check(code, Message("post", "Текст", attachments=photos(most) + (poll(),)))
    with pytest.raises(RenderError):
        check(code, Message("post", "Текст", attachments=photos(most + 1)))


@pytest.mark.parametrize("code", ["vk", "ok"])
def test_one_poll_per_post(code):
    check(code, Message("post", "Текст", attachments=(poll(),)))
    with pytest.raises(RenderError):
        check(code, Message("post", "Текст", attachments=(poll(), poll())))


@pytest.mark.parametrize("code", ["vk", "ok"])
def test_a_post_needs_text_or_media(code):
    check(code, Message("post", "", attachments=photos(1)))
    check(code, Message("post", "Текст"))
    with pytest.raises(RenderError):
        check(code, Message("post", ""))
    with pytest.raises(RenderError):
        check(code, Message("post", "", attachments=(poll(),)))


def test_every_message_is_checked_not_only_the_first():
    with pytest.raises(RenderError):
        check("vk", Message("post", "Текст"), Message("post", ""))
