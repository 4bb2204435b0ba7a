"""The «Соцсети» preview of a MAX account: MAX's HTML cleaned with its allow-list,
the counter on the markup as sent, images with the text."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from syndication.networks import get_network
from syndication.networks.base import Attachment, Message

pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    return client


def test_message_view_cleans_and_counts_the_markup():
    text = '<b>Итоги</b> <mark>важно</mark><script>x()</script>\n<a href="javascript:x">ссылка</a>'
    photo = Attachment("photo", None, "https://site.ru/p.jpg")
    view = get_network("max").preview(Message("send", text, "html", (photo,)))
    body = str(view["body"])
    assert "<b>Итоги</b>" in body and "<mark>важно</mark>" in body
    assert "<script>" not in body and "javascript" not in body and "<br>" in body
    assert view["count"] == len(text) and view["limit"] == 4000
    assert view["photos"] == [photo]


def test_max_card_in_the_page_preview(editor, piece_page):
    from tests.syndication.test_delivery_support import make_account

    account = make_account("max", "-70000000000042")
    editor.post(
        reverse("syndication_page", args=[piece_page.pk]),
        {"accounts": [account.pk], "schedule_mode": "now"},
    )
    html = editor.get(reverse("syndication_preview", args=[piece_page.pk])).content
    html = html.decode()
    assert "sp-max" in html and "sp-max-message" in html
    assert "пособие выросло" in html
    assert re.search(r"sp-counter[^>]*>\s*\d+ / 4000", html)
