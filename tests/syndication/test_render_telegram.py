"""Telegram render: HTML subset, UTF-16 limits, captions, media groups, polls."""

import pytest

from syndication import content as c
from syndication.networks import get_network
from syndication.networks.base import (
    CAPTION_SHORTENED,
    FOLLOW_UP,
    MEDIA_SPLIT,
    POLL_AS_TEXT,
    POLL_MADE_ANONYMOUS,
)
from syndication.render import telegram_html as tg
from tests.syndication import samples
from tests.syndication.standalone import configure_standalone

configure_standalone()

tg_network = get_network("telegram")


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def small_piece(*blocks, **kwargs) -> c.Piece:
    values = {
        "title": "Заголовок",
        "lead": "Лид: 5 < 7 & «кавычки».",
        "url": "https://site.ru/n/1/",
        "hashtags": ("#соцзащита",),
        "blocks": blocks,
    }
    values.update(kwargs)
    return c.Piece(**values)


def test_golden_text_message():
    piece = small_piece(
        c.Paragraph(
            (
                c.Run("Смотрите "),
                c.Run("здесь", href="https://x.ru/?a=1&b=2", bold=True),
                c.Run(" — <теги> не пройдут."),
            )
        ),
        c.Heading((c.Run("Итоги"),)),
        c.Quote("Важно.", "Иванов", "министр"),
    )
    (message,) = tg_network.render(piece).messages
    assert message.method == "sendMessage" and message.parse_mode == "HTML"
    assert message.text == (
        "Лид: 5 &lt; 7 &amp; «кавычки».\n\n"
        'Смотрите <a href="https://x.ru/?a=1&amp;b=2"><b>здесь</b></a>'
        " — &lt;теги&gt; не пройдут.\n\n"
        "<b>Итоги</b>\n\n"
        "<blockquote>«Важно.» — Иванов, министр</blockquote>\n\n"
        'Подробнее: <a href="https://site.ru/n/1/">https://site.ru/n/1/</a>\n\n'
        "#соцзащита"
    )
    assert message.options == {"link_preview_options": {"url": "https://site.ru/n/1/"}}


def test_golden_photo_with_caption():
    piece = small_piece(samples.paragraph(1, 1), samples.photo(1))
    (message,) = tg_network.render(piece).messages
    assert message.method == "sendPhoto" and message.is_caption
    (photo,) = message.attachments
    assert photo.url.endswith("photo-1.max-1600x1600.jpg")
    assert photo.spec["parse_mode"] == "HTML"
    assert photo.spec["caption"] == message.text
    # The photo's own caption joins the text, before the link.
    assert message.text.endswith(
        "Подпись к снимку 1. Фото: Пресс-служба\n\n"
        'Подробнее: <a href="https://site.ru/n/1/">https://site.ru/n/1/</a>\n\n'
        "#соцзащита"
    )


def test_long_text_with_photos_goes_first_then_album():
    piece = small_piece(*samples.long_text_piece(3000).blocks, samples.photo(1))
    post = tg_network.render(piece)
    assert [m.method for m in post.messages] == ["sendMessage", "sendPhoto"]
    assert (
        post.messages[1].attachments[0].spec["caption"].startswith("Подпись к снимку 1")
    )


def test_emoji_count_as_two_utf16_units():
    # 150 sentences of 20 code points: 3 000 for Python, ~4 500 UTF-16 units.
    text = " ".join(f"Ура {n:03d} 😀😀😀😀😀😀😀😀😀😀😀." for n in range(150))
    piece = small_piece(c.Paragraph((c.Run(text),)), hashtags=())
    post = tg_network.render(piece)
    assert len(text) < 4096 < units(text)
    assert len(post.messages) == 2
    assert FOLLOW_UP in post.warning_kinds()
    for message in post.messages:
        assert units(tg.read(message.text)[0]) <= 4096
    joined = " ".join(tg.read(m.text)[0] for m in post.messages)
    for n in range(150):
        assert f"Ура {n:03d} 😀" in joined


def test_follow_ups_split_at_sentences_never_mid_word():
    piece = samples.long_text_piece(9000)
    post = tg_network.render(piece)
    assert len(post.messages) == 3
    for message in post.messages[:-1]:
        visible = tg.read(message.text)[0]
        assert visible.endswith("."), visible[-40:]
        assert units(visible) <= 4096
    assert tg.read(post.messages[1].text)[0].startswith("Сообщение ")


def test_fourteen_photos_become_two_balanced_albums():
    post = tg_network.render(samples.photos_piece(14))
    groups = [m for m in post.messages if m.method == "sendMediaGroup"]
    assert [len(m.attachments) for m in groups] == [7, 7]
    assert MEDIA_SPLIT in post.warning_kinds()
    first = groups[0].attachments
    assert "Приём заявлений продлён" in first[0].spec["caption"]  # text as caption
    assert first[1].spec["caption"] == "Подпись к снимку 2."
    assert groups[1].attachments[0].spec["caption"] == "Подпись к снимку 8."


def test_eleven_photos_never_leave_a_group_of_one():
    post = tg_network.render(samples.photos_piece(11))
    assert [len(m.attachments) for m in post.messages] == [6, 5]


def test_long_photo_caption_is_shortened_with_warning():
    long_caption = " ".join(f"Фраза номер {n} о снимке." for n in range(120))
    piece = small_piece(
        samples.paragraph(1, 1), c.Photo("https://site.ru/a.jpg", "a", long_caption)
    )
    post = tg_network.render(piece)
    caption = post.messages[-1].attachments[0].spec["caption"]
    assert units(tg.read(caption)[0]) <= 1024
    assert caption.endswith("о снимке.")
    assert CAPTION_SHORTENED in post.warning_kinds()


def test_native_poll_spec_and_anonymity():
    poll = c.Poll("Вопрос?", ("Да", "Нет"), multiple=True, anonymous=False)
    post = tg_network.render(small_piece(poll))
    assert [m.method for m in post.messages] == ["sendMessage", "sendPoll"]
    spec = post.messages[1].attachments[0].spec
    assert spec == {
        "question": "Вопрос?",
        "options": [{"text": "Да"}, {"text": "Нет"}],
        "is_anonymous": True,
        "allows_multiple_answers": True,
    }
    assert POLL_MADE_ANONYMOUS in post.warning_kinds()


@pytest.mark.parametrize(
    "poll",
    [
        samples.poll(13),
        c.Poll("Вопрос?", ("Да", "Нет, потому что " + "очень " * 20 + "долго")),
        c.Poll("Вопрос " * 60 + "?", ("Да", "Нет")),
    ],
    ids=["13-options", "long-option", "long-question"],
)
def test_poll_over_limits_becomes_text(poll):
    post = tg_network.render(small_piece(poll))
    assert [m.method for m in post.messages] == ["sendMessage"]
    visible = tg.read(post.messages[0].text)[0]
    assert POLL_AS_TEXT in post.warning_kinds()
    assert f"{len(poll.options)}. {poll.options[-1]}" in visible
    assert "Проголосовать можно на сайте: https://site.ru/n/1/" in visible


def test_twelve_options_are_native_since_bot_api_9_1_and_a_setting_lowers_it(
    settings,
):
    post = tg_network.render(small_piece(samples.poll(12)))
    assert post.messages[-1].method == "sendPoll"
    assert len(post.messages[-1].attachments[0].spec["options"]) == 12
    settings.SYNDICATION_POLL_MAX_OPTIONS = {"telegram": 10}
    post = tg_network.render(small_piece(samples.poll(12)))
    assert [m.method for m in post.messages] == ["sendMessage"]
    assert POLL_AS_TEXT in post.warning_kinds()


def test_ten_option_poll_is_native():
    post = tg_network.render(small_piece(samples.poll(10)))
    assert post.messages[-1].method == "sendPoll"
    assert len(post.messages[-1].attachments[0].spec["options"]) == 10


def test_custom_text_is_escaped_and_split():
    custom = "Свой <b>текст</b> & всё.\n\n" + "Абзац. " * 700
    post = tg_network.render(small_piece(), options={"text": custom})
    assert post.messages[0].text.startswith("Свой &lt;b&gt;текст&lt;/b&gt; &amp; всё.")
    assert len(post.messages) == 2


def test_sanitize_keeps_only_telegram_tags_and_safe_entities():
    dirty = (
        '<p onclick="x">Текст&nbsp;<script>alert(1)</script><b>жирный</b>'
        '<a href="javascript:alert(1)">ссылка</a> <img src=x> <i>курсив'
    )
    clean = tg.sanitize(dirty)
    visible, problems = tg.read(clean)
    assert problems == []
    assert "&nbsp;" not in clean and "&#160;" in clean
    assert "<script" not in clean and "<p" not in clean and "javascript" not in clean
    assert "<b>жирный</b>" in clean and clean.endswith("<i>курсив</i>")


@pytest.mark.parametrize(
    ("markup", "problem"),
    [
        ("<b>открыт", "unclosed <b>"),
        ("<p>абзац</p>", "unsupported tag <p>"),
        ("<b><i>x</b></i>", "unbalanced </b>"),
        ("a &nbsp; b", "unsupported entity &nbsp;"),
    ],
)
def test_reader_rejects_what_telegram_rejects(markup, problem):
    assert problem in tg.read(markup)[1]


@pytest.mark.parametrize(
    "piece",
    [
        samples.every_block_piece(),
        samples.thirty_block_piece(),
        samples.photos_piece(3),
    ],
    ids=["every-block", "30-blocks", "3-photos"],
)
def test_fast_path_output_is_exactly_what_bleach_produces(piece):
    texts = [
        text
        for message in tg_network.render(piece).messages
        for text in [message.text]
        + [a.spec.get("caption", "") for a in message.attachments]
        if text
    ]
    assert texts
    for text in texts:
        assert tg.SUBSET.is_clean(text)
        assert tg.SUBSET.clean_with_bleach(text) == text


@pytest.mark.parametrize(
    "markup",
    [
        "<p>x</p>",
        "<b>x",
        "<b><i>x</b></i>",
        "a & b",
        "&nbsp;",
        '<a href="javascript:x">y</a>',
    ],
)
def test_anything_else_goes_through_bleach(markup):
    assert not tg.SUBSET.is_clean(markup)


@pytest.mark.parametrize("code", ["telegram", "vk"])
def test_unsafe_link_keeps_its_words_but_not_the_link(code):
    run = c.Run("жми", href="javascript:alert(1)")
    piece = small_piece(c.Paragraph((c.Run("Не "), run, c.Run("."))))
    text = get_network(code).render(piece).messages[0].text
    assert "javascript" not in text and "Не жми." in text


@pytest.mark.parametrize(
    "piece",
    [
        samples.every_block_piece(),
        samples.thirty_block_piece(),
        samples.photos_piece(14),
    ],
    ids=["every-block", "30-blocks", "14-photos"],
)
def test_the_sandbox_telegram_parser_accepts_every_message(piece):
    # A second, independent reading: the sandbox emulates Telegram's parse_html.
    sandbox = pytest.importorskip("sandbox.telegram_html")
    for message in tg_network.render(piece).messages:
        texts = [message.text] + [
            a.spec.get("caption", "") for a in message.attachments
        ]
        for text in filter(None, texts):
            visible = sandbox.parse(text)
            limit = 1024 if message.is_caption else 4096
            assert units(visible) <= limit
            assert visible == tg.read(text)[0]
