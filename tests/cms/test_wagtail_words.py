"""Wagtail's own Russian as the editor and the chief editor read it on the dashboard,
in the page's status panel and in the sidebar's help menu: the workflow is
«согласование» (not «отзыв», not «рабочий процесс»), numbers agree with their nouns,
no English «58 seconds ago». The overrides live in LOCALE_PATHS (locale/ru/)."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext
from wagtail.models import Workflow

from cms import roles
from tests.voice.panel_support import PLAIN_LEAD, make_piece, make_user

pytestmark = pytest.mark.django_db

TITLE = "Пособие на ребёнка будут выплачивать по новым правилам"


@pytest.fixture
def submitted(site_tree, django_user_model):
    _, news = site_tree
    editor = make_user(django_user_model, news, "editor", roles.EDITOR)
    chief = make_user(django_user_model, news, "chief", roles.CHIEF_EDITOR)
    page = make_piece(news, TITLE, PLAIN_LEAD, "posobie")
    Workflow.objects.get(name="Согласование публикации").start(page, editor)
    return page, editor, chief


def test_chief_editors_dashboard(client, submitted):
    _, _, chief = submitted
    client.force_login(chief)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Ждут вашего согласования" in html
    assert "отзыв" not in html
    # the reviewer's actions in the row's «…» menu are verbs
    assert "Вернуть на доработку" in html and "Запрос изменений" not in html
    # the site summary: lower case, the noun agrees with the number
    assert " страниц" in html or " страницы" in html
    assert "Страниц " not in html and "Страницы " not in html


def test_editors_dashboard_and_status_panel(client, submitted):
    page, editor, _ = submitted
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Ваши материалы на согласовании" in html
    assert "Ждёт этапа:" in html
    assert "рабочем процессе" not in html and "В ожидании" not in html

    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content
    html = html.decode()
    assert "Отправлено на этап «Одобрение главного редактора»" in html
    assert " ago" not in html  # humanize's Russian: «… назад», «сейчас»
    assert "Материал сейчас на согласовании." in html
    assert "Заблокировано: идёт согласование" in html
    assert "Отозвать с согласования" in html
    assert "утверждать страница" not in html and "страницав" not in html


@pytest.mark.parametrize(
    ("count", "pages"), [(1, "1 страница"), (3, "3 страницы"), (5, "5 страниц")]
)
def test_site_summary_plurals(count, pages):
    msgid = '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>'
    plural = '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>'
    with translation.override("ru"):
        text = ngettext(msgid, plural, count) % {"total": count, "site_name": "Сайт"}
    assert text.startswith(pages + " <span")
    assert "на сайте «Сайт»" in text


def test_help_menu_count_reads_right_for_any_number(client, submitted):
    """The sidebar's «(N new items in this menu)» is a plain gettext in Wagtail's JS:
    «2 новых элементов» was wrong, the override puts the number after a colon."""
    _, editor, _ = submitted
    client.force_login(editor)
    catalog = client.get(reverse("wagtailadmin_javascript_catalog"))
    # the catalogue is JSON with \\u escapes
    assert json.dumps("(новое в этом меню: %(number)s)") in catalog.content.decode()
    with translation.override("ru"):
        assert gettext("Awaiting your review") == "Ждут вашего согласования"


def test_the_help_menu_has_no_wagtail_release_notes_for_editors(
    client, submitted, django_user_model
):
    _, editor, _ = submitted
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert json.dumps("whats-new-in-wagtail")[1:-1] not in html
    # The guide stays, Vestnik's Russian one (tests/cms/test_editor_guide.py).
    assert json.dumps("vestnik-editor-guide")[1:-1] in html
    admin = django_user_model.objects.create_superuser("root", "r@example.org", "pw")
    client.force_login(admin)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert json.dumps("whats-new-in-wagtail")[1:-1] in html
