"""Dzen's RSS feed: the XML, the required elements, stable guids, clean full content."""

import re
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from syndication import content as c
from syndication.feeds import dzen
from syndication.feeds.dzen_html import ALLOWED_TAGS, piece_html
from tests.syndication import samples

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


# --- what the Dzen help pages ask for (sources in syndication/feeds/dzen.py NOTES) ------


@pytest.mark.django_db
def test_channel_declares_namespaces_and_required_elements(client, news_page):
    response = client.get(URL)
    for prefix, uri in (
        ("content", "http://purl.org/rss/1.0/modules/content/"),
        ("dc", "http://purl.org/dc/elements/1.1/"),
        ("media", "http://search.yahoo.com/mrss/"),
    ):
        assert f'xmlns:{prefix}="{uri}"'.encode() in response.content, prefix
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314
    assert channel.findtext("title") == "Минсоцзащиты"  # the site's name
    assert channel.findtext("link").startswith("http://")
    assert channel.findtext("description").strip()
    assert channel.findtext("language") == "ru"


@pytest.mark.django_db
def test_no_empty_element_anywhere(client, news_page):
    """Zen cannot process a feed with empty elements: an empty lead falls back."""
    from cms.models import NewsPage

    NewsPage.objects.filter(pk=news_page.pk).update(lead="")
    root = _fetch(client)
    for element in root.iter():
        if element.attrib or len(element):
            continue  # enclosure, atom:link, media:rating carry attributes
        assert (element.text or "").strip(), element.tag
    (item,) = _items(root)
    assert item.findtext("description") == news_page.title


@pytest.mark.django_db
def test_item_link_is_the_page_url_without_get_parameters(client, news_page):
    (item,) = _items(_fetch(client))
    link = item.findtext("link")
    assert "?" not in link
    assert link.endswith(news_page.url)


@pytest.mark.django_db
def test_every_item_carries_rating_categories_and_full_content(client, news_page):
    from cms.models import NewsPage

    news = news_page.get_parent()
    second = NewsPage(title="Вторая", slug="second", lead="Ещё одна новость.")
    news.add_child(instance=second)
    second.save_revision().publish()
    items = _items(_fetch(client))
    assert len(items) == 2
    for item in items:
        ratings = item.findall("media:rating", NS)
        assert [(r.get("scheme"), r.text) for r in ratings] == [
            ("urn:simple", "nonadult")
        ]
        assert [x.text for x in item.findall("category")] == [
            "format-article",
            "index",
            "comment-all",
        ]
        assert item.findtext("content:encoded", namespaces=NS).startswith("<p>")
        assert item.findtext("pubDate")


@pytest.mark.django_db
def test_feed_holds_only_fresh_items_and_edits_of_older_ones(client, news_page):
    from cms.models import NewsPage

    old = timezone.now() - timedelta(days=dzen.FRESH_DAYS + 1)
    NewsPage.objects.filter(pk=news_page.pk).update(
        first_published_at=old, last_published_at=old
    )
    assert _items(_fetch(client)) == []  # sent days ago: not fresh any more
    news_page.refresh_from_db()
    edited = _edit(news_page, title="Выплаты выросли: уточнение")
    (item,) = _items(_fetch(client))  # an edit goes out with its original guid
    assert item.findtext("title") == "Выплаты выросли: уточнение"
    assert item.findtext("guid") == dzen.guid_of(edited)


@pytest.mark.django_db
def test_feed_never_exceeds_its_item_cap(client, news_page, monkeypatch):
    from cms.models import NewsPage

    assert dzen.MAX_ITEMS == 500
    news = news_page.get_parent()
    for n in range(2):
        page = NewsPage(title=f"Новость {n}", slug=f"n{n}", lead="Текст.")
        news.add_child(instance=page)
        page.save_revision().publish()
    monkeypatch.setattr(dzen, "MAX_ITEMS", 2)
    assert len(_items(_fetch(client))) == 2


@pytest.mark.django_db
def test_images_are_wide_renditions_shared_by_enclosure_and_content(client, news_page):
    from tests.factories import make_image

    portrait = make_image("Портрет", size=(800, 2400))
    news_page.cover = make_image("Обложка", size=(2000, 1000))
    news_page.body = [
        ("photo", {"image": portrait, "alt": "", "caption": "Портрет", "credit": ""}),
    ]
    news_page.save_revision().publish()
    (item,) = _items(_fetch(client))
    enclosures = item.findall("enclosure")
    html = item.findtext("content:encoded", namespaces=NS)
    widths = []
    for enclosure, image in zip(enclosures, (news_page.cover, portrait), strict=True):
        rendition = image.get_rendition(dzen.DZEN_RENDITION)
        assert enclosure.get("url").endswith(rendition.url)
        assert enclosure.get("type") == "image/jpeg"
        assert int(enclosure.get("length")) == rendition.file.size
        widths.append(rendition.width)
    # The cover comes first; no side below Dzen's 700 px, the portrait not shrunk.
    assert widths == [1200, 800]
    # The content shows the very image its enclosure sends.
    assert set(re.findall(r'<img src="([^"]+)"', html)) == {enclosures[1].get("url")}


def test_content_has_no_tag_outside_the_list_and_no_br():
    assert "br" not in ALLOWED_TAGS
    html = piece_html(samples.every_block_piece())
    assert "<br" not in html
