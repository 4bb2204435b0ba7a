"""The public site's templates: every block on a news piece, link-preview meta, the news list,
error pages and the version for the visually impaired (tag units: test_template_tags.py).

Each test builds its own tiny page tree (root -> home -> news list -> pieces) on the default
Site, in the manner of Wagtail's WagtailPageTestCase, and reads the HTML with BeautifulSoup.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site

from cms.models import NEWS_PER_PAGE, HomePage, NewsIndexPage, NewsPage

SITE_NAME = "Министерство социальной защиты населения Кузбасса"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Renditions and documents go to a temporary folder, never to the repo's var/.

    Wagtail caches renditions by image id; ids are reused after each test's rollback, so
    a cached rendition of another test's image would leak in without the clear."""
    settings.MEDIA_ROOT = tmp_path / "media"
    clear_caches()


def clear_caches():
    for cache in caches.all():
        cache.clear()


def make_image(title: str, alt: str = "", colour: str = "blue"):
    image = get_image_model()(
        title=title,
        description=alt,
        file=get_test_image_file(colour=colour, size=(400, 300)),
    )
    image.save()
    return image


def make_document(title: str, name: str, content: bytes):
    document = get_document_model()(title=title)
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def add_piece(news, title, *, slug, cover=None, body=(), tags=(), date=None):
    page = NewsPage(
        title=title,
        slug=slug,
        lead=f"Лид: {title}.",
        cover=cover,
        date=date or datetime.date(2026, 11, 27),
        body=list(body),
    )
    news.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def full_body(now):
    """One of every block type (video and live twice: both variants of each)."""
    photo = make_image("Зал", colour="red")
    second = make_image("Холл", colour="green")
    graphic = make_image("Инфографика", colour="white")
    gif = make_document("Анимация", "anim.gif", b"GIF89a\x01\x00\x01\x00")
    mp4 = make_document("Ролик", "clip.mp4", b"\x00\x00\x00\x18ftypmp42")
    return [
        (
            "text",
            '<p>Выплаты <b>выросли</b>, <a href="https://www.gosuslugi.ru">Госуслуги</a>.'
            "</p><script>alert('x')</script><p onclick=\"steal()\">Абзац</p>",
        ),
        (
            "photo",
            {
                "image": photo,
                "caption": "Светлый зал с тренажёрами",
                "alt": "Зал с тренажёрами и пандусом",
                "credit": "Иван Петров",
            },
        ),
        (
            "gallery",
            {
                "title": "Открытие центра",
                "photos": [
                    {
                        "image": photo,
                        "caption": "Ленточку перерезают ветераны",
                        "alt": "Ветераны у входа",
                        "credit": "Пресс-служба",
                    },
                    {
                        "image": second,
                        "caption": "Первые посетители",
                        "alt": "Посетители в холле",
                        "credit": "",
                    },
                ],
            },
        ),
        (
            "infographic",
            {
                "image": graphic,
                "title": "Кому положена выплата",
                "text_alternative": "Семьям с доходом ниже минимума: 12 400 рублей.",
                "source": "Минсоцзащиты Кузбасса",
            },
        ),
        (
            "cards",
            {
                "title": "Как получить выплату",
                "cards": [
                    {
                        "image": second,
                        "title": "1. Заявление",
                        "text": "На Госуслугах.",
                    },
                    {"image": None, "title": "2. Ответ", "text": "За 10 рабочих дней."},
                ],
            },
        ),
        ("animation", {"file": gif, "caption": "Заявление за минуту"}),
        ("animation", {"file": mp4, "caption": "Ролик-инструкция"}),
        (
            "video",
            {
                "file": mp4,
                "url": "",
                "title": "Видео из зала",
                "description": "",
                "cover": photo,
            },
        ),
        (
            "video",
            {
                "file": None,
                "url": "https://rutube.ru/video/0123456789abcdef/",
                "title": "Министр отвечает на вопросы",
                "description": "Прямая линия о выплатах.",
                "cover": second,
            },
        ),
        (
            "live",
            {
                "url": "https://vk.com/video_ext.php?oid=-1&id=1",
                "start": now + datetime.timedelta(days=2),
                "title": "Эфир в пятницу",
                "description": "",
            },
        ),
        (
            "live",
            {
                "url": "https://vk.com/video_ext.php?oid=-1&id=2",
                "start": now - datetime.timedelta(minutes=20),
                "title": "Эфир сейчас",
                "description": "Отвечаем на вопросы.",
            },
        ),
        (
            "poll",
            {
                "question": "Как вам удобнее подавать заявления?",
                "options": ["На Госуслугах", "В МФЦ", "В управлении соцзащиты"],
                "multiple": False,
                "anonymous": True,
                "closes_at": datetime.datetime(
                    2026, 12, 10, 18, 0, tzinfo=datetime.UTC
                ),
            },
        ),
        (
            "contest",
            {
                "title": "Фотоконкурс «Моя семья»",
                "terms": "Пришлите семейное фото.",
                "start": datetime.date(2026, 12, 1),
                "end": datetime.date(2026, 12, 20),
                "how_to_enter": "Отправьте фото в сообщения сообщества.",
                "prize": "Поездка в Шерегеш",
                "link": "https://example.org/contest",
            },
        ),
        (
            "quote",
            {
                "text": "Помощь должна приходить к людям сама.",
                "author": "Елена Воронина",
                "role": "министр социальной защиты",
            },
        ),
    ]


def build_tree():
    root = Page.get_first_root_node()
    home = HomePage(
        title="Главная", slug="site-home", intro="Новости министерства для жителей."
    )
    root.add_child(instance=home)
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost",
        port=80,
        root_page=home,
        is_default_site=True,
        site_name=SITE_NAME,
    )
    news = NewsIndexPage(title="Новости", slug="news")
    home.add_child(instance=news)
    return home, news


@pytest.fixture
def tree(db):
    return build_tree()


@pytest.fixture(scope="module")
def piece(django_db_setup, django_db_blocker, tmp_path_factory):
    """The full piece is built and rendered once for the module, then rolled back:
    images, renditions and publishing are the slow part of these tests."""
    media = tmp_path_factory.mktemp("media")
    clear_caches()
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media),
        transaction.atomic(),
    ):
        _, news = build_tree()
        cover = make_image("Обложка", alt="Новый центр реабилитации снаружи")
        page = add_piece(
            news,
            "Открылся центр реабилитации",
            slug="centr",
            cover=cover,
            body=full_body(timezone.now()),
            tags=["соцзащита", "Кузбасс"],
        )
        response = Client().get(page.url)
        assert response.status_code == 200
        rendered = RenderedPiece(
            soup=BeautifulSoup(response.content, "html.parser"),
            title=page.title,
            lead=page.lead,
            first_published_at=page.first_published_at,
        )
        transaction.set_rollback(True)
    clear_caches()
    return rendered


@dataclass
class RenderedPiece:
    soup: BeautifulSoup
    title: str
    lead: str
    first_published_at: datetime.datetime


def get_soup(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def blocks_of(soup, name):
    return soup.select(f".piece__body .block-{name}")


# --- every block on a news piece -------------------------------------------------------


def test_text_block_keeps_formatting_and_drops_scripts(piece):
    text = blocks_of(piece.soup, "text")[0]
    assert text.find("b").get_text() == "выросли"
    assert text.find("a")["href"] == "https://www.gosuslugi.ru"
    assert text.find("script") is None and "alert" not in str(text)
    assert "onclick" not in str(text)
    assert "Абзац" in text.get_text()


def test_photo_block_has_alt_caption_credit_and_srcset(piece):
    figure = blocks_of(piece.soup, "photo")[0]
    img = figure.find("img")
    assert img["alt"] == "Зал с тренажёрами и пандусом"
    assert "width-480" in img["srcset"] and "width-800" in img["srcset"]
    assert img["src"].startswith("/media/images/")
    caption = figure.find("figcaption").get_text(" ", strip=True)
    assert "Светлый зал с тренажёрами" in caption
    assert "Иван Петров" in caption


def test_gallery_block_is_a_grid_of_captioned_links_to_large_photos(piece):
    gallery = blocks_of(piece.soup, "gallery")[0]
    assert gallery.find("h2").get_text() == "Открытие центра"
    items = gallery.select(".gallery-grid > li")
    assert len(items) == 2
    assert [li.find("img")["alt"] for li in items] == [
        "Ветераны у входа",
        "Посетители в холле",
    ]
    assert "width-1600" in items[0].find("a")["href"]
    assert "Ленточку перерезают ветераны" in items[0].find("figcaption").get_text()
    assert "Пресс-служба" in items[0].find("figcaption").get_text()
    assert items[1].select(".credit") == []


def test_infographic_offers_its_text_alternative(piece):
    block = blocks_of(piece.soup, "infographic")[0]
    details = block.find("details")
    assert details.find("summary").get_text(strip=True)
    text = details.get_text()
    assert "12 400 рублей" in text
    img = block.find("img")
    described = block.find(id=img["aria-describedby"])
    assert described is not None and "12 400 рублей" in described.get_text()
    assert "Минсоцзащиты Кузбасса" in block.find("figcaption").get_text()


def test_cards_block_is_a_list_of_cards(piece):
    block = blocks_of(piece.soup, "cards")[0]
    cards = block.select(".cards-grid > li.card")
    assert [c.find("h3").get_text() for c in cards] == ["1. Заявление", "2. Ответ"]
    assert cards[0].find("img")["alt"] == ""  # decorative, the title says it all
    assert cards[1].find("img") is None
    assert "За 10 рабочих дней." in cards[1].get_text()


def test_animation_is_an_img_for_gif_and_a_silent_loop_for_mp4(piece):
    gif, mp4 = blocks_of(piece.soup, "animation")
    img = gif.find("img")
    assert img["src"].endswith("anim.gif") and img["alt"] == "Заявление за минуту"
    video = mp4.find("video")
    for attribute in ("autoplay", "muted", "loop", "playsinline"):
        assert video.has_attr(attribute), attribute
    assert not video.has_attr("controls")
    assert video.find("source")["type"] == "video/mp4"
    assert mp4.find("figcaption").get_text() == "Ролик-инструкция"


def test_video_file_has_controls_and_a_link_gets_a_plain_link(piece):
    soup = piece.soup
    as_file, as_link = blocks_of(soup, "video")
    video = as_file.find("video")
    assert video.has_attr("controls") and "fill-1280x720" in video["poster"]
    assert video.find("source")["src"].endswith("clip.mp4")
    link = as_link.find("a", class_="video-link")
    assert link["href"] == "https://rutube.ru/video/0123456789abcdef/"
    assert "RuTube" in link.get_text()
    assert soup.find("iframe") is None  # no third-party players by default


def test_live_block_shows_status_and_local_start_time(piece):
    upcoming, now_live = blocks_of(piece.soup, "live")
    assert "block-live--upcoming" in upcoming["class"]
    assert "block-live--live" in now_live["class"]
    assert "Идёт сейчас" in now_live.get_text()
    assert "Начнётся" in upcoming.get_text()
    stamp = upcoming.find("time")["datetime"]
    assert stamp.endswith("+07:00")  # Asia/Novokuznetsk
    assert upcoming.find("a")["href"].startswith("https://vk.com/")


def test_poll_lists_options_without_a_form(piece):
    poll = blocks_of(piece.soup, "poll")[0]
    assert poll.find("h2").get_text() == "Как вам удобнее подавать заявления?"
    options = [li.get_text() for li in poll.select(".block-poll__options li")]
    assert options == ["На Госуслугах", "В МФЦ", "В управлении соцзащиты"]
    assert poll.find("form") is None and poll.find("input") is None
    assert "сообществах министерства" in poll.get_text()
    # 18:00 UTC is 01:00 the next day in Kemerovo.
    closes = poll.find("time")
    assert closes["datetime"].startswith("2026-12-11T01:00:00+07:00")
    assert "11 декабря 2026" in closes.get_text()


def test_contest_block_has_dates_terms_prize_and_link(piece):
    contest = blocks_of(piece.soup, "contest")[0]
    text = contest.get_text(" ", strip=True)
    for expected in (
        "Фотоконкурс «Моя семья»",
        "1 декабря 2026",
        "20 декабря 2026",
        "Пришлите семейное фото.",
        "Отправьте фото в сообщения сообщества.",
        "Поездка в Шерегеш",
    ):
        assert expected in text
    assert contest.find("a", class_="button")["href"] == "https://example.org/contest"


def test_quote_block_is_a_blockquote_with_author(piece):
    figure = blocks_of(piece.soup, "quote")[0]
    assert "Помощь должна" in figure.find("blockquote").get_text()
    caption = figure.find("figcaption")
    assert caption.select_one(".block-quote__author").get_text() == "Елена Воронина"
    assert "министр социальной защиты" in caption.get_text()


def test_piece_page_structure(piece):
    soup = piece.soup
    assert soup.html["lang"] == "ru"
    assert [h.get_text() for h in soup.find_all("h1")] == [piece.title]
    skip = soup.find("a", class_="skip-link")
    assert skip["href"] == "#main" and soup.find("main", id="main")
    assert soup.find("header") and soup.find("nav") and soup.find("footer")
    assert soup.select_one(".piece__meta time").get_text() == "27 ноября 2026"
    assert soup.select_one(".piece__lead").get_text() == piece.lead
    cover = soup.select_one(".piece__cover img")
    assert cover["alt"] == "Новый центр реабилитации снаружи"
    tags = [a.get_text() for a in soup.select(".piece__foot a.tag")]
    assert sorted(tags) == ["#Кузбасс", "#соцзащита"]
    assert soup.select_one(".piece__foot a.tag")["href"].startswith("/news/?tag=")
    footer = soup.find("footer", class_="site-footer")
    assert SITE_NAME in footer.get_text()
    assert footer.find("a", href="/sitemap.xml")


def test_no_external_assets(piece):
    """No web fonts, CDN scripts or third-party frames: assets are the site's own."""
    soup = piece.soup
    for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src")):
        for element in soup.find_all(tag):
            if tag == "link" and element.get("rel") in (["canonical"], ["alternate"]):
                continue
            url = element.get(attribute)
            if url:
                assert not urlsplit(url).netloc, f"external {tag}: {url}"


# --- link previews -----------------------------------------------------------------------


def meta(soup, key):
    element = soup.find("meta", attrs={"property": key}) or soup.find(
        "meta", attrs={"name": key}
    )
    return element["content"] if element else None


def test_opengraph_and_twitter_tags_use_absolute_urls(piece):
    soup = piece.soup
    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical == "http://localhost/news/centr/"
    assert meta(soup, "og:url") == canonical
    assert meta(soup, "og:title") == piece.title
    assert meta(soup, "og:description") == piece.lead
    assert meta(soup, "og:type") == "article"
    image = meta(soup, "og:image")
    assert image.startswith("http://localhost/media/images/")
    assert "fill-1200x630" in image
    # Renditions never upscale: a small test image gives a smaller 1.91:1 crop.
    ratio = int(meta(soup, "og:image:width")) / int(meta(soup, "og:image:height"))
    assert ratio == pytest.approx(1200 / 630, rel=0.01)
    published = datetime.datetime.fromisoformat(meta(soup, "article:published_time"))
    assert published == piece.first_published_at
    assert meta(soup, "twitter:card") == "summary_large_image"
    assert meta(soup, "twitter:image") == image
    rss = soup.find("link", attrs={"type": "application/rss+xml"})
    assert rss["href"] == "/rss/"


def test_og_image_falls_back_to_the_first_photo(client, tree):
    _, news = tree
    photo = make_image("Фото", colour="red")
    page = add_piece(
        news,
        "Без обложки",
        slug="no-cover",
        body=[("photo", {"image": photo, "alt": "Фото", "caption": "", "credit": ""})],
    )
    soup = get_soup(client, page.url)
    image = meta(soup, "og:image")
    assert image.startswith("http://localhost/") and "fill-1200x630" in image
    assert photo.file.name.rsplit("/", 1)[-1].split(".")[0] in image


def test_home_page_has_intro_latest_news_and_website_meta(client, tree):
    home, news = tree
    add_piece(news, "Первая новость", slug="first")
    soup = get_soup(client, home.url)
    assert [h.get_text() for h in soup.find_all("h1")] == [SITE_NAME]
    assert "Новости министерства для жителей." in soup.select_one(".hero").get_text()
    assert soup.select_one(".news-card__title a").get_text() == "Первая новость"
    assert meta(soup, "og:type") == "website"
    assert soup.find("link", rel="canonical")["href"] == "http://localhost/"
    # No picture of its own: the site's default preview, still an absolute URL.
    assert meta(soup, "og:image") == "http://localhost/static/img/og-default.png"
    assert meta(soup, "twitter:card") == "summary_large_image"


# --- news list ---------------------------------------------------------------------------


def test_news_list_paginates(client, tree):
    _, news = tree
    start = datetime.date(2026, 11, 1)
    for number in range(NEWS_PER_PAGE + 1):
        add_piece(
            news,
            f"Новость {number}",
            slug=f"n{number}",
            date=start + datetime.timedelta(days=number),
        )
    first = get_soup(client, news.url)
    titles = [a.get_text() for a in first.select(".news-card__title a")]
    assert len(titles) == NEWS_PER_PAGE
    assert titles[0] == f"Новость {NEWS_PER_PAGE}"  # newest first
    nav = first.find("nav", class_="pagination")
    assert nav.find("a", rel="next")["href"] == "?page=2"
    assert (
        nav.find("a", attrs={"aria-current": "page"}).get_text(strip=True).endswith("1")
    )
    second = get_soup(client, news.url, data={"page": 2})
    assert [a.get_text() for a in second.select(".news-card__title a")] == ["Новость 0"]
    assert second.find("a", rel="prev")["href"] == "?page=1"


def test_news_list_filters_by_tag_and_keeps_the_tag_in_page_links(client, tree):
    _, news = tree
    for number in range(NEWS_PER_PAGE + 2):
        add_piece(news, f"Выплата {number}", slug=f"v{number}", tags=["выплаты"])
    add_piece(news, "Про ветеранов", slug="vet", tags=["ветераны"])
    soup = get_soup(client, news.url, data={"tag": "ветераны"})
    assert [a.get_text() for a in soup.select(".news-card__title a")] == [
        "Про ветеранов"
    ]
    assert soup.find("nav", class_="pagination") is None
    filter_links = {
        a.get_text(): a for a in soup.select(".tag-filter a.tag")
    }  # most used first
    assert list(filter_links)[:3] == ["Все", "#выплаты", "#ветераны"]
    assert filter_links["#ветераны"]["aria-current"] == "page"
    assert (
        filter_links["#выплаты"]["href"]
        == "/news/?tag=%D0%B2%D1%8B%D0%BF%D0%BB%D0%B0%D1%82%D1%8B"
    )

    tagged = get_soup(client, news.url, data={"tag": "выплаты"})
    assert len(tagged.select(".news-card")) == NEWS_PER_PAGE
    next_href = tagged.find("a", rel="next")["href"]
    assert "page=2" in next_href and "tag=" in next_href


# --- error pages and the version for the visually impaired -------------------------------


def test_404_page_is_the_sites_own(client, tree):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h1").get_text() == "Страница не найдена"
    assert soup.find("a", class_="skip-link")
    assert soup.find("a", href="/", class_="button")


@pytest.mark.django_db
def test_500_template_renders_without_a_request():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "<h1>" in html and 'lang="ru"' in html


@pytest.mark.parametrize(
    ("query", "cookie", "expected"),
    [
        ({}, None, False),
        ({"a11y": "1"}, None, True),
        ({}, "1", True),
        ({"a11y": "0"}, "1", False),
    ],
)
def test_version_for_the_visually_impaired(client, tree, query, cookie, expected):
    home, _ = tree
    if cookie:
        client.cookies["a11y"] = cookie
    soup = get_soup(client, home.url, data=query)
    assert ("a11y" in soup.html.get("class", [])) is expected
    toggle = soup.find("a", class_="a11y-toggle")
    assert toggle["href"] == ("?a11y=0" if expected else "?a11y=1")
    assert toggle["aria-pressed"] == ("true" if expected else "false")
    label = "Обычная версия" if expected else "Версия для слабовидящих"
    assert toggle.get_text(strip=True) == label


@pytest.mark.django_db
def test_block_previews_in_the_admin_use_the_site_styles(admin_client):
    quote = NewsPage.body.field.stream_block.child_blocks["quote"]
    response = admin_client.get(
        "/admin/block-preview/", {"id": quote.definition_prefix}
    )
    assert response.status_code == 200, response.status_code
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("link", rel="stylesheet")["href"] == "/static/css/site.css"
    quote = soup.select_one(".piece__body > figure.block-quote")
    assert quote is not None and quote.find("blockquote")
