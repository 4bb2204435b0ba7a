"""The WordPress render: one HTML article per piece (golden output, allow-list, images,
tags, the link back to the site). The checks every network passes are in
test_render_common.py."""

from __future__ import annotations

import pytest

from syndication import content as c
from syndication.exceptions import RenderError
from syndication.networks import get_network
from syndication.networks.base import (
    BLOCK_OMITTED,
    CUSTOM_TEXT,
    POLL_AS_TEXT,
    SHORTENED,
    Message,
    Post,
)
from syndication.networks.wordpress import image_urls, sanitize
from tests.syndication import samples
from tests.syndication.standalone import configure_standalone

configure_standalone()

URL = samples.URL
LINK = f'<p>Подробнее: <a href="{URL}">{URL}</a></p>'


def render(piece, **options):
    return get_network("wordpress").render(piece, None, options or None)


def test_golden_short_piece():
    piece = samples.base_piece(
        [
            samples.paragraph(1, 1),
            c.Heading((c.Run("Кто может подать"),), 2, "h"),
            samples.photo(1),
        ],
        cover=samples.photo(9, caption=False),
    )
    post = render(piece)
    (message,) = post.messages
    assert message.method == "posts" and message.parse_mode == "wordpress_html"
    assert message.text == (
        "<p>Приём заявлений продлён до 31 декабря. Подать заявление можно онлайн.</p>"
        f"<p>{samples.sentence(1)}</p>"
        "<h2>Кто может подать</h2>"
        '<figure><img src="https://vestnik.example.ru/media/images/'
        'photo-1.max-1600x1600.jpg" alt="Снимок 1: зал центра реабилитации">'
        "<figcaption>Подпись к снимку 1. Фото: Пресс-служба</figcaption></figure>"
        + LINK
    )
    assert message.options == {
        "title": "Выплаты семьям с детьми продлены",
        "excerpt": piece.lead,
        "tags": ["соцзащита", "семьи с детьми", "Кузбасс"],
        "canonical_url": URL,
        "status": "publish",
    }
    # The cover is the featured image; the body's images follow, in order.
    assert [(a.kind, a.url, a.spec["role"]) for a in message.attachments] == [
        ("photo", samples.photo(9).url, "featured"),
        ("photo", samples.photo(1).url, "inline"),
    ]
    assert post.warnings == []


def test_every_block_piece_keeps_everything_and_warns_about_the_poll():
    post = render(samples.every_block_piece())
    (message,) = post.messages
    text = message.text
    assert "<h3>Опрос: Как вам удобнее подавать заявления?</h3>" in text
    assert "<p>1. Вариант 1</p>" in text
    assert "<p>Условия &amp; сроки &lt;важно&gt; — " in text
    # Bare URLs of the text forms are links; relative site links are absolute.
    assert 'Смотреть: <a href="https://rutube.ru/video/abc/">' in text
    assert '<a href="https://vestnik.example.ru/news/usloviya/">на сайте</a>' in text
    assert '<a href="https://vestnik.example.ru/documents/8/m.mp4">' in text
    assert "<blockquote><p>«Помощь должна приходить сама.»</p>" in text
    assert text.endswith(LINK)
    kinds = [a.kind for a in message.attachments]
    assert kinds == ["photo"] * 5 + ["animation"]
    assert post.warning_kinds() == [POLL_AS_TEXT]
    assert "опрос" in str(post.warnings[0])


def test_no_script_style_or_unknown_attributes_reach_wordpress():
    piece = samples.base_piece(
        [
            c.Paragraph((c.Run("<script>alert(1)</script> текст"),)),
            c.Paragraph((c.Run("ссылка", href="javascript:alert(1)"),)),
        ],
        lead='Лид <b onclick="x">жирный</b>',
    )
    text = render(piece).messages[0].text
    # Text stays text (escaped), never markup; a javascript: link keeps its words.
    assert "<script>" not in text and "<b onclick" not in text
    assert "<p>Лид &lt;b onclick=&quot;x&quot;&gt;жирный&lt;/b&gt;</p>" in text
    assert "javascript:" not in text and "<p>ссылка</p>" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; текст" in text
    assert sanitize(text) == text


def test_custom_text_replaces_the_body_and_omitted_blocks_warn():
    post = render(
        samples.every_block_piece(),
        text="Первый абзац & <b>.\n\nВторой.",
        omit_blocks=["poll3"],
    )
    assert post.messages[0].text == "<p>Первый абзац &amp; &lt;b&gt;.</p><p>Второй.</p>"
    assert post.warning_kinds() == [BLOCK_OMITTED, CUSTOM_TEXT]


def test_empty_paragraphs_are_skipped_and_no_cover_means_no_featured_image():
    empty = c.Paragraph((c.Run("  "),), block_id="e")
    post = render(samples.base_piece([empty, samples.paragraph(2, 1)]))
    text = post.messages[0].text
    assert "<p>  </p>" not in text and "<p></p>" not in text
    assert post.messages[0].attachments == ()


def test_a_very_long_title_is_cut_with_a_warning():
    post = render(samples.base_piece([samples.paragraph(1, 1)], title="Слово " * 300))
    title = post.messages[0].options["title"]
    assert len(title) <= 1000 and title.endswith("…")
    assert SHORTENED in post.warning_kinds()


def test_image_urls_unescape_and_deduplicate():
    markup = (
        '<img src="https://x/a.jpg?a=1&amp;b=2"><img src="https://x/a.jpg?a=1&amp;b=2">'
    )
    assert image_urls(markup) == ["https://x/a.jpg?a=1&b=2"]


def test_check_refuses_markup_outside_the_allow_list():
    network = get_network("wordpress")
    bad = Post(
        "wordpress",
        [Message("posts", "<p>x</p><script>1</script>", "wordpress_html",
                 options={"title": "T"})],
    )  # fmt: skip
    with pytest.raises(RenderError):
        network.check(bad)
    untitled = Post(
        "wordpress", [Message("posts", "<p>x</p>", "wordpress_html", options={})]
    )
    with pytest.raises(RenderError):
        network.check(untitled)


def test_thirty_blocks_render_in_order():
    piece = samples.thirty_block_piece()
    text = render(piece).messages[0].text
    positions = [
        text.index(f"Сообщение {n}:")
        for n in range(1, 40, 3)
        if f"Сообщение {n}:" in text
    ]
    assert positions == sorted(positions) and len(positions) > 5
