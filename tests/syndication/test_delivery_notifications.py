"""The people responsible are told when a delivery waits for them (issue 11.6)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from accounts_registry import conf as registry_conf
from syndication import notifications, signals
from syndication.api import errors
from syndication.delivery import scheduling, sending
from syndication.models import Delivery, NotificationPreference
from syndication.wagtail_hooks import DeliveryNotificationsPanel

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


def failed(page, account, count):
    """``count`` deliveries of ``account`` that failed together (a network outage)."""
    return [
        Delivery.objects.create(page=page, account=account, status=S.FAILED,
                                last_error=f"Сеть не отвечает ({number})")
        for number in range(count)
    ]  # fmt: skip


def tell(deliveries):
    for delivery in deliveries:
        signals.delivery_needs_attention.send(sender=Delivery, delivery=delivery)


def test_an_outage_sends_one_e_mail_and_then_one_digest(
    piece_page, accounts, publisher, settings
):
    """Issue 11: 40 deliveries failed by one outage were 40 e-mails. The first is
    mailed at once; the rest wait for one digest per person, sent by the tick when
    the window is over; one settled meanwhile is left out."""
    settings.SYNDICATION_NOTIFY_EMAILS = ["smm@minsoc.example"]
    settings.SYNDICATION_NOTIFY_DIGEST_MINUTES = 15
    vk = accounts[0]
    deliveries = failed(piece_page, vk, 40)
    tell(deliveries)
    (first,) = mail.outbox
    assert first.to == ["editor@minsoc.example", "smm@minsoc.example"]
    assert first.subject.startswith(f"«{piece_page.title}» не удалось отправить")
    assert notifications.send_digests() == 0  # inside the window: it waits
    Delivery.objects.filter(pk=deliveries[7].pk).update(status=S.SENT)  # retried
    later = timezone.now() + timedelta(minutes=16)
    assert notifications.send_digests(now=later) == 2
    digests = mail.outbox[1:]
    assert sorted(m.to for m in digests) == [
        ["editor@minsoc.example"], ["smm@minsoc.example"],
    ]  # fmt: skip
    for message in digests:
        assert (
            message.subject == f"38 публикаций в аккаунте «{vk.name}» требуют внимания"
        )
        assert "добавилось 38 публикаций, которым нужна проверка" in message.body
        assert message.body.count("/syndication/log/") == 38
        assert f"/syndication/log/{deliveries[7].pk}/" not in message.body
    assert notifications.send_digests(now=later + timedelta(minutes=30)) == 0
    # Within the window after the digest a new problem waits for the next one.
    tell(failed(piece_page, vk, 1))
    assert len(mail.outbox) == 3


def test_the_digest_counts_in_russian(piece_page, accounts):
    vk = accounts[0]
    one, *_ = failed(piece_page, vk, 1)
    for count, words in ((21, "21 публикация в аккаунте"), (22, "22 публикации"),
                         (25, "25 публикаций")):  # fmt: skip
        subject, body = notifications.digest(vk, [one] * count)
        assert subject.startswith(words), subject
        assert subject.endswith(
            "требует внимания" if count == 21 else "требуют внимания"
        )
    _subject, body = notifications.digest(vk, [one] * 21)
    assert "добавилась 21 публикация, которой нужна проверка" in body


def test_a_person_who_turned_the_e_mails_off_gets_none(
    piece_page, accounts, publisher, settings
):
    settings.SYNDICATION_NOTIFY_EMAILS = ["smm@minsoc.example"]
    NotificationPreference.objects.create(user=publisher, delivery_problems=False)
    tell(failed(piece_page, accounts[0], 3))
    notifications.send_digests(now=timezone.now() + timedelta(minutes=16))
    assert [m.to for m in mail.outbox] == [["smm@minsoc.example"]] * 2


def test_the_choice_is_in_wagtails_account_settings(publisher, client):
    """«Уведомления» in the account settings offers it beside Wagtail's own; turning
    it off is stored."""
    publisher.is_superuser = publisher.is_staff = True
    publisher.save()
    client.force_login(publisher)
    page = client.get(reverse("wagtailadmin_account"))
    assert page.status_code == 200
    assert "Присылать письмо, когда публикации в соцсети нужна проверка" in (
        page.content.decode()
    )
    request = RequestFactory().post("/", {})  # the box unticked
    request.user = publisher
    panel = DeliveryNotificationsPanel(request, publisher, None)
    form = panel.get_form()
    assert form.is_valid(), form.errors
    form.save()
    assert not NotificationPreference.objects.get(user=publisher).delivery_problems
    assert not notifications.wants_mail(publisher)


def test_a_technician_reads_that_the_switch_covers_incoming_comments(publisher):
    """The same switch governs the mail about incoming comments that could not be
    handled (moderation/set_aside.py), which only technicians get: they read so
    under it; an editor does not."""

    def note():
        request = RequestFactory().get("/")
        request.user = publisher
        form = DeliveryNotificationsPanel(request, publisher, None).get_form()
        return str(form.fields["delivery_problems"].help_text)

    assert note() == ""
    group, _ = Group.objects.get_or_create(name=registry_conf.TECH_GROUP)
    publisher.groups.add(group)
    assert "получают письмо и тогда, когда входящие комментарии" in note()
