"""The «Стиль» panel is injected into the page editor, and a low score warns after
submitting for approval without blocking it."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation

from cms import roles
from tests.voice.panel_support import BUREAUCRATIC_LEAD, PLAIN_LEAD, make_user
from voice.wagtail_hooks import panel_strings

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(site_tree, django_user_model):
    return make_user(django_user_model, site_tree[1], "editor", roles.EDITOR)


def test_editor_page_carries_the_panel(client, editor, site_tree):
    _, news = site_tree
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=["cms", "newspage", news.pk])
    html = client.get(url).content.decode()
    assert 'id="voice-side-panel-template"' in html
    assert 'data-side-panel="voice"' in html
    assert 'data-side-panel-toggle="voice"' in html
    assert "voice/panel.js" in html
    assert f'data-check-url="{reverse("voice_check")}"' in html
    strings = json.loads(
        re.search(
            r'<script id="voice-panel-strings" type="application/json">(.*?)</script>',
            html,
            re.S,
        ).group(1)
    )
    assert strings["lead"] == "Лид"
    assert strings["replace"] == "Заменить на «%(text)s»"
    assert "Понятность" in html and "Читаемость" in html


def submit(client, news, lead):
    url = reverse("wagtailadmin_pages:add", args=["cms", "newspage", news.pk])
    data = {
        "title": "Выплаты",
        "slug": "vyplaty-" + str(abs(hash(lead)) % 10_000),
        "lead": lead,
        "date": "2026-11-28",
        "tags": "",
        "body-count": "0",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "action-submit": "1",
    }
    return client.post(url, data)


def test_low_clarity_warns_but_the_piece_is_submitted(client, editor, site_tree):
    from cms.models import NewsPage

    _, news = site_tree
    client.force_login(editor)
    response = submit(client, news, BUREAUCRATIC_LEAD)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsPage.objects.get(lead=BUREAUCRATIC_LEAD)
    # Not blocked: the piece is in the approval workflow.
    assert page.workflow_in_progress
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    warnings = [t for t in texts if "понятность" in t]
    assert len(warnings) == 1
    assert "ниже порога 6,0" in warnings[0]
    # The rest of the admin (Wagtail's workflow) says «согласование», not «модерация».
    assert warnings[0].startswith("Материал отправлен на согласование, но его")


def test_the_question_before_submitting_says_approval():
    with translation.override("ru"):
        question = str(panel_strings()["confirmSubmit"])
    assert question.endswith(" Всё равно отправить на согласование?"), question


def test_good_clarity_gets_no_warning(client, editor, site_tree):
    from cms.models import NewsPage

    _, news = site_tree
    client.force_login(editor)
    response = submit(client, news, PLAIN_LEAD)
    assert response.status_code == 302
    assert NewsPage.objects.get(lead=PLAIN_LEAD).workflow_in_progress
    assert not [
        m for m in get_messages(response.wsgi_request) if "понятность" in str(m)
    ]


def test_threshold_setting_moves_the_warning(client, editor, site_tree, settings):
    settings.VOICE_CLARITY_WARN_BELOW = 0.5
    _, news = site_tree
    client.force_login(editor)
    response = submit(client, news, BUREAUCRATIC_LEAD)
    assert response.status_code == 302
    assert not [
        m for m in get_messages(response.wsgi_request) if "понятность" in str(m)
    ]
