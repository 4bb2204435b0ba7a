"""Issue 11.8: every network's webhook events are stored before the 200 and handled
by the batch (moderation/webhooks/batch.py): one row per event id, handled once,
retried after a failure, set aside after too many, and a batch that dies leaves its
rows for the next tick. What every network shares is parametrized over the six
(VK, Telegram, OK, MAX, Facebook, Instagram), each sending its own wire format
through its security case (``webhook_cases.py``); the batch's own machinery is
tested on VK."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass

import pytest
from django.db import connection
from django.urls import reverse

from accounts_registry.models import Account
from moderation import batching, duplicates, ingest
from moderation.models import InboxItem, ModerationAction, Rule, WebhookEvent
from moderation.webhooks import batch
from tests.accounts_registry.conftest import login
from tests.moderation.test_duplicates_inbox import AD

# Aliased so that pytest does not collect the security cases here a second time.
from tests.moderation.test_webhooks_max import TestMaxWebhookSecurity as MaxCase
from tests.moderation.test_webhooks_meta import (
    TestFacebookWebhookSecurity as FacebookCase,
)
from tests.moderation.test_webhooks_meta import (
    TestInstagramWebhookSecurity as InstagramCase,
)
from tests.moderation.test_webhooks_ok import TestOkWebhookSecurity as OkCase
from tests.moderation.test_webhooks_telegram import (
    TestTelegramWebhookSecurity as TelegramCase,
)
from tests.moderation.test_webhooks_vk import TestVkWebhookSecurity as VkCase
from tests.moderation.webhook_cases import SECRET, WebhookSecurityCase

SPAM = "Заработок от 5000 в день без вложений, пиши в личку t.me/money"


@pytest.fixture(autouse=True)
def deferred(settings):
    settings.MODERATION_WEBHOOKS_DEFERRED = True


# What each network's request answers at once for an accepted event (networks.md:
# VK §1.6 «ok», OK §2.6 and MAX §9.6 a 200, Telegram §3.6, Meta §4.6 a quick 200).
CASES = {
    "vk": (VkCase, b"ok"),
    "telegram": (TelegramCase, b"{}"),
    "ok": (OkCase, b'{"success": true}'),
    "max": (MaxCase, b"{}"),
    "facebook": (FacebookCase, b"ok"),
    "instagram": (InstagramCase, b"ok"),
}
# The network's name as the technician's dashboard says it.
NAMES = {
    "vk": "ВКонтакте",
    "telegram": "Telegram",
    "ok": "Одноклассники",
    "max": "MAX",
    "facebook": "Facebook",
    "instagram": "Instagram",
}


@dataclass
class Network:
    code: str
    case: WebhookSecurityCase
    account: Account
    answer: bytes

    def send(self, client, number: int, text: str, secret: str | None = SECRET):
        body = self.case.event(self.account, number, text)
        return self.case.send(client, self.account, body, secret=secret)


@pytest.fixture(params=list(CASES))
def network(request):
    code = request.param
    if code in ("facebook", "instagram"):
        request.getfixturevalue("meta_enabled")
    case_class, answer = CASES[code]
    case = case_class()
    account = request.getfixturevalue(case.account_fixture)
    return Network(code, case, account, answer)


# -- what every network shares ---------------------------------------------------------


def test_every_network_stores_the_event_and_the_batch_makes_one_item(client, network):
    response = network.send(client, 1, "Когда откроют новую поликлинику?")
    assert response.status_code == 200 and response.content == network.answer
    assert not InboxItem.objects.exists()  # the request only stored it
    row = WebhookEvent.objects.get()
    assert (row.network, row.account) == (network.code, network.account)
    assert row.processed_at is None and row.payload and row.attempts == 0

    assert batch.process_all() == 1
    item = InboxItem.objects.get()
    assert (item.network, item.account) == (network.code, network.account)
    assert item.text == "Когда откроют новую поликлинику?"
    assert item.label and item.received_at == row.received_at
    row.refresh_from_db()
    assert row.processed_at and row.payload is None and not row.failed
    assert batch.process_all() == 0  # nothing is handled twice


def test_every_network_refuses_a_bad_secret_and_stores_nothing(client, network):
    wrong = network.send(client, 2, "Подделка", secret=SECRET + "x")
    assert wrong.status_code == 400
    missing = network.send(client, 2, "Подделка", secret=None)
    assert missing.status_code == network.case.missing_secret_status
    assert not WebhookEvent.objects.exists()
    assert batch.process_all() == 0 and not InboxItem.objects.exists()


# The handshakes (networks.md VK §1.6, OK §2.6, Meta §4.6): answered at once with the
# account's code, nothing stored; Telegram and MAX have none.
HANDSHAKES = {
    "vk": ("post", {"type": "confirmation", "group_id": 123456}, 200, b"e7e13fe2"),
    "ok": ("post", {"webhookType": "CONFIRMATION"}, 200, b"e7e13fe2"),
    "facebook": (
        "get", {"hub.mode": "subscribe", "hub.challenge": "1158201444",
                "hub.verify_token": "e7e13fe2"}, 200, b"1158201444",
    ),
    "instagram": (
        "get", {"hub.mode": "subscribe", "hub.challenge": "1158201444",
                "hub.verify_token": "wrong"}, 403, b"",
    ),
}  # fmt: skip


@pytest.mark.parametrize("network", list(HANDSHAKES), indirect=True)
def test_every_handshake_is_answered_and_stores_nothing(client, network):
    method, data, status, content = HANDSHAKES[network.code]
    url = network.case.url(network.account, SECRET)
    if method == "get":
        response = client.get(url, data)
    else:
        response = client.post(
            url, data=json.dumps(data), content_type="application/json"
        )
    assert response.status_code == status and response.content == content
    assert not WebhookEvent.objects.exists()
    assert batch.process_all() == 0 and not InboxItem.objects.exists()


def test_every_network_stores_a_duplicate_delivery_once(client, network):
    for _ in range(3):  # the network sends the same delivery again
        assert network.send(client, 3, "Спасибо за ответ").status_code == 200
    assert WebhookEvent.objects.count() == 1
    assert batch.process_all() == 1
    assert network.send(client, 3, "Спасибо за ответ").status_code == 200  # later
    assert batch.process_all() == 0
    assert InboxItem.objects.count() == 1


def test_every_network_retries_an_event_whose_handling_failed(client, network, broken):
    assert network.send(client, 4, "сломанный комментарий").status_code == 200
    assert batch.process_all() == 1
    row = WebhookEvent.objects.get()
    assert row.processed_at is None and row.attempts == 1 and not row.failed
    assert row.last_error == "RuntimeError: classifier down" and row.payload
    assert not InboxItem.objects.exists()

    broken["broken"] = False  # the classifier is back: the next tick stores it
    assert batch.process_all() == 1
    item = InboxItem.objects.get()
    assert item.text == "сломанный комментарий" and item.network == network.code
    row.refresh_from_db()
    assert row.processed_at and not row.failed


def test_every_network_s_event_set_aside_reads_well_for_the_technician(
    client, network, broken, technician, django_capture_on_commit_callbacks
):
    network.send(client, 5, "сломанный комментарий")
    for _ in range(batch.MAX_ATTEMPTS):
        with django_capture_on_commit_callbacks(execute=True):
            batch.process_all()
    row = WebhookEvent.objects.get()
    assert row.failed and row.payload  # kept for a person
    login(client, technician)  # credentials need a second factor
    home = reverse("wagtailadmin_home")
    html = client.get(home).content.decode()
    assert "1 входящий комментарий не удалось обработать" in html
    assert f"{NAMES[network.code]}, {network.account.name}" in html
    assert "RuntimeError: classifier down" in html and "Повторить" in html

    broken["broken"] = False
    client.post(reverse("moderation_set_aside_retry", args=[row.pk]))
    batch.process_all()
    assert InboxItem.objects.get().text == "сломанный комментарий"
    assert "data-moderation-set-aside" not in client.get(home).content.decode()


# -- the batch's own machinery, on VK --------------------------------------------------


def vk(client, account, event_id, text, comment_id=None, author=555, **extra):
    body = {
        "type": "wall_reply_new", "group_id": 123456, "event_id": f"evt{event_id}",
        "secret": SECRET, "v": "5.199",
        "object": {
            "id": comment_id or 100 + event_id, "from_id": author,
            "date": 1764300000, "text": text, "post_id": 42, "owner_id": -123456,
        },
        **extra,
    }  # fmt: skip
    return client.post(
        f"/hooks/vk/{account.slug}/",
        data=json.dumps(body),
        content_type="application/json",
    )


def telegram(client, account, update_id, text):
    body = {
        "update_id": update_id,
        "message": {
            "message_id": 500 + update_id, "date": 1764300000, "text": text,
            "chat": {"id": -1001, "type": "supergroup"},
            "from": {"id": 77, "first_name": "Анна"},
            "reply_to_message": {
                "message_id": 10, "is_automatic_forward": True,
                "forward_origin": {"message_id": 3},
            },
        },
    }  # fmt: skip
    return client.post(
        f"/hooks/telegram/{account.slug}/",
        data=json.dumps(body),
        content_type="application/json",
        headers={"X-Telegram-Bot-Api-Secret-Token": SECRET},
    )


def test_the_event_is_stored_before_the_answer_and_handled_by_the_batch(
    client, vk_account
):
    response = vk(client, vk_account, 1, "Спасибо за новость!")
    assert response.status_code == 200 and response.content == b"ok"
    assert not InboxItem.objects.exists()
    row = WebhookEvent.objects.get()
    assert row.processed_at is None and row.payload["object"]["id"] == 101

    assert batch.process_all() == 1
    item = InboxItem.objects.get()
    assert item.text == "Спасибо за новость!" and item.label
    assert item.received_at == row.received_at  # when the request brought it
    row.refresh_from_db()
    assert row.processed_at and row.payload is None and not row.failed
    assert batch.process_all() == 0  # nothing is handled twice


def test_telegram_is_deferred_too(client, tg_account):
    response = telegram(client, tg_account, 7, "Когда откроют школу?")
    assert response.status_code == 200 and response.json() == {}
    assert not InboxItem.objects.exists()
    batch.process_all()
    assert InboxItem.objects.get().post_remote_id == "3"


def test_a_replay_waiting_for_the_batch_is_one_row_and_one_item(client, vk_account):
    for _ in range(3):
        assert vk(client, vk_account, 2, "Спасибо").status_code == 200
    assert WebhookEvent.objects.count() == 1
    batch.process_all()
    assert vk(client, vk_account, 2, "Спасибо").status_code == 200  # after it, too
    batch.process_all()
    assert InboxItem.objects.count() == 1


def test_a_broken_event_is_refused_in_its_request(client, vk_account):
    response = client.post(
        f"/hooks/vk/{vk_account.slug}/",
        data=json.dumps({"type": "wall_reply_new", "group_id": 123456,
                         "event_id": "x", "secret": SECRET, "object": None}),
        content_type="application/json",
    )  # fmt: skip
    assert response.status_code == 400
    assert vk(client, vk_account, 3, "x", secret="wrong").status_code == 400
    assert not WebhookEvent.objects.exists()


def test_a_failing_event_is_retried_then_set_aside_and_the_others_stored(
    client, vk_account, broken, caplog
):
    vk(client, vk_account, 4, "сломанный комментарий")
    vk(client, vk_account, 5, "Хороший комментарий")
    batch.process_all()
    assert list(InboxItem.objects.values_list("remote_id", flat=True)) == ["105"]
    row = WebhookEvent.objects.get(event_id="evt4")
    assert row.processed_at is None and row.attempts == 1
    assert "classifier down" in row.last_error

    for _ in range(batch.MAX_ATTEMPTS - 1):
        batch.process_all()
    row.refresh_from_db()
    assert row.failed and row.processed_at and row.payload  # kept for a person
    assert "not handled after 5 attempts" in caplog.text
    assert InboxItem.objects.count() == 1


def test_a_transient_failure_is_stored_by_the_next_tick(
    client, vk_account, monkeypatch
):
    monkeypatch.setattr(
        "moderation.ingest.classify_text",
        lambda text: (_ for _ in ()).throw(RuntimeError("down")),
    )
    vk(client, vk_account, 6, "Вопрос про детский сад")
    batch.process_all()
    monkeypatch.undo()
    batch.process_all()
    assert InboxItem.objects.get().text == "Вопрос про детский сад"


def test_a_batch_that_dies_leaves_its_rows_for_the_next_tick(
    client, vk_account, monkeypatch
):
    """A killed worker: nothing of the batch is committed, the tick repairs it."""
    vk(client, vk_account, 7, "Первый")
    vk(client, vk_account, 8, "Второй")
    calls = []
    store = ingest.store

    def dies(account, incoming, received_at=None):
        calls.append(incoming.remote_id)
        if len(calls) == 2:
            raise SystemExit("worker killed")
        return store(account, incoming, received_at)

    monkeypatch.setattr("moderation.ingest.store", dies)
    with pytest.raises(SystemExit):
        batch.process_all()
    assert not InboxItem.objects.exists()
    assert WebhookEvent.objects.filter(processed_at__isnull=True).count() == 2
    monkeypatch.undo()
    assert batch.process_all() == 2
    assert InboxItem.objects.count() == 2


def test_rules_count_once_per_batch_and_act_once_per_item(
    client, vk_account, fake_client, inline_actions, django_capture_on_commit_callbacks
):
    Rule.objects.create(name="Реклама", label="spam", action="delete", priority=1)
    vk(client, vk_account, 9, SPAM, author=1)
    vk(client, vk_account, 10, SPAM + " пишите", author=2)
    with django_capture_on_commit_callbacks(execute=True):
        batch.process_all()
    assert Rule.objects.get(name="Реклама").match_count == 2
    assert ModerationAction.objects.filter(action="delete").count() == 2
    assert [c[0] for c in fake_client.calls] == ["delete_comment"] * 2


def test_the_batch_sends_its_actions_in_one_task(
    client, vk_account, monkeypatch, django_capture_on_commit_callbacks
):
    Rule.objects.create(name="Реклама", label="spam", action="delete", priority=1)
    sent = []
    monkeypatch.setattr(
        "moderation.webhooks.batch.current_app.send_task",
        lambda name, args=None, **options: sent.append((name, args)),
    )
    vk(client, vk_account, 11, SPAM, author=1)
    vk(client, vk_account, 12, SPAM, author=2)
    with django_capture_on_commit_callbacks(execute=True):
        batch.process_all()
    items = list(InboxItem.objects.order_by("pk").values_list("pk", flat=True))
    rule = Rule.objects.get(name="Реклама")
    actions = [task for task in sent if task[0] == "moderation.tasks.run_rule_actions"]
    assert actions == [
        ("moderation.tasks.run_rule_actions", [[(pk, rule.pk) for pk in items]])
    ]


def test_the_batch_finds_copies_from_other_authors_as_the_request_did(
    client, vk_account
):
    ingest.store(vk_account, ingest.Incoming(remote_id="1", author_id="101", text=AD))
    for number, author in ((13, 202), (14, 303), (15, 202)):
        vk(client, vk_account, number, AD, author=author)
    batch.process_all()
    items = {i.remote_id: i for i in InboxItem.objects.all()}
    assert items["113"].label == "spam" and "ещё 1 автор." in items["113"].explanation
    assert "ещё 2 автора." in items["114"].explanation
    assert "ещё 2 автора." in items["115"].explanation  # 101 and 303, not itself


def test_recent_texts_answer_as_the_database_window_does(vk_account):
    texts = [(AD, "1"), (AD + "!", "2"), ("Совсем другой текст про погоду и снег", "3")]
    for number, (text, author) in enumerate(texts):
        ingest.store(
            vk_account,
            ingest.Incoming(remote_id=str(number), author_id=author, text=text),
        )
    window = duplicates.DuplicateWindow()
    recent = batching.RecentTexts(reversed(texts), 300, window)
    now = InboxItem.objects.latest("received_at").received_at
    for author in ("1", "4"):
        assert recent.others(AD, author) == duplicates.other_authors(AD, author, now)
    small = batching.RecentTexts(reversed(texts), 2, window)  # the oldest dropped
    assert small.others(AD, "4") == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SKIP LOCKED needs PostgreSQL"
)
def test_two_ticks_at_once_never_handle_an_event_twice(client, vk_account):
    for number in range(20, 26):
        vk(client, vk_account, number, f"Комментарий номер {number}")
    inside, release = threading.Event(), threading.Event()
    original = batch._view

    def slow_view(network, account):
        view = original(network, account)
        process = view.process

        def waiting(payload):
            inside.set()
            release.wait(10)
            process(payload)

        view.process = waiting
        return view

    claimed = []

    def first_tick():
        claimed.append(batch.process_pending(limit=3))
        connection.close()

    batch._view = slow_view
    try:
        worker = threading.Thread(target=first_tick)
        worker.start()
        assert inside.wait(10)
        batch._view = original
        second = batch.process_pending()  # the 3 rows of the first are skipped
        release.set()
        worker.join(10)
    finally:
        batch._view = original
    assert claimed == [3] and second == 3
    assert InboxItem.objects.count() == 6
    assert not WebhookEvent.objects.filter(processed_at__isnull=True).exists()


def test_webhooks_skip_the_middleware_for_people(client, vk_account):
    response = vk(client, vk_account, 30, "Спасибо")
    assert "Content-Security-Policy" not in response.headers
    assert not response.cookies
    missing = client.post(
        "/hooks/nosuch/x/", data="{}", content_type="application/json"
    )
    assert missing.status_code == 404


def test_insert_once_stores_what_save_stores(vk_account, monkeypatch):
    """The statement compiled once and the values prepared per item (insert_once)
    give the same row as save(), JSON, dates and all; a conflict is False."""
    from django.utils import timezone

    from moderation.insert_once import insert_once

    monkeypatch.setattr("moderation.insert_once._statement", {})
    now = timezone.now()
    fields = {
        "network": "vk", "account": vk_account, "text": "Спасибо «всем»",
        "labels": ["spam", "insult"], "spans": [{"start": 0, "end": 3}],
        "raw": {"object": {"id": 1, "text": "ё"}}, "attachments": [{"type": "photo"}],
        "created_at": now, "received_at": now, "deadline": now, "score": 0.5,
        "label": "spam", "urgent": True,
    }  # fmt: skip
    InboxItem(remote_id="saved", **fields).save(force_insert=True)
    for remote_id in ("first", "second"):  # compiled, then the kept statement
        item = InboxItem(remote_id=remote_id, **fields)
        assert insert_once(item) and item.pk and not item._state.adding
    assert not insert_once(InboxItem(remote_id="second", **fields))
    rows = {
        row.pop("remote_id"): row for row in InboxItem.objects.values().order_by("pk")
    }
    for row in rows.values():
        row.pop("id"), row.pop("updated_at")
    assert rows["first"] == rows["saved"] == rows["second"]
