"""Page types, the block vocabulary and the public site's feeds, in the manner of
Wagtail's WagtailPageTestCase."""

from __future__ import annotations

import pytest
from wagtail.test.utils import WagtailPageTestCase

from cms.blocks import PieceStreamBlock
from cms.models import HomePage, NewsIndexPage, NewsPage

BLOCK_NAMES = [
    "text", "photo", "gallery", "infographic", "cards", "animation",
    "video", "live", "poll", "contest", "quote",
]  # fmt: skip


class PageTreeRulesTests(WagtailPageTestCase):
    def test_news_piece_lives_only_under_the_news_list(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedSubpageTypes(HomePage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())


def test_block_vocabulary_is_the_agreed_one():
    assert list(PieceStreamBlock().child_blocks) == BLOCK_NAMES


@pytest.mark.django_db
@pytest.mark.parametrize("name", BLOCK_NAMES)
def test_every_block_has_icon_template_and_a_renderable_preview(name, image):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    get_document_model().objects.create(
        title="anim", file=ContentFile(b"GIF89a", name="a.gif")
    )
    block = PieceStreamBlock().child_blocks[name]
    assert block.meta.icon and block.meta.icon != "placeholder"
    assert block.meta.template == f"cms/blocks/{name}.html"
    value = block.get_preview_value()
    html = block.render(value)
    assert html.strip(), f"{name} preview renders empty"


@pytest.mark.django_db
def test_poll_needs_two_to_twelve_options():
    from django.core.exceptions import ValidationError

    poll = PieceStreamBlock().child_blocks["poll"]
    base = {"question": "?", "multiple": False, "anonymous": True, "closes_at": None}
    poll.clean(poll.to_python({**base, "options": ["a", "b"]}))
    for options in (["a"], [str(i) for i in range(13)]):
        with pytest.raises(ValidationError):
            poll.clean(poll.to_python({**base, "options": options}))


@pytest.mark.django_db
def test_video_needs_a_file_or_a_link():
    from django.core.exceptions import ValidationError

    video = PieceStreamBlock().child_blocks["video"]
    with pytest.raises(ValidationError):
        video.clean(video.to_python({"title": "Без источника"}))
    video.clean(
        video.to_python({"title": "Ссылка", "url": "https://rutube.ru/video/x/"})
    )


@pytest.mark.django_db
def test_news_page_is_served_with_its_lead(client, news_page):
    response = client.get(news_page.url)
    assert response.status_code == 200
    assert news_page.lead in response.content.decode()


@pytest.mark.django_db
def test_rss_feed_lists_live_pieces_with_lead_and_image(client, news_page):
    response = client.get("/rss/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<rss" in body and news_page.title in body and news_page.lead in body
    assert "<enclosure" in body and "<category>соцзащита</category>" in body


@pytest.mark.django_db
def test_sitemap_lists_the_piece(client, news_page):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert news_page.full_url in response.content.decode()


@pytest.mark.django_db
def test_news_index_lists_and_filters_by_tag(client, news_page, site_tree):
    _, news = site_tree
    assert news_page.title in client.get(news.url).content.decode()
    assert news_page.title not in client.get(news.url + "?tag=другое").content.decode()
    assert news_page.title in client.get(news.url + "?tag=соцзащита").content.decode()
