"""VK and OK render: plain text, shortening at sentences, attachments, polls."""

from datetime import datetime

import pytest

from syndication import content as c
from syndication.networks import get_network
from syndication.networks.base import (
    MEDIA_OVER_LIMIT,
    POLL_AS_TEXT,
    SHORTENED,
    WORD_CUT,
)
from syndication.render.block_lines import LOCAL_TZ
from tests.syndication import samples
from tests.syndication.standalone import configure_standalone

configure_standalone()

vk = get_network("vk")
ok = get_network("ok")


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def small_piece(*blocks, **kwargs) -> c.Piece:
    values = {
        "title": "Заголовок",
        "lead": "Лид &amp; не сущность: 5 < 7.",
        "url": "https://site.ru/n/1/",
        "hashtags": ("#соцзащита", "#ДетскийСад"),
        "blocks": blocks,
    }
    values.update(kwargs)
    return c.Piece(**values)


def test_golden_vk_post():
    piece = small_piece(
        c.Paragraph(
            (
                c.Run("Заявление — на "),
                c.Run("Госуслугах", href="https://www.gosuslugi.ru/", bold=True),
                c.Run(" или по ссылке "),
                c.Run("https://x.ru/", href="https://x.ru/"),
                c.Run("."),
            )
        ),
        c.Heading((c.Run("Сроки"),), 3),
        c.ListBlock(
            (c.ListItem((c.Run("до 31 декабря"),)), c.ListItem((c.Run("онлайн"),)))
        ),
        c.Live(
            "https://vk.com/live",
            datetime(2026, 12, 1, 4, 0, tzinfo=LOCAL_TZ).replace(hour=11),
            "Эфир",
        ),
        samples.photo(1),
    )
    (message,) = vk.render(piece).messages
    assert message.method == "wall.post" and message.parse_mode == ""
    assert message.text == (
        "Лид &amp; не сущность: 5 < 7.\n\n"
        "Заявление — на Госуслугах (https://www.gosuslugi.ru/) или по ссылке "
        "https://x.ru/.\n\n"
        "Сроки\n\n"
        "• до 31 декабря\n"
        "• онлайн\n\n"
        "Прямая трансляция: Эфир\n"
        "Начало: 1 декабря 2026, 11:00 (по кемеровскому времени, UTC+7)\n"
        "Смотреть: https://vk.com/live\n\n"
        "Подробнее: https://site.ru/n/1/\n\n"
        "#соцзащита #ДетскийСад"
    )
    (photo,) = message.attachments
    assert photo.kind == "photo"
    assert photo.spec == {
        "alt": "Снимок 1: зал центра реабилитации",
        "caption": "Подпись к снимку 1. Фото: Пресс-служба",
    }


def test_live_time_is_shown_in_novokuznetsk():
    from datetime import UTC

    live = c.Live(
        "https://vk.com/live", datetime(2026, 12, 1, 4, 0, tzinfo=UTC), "Эфир"
    )
    text = vk.render(small_piece(live)).messages[0].text
    assert "Начало: 1 декабря 2026, 11:00" in text  # UTC+7


def test_ok_puts_photo_and_animation_captions_in_the_text():
    gif = c.Animation("https://site.ru/a.gif", "Как подать за минуту.")
    piece = small_piece(samples.paragraph(1, 1), samples.photo(1), gif)
    message = ok.render(piece).messages[0]
    assert message.method == "mediatopic.post"
    assert "Подпись к снимку 1. Фото: Пресс-служба\n\nКак подать за минуту." in (
        message.text
    )
    assert [a.kind for a in message.attachments] == ["photo", "animation"]
    # VK shows captions with the media instead, so they stay out of its text.
    assert "Подпись к снимку 1" not in vk.render(piece).messages[0].text


@pytest.mark.parametrize("network", [vk, ok], ids=["vk", "ok"])
def test_long_text_is_shortened_at_a_sentence_with_the_link(network):
    piece = samples.long_text_piece(40000)
    post = network.render(piece)
    text = post.messages[0].text
    body, link, tags = text.rsplit("\n\n", 2)
    assert units(text) <= network.text_limit
    assert units(text) > network.text_limit - 400  # the room is used, not wasted
    assert body.endswith("анкету.")  # a whole sentence, never mid-word
    assert link == "Читать полностью: https://vestnik.example.ru/news/vyplaty-semyam/"
    assert tags == "#соцзащита #СемьиСДетьми #Кузбасс"
    (warning,) = [w for w in post.warnings if w.kind == SHORTENED]
    assert warning.detail["shown"] < warning.detail["total"]
    assert "сокращён" in str(warning)


def test_a_sentence_longer_than_the_post_is_cut_between_words():
    giant = "слово " * 1000 + "конец."
    post = ok.render(small_piece(c.Paragraph((c.Run(giant),))))
    body = post.messages[0].text.rsplit("\n\n", 2)[0]
    assert units(post.messages[0].text) <= ok.text_limit
    assert body.endswith("слово…")
    assert {SHORTENED, WORD_CUT} <= set(post.warning_kinds())


def test_fourteen_photos_keep_ten_with_a_warning():
    post = vk.render(samples.photos_piece(14))
    (message,) = post.messages
    assert len(message.attachments) == 10
    assert message.attachments[9].url.endswith("photo-10.max-1600x1600.jpg")
    (warning,) = post.warnings
    assert warning.kind == MEDIA_OVER_LIMIT and warning.detail["rest"] == 4


def test_vk_poll_spec_and_second_poll_as_text():
    closes = datetime(2026, 12, 31, 18, 0, tzinfo=LOCAL_TZ)
    first = c.Poll(
        "Удобно?", ("Да", "Нет"), multiple=True, anonymous=True, closes_at=closes
    )
    second = c.Poll("Ещё вопрос?", ("А", "Б"))
    post = vk.render(small_piece(first, second))
    (message,) = post.messages
    (poll,) = [a for a in message.attachments if a.kind == "poll"]
    assert poll.source is first
    assert poll.spec == {
        "question": "Удобно?",
        "add_answers": ["Да", "Нет"],
        "is_anonymous": 1,
        "is_multiple": 1,
        "end_date": int(closes.timestamp()),
    }
    assert "Опрос: Ещё вопрос?\n1. А\n2. Б" in message.text
    assert post.warning_kinds() == [POLL_AS_TEXT]


def test_ok_poll_media():
    poll = c.Poll("Удобно?", ("Да", "Нет"), multiple=False, anonymous=True)
    (attachment,) = ok.render(small_piece(poll)).messages[0].attachments
    assert attachment.spec == {
        "type": "poll",
        "question": "Удобно?",
        "answers": [{"text": "Да"}, {"text": "Нет"}],
        "options": "SingleChoice,AnonymousVoting",
    }


@pytest.mark.parametrize("network", [vk, ok], ids=["vk", "ok"])
def test_twelve_option_poll_becomes_numbered_text(network):
    post = network.render(small_piece(samples.poll(12)))
    text = post.messages[0].text
    assert "1. Вариант 1\n" in text and "12. Вариант 12\n" in text
    assert not [a for a in post.messages[0].attachments if a.kind == "poll"]
    assert POLL_AS_TEXT in post.warning_kinds()


def test_cover_is_attached_when_the_piece_has_no_media():
    cover = c.Photo("https://site.ru/cover.jpg", "Обложка")
    post = vk.render(small_piece(samples.paragraph(1, 1), cover=cover))
    assert [a.url for a in post.messages[0].attachments] == [
        "https://site.ru/cover.jpg"
    ]


def test_custom_text_longer_than_the_limit_is_shortened():
    custom = "Своё предложение. " * 400
    post = ok.render(small_piece(), options={"text": custom})
    assert units(post.messages[0].text) <= ok.text_limit
    assert post.messages[0].text.endswith("Своё предложение.")
    assert SHORTENED in post.warning_kinds()
