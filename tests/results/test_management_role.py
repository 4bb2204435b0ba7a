"""«Руководство» (docs/journeys.md, management, monthly): reads every results view and
takes the report in each format, and can change nothing — no page, no account, no
credential, no comment. Its admin shows the results and nothing it cannot use."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from cms import roles
from moderation.models import InboxItem, ModerationAction
from results import periods
from tests.results import factories

pytest_plugins = ["tests.syndication.test_delivery_support"]


def refused(response) -> bool:
    """Wagtail sends a refused admin user home with «Sorry, you do not have
    permission…»; a view of its own may answer 403."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == "/admin/"
    )


@pytest.fixture
def head(django_user_model, db):
    user = django_user_model.objects.create_user("head", password="x")
    user.groups.add(Group.objects.get(name=roles.MANAGEMENT))  # made after migrate
    return user


@pytest.fixture
def month(piece_page):
    """Posts, audience and comments in the last whole month, the one the dashboard
    and the report show."""
    start, _end = periods.month_bounds(periods.previous_month())
    sent = start + timedelta(days=3)
    vk = factories.account()
    factories.tracked(piece_page, vk, sent, views=(120, 900), likes=(3, 27))
    factories.audience(vk, sent, [2000, 2030])
    item = InboxItem.objects.create(
        account=vk, network="vk", remote_id="9", text="Когда выплата?",
        received_at=sent + timedelta(hours=2),
    )  # fmt: skip
    return piece_page, vk, item


def test_the_group_reads_and_changes_nothing(head):
    assert head.get_all_permissions() == {
        "wagtailadmin.access_admin",
        "results.view_posttracking",
    }


def test_every_results_view_opens(client, head, month):
    page, vk, _item = month
    client.force_login(head)
    for url in (
        reverse("results_index"),
        reverse("results_index") + "?from=01.11.2026&to=30.11.2026",
        reverse("results_piece", args=[page.pk]),
        reverse("results_account", args=[vk.pk]),
    ):
        assert client.get(url).status_code == 200, url


def test_the_piece_links_to_the_site_not_to_the_editor(client, head, month):
    from wagtail.models import Site

    page, *_ = month
    Site.objects.update(root_page=page.get_parent().get_parent())  # so it has a URL
    client.force_login(head)
    html = client.get(reverse("results_piece", args=[page.pk])).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) not in html
    assert f'href="{page.url}" target="_blank' in html and "Материал на сайте" in html


@pytest.mark.parametrize(
    ("fmt", "magic"), [("pdf", b"%PDF"), ("docx", b"PK"), ("xlsx", b"PK")]
)
def test_every_report_format_downloads(client, head, month, fmt, magic):
    client.force_login(head)
    last = periods.previous_month()
    response = client.get(reverse("results_report", args=[fmt]), {"month": last})
    assert response.status_code == 200
    assert response.content.startswith(magic)
    assert f'filename="vestnik-report-{last}.{fmt}"' in response["Content-Disposition"]


def test_page_editing_is_refused(client, head, month):
    page, *_ = month
    client.force_login(head)
    for url in (
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailadmin_pages:add_subpage", args=[page.get_parent().pk]),
        reverse("wagtailadmin_explore", args=[page.get_parent().pk]),
    ):
        assert refused(client.get(url)), url
    before = page.title
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {"title": "Переписано руководством", "slug": page.slug},
    )
    page.refresh_from_db()
    assert page.title == before and not page.has_unpublished_changes


def test_the_register_and_its_credentials_are_refused(client, head, month):
    _page, vk, _item = month
    client.force_login(head)
    credential = reverse("registry_set_credential", args=[vk.pk])
    for url in (
        credential,
        reverse("registry_account:index"),
        reverse("registry_account:inspect", args=[vk.pk]),
        reverse("registry_account:edit", args=[vk.pk]),
    ):
        assert refused(client.get(url)), url
    assert refused(client.post(credential, {"credential": "x"}))
    vk.refresh_from_db()
    assert not vk.has_credential


def test_moderation_actions_are_refused(client, head, month):
    *_, item = month
    client.force_login(head)
    assert refused(client.get(reverse("moderation_inbox")))
    assert refused(client.get(reverse("moderation_item", args=[item.pk])))
    for action in ("hide", "delete", "reply"):
        response = client.post(
            reverse("moderation_item_act", args=[item.pk]),
            {"action": action, "reason": "spam", "text": "Спасибо"},
        )
        assert refused(response), action
    bulk = client.post(reverse("moderation_bulk"), {"action": "hide", "ids": [item.pk]})
    assert refused(bulk)
    item.refresh_from_db()
    assert item.status == InboxItem.Status.NEW
    assert not ModerationAction.objects.exists()


def menu_names(html: str) -> set[str]:
    props = re.search(
        r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>',
        html,
        re.S,
    ).group(1)
    return set(re.findall(r'"name": "([^"]+)"', json.dumps(json.loads(props))))


def test_the_menu_shows_results_and_nothing_it_cannot_use(client, head, month):
    client.force_login(head)
    names = menu_names(client.get(reverse("wagtailadmin_home")).content.decode())
    assert "results" in names
    for section in ("explorer", "images", "documents", "moderation", "registry",
                    "social-networks", "reports", "settings", "snippets"):  # fmt: skip
        assert section not in names, names


def test_the_dashboard_is_the_last_month(client, head, month):
    client.force_login(head)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    last = periods.previous_month()
    assert "Итоги за " in html
    for fmt in ("pdf", "docx", "xlsx"):
        assert f"/admin/results/report.{fmt}?month={last}" in html
    assert "Выплаты выросли" in html and "900 просмотров" in html  # the top piece
    assert "+30" in html  # the audience change
    cards = re.search(r'<dl class="results-cards">(.*?)</dl>', html, re.S).group(1)
    assert "Комментарии и сообщения</dt><dd>1<" in cards
    # The one panel: none of the editors', moderators' or registry's, which this
    # person could not act on.
    main = html[html.index("<main") :]
    # Nor the page search, which would send this person back with «no permission».
    assert 'role="search"' not in main
    sections = re.findall(r"<section[^>]*>", main)
    assert len(sections) == 1 and "results-dashboard" in sections[0], sections


def test_the_chief_editor_sees_the_month_too(client, django_user_model, month):
    chief = django_user_model.objects.create_user("chief", password="x")
    group = Group.objects.get(name=roles.CHIEF_EDITOR)
    group.permissions.add(*Group.objects.get(name=roles.MANAGEMENT).permissions.all())
    chief.groups.add(group)
    client.force_login(chief)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Итоги за " in html
    root = django_user_model.objects.create_superuser("root", "r@example.org", "x")
    client.force_login(root)  # whoever may open pages still searches them
    assert 'role="search"' in client.get(reverse("wagtailadmin_home")).content.decode()


def test_an_editor_has_no_results_panel(client, django_user_model, month):
    from django.contrib.auth.models import Permission

    anna = django_user_model.objects.create_user("anna", password="x")
    anna.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(anna)
    assert "Итоги за " not in client.get(reverse("wagtailadmin_home")).content.decode()
