"""Every network preview shows the style score of the text that network gets, and
says so when the post opens with a lead that reads like a press release."""

from __future__ import annotations

import re

import pytest
from django.template import Context, Template
from django.urls import reverse

from accounts_registry.models import Account
from cms import roles
from syndication.content import Paragraph, Piece, Run
from syndication.networks import get_network
from tests.voice.panel_support import (
    BUREAUCRATIC_LEAD,
    PLAIN_LEAD,
    make_piece,
    make_user,
)
from voice.checker import check
from voice.previews import post_text, score_post_text


def render_post(lead: str, network: str = "telegram"):
    piece = Piece(
        title="Выплаты выросли",
        lead=lead,
        url="https://example.org/news/vyplaty/",
        blocks=(Paragraph(runs=(Run("Новую сумму начислят сами."),)),),
    )
    account = Account(network=network, name="Минсоцзащиты", external_id="0")
    return get_network(network).render(piece, account)


def render(source: str, **context) -> str:
    return Template("{% load voice_tags %}" + source).render(Context(context))


def clarity_of(html: str) -> float:
    return float(re.search(r'data-voice-clarity="([\d.]+)"', html).group(1))


def test_score_post_text_checks_the_visible_text_of_every_message():
    post = render_post(PLAIN_LEAD, "telegram")
    text = post_text(post)
    assert "<a " not in text and "https://example.org/news/vyplaty/" in text
    assert text.startswith(PLAIN_LEAD)
    assert score_post_text(post).as_dict() == check(text).as_dict()


def test_voice_score_tag_renders_a_badge():
    html = render("{% voice_score text %}", text=BUREAUCRATIC_LEAD)
    assert clarity_of(html) == check(BUREAUCRATIC_LEAD).clarity
    assert "voice-badge--low" in html
    assert "Понятность" in html and "Казённый оборот" in html
    assert "Ниже порога 6: упростите текст." in html
    plain = render("{% voice_score text %}", text=PLAIN_LEAD)
    assert "voice-badge--good" in plain and "Ниже порога" not in plain


@pytest.mark.parametrize("network", ["vk", "ok", "telegram"])
def test_post_score_says_when_the_opening_reads_like_a_press_release(network):
    html = render(
        "{% voice_post_score post %}", post=render_post(BUREAUCRATIC_LEAD, network)
    )
    assert "data-voice-press-release" in html
    assert "звучит как пресс-релиз" in html
    plain = render("{% voice_post_score post %}", post=render_post(PLAIN_LEAD, network))
    assert "data-voice-press-release" not in plain
    assert clarity_of(plain) > clarity_of(html)


def test_post_score_of_a_failed_render_is_empty():
    assert render("{% voice_post_score post %}", post=None).strip() == ""


@pytest.mark.django_db
def test_syndication_preview_shows_the_score_of_each_post(
    client, site_tree, django_user_model
):
    _, news = site_tree
    editor = make_user(django_user_model, news, "editor", roles.EDITOR)
    page = make_piece(news, "Выплаты", BUREAUCRATIC_LEAD, "vyplaty")
    client.force_login(editor)
    response = client.get(reverse("syndication_preview", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    cards = html.count('class="sp-card ')
    assert cards >= 1
    assert html.count("voice-post-score") == cards
    assert html.count("data-voice-press-release") == cards
