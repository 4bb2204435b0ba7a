"""Incoming comments the batch set aside reach a person (moderation/set_aside.py): the
technician's dashboard counts them with the error and «Повторить», the moderators
see them without the API words, and the technicians get one e-mail, not one per tick."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse

from moderation.models import InboxItem, WebhookEvent
from moderation.webhooks import batch
from tests.accounts_registry.conftest import login
from tests.moderation.test_webhook_batch import vk

HOME = reverse("wagtailadmin_home")


@pytest.fixture(autouse=True)
def deferred(settings):
    settings.MODERATION_WEBHOOKS_DEFERRED = True
    settings.SYNDICATION_NOTIFY_EMAILS = []


def ticks(count, capture):
    for _ in range(count):
        with capture(execute=True):
            batch.process_all()


def test_set_aside_after_five_attempts_shows_and_is_mailed_once(
    client, vk_account, technician, broken, django_capture_on_commit_callbacks
):
    vk(client, vk_account, 1, "сломанный комментарий")
    vk(client, vk_account, 2, "ещё один сломанный")
    ticks(batch.MAX_ATTEMPTS - 1, django_capture_on_commit_callbacks)
    assert not mail.outbox and not WebhookEvent.objects.filter(failed=True).exists()
    ticks(3, django_capture_on_commit_callbacks)  # the fifth, and two more
    assert WebhookEvent.objects.filter(failed=True).count() == 2
    (message,) = mail.outbox
    assert message.to == ["denis@minsoc.example"]
    assert message.subject == "2 входящих комментария не удалось обработать"
    assert "ВКонтакте" in message.body and "Повторить" in message.body

    login(client, technician)  # credentials need a second factor
    html = client.get(HOME).content.decode()
    assert "2 входящих комментария не удалось обработать" in html
    assert "ВКонтакте, vk account" in html
    assert "RuntimeError: classifier down" in html
    assert html.count("Повторить") >= 2


def test_one_event_reads_in_the_singular(
    client, vk_account, technician, broken, django_capture_on_commit_callbacks
):
    vk(client, vk_account, 1, "сломанный комментарий")
    ticks(batch.MAX_ATTEMPTS, django_capture_on_commit_callbacks)
    assert mail.outbox[0].subject == "1 входящий комментарий не удалось обработать"
    login(client, technician)  # credentials need a second factor
    assert "1 входящий комментарий не удалось обработать" in (
        client.get(HOME).content.decode()
    )


def test_the_moderator_sees_no_api_words_and_may_not_retry(
    client, vk_account, moderator, broken, django_capture_on_commit_callbacks
):
    vk(client, vk_account, 1, "сломанный комментарий")
    ticks(batch.MAX_ATTEMPTS, django_capture_on_commit_callbacks)
    row = WebhookEvent.objects.get()
    client.force_login(moderator)
    html = client.get(HOME).content.decode()
    assert "1 входящий комментарий не удалось обработать" in html
    assert "RuntimeError" not in html and "classifier down" not in html
    assert "причину видит технический специалист" in html
    assert "Повторить" not in html
    url = reverse("moderation_set_aside_retry", args=[row.pk])
    response = client.post(url)  # Wagtail turns the PermissionDenied into a redirect
    said = [str(m) for m in get_messages(response.wsgi_request)]
    assert response.status_code == 302 and any("нет доступа" in m for m in said), said
    row.refresh_from_db()
    assert row.failed and row.attempts == batch.MAX_ATTEMPTS


def test_nothing_shows_when_nothing_failed(client, vk_account, technician):
    vk(client, vk_account, 1, "Хороший комментарий")
    batch.process_all()
    login(client, technician)  # credentials need a second factor
    assert "data-moderation-set-aside" not in client.get(HOME).content.decode()


def test_retry_puts_the_event_back_and_it_lands_once(
    client, vk_account, technician, broken, django_capture_on_commit_callbacks
):
    vk(client, vk_account, 1, "сломанный комментарий")
    ticks(batch.MAX_ATTEMPTS, django_capture_on_commit_callbacks)
    row = WebhookEvent.objects.get()
    url = reverse("moderation_set_aside_retry", args=[row.pk])
    login(client, technician)  # credentials need a second factor
    assert client.get(url).status_code == 405  # a change is a POST
    broken["broken"] = False
    response = client.post(url)
    assert response.status_code == 302 and response.url == HOME
    row.refresh_from_db()
    assert not row.failed and row.attempts == 0 and row.processed_at is None
    ticks(1, django_capture_on_commit_callbacks)
    assert list(InboxItem.objects.values_list("remote_id", flat=True)) == ["101"]
    assert client.post(url).status_code == 302  # nothing to retry: a no-op
    assert "data-moderation-set-aside" not in client.get(HOME).content.decode()

    # An event set aside although its comment got in: the retry adds nothing.
    payload = InboxItem.objects.get().raw
    WebhookEvent.objects.filter(pk=row.pk).update(
        failed=True, processed_at=row.received_at, payload=payload
    )
    client.post(url)
    ticks(1, django_capture_on_commit_callbacks)
    assert InboxItem.objects.count() == 1
    assert not WebhookEvent.objects.filter(failed=True).exists()


def test_an_outage_is_one_e_mail_while_events_keep_being_set_aside(
    client, vk_account, technician, broken, django_capture_on_commit_callbacks
):
    vk(client, vk_account, 1, "сломанный комментарий")
    ticks(batch.MAX_ATTEMPTS, django_capture_on_commit_callbacks)
    vk(client, vk_account, 2, "ещё один сломанный")
    ticks(batch.MAX_ATTEMPTS, django_capture_on_commit_callbacks)
    assert WebhookEvent.objects.filter(failed=True).count() == 2
    assert len(mail.outbox) == 1  # the dashboard counts the second


def test_no_e_mail_when_notifications_are_off(
    client, vk_account, technician, broken, django_capture_on_commit_callbacks, settings
):
    settings.SYNDICATION_NOTIFY = False
    vk(client, vk_account, 1, "сломанный комментарий")
    ticks(batch.MAX_ATTEMPTS, django_capture_on_commit_callbacks)
    assert WebhookEvent.objects.filter(failed=True).count() == 1
    assert not mail.outbox
