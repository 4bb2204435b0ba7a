"""A long piece cut for a network keeps its poll and leaves no heading dangling.

Every network that shortens (VK, OK, Instagram, Facebook, a Telegram post that links
to its Telegraph page, LiveJournal, Telegraph) gets a piece of sections (a heading,
then one long sentence) far over its limit, ending with a poll too big for a native
poll. The poll is carried as text ahead of the link to the full piece, and every
heading that is kept has the beginning of its body after it. The lead's length is
varied so the cut lands in different places, after a heading among them.
"""

from __future__ import annotations

import json

import pytest

from syndication import content as c
from syndication.networks import get_network
from tests.syndication.standalone import configure_standalone

configure_standalone()

URL = "https://vestnik.example.ru/n/7/"
OPTIONS = tuple(f"Вариант ответа номер {n}" for n in range(1, 14))  # 13: over 10 and 12
POLL = c.Poll("Какие меры поддержки вам нужнее всего", OPTIONS, block_id="poll")
# network: (the limit in characters of Cyrillic text it cuts at, render options)
CUTTING = {
    "vk": (15_000, {}),
    "ok": (4_000, {}),
    "instagram": (2_200, {}),
    "facebook": (60_000, {}),
    "telegram": (4_096, {"full_text_url": "https://telegra.ph/Vyplaty-12-07"}),
    "livejournal": (30_000, {}),  # 60 000 bytes, two per Cyrillic letter
    "telegraph": (30_000, {}),
}
WORDS = "мера поддержки семей с детьми продлена и заявления принимают онлайн "


def section(number: int) -> list:
    heading = f"Раздел {number}: {'порядок обращения ' * 8}".strip()
    # One sentence, no full stop inside: the cut cannot take just its first sentences.
    body = f"Текст раздела {number} {WORDS * 5}".strip() + "."
    return [
        c.Heading((c.Run(heading),), block_id=f"h{number}"),
        c.Paragraph((c.Run(body),), block_id=f"p{number}"),
    ]


def long_piece(limit: int, lead_padding: int) -> c.Piece:
    blocks, number = [], 1
    while sum(len(getattr(b, "text", "")) for b in blocks) < limit * 1.3:
        blocks += section(number)
        number += 1
    blocks += [c.Heading((c.Run("Ваше мнение"),), block_id="hpoll"), POLL]
    lead = (
        "Приём заявлений продлён до 31 декабря. " + "Подробности ниже. " * lead_padding
    )
    return c.Piece(
        title="Меры поддержки семей продлены",
        lead=lead.strip(),
        url=URL,
        hashtags=("#соцзащита",),
        blocks=tuple(blocks),
    )


def words_of(network: str, post) -> str:
    """What the reader gets, as text, the messages in order."""
    texts = []
    for message in post.messages:
        if network == "telegraph":
            texts.append(json.dumps(json.loads(message.text), ensure_ascii=False))
        else:
            texts.append(message.text)
    return "\n".join(texts)


def assert_kept_well(text: str, link_words: str) -> None:
    assert POLL.question in text, "the poll was cut off"
    for option in OPTIONS:
        assert option in text
    link = text.index(link_words)
    assert text.index(POLL.question) < link, "the poll must come before the link"
    assert text.index(OPTIONS[-1]) < link
    kept = [n for n in range(1, 200) if f"Раздел {n}:" in text]
    assert kept, "the text kept no section at all"
    for number in kept:  # a heading is followed by its body's beginning
        assert f"Текст раздела {number} " in text, f"heading {number} left dangling"


@pytest.mark.parametrize("network", sorted(CUTTING))
@pytest.mark.parametrize("lead_padding", range(0, 24, 3))
def test_a_cut_keeps_the_poll_and_no_dangling_heading(network, lead_padding):
    limit, options = CUTTING[network]
    post = get_network(network).render(long_piece(limit, lead_padding), options=options)
    text = words_of(network, post)
    link_words = {
        "vk": "Читать полностью",
        "ok": "Читать полностью",
        "instagram": "Читать полностью",
        "facebook": "Читать полностью",
        "telegram": "Читать полностью",
        "livejournal": "Полный текст на сайте",
        "telegraph": "Полный текст на сайте",
    }[network]
    assert link_words in text, "the piece was expected to be shortened"
    assert_kept_well(text, link_words)
    assert (
        "shortened" in post.warning_kinds() or "full_text_page" in post.warning_kinds()
    )


@pytest.mark.parametrize("network", ["max", "telegram"])
def test_networks_that_continue_in_follow_ups_keep_every_word(network):
    """MAX and Telegram (without a Telegraph page) never cut: the text continues in
    follow-up messages, the poll as text among them."""
    post = get_network(network).render(long_piece(20_000, 0))
    text = words_of(network, post)
    assert len(post.messages) > 1
    assert POLL.question in text and all(option in text for option in OPTIONS)
    assert all(f"Текст раздела {n} " in text for n in range(1, 20))
