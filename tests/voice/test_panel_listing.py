"""The page listing shows each piece's clarity; the chief editor sees the score of
every piece awaiting approval on the dashboard."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from cms import roles
from tests.voice.panel_support import (
    BUREAUCRATIC_LEAD,
    PLAIN_LEAD,
    make_piece,
    make_user,
)
from voice.pages import page_fields, page_scores

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(site_tree, django_user_model):
    return make_user(django_user_model, site_tree[1], "editor", roles.EDITOR)


@pytest.fixture
def chief(site_tree, django_user_model):
    return make_user(django_user_model, site_tree[1], "chief", roles.CHIEF_EDITOR)


def row_scores(html: str) -> dict[str, float]:
    """Page id -> the clarity its listing row shows."""
    found = re.findall(
        r'href="/admin/pages/(\d+)/edit/"[^>]*data-voice-clarity="([\d.]+)"'
        r'|data-voice-clarity="([\d.]+)"[^>]*href="/admin/pages/(\d+)/edit/"',
        html,
    )
    return {int(a or d): float(b or c) for a, b, c, d in found}


def test_listing_shows_the_clarity_of_each_draft(client, editor, site_tree):
    _, news = site_tree
    bad = make_piece(news, "Выплаты", BUREAUCRATIC_LEAD, "bad")
    good = make_piece(news, "Каток", PLAIN_LEAD, "good")
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_explore", args=[news.pk])).content.decode()
    scores = row_scores(html)
    assert scores == {
        bad.pk: page_scores(bad)["clarity"],
        good.pk: page_scores(good)["clarity"],
    }
    assert scores[bad.pk] < 6 <= scores[good.pk]
    assert "Понятность 10,0" in html
    assert html.count("voice-listing-score--low") == 1


def test_listing_score_follows_the_latest_draft(client, editor, site_tree):
    _, news = site_tree
    page = make_piece(news, "Выплаты", PLAIN_LEAD, "draft", publish=True)
    client.force_login(editor)
    url = reverse("wagtailadmin_explore", args=[news.pk])
    assert row_scores(client.get(url).content.decode())[page.pk] == 10.0
    page.lead = BUREAUCRATIC_LEAD
    page.save_revision()
    page.refresh_from_db()
    assert row_scores(client.get(url).content.decode())[page.pk] < 6


def test_page_fields_read_title_lead_and_prose_blocks(site_tree):
    from cms.models import NewsPage

    _, news = site_tree
    page = NewsPage(
        title="Заголовок",
        slug="fields",
        lead="Лид.",
        body=[
            ("text", "<p>Первый &amp; абзац.</p><ul><li>пункт</li></ul>"),
            ("quote", {"text": "Цитата.", "author": "Автор", "role": ""}),
        ],
    )
    news.add_child(instance=page)
    assert page_fields(page) == {
        "title": "Заголовок",
        "lead": "Лид.",
        "body-0": "Первый & абзац.\nпункт",
        "body-1-text": "Цитата.",
    }


def test_scores_are_cached_per_revision(site_tree, django_assert_max_num_queries):
    _, news = site_tree
    page = make_piece(news, "Выплаты", BUREAUCRATIC_LEAD, "cached")
    cache.clear()
    first = page_scores(page)
    with django_assert_max_num_queries(0):
        assert page_scores(page) == first


def submit_for_approval(page, user):
    from wagtail.models import Workflow

    workflow = Workflow.objects.get(name="Согласование публикации")
    workflow.start(page, user)


def test_chief_editor_sees_scores_of_pieces_awaiting_approval(
    client, editor, chief, site_tree
):
    _, news = site_tree
    bad = make_piece(news, "Казённая новость", BUREAUCRATIC_LEAD, "bad")
    good = make_piece(news, "Простая новость", PLAIN_LEAD, "good")
    make_piece(news, "Не отправлена", BUREAUCRATIC_LEAD, "idle")
    submit_for_approval(bad, editor)
    submit_for_approval(good, editor)
    client.force_login(chief)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Стиль материалов, ждущих вашего согласования" in html
    panel = html[html.index("data-voice-review-scores") :]
    panel = panel[: panel.index("</section>")]
    assert "Казённая новость" in panel and "Простая новость" in panel
    assert "Не отправлена" not in panel
    clarity = [float(v) for v in re.findall(r'data-voice-clarity="([\d.]+)"', panel)]
    assert sorted(clarity) == sorted(
        [page_scores(bad)["clarity"], page_scores(good)["clarity"]]
    )
    assert panel.count("ниже порога") == 1


def test_editor_without_review_rights_sees_no_review_panel(client, editor, site_tree):
    _, news = site_tree
    page = make_piece(news, "Казённая новость", BUREAUCRATIC_LEAD, "bad")
    submit_for_approval(page, editor)
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "data-voice-review-scores" not in html
