"""MAX render: HTML subset, the 4000 limit on the markup, images, polls as text."""

import pytest

from syndication import content as c
from syndication.exceptions import RenderError
from syndication.networks import get_network
from syndication.networks.base import (
    FOLLOW_UP,
    MEDIA_SPLIT,
    POLL_AS_TEXT,
    Message,
    Post,
)
from syndication.render import max_html
from tests.syndication import samples
from tests.syndication.standalone import configure_standalone

configure_standalone()

max_network = get_network("max")


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


def test_golden_text_with_a_photo():
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
        samples.photo(1),
    )
    (message,) = max_network.render(piece).messages
    assert message.method == "send" and message.parse_mode == "html"
    assert message.text == (
        "Лид: 5 &lt; 7 &amp; «кавычки».\n\n"
        'Смотрите <a href="https://x.ru/?a=1&amp;b=2"><b>здесь</b></a>'
        " — &lt;теги&gt; не пройдут.\n\n"
        "<b>Итоги</b>\n\n"
        "<blockquote>«Важно.» — Иванов, министр</blockquote>\n\n"
        # No captions on MAX images: the caption and credit are in the text.
        "Подпись к снимку 1. Фото: Пресс-служба\n\n"
        'Подробнее: <a href="https://site.ru/n/1/">https://site.ru/n/1/</a>\n\n'
        "#соцзащита"
    )
    (photo,) = message.attachments
    assert photo.kind == "photo"
    assert photo.url.endswith("photo-1.max-1600x1600.jpg")
    assert message.options == {}  # the first message keeps its link preview


def test_long_text_continues_in_follow_ups_within_4000_of_markup():
    post = max_network.render(samples.long_text_piece(9000))
    assert len(post.messages) == 3
    assert FOLLOW_UP in post.warning_kinds()
    for message in post.messages:
        assert units(message.text) <= 4000  # the markup as sent, tags included
    assert [m.options for m in post.messages[1:]] == [
        {"disable_link_preview": True}
    ] * 2
    # Cut between sentences: every follow-up starts a sentence.
    for message in post.messages[1:]:
        assert message.text.startswith("Сообщение ")


def test_emoji_count_as_two_units():
    post = max_network.render(samples.long_text_piece(20000, emoji=True))
    assert all(units(m.text) <= 4000 for m in post.messages)
    assert max(units(m.text) for m in post.messages) > 3800  # messages are filled


def test_markup_counts_towards_the_limit():
    # Many links: the visible text fits one message, the markup does not.
    runs = []
    for n in range(120):
        runs += [c.Run(f"ссылка {n}", href=f"https://example.org/{n:04d}/"), c.Run(" ")]
    piece = small_piece(c.Paragraph(tuple(runs)))
    post = max_network.render(piece)
    visible = sum(units(max_html.read(m.text)[0]) for m in post.messages)
    assert visible < 4000 and len(post.messages) > 1
    assert all(units(m.text) <= 4000 for m in post.messages)


def test_fourteen_photos_ten_with_the_text_then_four():
    post = max_network.render(samples.photos_piece(14))
    first, second = post.messages
    assert len(first.attachments) == 10 and first.text
    assert len(second.attachments) == 4 and second.text == ""
    assert second.options == {"disable_link_preview": True}
    assert post.warning_kinds() == [MEDIA_SPLIT]
    assert second.attachments[-1].url.endswith("photo-14.max-1600x1600.jpg")


def test_gallery_captions_follow_its_title():
    gallery = c.Gallery(
        (samples.photo(1), samples.photo(2)), title="Фоторепортаж", block_id="g"
    )
    (message,) = max_network.render(small_piece(gallery)).messages
    assert (
        "<b>Фоторепортаж</b>\nПодпись к снимку 1. Фото: Пресс-служба\n"
        "Подпись к снимку 2." in message.text
    )
    assert [a.kind for a in message.attachments] == ["photo", "photo"]


@pytest.mark.parametrize("options", [3, 12])
def test_polls_are_text_with_a_link_and_a_warning(options):
    piece = small_piece(samples.paragraph(1, 1), samples.poll(options))
    post = max_network.render(piece)
    (message,) = post.messages
    visible = max_html.read(message.text)[0]
    assert "Опрос: Как вам удобнее подавать заявления?" in visible
    assert f"{options}. " in visible
    assert "Проголосовать можно на сайте: https://site.ru/n/1/" in visible
    assert post.warning_kinds() == [POLL_AS_TEXT]
    assert "MAX" in str(post.warnings[0]) and "опрос" in str(post.warnings[0]).lower()
    assert not message.attachments


def test_contest_and_live_are_text():
    piece = samples.every_block_piece()
    visible = " ".join(
        max_html.read(m.text)[0] for m in max_network.render(piece).messages
    )
    assert "Конкурс «Моя семья»" in visible
    assert "Прямая трансляция:" in visible


def test_custom_text_is_escaped_and_split():
    custom = "Первый абзац <b>не тег</b> & точка.\n\n" + "Второй абзац. " * 400
    post = max_network.render(samples.base_piece([]), options={"text": custom})
    assert post.messages[0].text.startswith("Первый абзац &lt;b&gt;не тег&lt;/b&gt;")
    assert len(post.messages) == 2
    assert all(units(m.text) <= 4000 for m in post.messages)


def test_cover_is_attached_when_the_piece_has_no_media():
    cover = samples.photo(7)
    post = max_network.render(
        samples.base_piece([samples.paragraph(1, 1)], cover=cover)
    )
    (photo,) = post.messages[0].attachments
    assert photo.url == cover.url


def test_sanitize_keeps_only_max_tags():
    dirty = (
        '<p>Абзац <b>жирный</b> <span class="x">и</span> <mark>выделение</mark> '
        '<a href="javascript:alert(1)">ссылка</a> <a href="https://a.ru" '
        'title="t">да</a> &nbsp; &copy;</p><script>x()</script><h1>Заг</h1>'
    )
    clean = max_html.sanitize(dirty)
    assert "<p>" not in clean and "<span" not in clean and "<script" not in clean
    assert "<b>жирный</b>" in clean and "<mark>выделение</mark>" in clean
    assert "<h1>Заг</h1>" in clean
    assert "javascript" not in clean and "ссылка" in clean
    assert '<a href="https://a.ru">да</a>' in clean
    assert "&nbsp;" not in clean and "&#160;" in clean and "&#169;" in clean
    assert max_html.read(clean)[1] == []


@pytest.mark.parametrize(
    ("markup", "problem"),
    [
        ("<p>x</p>", "unsupported tag <p>"),
        ("<b>x", "unclosed <b>"),
        ("<b>x</i>", "unbalanced </i>"),
        ("<a>x</a>", "link without href"),
        ("a &nbsp; b", "unsupported entity &nbsp;"),
    ],
)
def test_reader_reports_problems(markup, problem):
    assert problem in max_html.read(markup)[1]


def test_check_catches_a_broken_build():
    with pytest.raises(RenderError):
        max_network.check(Post("max", [Message("send", "x" * 4001, "html")]))
    with pytest.raises(RenderError):
        max_network.check(Post("max", [Message("send", "<p>x</p>", "html")]))
    with pytest.raises(RenderError):
        max_network.check(Post("max", [Message("send", "  ", "html")]))


@pytest.mark.parametrize(
    "piece",
    [samples.every_block_piece(), samples.thirty_block_piece()],
    ids=["every-block", "30-blocks"],
)
def test_fast_path_output_is_what_bleach_produces(piece):
    for message in max_network.render(piece).messages:
        assert max_html.SUBSET.is_clean(message.text)
        assert max_html.SUBSET.clean_with_bleach(message.text) == message.text
