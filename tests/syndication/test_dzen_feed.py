"""Dzen's RSS feed: the XML, the required elements, stable guids, clean full content."""

import re
import xml.etree.ElementTree as ET

import pytest

from syndication import content as c
from syndication.feeds.dzen_html import ALLOWED_TAGS, piece_html
from syndication.render import samples

NS = {
    "content": "http://purl.org/rss/1.0/modules/content/",
    "media": "http://search.yahoo.com/mrss/",
}
URL = "/feeds/dzen/rss.xml"


def _fetch(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content)  # noqa: S314 - our own response


def _items(root):
    return root.findall("./channel/item")


def _visible(html: str) -> str:
    text = re.sub(r"</?(?:a|b|i|u|s)\b[^>]*>", "", html)  # inline: no gap
    text = re.sub(r"<[^>]+>", " ", text)
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&amp;", "&")):
        text = text.replace(entity, char)
    return re.sub(r"\s+", " ", text)


def _block_texts(block) -> list[str]:
    """The words of each Piece item a reader must find in the article."""
    if isinstance(block, (c.Paragraph, c.Heading)):
        return [block.text]
    if isinstance(block, c.ListBlock):
        return [c.runs_text(i.runs) for i in block.items] + [
            t for i in block.items for child in i.children for t in _block_texts(child)
        ]
    if isinstance(block, c.Photo):
        return [block.caption, block.credit]
    if isinstance(block, c.Gallery):
        return [block.title] + [t for p in block.photos for t in _block_texts(p)]
    if isinstance(block, c.Infographic):
        return [block.title, block.source, *block.text_alternative.split("\n")]
    if isinstance(block, c.Cards):
        return [block.title] + [t for k in block.cards for t in (k.title, k.text)]
    if isinstance(block, c.Animation):
        return [block.caption]
    if isinstance(block, c.Video):
        return [block.title, block.description, block.url]
    if isinstance(block, c.Live):
        return [block.title, block.description, block.url]
    if isinstance(block, c.Poll):
        return [block.question, *block.options]
    if isinstance(block, c.Contest):
        return [block.title, block.terms, block.how_to_enter, block.prize, block.link]
    if isinstance(block, c.Quote):
        return [block.text, block.author, block.role]
    raise AssertionError(f"test does not know {type(block).__name__}")


# --- content:encoded from a Piece (no database) ----------------------------------------


def test_every_block_text_reaches_the_article():
    piece = samples.every_block_piece()
    text = _visible(piece_html(piece))
    assert piece.lead in text
    for block in piece.blocks:
        for words in _block_texts(block):
            assert words.strip() in text, (type(block).__name__, words)


def test_article_uses_only_dzen_tags_and_native_forms():
    html = piece_html(samples.every_block_piece())
    tags = set(re.findall(r"<([a-z0-9]+)", html))
    assert tags <= ALLOWED_TAGS
    assert {"p", "h2", "ul", "ol", "li", "figure", "figcaption", "blockquote"} <= tags
    assert html.count("<figure>") >= 5  # photo, two in the gallery, infographic, card
    # Relative links in rich text become absolute against the piece's URL.
    assert 'href="https://vestnik.example.ru/news/usloviya/"' in html
    # An uploaded video and a GIF are reachable: a link and a figure.
    assert 'href="https://vestnik.example.ru/documents/8/m.mp4"' in html
    assert '<img src="https://vestnik.example.ru/documents/7/how-to.gif"' in html
    assert "&lt;важно&gt;" in html and "Условия &amp; сроки" in html


def test_hostile_markup_is_stripped():
    hostile = c.Paragraph(
        (
            c.Run("<script>alert(1)</script>"),
            c.Run("ссылка", href="javascript:alert(1)"),
        )
    )
    piece = samples.base_piece([hostile])
    html = piece_html(piece)
    assert "<script" not in html and "javascript:" not in html
    assert "&lt;script&gt;" in html  # the words stay, as text


# --- the served feed --------------------------------------------------------------------


def _edit(page, **changes):
    revision = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(revision, name, value)
    revision.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def rich_page(news_page):
    from tests.factories import make_image

    photo, second = make_image("Первое фото"), make_image("Второе фото")
    news_page.body = [
        (
            "text",
            "<h2>Кто получит</h2><p>Семьи <b>с детьми</b>.</p><ul><li>Да</li></ul>",
        ),
        ("photo", {"image": photo, "alt": "Зал", "caption": "Приём", "credit": ""}),
        ("gallery", {"title": "Фото", "photos": [{"image": second, "caption": "Два"}]}),
        ("quote", {"text": "Поможем всем.", "author": "Министр", "role": ""}),
        ("poll", {"question": "Удобно?", "options": ["Да", "Нет"]}),
    ]
    news_page.save_revision().publish()
    news_page.refresh_from_db()
    return news_page


@pytest.mark.django_db
def test_feed_parses_with_required_elements(client, rich_page):
    root = _fetch(client)
    assert root.tag == "rss" and root.get("version") == "2.0"
    (item,) = _items(root)
    for name in ("title", "link", "guid", "pubDate", "description"):
        assert item.findtext(name), name
    assert item.findtext("title") == rich_page.title
    assert item.findtext("link").startswith("http")
    rating = item.find("media:rating", NS)
    assert rating.text == "nonadult" and rating.get("scheme") == "urn:simple"
    categories = [x.text for x in item.findall("category")]
    assert {"format-article", "index", "comment-all"} <= set(categories)
    html = item.findtext("content:encoded", namespaces=NS)
    for words in (
        "Кто получит",
        "с детьми",
        "Приём",
        "Два",
        "Поможем всем.",
        "Удобно?",
    ):
        assert words in html
    assert "<figcaption>Приём</figcaption>" in html and "<blockquote>" in html
    assert not re.search(r"<(script|style)|\son\w+=", html)


@pytest.mark.django_db
def test_every_image_is_an_absolute_enclosure_shown_in_the_content(client, rich_page):
    (item,) = _items(_fetch(client))
    enclosures = item.findall("enclosure")
    assert len(enclosures) == 3  # the cover, the photo, the gallery's photo
    html = item.findtext("content:encoded", namespaces=NS)
    for enclosure in enclosures:
        url = enclosure.get("url")
        assert url.startswith("http://") or url.startswith("https://")
        assert enclosure.get("type") == "image/jpeg"
        assert int(enclosure.get("length")) > 0
    # Every picture of the article is sent as an enclosure too.
    body_images = set(re.findall(r'<img src="([^"]+)"', html))
    assert body_images and body_images <= {e.get("url") for e in enclosures}


@pytest.mark.django_db
def test_guid_survives_an_edit_of_title_text_and_slug(client, rich_page):
    (before,) = _items(_fetch(client))
    _edit(
        rich_page,
        title="Выплаты выросли снова",
        slug="vyplaty-snova",
        body=[("text", "<p>Исправленный текст.</p>")],
    )
    (after,) = _items(_fetch(client))
    assert after.findtext("title") == "Выплаты выросли снова"
    assert "Исправленный текст." in after.findtext("content:encoded", namespaces=NS)
    assert after.findtext("guid") == before.findtext("guid")
    assert after.find("guid").get("isPermaLink") == "false"
    assert after.findtext("pubDate") == before.findtext("pubDate")


@pytest.mark.django_db
def test_only_live_pages_newest_first(client, news_page, site_tree):
    from cms.models import NewsPage

    _, news = site_tree
    draft = NewsPage(title="Черновик", slug="draft", lead="Не готово.", live=False)
    news.add_child(instance=draft)
    draft.save_revision()
    newer = NewsPage(title="Свежая новость", slug="fresh", lead="Новое.")
    news.add_child(instance=newer)
    newer.save_revision().publish()
    titles = [i.findtext("title") for i in _items(_fetch(client))]
    assert titles == ["Свежая новость", news_page.title]
    # Unpublishing takes a piece out of the feed.
    newer.refresh_from_db()
    newer.unpublish()
    assert [i.findtext("title") for i in _items(_fetch(client))] == [news_page.title]
