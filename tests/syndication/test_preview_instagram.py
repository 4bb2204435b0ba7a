"""The Instagram card of the «Соцсети» preview: the square media first (the generated
card drawn into a data: URI), the caption below, the caption and hashtag counters."""

from __future__ import annotations

import base64
import io

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from PIL import Image

from accounts_registry.models import Account
from accounts_registry.restricted import decide
from syndication import content as c
from syndication.models import PageSyndication
from syndication.networks import get_network
from syndication.views.preview import preview_items
from tests.syndication import samples

pytest_plugins = ["tests.syndication.test_delivery_support"]
instagram = get_network("instagram")


def image_of(uri: str) -> Image.Image:
    head, data = uri.split(",", 1)
    assert head == "data:image/jpeg;base64"
    return Image.open(io.BytesIO(base64.b64decode(data)))


def test_text_only_piece_shows_the_drawn_card_and_counters():
    post = instagram.render(samples.base_piece([samples.paragraph(1, 2)]))
    (view,) = preview_items(instagram, post)
    (card,) = view["photos"]
    assert image_of(card.url).size == (540, 540)
    assert view["media_type"] == "IMAGE"
    assert (view["hashtags"], view["hashtag_limit"], view["hashtags_over"]) == (
        3,
        30,
        False,
    )
    assert view["limit"] == 2200 and view["count"] == len(post.messages[0].text)
    html = render_to_string(
        "syndication/preview/card.html",
        {"preview": {"account": Account(network="instagram", name="IG"),
                     "network": instagram, "messages": [view], "warnings": post.warnings}},
    )  # fmt: skip
    assert "sp-instagram" in html and 'src="data:image/jpeg;base64,' in html
    assert "#&nbsp;3 / 30" in html and f"{view['count']} / 2200" in html
    # Media first, the caption below it.
    assert html.index("sp-ig-media") < html.index("sp-ig-caption")


def test_the_card_is_drawn_over_a_local_cover(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.MEDIA_URL = "/media/"
    Image.new("RGB", (800, 800), (230, 20, 20)).save(tmp_path / "cover.png")
    cover = c.Photo("https://vestnik.example.ru/media/cover.png")
    post = instagram.render(samples.base_piece([samples.paragraph(1, 1)], cover=cover))
    view = instagram.preview(post.messages[0])
    r, g, b = image_of(view["photos"][0].url).convert("RGB").getpixel((3, 3))
    assert r > b  # the darkened red cover, not the plain blue card


def test_a_carousel_shows_its_count_and_strip():
    post = instagram.render(samples.photos_piece(3))
    view = instagram.preview(post.messages[0])
    html = render_to_string("syndication/preview/instagram.html", {"item": view})
    assert "1/3" in html and "sp-ig-strip" in html
    assert html.count('src="https://vestnik.example.ru/media/images/photo-') == 4


@pytest.mark.django_db
def test_the_page_preview_has_the_instagram_card(client, django_user_model, piece_page):
    user = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    decide("instagram", True, reason="The region keeps its account", actor="test")
    account = Account(
        network="instagram", name="Вестник Instagram", external_id="17841"
    )
    account.set_credential(
        {"access_token": "token-value-123456", "ig_user_id": "17841"}
    )
    account.save()
    choice, _ = PageSyndication.objects.get_or_create(page=piece_page)
    choice.accounts.set([account])
    PageSyndication.objects.filter(pk=choice.pk).update(accounts_chosen=True)
    html = client.get(
        reverse("syndication_preview", args=[piece_page.pk])
    ).content.decode()
    assert "sp-instagram" in html and "Вестник Instagram" in html
    assert "sp-ig-hashtags" in html and "/ 2200" in html
