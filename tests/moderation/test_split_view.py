"""The inbox's split view: the item as a fragment for the pane beside the list, the
inbox rendering the item its address names, acting from the pane without leaving the
list (the next item among the list's filters), and the poll telling which shown rows
changed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from moderation import ingest
from moderation.defaults import MODERATOR_GROUP
from moderation.models import InboxItem
from tests.moderation.conftest import make_account


@pytest.fixture
def moderator(django_user_model, db):
    user = django_user_model.objects.create_user("moderator", password="pw")
    user.groups.add(Group.objects.get(name=MODERATOR_GROUP))
    return user


def store(account, remote_id, text="Вопрос о выплатах", **extra):
    item, _ = ingest.store(
        account,
        ingest.Incoming(remote_id=str(remote_id), post_remote_id="42",
                        author_id="555", author_name="Иван", text=text, **extra),
    )  # fmt: skip
    return item


def due_in(item, minutes):
    InboxItem.objects.filter(pk=item.pk).update(
        deadline=timezone.now() + timedelta(minutes=minutes)
    )


def test_the_pane_is_a_fragment_with_context_and_the_networks_buttons(
    client, moderator, tg_account
):
    client.force_login(moderator)
    question = store(tg_account, 1, "Когда выплаты?")
    answer = store(tg_account, 2, "Тоже жду", parent_remote_id="1")
    html = client.get(reverse("moderation_item_pane", args=[answer.pk])).content
    html = html.decode()
    assert "<html" not in html and "<body" not in html
    assert f'data-mod-pane-item data-item-id="{answer.pk}"' in html
    assert "Когда выплаты?" in html and "data-mod-thread" in html  # its parent
    assert f'data-mod-open="{question.pk}"' in html  # opens in the pane, too
    assert 'data-mod-action="delete"' in html and 'data-mod-action="hide"' not in html
    assert "Telegram не умеет скрывать комментарии" in html
    assert reverse("moderation_item", args=[answer.pk]) in html  # its own page


def test_the_inbox_shows_the_item_its_address_names(client, moderator, vk_account):
    client.force_login(moderator)
    item = store(vk_account, 1, "Где справка?")
    empty = client.get(reverse("moderation_inbox")).content.decode()
    assert "data-mod-pane-item" not in empty
    assert "Оно откроется здесь" in empty
    page = client.get(reverse("moderation_inbox"), {"item": item.pk, "label": ""})
    html = page.content.decode()
    assert f'data-mod-pane-item data-item-id="{item.pk}"' in html
    assert 'class="mod-inbox-split has-pane"' in html
    missing = client.get(reverse("moderation_inbox"), {"item": item.pk + 100})
    assert "data-mod-pane-item" not in missing.content.decode()


def test_acting_from_the_pane_answers_json_with_the_next_item_among_the_filters(
    client, moderator, vk_account, fake_client, settings
):
    settings.MODERATION_UNDO_SECONDS = 0
    client.force_login(moderator)
    other = make_account("vk", "-654321", "vk-other")
    here, nearer_elsewhere, later_here = (
        store(vk_account, 1),
        store(other, 2),
        store(vk_account, 3),
    )
    due_in(nearer_elsewhere, 10)
    due_in(later_here, 60)
    url = reverse("moderation_item_act", args=[here.pk])
    answer = client.post(
        url,
        {"action": "keep", "advance": "1", "account": vk_account.pk, "status": "open"},
        HTTP_ACCEPT="application/json",
    ).json()
    assert answer["done"] and answer["next"] == later_here.pk  # not the other account
    assert answer["message"] == "Готово, сеть подтвердила."
    assert f'data-id="{here.pk}"' in answer["row"] and "Оставлено" in answer["row"]
    assert answer["counts"]["open"] == 1 and answer["counts"]["status_kept"] == 1
    # Without the filter the most pressing open item is the other account's.
    url = reverse("moderation_item_act", args=[later_here.pk])
    answer = client.post(
        url, {"action": "keep", "advance": "1"}, HTTP_ACCEPT="application/json"
    ).json()
    assert answer["next"] == nearer_elsewhere.pk
    # Nothing left among the filters: said so, no next item.
    url = reverse("moderation_item_act", args=[nearer_elsewhere.pk])
    answer = client.post(
        url,
        {"action": "keep", "advance": "1", "account": other.pk},
        HTTP_ACCEPT="application/json",
    ).json()
    assert answer["next"] is None
    assert answer["message"] == "По выбранным фильтрам открытых обращений больше нет."


def test_a_pending_delete_from_the_pane_brings_its_toast_and_a_refusal_its_reason(
    client, moderator, tg_account, fake_client
):
    client.force_login(moderator)
    item = store(tg_account, 1)
    url = reverse("moderation_item_act", args=[item.pk])
    answer = client.post(url, {"action": "delete"}, HTTP_ACCEPT="application/json")
    answer = answer.json()
    assert answer["pending"] and "data-mod-toast" in answer["toasts"]
    assert "is-pending" in answer["row"] and fake_client.calls == []
    refused = client.post(url, {"action": "hide"}, HTTP_ACCEPT="application/json")
    refused = refused.json()
    assert not refused["done"] and "не умеет скрывать" in refused["error"]
    empty = client.post(url, {"action": "reply", "text": " "},
                        HTTP_ACCEPT="application/json").json()  # fmt: skip
    assert empty["error"] == "Напишите текст ответа."


def test_the_poll_returns_the_shown_rows_that_changed(
    client, moderator, vk_account, django_user_model
):
    client.force_login(moderator)
    still, taken = store(vk_account, 1), store(vk_account, 2)
    page = client.get(reverse("moderation_inbox"))
    versions = {
        item.pk: f"{item.updated_at.timestamp():.6f}" for item in page.context["items"]
    }
    assert f'data-version="{versions[still.pk]}"' in page.content.decode()
    colleague = django_user_model.objects.create_user("kollega")
    taken.assignee, taken.status = colleague, InboxItem.Status.IN_PROGRESS
    taken.save()
    seen = ",".join(f"{pk}:{version}" for pk, version in versions.items())
    answer = client.get(
        reverse("moderation_poll"), {"after": taken.pk, "seen": seen}
    ).json()
    assert list(answer["changed"]) == [str(taken.pk)]
    assert "kollega" in answer["changed"][str(taken.pk)]
    assert answer["rows"] == []  # nothing new
