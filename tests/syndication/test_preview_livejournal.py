"""The «Соцсети» preview of a LiveJournal account: the subject, the part above the
cut, the cut link with the rest to expand, tags and the byte counter."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from syndication.networks import get_network
from syndication.networks.base import Message
from tests.syndication import samples

pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    return client


def test_the_entry_splits_at_the_cut_and_every_part_is_cleaned():
    network = get_network("livejournal")
    post = network.render(samples.every_block_piece())
    view = network.preview(post.messages[0])
    assert str(view["body"]).startswith("<p>Приём заявлений продлён")
    assert view["cut_label"] == "Читать дальше"
    assert "<h2>Кто может подать</h2>" in str(view["rest"])
    assert "Подробнее:" in str(view["after"])
    assert view["limit"] == 60_000 and not view["over"]
    assert view["count"] == len(post.messages[0].text.encode())

    evil = Message("postevent", '<p>a</p><script>x()</script><lj-cut text="&lt;b&gt;">'
                   '<img src="x" onerror="y()"></lj-cut>', "livejournal_html",
                   options={"subject": "S"})  # fmt: skip
    view = network.preview(evil)
    assert "<script" not in str(view["body"]) and "onerror" not in str(view["rest"])
    assert view["cut_label"] == "<b>"  # escaped by the template, not marked safe


def test_the_card_shows_subject_cut_link_and_expandable_rest(editor, piece_page):
    from tests.syndication.test_delivery_support import make_account

    journal = make_account("livejournal", "vestnik-lj")
    editor.post(
        reverse("syndication_page", args=[piece_page.pk]),
        {"accounts": [journal.pk], "schedule_mode": "now"},
    )
    html = editor.get(reverse("syndication_preview", args=[piece_page.pk]))
    html = html.content.decode()
    assert "sp-lj-entry" in html and "Запись в LiveJournal" in html
    assert f'<h3 class="sp-lj-subject">{piece_page.title}</h3>' in html
    assert '<summary>( <span class="sp-lj-cut-link">Читать дальше</span> )' in html
    assert "<p>Новую сумму начислят сами.</p>" in html  # the rest, inside <details>
    assert "&lt;lj-cut" not in html and "<lj-cut" not in html
    assert re.search(r"sp-counter[^>]*>\s*\d+ / 60000", html)
