"""The moderator's desk: only what the network can do, the undo window's neighbours
(next item, counters), deadlines as time left, the blacklist across accounts."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from moderation import capabilities, ingest
from moderation.defaults import MODERATOR_GROUP
from moderation.models import Ban, InboxItem, ModerationAction
from moderation.time_left import forms, time_left


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


def test_buttons_follow_the_network_spec(client, moderator, tg_account, ok_account):
    client.force_login(moderator)
    telegram = store(tg_account, 1)
    page = client.get(reverse("moderation_item", args=[telegram.pk])).content.decode()
    assert 'data-mod-action="delete"' in page and 'data-mod-action="ban"' in page
    assert 'data-mod-action="hide"' not in page
    assert "Telegram не умеет скрывать комментарии" in page  # said, not offered
    ok = store(ok_account, 2)
    page = client.get(reverse("moderation_item", args=[ok.pk])).content.decode()
    assert 'data-mod-action="ban"' not in page and 'id="mod-reply-text"' not in page
    assert "Одноклассники не позволяют вносить авторов в чёрный список" in page


def test_a_refused_action_is_said_in_russian_and_sent_nowhere(
    client, moderator, tg_account, fake_client
):
    client.force_login(moderator)
    item = store(tg_account, 1)
    response = client.post(reverse("moderation_item_act", args=[item.pk]),
                           {"action": "hide"}, follow=True)  # fmt: skip
    html = response.content.decode()
    assert "Telegram не умеет скрывать комментарии" in html
    assert "Unsupported" not in html and "hide_comment" not in html
    assert fake_client.calls == [] and not ModerationAction.objects.exists()


def test_bulk_skips_what_a_network_cannot_do(
    client, moderator, vk_account, ok_account, fake_client
):
    client.force_login(moderator)
    vk, ok = store(vk_account, 1), store(ok_account, 2)
    answer = client.post(
        reverse("moderation_bulk"),
        {"ids": [vk.pk, ok.pk], "action": "ban", "reason": "spam"},
        headers={"Accept": "application/json"},
    ).json()
    by_id = {r["id"]: r for r in answer["results"]}
    assert by_id[vk.pk]["pending"] and not by_id[ok.pk]["pending"]
    assert (
        "Одноклассники не позволяют вносить авторов в чёрный список"
        in by_id[ok.pk]["refused"]
    )
    assert not ModerationAction.objects.filter(item=ok).exists()


def test_bulk_bar_and_hotkeys_offer_what_the_networks_can(
    client, moderator, ok_account, vk_account
):
    client.force_login(moderator)
    store(ok_account, 1)
    page = client.get(reverse("moderation_inbox"), {"network": "ok"})
    offered = [a.code for a in page.context["actions"]]
    assert offered == ["take", "keep", "delete"]
    everything = client.get(reverse("moderation_inbox")).context["actions"]
    assert "ban" in [a.code for a in everything]  # VK can ban
    html = page.content.decode()
    assert (
        "data-refusals=" in html
        and "Одноклассники не позволяют вносить авторов в чёрный список" in html
    )


def test_private_messages_offer_keep_and_ban_only(vk_account):
    item = store(vk_account, "message:1", kind="message")
    assert [a.code for a in capabilities.allowed(item)] == ["take", "keep", "ban"]


def test_the_next_open_item_opens_after_an_action(
    client, moderator, vk_account, fake_client
):
    client.force_login(moderator)
    older, newer = store(vk_account, 1), store(vk_account, 2)
    response = client.post(reverse("moderation_item_act", args=[newer.pk]),
                           {"action": "keep", "advance": "1"})  # fmt: skip
    assert response["Location"] == reverse("moderation_item", args=[older.pk])
    # the delete waits in the undo window: that item is not offered as the next one
    response = client.post(reverse("moderation_item_act", args=[older.pk]),
                           {"action": "delete", "advance": "1"})  # fmt: skip
    assert response["Location"] == reverse("moderation_inbox")
    without = client.post(reverse("moderation_item_act", args=[newer.pk]),
                          {"action": "take"})  # fmt: skip
    assert without["Location"] == reverse("moderation_item", args=[newer.pk])


def test_counters_agree_right_after_an_action(client, moderator, vk_account, settings):
    settings.MODERATION_UNDO_SECONDS = 0
    client.force_login(moderator)
    items = [store(vk_account, n) for n in range(3)]
    before = client.get(reverse("moderation_inbox")).context["counts"]
    assert before["open"] == before["status_new"] == 3 and before["all"] == 3
    client.post(reverse("moderation_item_act", args=[items[0].pk]), {"action": "keep"})
    after = client.get(reverse("moderation_poll"), {"after": 0}).json()["counts"]
    assert after["open"] == after["status_new"] == 2
    assert after["status_kept"] == 1 and after["all"] == 3  # not the cached history


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (0.5, "осталось меньше минуты"),
        (1, "осталась 1 мин"),
        (14, "осталось 14 мин"),
        (60, "остался 1 ч"),
        (21 * 60, "остался 21 ч"),
        (3 * 60, "осталось 3 ч"),
        (5 * 24 * 60, "осталось 5 дней"),
        (2 * 24 * 60, "осталось 2 дня"),
        (-2 * 60, "просрочено на 2 ч"),
        (-3, "просрочено на 3 мин"),
        (-24 * 60, "просрочено на 1 день"),
        (-0.2, "срок истёк только что"),
    ],
)
def test_deadlines_read_as_time_left(minutes, text):
    now = timezone.now()
    assert time_left(now + timedelta(minutes=minutes), now) == text


def test_the_browser_gets_every_plural_form():
    table = forms()
    assert table["left"]["min"]["one"] == "осталась {n} мин"
    assert table["left"]["day"]["few"] == "осталось {n} дня"
    assert table["over"]["day"]["many"] == "просрочено на {n} дней"


def test_rows_show_time_left(client, moderator, vk_account):
    client.force_login(moderator)
    item = store(vk_account, 1)
    InboxItem.objects.filter(pk=item.pk).update(
        deadline=timezone.now() + timedelta(minutes=14, seconds=30)
    )
    html = client.get(reverse("moderation_inbox")).content.decode()
    assert "осталось 14 мин" in html and "Ответить за" not in html


def test_blacklist_lists_every_account_and_filters(
    client, moderator, vk_account, tg_account
):
    client.force_login(moderator)
    url = reverse("moderation_blacklist")
    assert "Никого нет в чёрном списке." in client.get(url).content.decode()
    Ban.objects.create(account=vk_account, author_id="1", author_name="Пётр",
                       reason="law")  # fmt: skip
    Ban.objects.create(account=tg_account, author_id="2", author_name="Мария")
    html = client.get(url).content.decode()
    assert "Пётр" in html and "Мария" in html and "Нарушение закона" in html
    only_tg = client.get(url, {"network": "telegram"}).content.decode()
    assert "Мария" in only_tg and "Пётр" not in only_tg
    only_vk = client.get(url, {"account": vk_account.pk}).content.decode()
    assert "Пётр" in only_vk and "Мария" not in only_vk
    nobody = client.get(url, {"account": vk_account.pk, "network": "telegram"})
    assert "Никого нет" in nobody.content.decode()


def test_sync_keeps_the_reason_the_network_cannot_say(vk_account, fake_client):
    from moderation.sync import sync_bans

    Ban.objects.create(account=vk_account, author_id="77", reason="law")
    fake_client.get_banned = lambda: [
        {"type": "profile", "profile": {"id": 77}, "ban_info": {"reason": 0}}
    ]
    assert sync_bans(vk_account) == 1
    assert Ban.objects.get(author_id="77").reason == "law"


def test_the_queue_beside_the_item_is_the_work_order(
    client, moderator, vk_account, fake_client
):
    client.force_login(moderator)
    ordinary = store(vk_account, 1)
    urgent = store(vk_account, 2)
    InboxItem.objects.filter(pk=urgent.pk).update(
        deadline=timezone.now() + timedelta(minutes=30), urgent=True
    )
    page = client.get(reverse("moderation_item", args=[ordinary.pk]))
    assert [i.pk for i in page.context["queue"]] == [urgent.pk, ordinary.pk]
    assert 'aria-current="true"' in page.content.decode()


def test_rows_waiting_in_the_undo_window_are_marked(client, moderator, vk_account):
    client.force_login(moderator)
    waiting, other = store(vk_account, 1), store(vk_account, 2)
    client.post(reverse("moderation_item_act", args=[waiting.pk]), {"action": "delete"})
    html = client.get(reverse("moderation_inbox")).content.decode()
    assert f'is-pending" data-id="{waiting.pk}"' in html
    assert f'is-pending" data-id="{other.pk}"' not in html
    rows = client.get(reverse("moderation_poll"), {"after": 0}).json()["rows"]
    assert sum("is-pending" in row for row in rows) == 1
