"""The poll dead end (issue 17): the MAX post says «vote on the site»; the site's poll
now links the posts that carry the native poll (VK, OK, Telegram), so no reader is
sent in a circle."""

from __future__ import annotations

import pytest

from syndication.models import Delivery
from tests.syndication.test_delivery_support import make_account

pytestmark = pytest.mark.django_db

POLL = {"question": "Как вам удобнее?", "options": ["Госуслуги", "МФЦ"]}


@pytest.fixture
def poll_page(site_tree):
    from cms.models import NewsPage

    _, news = site_tree
    page = news.add_child(
        instance=NewsPage(
            title="Опрос", slug="opros", lead="Лид.", body=[("poll", POLL)]
        )
    )
    page.save_revision().publish()
    return page


def test_the_site_poll_links_the_native_polls(client, poll_page):
    vk, max_ = make_account("vk", "11"), make_account("max", "12")
    for account, url in (
        (vk, "https://vk.com/wall-11_5"),
        (max_, "https://max.ru/c/5"),
    ):
        Delivery.objects.create(
            page=poll_page, account=account, status=Delivery.Status.SENT,
            remote_url=url,
        )  # fmt: skip
    html = client.get(poll_page.url).content.decode()
    assert 'Проголосовать: <a href="https://vk.com/wall-11_5"' in html
    assert "max.ru" not in html  # MAX sends the poll as text: no circle


def test_before_the_posts_are_out_it_says_so(client, poll_page):
    html = client.get(poll_page.url).content.decode()
    assert "Голосование откроется в сообществах министерства" in html
