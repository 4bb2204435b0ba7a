"""Readable links (issue 17): new pieces get Latin slugs, and every network post links
the piece by its short address: ASCII, no percent-escapes, a path of at most 60
characters, redirecting to the piece even after its slug changes."""

from __future__ import annotations

import re

import pytest

from cms.links import latin_slug, transliterate
from syndication.networks import get_network, rendering_codes
from syndication.render.page_reader import piece_from_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def piece_page(site_tree):
    """A published piece on the site, as the networks link it."""
    from cms.models import NewsPage

    _, news = site_tree
    page = news.add_child(
        instance=NewsPage(
            title="Выплаты выросли",
            slug="vyplaty",
            lead="С 1 декабря пособие выросло на 8 %.",
            body=[("text", "<p>Новую сумму начислят сами.</p>")],
        )
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


LONG_TITLE = (
    "Щедрые выплаты семьям с детьми в Кузбассе выросли на 8 % — объясняем, "
    "кому положена прибавка и как её получить без очереди"
)


def test_transliteration_reads_as_russian_sites_write_it():
    assert transliterate("Щука, ёж, чай, хлеб, цех, юг, яма, подъезд, семья") == (
        "shchuka, ezh, chay, khleb, tsekh, yug, yama, podezd, semya"
    )
    assert latin_slug("Выплаты семьям выросли на 8 %") == "vyplaty-semyam-vyrosli-na-8"


def test_a_new_piece_gets_a_latin_slug_from_its_title(piece_page):
    from cms.models import NewsPage

    news = piece_page.get_parent()
    page = news.add_child(instance=NewsPage(title=LONG_TITLE, lead="Лид."))
    assert page.slug.isascii() and page.slug.startswith("shchedrye-vyplaty-semyam")
    typed = news.add_child(
        instance=NewsPage(title="Другое", slug="центр-открыт", lead="Лид.")
    )
    assert typed.slug == "tsentr-otkryt"


def test_a_published_cyrillic_slug_stays(piece_page):
    """Links to a page published before this change are out in the world."""
    from wagtail.models import Page

    Page.objects.filter(pk=piece_page.pk).update(slug="выплаты")
    piece_page.refresh_from_db()
    piece_page.lead = "Новый лид."
    piece_page.save_revision().publish()
    piece_page.refresh_from_db()
    assert piece_page.slug == "выплаты"


def test_every_network_post_links_the_short_ascii_address(piece_page, client):
    from wagtail.models import Page

    Page.objects.filter(pk=piece_page.pk).update(slug=LONG_TITLE[:200].lower())
    piece_page.refresh_from_db()
    piece = piece_from_page(piece_page)
    path = "/" + piece.url.split("://", 1)[1].split("/", 1)[1]
    assert piece.url.isascii() and "%" not in piece.url and len(path) <= 60
    linked = set()
    for code in rendering_codes():
        post = get_network(code).render(piece)
        text = " ".join(m.text for m in post.messages)
        links = re.findall(r"https?://[^\s\"'<>)]+", text)
        site_links = [link for link in links if "/n/" in link or "/news/" in link]
        assert all(link == piece.url for link in site_links), (code, links)
        assert all("%" not in link for link in links), (code, links)
        if site_links:
            linked.add(code)
    # The short posts link the piece; a Telegraph page is the text itself.
    assert {"vk", "ok", "telegram", "max"} <= linked, linked
    answer = client.get(path)
    assert answer.status_code == 302
    assert answer["Location"] == piece_page.url  # today's canonical address


def test_the_short_link_follows_a_slug_change_and_hides_drafts(piece_page, client):
    piece_page.slug = "novyy-adres"
    piece_page.save_revision().publish()
    answer = client.get(f"/n/{piece_page.pk}/")
    assert answer.status_code == 302 and answer["Location"].endswith("/novyy-adres/")
    piece_page.unpublish()
    assert client.get(f"/n/{piece_page.pk}/").status_code == 404
    assert client.get("/n/999999/").status_code == 404
