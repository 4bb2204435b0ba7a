"""The «Соцсети» card of a Facebook account: the post as the Page shows it."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string

from accounts_registry.models import Account
from syndication import content as c
from syndication.networks import get_network
from syndication.views.preview import preview_items
from tests.syndication import samples

pytestmark = pytest.mark.django_db


def card(piece) -> str:
    network = get_network("facebook")
    account = Account(network="facebook", name="Вестник", external_id="1")
    post = network.render(piece, account)
    preview = {
        "account": account,
        "network": network,
        "post": post,
        "messages": preview_items(network, post),
        "warnings": post.warnings,
    }
    return render_to_string("syndication/preview/card.html", {"preview": preview})


def test_text_post_shows_escaped_paragraphs_the_link_card_and_the_counter():
    piece = samples.base_piece(
        [c.Paragraph((c.Run("<b>не тег</b> & текст."),)), samples.poll(3)]
    )
    html = card(piece)
    assert "sp-facebook-post" in html
    assert "&lt;b&gt;не тег&lt;/b&gt; &amp; текст." in html and "<b>не тег" not in html
    assert "sp-facebook-link" in html and samples.URL in html
    assert "/ 60000" in html
    assert "В Facebook-страницах нет опросов" in html


def test_photo_post_has_no_link_card_and_videos_follow():
    video = c.Video("Прямая линия", file_url="https://site.ru/media/v.mp4")
    html = card(samples.base_piece([samples.paragraph(1, 1), samples.photo(1), video]))
    assert "sp-facebook-link" not in html
    assert "<img" in html and "photo-1" in html
    assert "Отдельное видео на странице" in html and "Прямая линия" in html
