"""Every syndication action checks on the server the right its button implies
(issue 12.2): publish rights for whatever changes what the public sees. One test per
role and action, with the demo's groups and page permissions."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cms import roles
from cms.demo.setup import ensure_groups, ensure_workflow
from cms.models import NewsPage
from syndication.models import Delivery, PageSyndication
from tests.accounts_registry.conftest import login

from .test_delivery_support import make_account

pytestmark = pytest.mark.django_db
S = Delivery.Status

ROLES = {
    "editor": roles.EDITOR,
    "chief": roles.CHIEF_EDITOR,
    "tech": roles.TECHNICAL_OFFICER,
    "moderator": roles.MODERATOR,
    "keeper": roles.REGISTRY_KEEPER,
}


@pytest.fixture
def world(site_tree, django_user_model):
    _, news = site_tree
    groups = ensure_groups(news)
    ensure_workflow(news, groups)
    users = {}
    for name, group in ROLES.items():
        user = django_user_model.objects.create_user(name, password="pw")
        user.groups.add(groups[group])
        users[name] = user
    live = news.add_child(
        instance=NewsPage(title="Выплаты", slug="vyplaty", lead="Лид.", body=[])
    )
    live.save_revision().publish()
    gone = news.add_child(
        instance=NewsPage(title="Снято", slug="snyato", lead="Лид.", body=[])
    )
    gone.save_revision().publish()
    account = make_account("vk", "4242")
    sent = Delivery.objects.create(
        page=gone, account=account, status=S.SENT, remote_ref={"ids": ["1"]}
    )
    gone.unpublish()
    failed = Delivery.objects.create(page=gone, account=account, status=S.NEEDS_CHECK)
    return {"users": users, "live": live, "gone": gone, "sent": sent, "failed": failed}


def post_as(client, user, url, data=None):
    login(client, user)
    return client.post(url, data or {})


def refused(response) -> bool:
    """Wagtail's admin answers a PermissionDenied with a redirect to its home page
    and a message; anything else raising it answers 403."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


# (role, action) -> allowed; every pair is a test.
ALLOWED = {
    "choose": {"editor", "chief"},
    "send": {"chief"},
    "delete_remote": {"chief"},
    "retry": {"chief", "tech"},
    "cancel": {"chief", "tech"},
    "mark_sent": {"chief", "tech"},
}


def do(action, client, user, world):
    if action == "choose":
        url = reverse("syndication_page", args=[world["live"].pk])
        return post_as(client, user, url, {"schedule_mode": "now"})
    if action == "send":
        return post_as(
            client, user, reverse("syndication_send", args=[world["live"].pk])
        )
    if action == "delete_remote":
        url = reverse("syndication_delete_remote", args=[world["gone"].pk])
        return post_as(client, user, url)
    return post_as(
        client,
        user,
        reverse("syndication_action"),
        {"do": action, "ids": [world["failed"].pk]},
    )


def effect(action, world) -> bool:
    """Whether the action left its mark (so a refusal really refused)."""
    failed = Delivery.objects.get(pk=world["failed"].pk)
    if action == "choose":
        return PageSyndication.objects.filter(page_id=world["live"].pk).exists()
    if action == "send":
        return Delivery.objects.filter(
            page=world["live"], status=S.SCHEDULED, action="publish"
        ).exists()
    if action == "delete_remote":
        return Delivery.objects.filter(page=world["gone"], action="delete").exists()
    return {
        "retry": S.SCHEDULED,
        "cancel": S.CANCELLED,
        "mark_sent": S.SENT,
    }[action] == failed.status


@pytest.mark.parametrize("role", list(ROLES))
@pytest.mark.parametrize("action", list(ALLOWED))
def test_each_role_may_do_only_what_its_rights_allow(client, world, role, action):
    response = do(action, client, world["users"][role], world)
    allowed = role in ALLOWED[action]
    assert response.status_code == 302
    assert refused(response) is not allowed
    assert effect(action, world) is allowed


@pytest.mark.parametrize("role", list(ROLES))
def test_buttons_show_only_what_the_server_allows(client, world, role):
    user = world["users"][role]
    login(client, user)
    can_act = role in ALLOWED["retry"]
    log = client.get(reverse("syndication_log"))
    if role in {"moderator", "keeper"}:
        assert refused(log)
        return
    html = log.content.decode()
    assert ('value="retry"' in html) is can_act
    assert ('name="ids"' in html) is can_act
    detail = client.get(reverse("syndication_delivery", args=[world["failed"].pk]))
    assert ('value="cancel"' in detail.content.decode()) is can_act
    panel = client.get(reverse("syndication_page", args=[world["gone"].pk]))
    if role not in ALLOWED["choose"]:
        assert refused(panel)
        return
    html = panel.content.decode()
    delete_url = reverse("syndication_delete_remote", args=[world["gone"].pk])
    assert (delete_url in html) is (role in ALLOWED["delete_remote"])
    live = client.get(reverse("syndication_page", args=[world["live"].pk]))
    send_url = reverse("syndication_send", args=[world["live"].pk])
    assert (send_url in live.content.decode()) is (role in ALLOWED["send"])
