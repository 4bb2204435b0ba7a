"""Facebook Pages render: plain text, the link param, photos, videos as follow-ups,
polls as text."""

from datetime import datetime

from syndication import content as c
from syndication.networks import get_network
from syndication.networks.base import (
    FOLLOW_UP,
    MEDIA_OVER_LIMIT,
    POLL_AS_TEXT,
    SHORTENED,
)
from syndication.render.block_lines import LOCAL_TZ
from tests.syndication import samples
from tests.syndication.standalone import configure_standalone

configure_standalone()

facebook = get_network("facebook")


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


def test_golden_text_post_carries_the_link_param():
    piece = small_piece(
        c.Paragraph(
            (
                c.Run("Заявление — на "),
                c.Run("Госуслугах", href="https://www.gosuslugi.ru/", bold=True),
                c.Run("."),
            )
        ),
        c.ListBlock(
            (c.ListItem((c.Run("до 31 декабря"),)), c.ListItem((c.Run("онлайн"),)))
        ),
        c.Live(
            "https://vk.com/live",
            datetime(2026, 12, 1, 11, 0, tzinfo=LOCAL_TZ),
            "Эфир",
        ),
    )
    post = facebook.render(piece)
    (message,) = post.messages
    assert message.method == "feed" and message.parse_mode == ""
    assert message.attachments == ()
    assert message.options == {"link": "https://site.ru/n/1/"}
    assert message.text == (
        "Лид &amp; не сущность: 5 < 7.\n\n"
        "Заявление — на Госуслугах (https://www.gosuslugi.ru/).\n\n"
        "• до 31 декабря\n"
        "• онлайн\n\n"
        "Прямая трансляция: Эфир\n"
        "Начало: 1 декабря 2026, 11:00 (по кемеровскому времени, UTC+7)\n"
        "Смотреть: https://vk.com/live\n\n"
        "Подробнее: https://site.ru/n/1/\n\n"
        "#соцзащита #ДетскийСад"
    )
    assert post.warnings == []


def test_golden_photo_post_has_no_link_param_and_captions_in_the_text():
    piece = small_piece(samples.paragraph(1, 1), samples.photo(1), samples.photo(2))
    (message,) = facebook.render(piece).messages
    assert message.options == {}  # the photos make the post, not a link card
    assert [a.kind for a in message.attachments] == ["photo", "photo"]
    assert message.attachments[0].spec == {
        "alt": "Снимок 1: зал центра реабилитации",
        "caption": "Подпись к снимку 1. Фото: Пресс-служба",
    }
    assert message.attachments[1].url.endswith("photo-2.max-1600x1600.jpg")
    assert "Подпись к снимку 1. Фото: Пресс-служба" in message.text
    assert "Подпись к снимку 2." in message.text
    assert message.text.endswith(
        "Подробнее: https://site.ru/n/1/\n\n#соцзащита #ДетскийСад"
    )


def test_fourteen_photos_keep_ten_with_a_warning():
    post = facebook.render(samples.photos_piece(14))
    (message,) = post.messages
    assert len(message.attachments) == 10
    assert message.attachments[9].url.endswith("photo-10.max-1600x1600.jpg")
    (warning,) = post.warnings
    assert warning.kind == MEDIA_OVER_LIMIT and warning.detail["rest"] == 4


def test_every_poll_is_text_with_a_facebook_warning():
    poll = c.Poll("Удобно?", ("Да", "Нет"))
    post = facebook.render(small_piece(poll))
    (message,) = post.messages
    assert "Опрос: Удобно?\n1. Да\n2. Нет" in message.text
    assert "Проголосовать можно на сайте: https://site.ru/n/1/" in message.text
    assert message.attachments == ()
    (warning,) = post.warnings
    assert warning.kind == POLL_AS_TEXT
    assert str(warning) == (
        "В Facebook-страницах нет опросов: «Удобно?» отправлен текстом со ссылкой "
        "для голосования на сайте."
    )


def test_videos_and_animations_follow_as_page_videos():
    video = c.Video(
        "Прямая линия",
        file_url="https://site.ru/media/v.mp4",
        description="Запись эфира.",
    )
    gif = c.Animation("https://site.ru/media/a.gif", "Как подать за минуту.")
    post = facebook.render(small_piece(samples.paragraph(1, 1), video, gif))
    main, first, second = post.messages
    assert main.method == "feed" and main.attachments == ()
    assert main.options == {"link": "https://site.ru/n/1/"}
    assert "Как подать за минуту." in main.text  # the animation's words stay here
    assert first.method == second.method == "videos"
    (clip,) = first.attachments
    assert clip.kind == "video" and clip.url == "https://site.ru/media/v.mp4"
    assert clip.spec["title"] == "Прямая линия"
    assert first.text == clip.spec["description"] == "Запись эфира."
    (animation,) = second.attachments
    assert animation.kind == "animation"
    assert second.text == "Как подать за минуту."
    (warning,) = post.warnings
    assert warning.kind == FOLLOW_UP and warning.detail == {"count": 2}


def test_long_text_is_shortened_at_a_sentence_with_the_link():
    post = facebook.render(samples.long_text_piece(70000))
    text = post.messages[0].text
    body, link, tags = text.rsplit("\n\n", 2)
    assert units(text) <= facebook.text_limit < 63_206
    assert units(text) > facebook.text_limit - 400
    assert body.endswith(".")
    assert link.startswith("Читать полностью: https://vestnik.example.ru/")
    assert SHORTENED in post.warning_kinds()


def test_cover_makes_a_photo_post_without_link_param():
    cover = c.Photo("https://site.ru/cover.jpg", "Обложка")
    (message,) = facebook.render(
        small_piece(samples.paragraph(1, 1), cover=cover)
    ).messages
    assert [a.url for a in message.attachments] == ["https://site.ru/cover.jpg"]
    assert message.options == {}


def test_no_url_no_link_param():
    (message,) = facebook.render(small_piece(samples.paragraph(1, 1), url="")).messages
    assert message.options == {}
    assert "Подробнее" not in message.text
