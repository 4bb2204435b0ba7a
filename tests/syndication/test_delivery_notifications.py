"""The people responsible are told when a delivery waits for them (issue 11.6)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from syndication import signals
from syndication.api import errors
from syndication.delivery import scheduling, sending
from syndication.models import Delivery

pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = pytest.mark.django_db(transaction=True)
S = Delivery.Status


@pytest.fixture
def publisher(piece_page):
    user = get_user_model().objects.create_user(
        "editor", "editor@minsoc.example", "x", first_name="Анна"
    )
    piece_page.owner = user
    piece_page.save(update_fields=["owner"])
    return user


def send(page, account, fake_clients, failure):
    (delivery,) = scheduling.schedule_page(page, accounts=[account])
    fake_clients["for"](account).script = [failure]
    sending.perform(delivery.pk)
    delivery.refresh_from_db()
    return delivery


def test_a_delivery_that_needs_a_check_is_e_mailed(
    piece_page, accounts, fake_clients, publisher, settings
):
    settings.SYNDICATION_NOTIFY_EMAILS = ["smm@minsoc.example"]
    telegram = accounts[2]
    events = []
    signals.delivery_needs_attention.connect(
        lambda sender, delivery, **kw: events.append(delivery.pk), weak=False,
        dispatch_uid="test-events",
    )  # fmt: skip
    try:
        delivery = send(
            piece_page, telegram, fake_clients, errors.OutcomeUnknown("502")
        )
    finally:
        signals.delivery_needs_attention.disconnect(dispatch_uid="test-events")
    assert delivery.status == S.NEEDS_CHECK
    assert events == [delivery.pk]
    (message,) = mail.outbox
    assert message.to == ["editor@minsoc.example", "smm@minsoc.example"]
    assert message.subject == (
        f"«{piece_page.title}» в аккаунте «{telegram.name}»: нужна проверка"
    )
    assert "Проверьте, появился ли пост" in message.body
    assert f"/syndication/log/{delivery.pk}/" in message.body


def test_a_failed_delivery_is_e_mailed_and_a_retry_is_not(
    piece_page, accounts, fake_clients, publisher
):
    vk = accounts[0]
    delivery = send(piece_page, vk, fake_clients, errors.PermanentError("Bad text"))
    assert delivery.status == S.FAILED
    (message,) = mail.outbox
    assert message.subject.startswith(f"«{piece_page.title}» не удалось отправить")
    mail.outbox.clear()
    ok = accounts[1]
    send(piece_page, ok, fake_clients, errors.TransientError("busy"))
    assert mail.outbox == []  # a retry is the machine's business


def test_notifications_can_be_turned_off(
    piece_page, accounts, fake_clients, publisher, settings
):
    settings.SYNDICATION_NOTIFY = False
    send(piece_page, accounts[0], fake_clients, errors.PermanentError("Bad text"))
    assert mail.outbox == []
