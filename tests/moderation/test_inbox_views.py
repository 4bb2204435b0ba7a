"""The inbox screens: permission matrix, XSS inert everywhere, actions, live polling."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from moderation import ingest
from moderation.defaults import MODERATOR_GROUP
from moderation.models import Ban, InboxItem

XSS = [
    '<script>alert("x")</script>',
    "<img src=x onerror=alert(1)>",
    '"><svg/onload=alert(1)>',
    "javascript:alert(1)",
    "<a href='javascript:alert(1)'>жми</a>",
]


@pytest.fixture
def users(django_user_model, db):
    editor = django_user_model.objects.create_user("editor", password="pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    moderator = django_user_model.objects.create_user("moderator", password="pw")
    moderator.groups.add(Group.objects.get(name=MODERATOR_GROUP))
    admin = django_user_model.objects.create_superuser("admin", password="pw")
    return {"editor": editor, "moderator": moderator, "admin": admin}


@pytest.fixture
def item(vk_account):
    created, _ = ingest.store(
        vk_account,
        ingest.Incoming(
            remote_id="1",
            post_remote_id="42",
            author_id="555",
            author_name="Иван",
            text="Вопрос о выплатах",
        ),  # fmt: skip
    )
    return created


def inbox_urls(item):
    return [
        reverse("moderation_inbox"),
        reverse("moderation_poll") + "?after=0",
        reverse("moderation_item", args=[item.pk]),
        reverse("moderation_blacklist"),
        reverse("moderation_blacklist_account", args=[item.account_id]),
    ]


def denied(response) -> bool:
    """Wagtail's admin turns PermissionDenied into a redirect to the dashboard."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"] == reverse(
        "wagtailadmin_home"
    )


@pytest.mark.parametrize(
    ("who", "allowed"), [("editor", False), ("moderator", True), ("admin", True)]
)
def test_permission_matrix_inbox(client, users, item, who, allowed):
    client.force_login(users[who])
    for url in inbox_urls(item):
        response = client.get(url)
        if allowed:
            assert response.status_code == 200, url
        else:
            assert denied(response), url


def test_anonymous_is_sent_to_login(client, item):
    response = client.get(reverse("moderation_inbox"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_moderator_cannot_edit_pages_or_credentials(
    client, users, news_page, vk_account
):
    client.force_login(users["moderator"])
    assert denied(client.get(reverse("wagtailadmin_pages:edit", args=[news_page.pk])))
    assert client.get(
        reverse("registry_set_credential", args=[vk_account.pk])
    ).status_code in (302, 403)
    # Django's admin is off by default (404); where it is on, it refuses (302).
    assert client.get("/django-admin/").status_code in (302, 404)


def test_editor_cannot_act(client, users, item, fake_client):
    client.force_login(users["editor"])
    response = client.post(
        reverse("moderation_bulk"), {"ids": [item.pk], "action": "delete"}
    )
    assert denied(response)
    assert fake_client.calls == []


def test_menu_item_only_for_moderators(client, users, item):
    menu_entry = '"name": "moderation"'
    client.force_login(users["moderator"])
    assert menu_entry in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(users["editor"])
    assert menu_entry not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("payload", XSS)
def test_xss_is_inert_in_every_view(client, users, vk_account, payload, settings):
    settings.LANGUAGE_CODE = "ru"
    stored, _ = ingest.store(
        vk_account,
        ingest.Incoming(
            remote_id="x",
            post_remote_id=payload,
            author_id=payload,
            author_name=payload,
            text=f"{payload} бл*ть {payload}",
            parent_remote_id=payload,
            author_url=payload,
        ),  # fmt: skip
    )
    InboxItem.objects.filter(pk=stored.pk).update(
        deadline=stored.received_at, spans=[[0, len(payload), payload]]
    )
    Ban.objects.create(account=vk_account, author_id=payload, author_name=payload,
                       comment=payload)  # fmt: skip
    client.force_login(users["admin"])
    pages = [
        client.get(reverse("moderation_inbox")).content.decode(),
        client.get(reverse("moderation_inbox") + "?status=all").content.decode(),
        client.get(reverse("moderation_item", args=[stored.pk])).content.decode(),
        client.get(
            reverse("moderation_blacklist_account", args=[vk_account.pk])
        ).content.decode(),
        client.get(reverse("wagtailadmin_home")).content.decode(),
        "".join(client.get(reverse("moderation_poll") + "?after=0").json()["rows"]),
    ]
    for html in pages:
        if "<" in payload:
            assert payload not in html
        assert 'href="javascript' not in html and "href='javascript" not in html
        assert "<script>alert" not in html and "<img src=x" not in html
    item_html = pages[2]
    assert 'class="mod-span mod-span--other"' in item_html  # unknown label neutralised
    assert "&lt;" in item_html or "<" not in payload


def test_filters_and_counts(client, users, vk_account, tg_account):
    def add(account, n, text, **extra):
        ingest.store(account, ingest.Incoming(remote_id=str(n), text=text, **extra))

    add(vk_account, 1, "бл*ть опять")
    add(vk_account, 2, "Спасибо")
    add(tg_account, 3, "Спасибо")
    client.force_login(users["admin"])
    response = client.get(reverse("moderation_inbox"), {"network": "vk"})
    assert [i.remote_id for i in response.context["items"]] == ["2", "1"]
    assert response.context["counts"]["label_obscene"] == 1
    assert response.context["counts"]["open"] == 2
    oldest = client.get(
        reverse("moderation_inbox"), {"network": "vk", "order": "oldest"}
    )
    assert [i.remote_id for i in oldest.context["items"]] == ["1", "2"]
    labelled = client.get(reverse("moderation_inbox"), {"label": "obscene"})
    assert [i.remote_id for i in labelled.context["items"]] == ["1"]
    # the labels read in Russian: in the row, the filter and the item view
    page = labelled.content.decode()
    assert '<span class="mod-label mod-label--obscene">мат</span>' in page
    assert ">оскорбление (0)</option>" in page and ">obscene" not in page
    obscene = labelled.context["items"][0]
    detail = client.get(reverse("moderation_item", args=[obscene.pk]))
    assert 'mod-label--obscene">мат</span>' in detail.content.decode()


def test_poll_returns_only_newer_items(client, users, item, vk_account):
    client.force_login(users["moderator"])
    answer = client.get(reverse("moderation_poll"), {"after": item.pk}).json()
    assert answer["rows"] == [] and answer["latest_id"] == item.pk
    ingest.store(vk_account, ingest.Incoming(remote_id="2", text="Новый"))
    answer = client.get(reverse("moderation_poll"), {"after": item.pk}).json()
    assert len(answer["rows"]) == 1 and "Новый" in answer["rows"][0]


def send_pending(client, **extra):
    """What the desk's script does when the undo window ends."""
    from moderation.models import ModerationAction

    ids = list(
        ModerationAction.objects.filter(pending=True).values_list("pk", flat=True)
    )
    return client.post(reverse("moderation_pending_send"), {"ids": ids}, **extra)


def test_keyboard_delete_waits_for_the_undo_window(client, users, item, fake_client):
    client.force_login(users["moderator"])
    response = client.post(
        reverse("moderation_bulk"),
        {"ids": [item.pk], "action": "delete", "reason": "spam"},
        headers={"Accept": "application/json"},
    )
    answer = response.json()
    result = answer["results"][0]
    assert result["pending"] and result["status"] == "new"
    assert "будет удалён" in answer["toasts"] and "Отменить" in answer["toasts"]
    assert fake_client.calls == []  # nothing sent while it can be undone
    sent = send_pending(client, headers={"Accept": "application/json"}).json()
    assert sent["results"][0]["status"] == "deleted" and sent["results"][0]["confirmed"]
    assert fake_client.calls == [("delete_comment", ("42", "1"), {})]
    action = item.actions.get()
    assert action.user == users["moderator"] and action.reason == "spam"
    assert not action.pending
    assert send_pending(client).status_code == 302  # nothing left: sent once


def test_undo_sends_nothing_and_keeps_the_item_open(client, users, item, fake_client):
    client.force_login(users["moderator"])
    client.post(reverse("moderation_item_act", args=[item.pk]),
                {"action": "ban", "reason": "law"})  # fmt: skip
    pending = list(item.actions.filter(pending=True).order_by("pk"))
    assert [a.action for a in pending] == ["delete", "ban"]
    page = client.get(reverse("moderation_item", args=[item.pk])).content.decode()
    assert "В чёрный список (Нарушение закона): Иван" in page
    answer = client.post(
        reverse("moderation_pending_undo"),
        {"ids": [a.pk for a in pending]},
        headers={"Accept": "application/json"},
    ).json()
    assert sorted(answer["undone"]) == [a.pk for a in pending]
    assert send_pending(client).status_code == 302
    item.refresh_from_db()
    assert item.status == "new" and fake_client.calls == [] and not Ban.objects.exists()
    assert all(a.cancelled for a in item.actions.all())


def test_another_moderator_cannot_undo_or_send_mine(
    client, users, item, fake_client, django_user_model
):
    client.force_login(users["moderator"])
    client.post(reverse("moderation_item_act", args=[item.pk]), {"action": "delete"})
    client.force_login(users["admin"])
    assert send_pending(client, headers={"Accept": "application/json"}).json() == {
        "results": []
    }
    assert fake_client.calls == []


def test_the_sweep_sends_what_a_closed_browser_left(client, users, item, fake_client):
    from datetime import timedelta

    from django.utils import timezone

    from moderation.actions import send_due

    client.force_login(users["moderator"])
    client.post(reverse("moderation_item_act", args=[item.pk]),
                {"action": "ban", "reason": "law", "days": "7"})  # fmt: skip
    assert send_due() == 0  # the window is still open
    assert send_due(timezone.now() + timedelta(seconds=11)) == 2
    assert [c[0] for c in fake_client.calls] == ["delete_comment", "ban"]
    ban = Ban.objects.get()
    assert ban.reason == "law" and ban.until is not None  # the reason is kept
    blacklist = client.get(reverse("moderation_blacklist")).content.decode()
    assert "Нарушение закона" in blacklist


def test_network_failure_is_shown_and_item_stays_open(client, users, item, fake_client):
    from syndication.api.errors import PermanentError

    fake_client.fail("delete_comment", PermanentError("Access denied", network="vk"))
    client.force_login(users["moderator"])
    client.post(reverse("moderation_item_act", args=[item.pk]),
                {"action": "delete", "reason": "spam"})  # fmt: skip
    response = send_pending(client, follow=True)
    item.refresh_from_db()
    assert item.status == "new"
    assert "Access denied" in response.content.decode()
    assert not item.actions.get().confirmed


def test_transient_errors_are_retried(client, users, item, fake_client, settings):
    from syndication.api.errors import TransientError

    settings.MODERATION_UNDO_SECONDS = 0  # sent at once
    fake_client.fail("delete_comment", TransientError("503", network="vk", retry_after=1),
                     TransientError("503", network="vk"))  # fmt: skip
    client.force_login(users["moderator"])
    client.post(reverse("moderation_item_act", args=[item.pk]), {"action": "delete"})
    action = item.actions.get()
    assert action.confirmed and action.attempts == 3


def test_reply_ban_and_lift(client, users, item, fake_client):
    client.force_login(users["moderator"])
    url = reverse("moderation_item_act", args=[item.pk])
    client.post(url, {"action": "reply", "text": "Ответим в личных сообщениях"})
    item.refresh_from_db()
    assert item.status == "replied"
    client.post(url, {"action": "ban", "reason": "insult", "days": "7"})
    send_pending(client)
    ban = Ban.objects.get()
    assert ban.until is not None and ban.reason == "insult"
    assert fake_client.calls[-1][:2] == ("ban", ("555", 2))
    client.post(reverse("moderation_lift", args=[ban.pk]))
    ban.refresh_from_db()
    assert not ban.active and fake_client.calls[-1][0] == "unban"


def test_dashboard_shows_overdue(client, users, item):
    from django.utils import timezone

    InboxItem.objects.filter(pk=item.pk).update(deadline=timezone.now())
    client.force_login(users["moderator"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("moderation_item", args=[item.pk]) in html


def test_webhook_secrets_are_for_administrators_rules_read_by_moderators(client, users):
    client.force_login(users["moderator"])
    assert denied(client.get(reverse("moderation_webhooks:index")))
    assert client.get(reverse("moderation_rules:index")).status_code == 200
    assert denied(client.get(reverse("moderation_rules:add")))
    client.force_login(users["admin"])
    for name in ("moderation_rules:index", "moderation_webhooks:index"):
        assert client.get(reverse(name)).status_code == 200


def test_admin_creates_a_rule(client, users):
    from moderation.models import Rule

    client.force_login(users["admin"])
    response = client.post(reverse("moderation_rules:add"), {
        "name": "Реклама казино", "enabled": "on", "priority": "5", "min_score": "0",
        "keyword": "казино", "action": "delete", "reason": "spam",
    })  # fmt: skip
    assert response.status_code == 302
    assert Rule.objects.get(name="Реклама казино").keyword == "казино"
