"""Telling the people responsible that a delivery waits for them (issue 11.6).

``state.mark_final`` sends ``signals.delivery_needs_attention`` when a delivery becomes
«нужна проверка» or «не удалось»; the receiver here e-mails the person who published
the revision, the page's owner (each unless they turned these e-mails off in their
Wagtail account settings, «Уведомления») and SYNDICATION_NOTIFY_EMAILS (the press
office's shared address), with the reason and a link to the delivery's page in the
admin. SYNDICATION_NOTIFY = False turns the e-mails off (the signal is still sent).

Batched per account: the first problem of an account is mailed at once; those that
follow within SYNDICATION_NOTIFY_DIGEST_MINUTES wait as ``DeliveryNotice`` rows and go
out as one digest, sent by the scheduler's tick (``send_digests``) when that time is
over. A network outage that fails 40 deliveries sends two e-mails, not 40."""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts_registry.models import Account
from cms.env import setting
from syndication.models import Delivery, DeliveryNotice, NotificationPreference

logger = logging.getLogger(__name__)
PROBLEMS = (Delivery.Status.NEEDS_CHECK, Delivery.Status.FAILED)
RELATED = ("page__owner", "account", "revision__user")


def enabled() -> bool:
    return bool(setting("SYNDICATION_NOTIFY", True))


def digest_window() -> timedelta:
    return timedelta(minutes=float(setting("SYNDICATION_NOTIFY_DIGEST_MINUTES", 15)))


def wants_mail(user) -> bool:
    """An active person with an address who has not turned these e-mails off."""
    if user is None or not user.is_active or not user.email:
        return False
    choice = (
        NotificationPreference.objects.filter(user=user)
        .values_list("delivery_problems", flat=True)
        .first()
    )
    return choice is not False


def recipients(delivery: Delivery) -> list[str]:
    people = [getattr(delivery.revision, "user", None), delivery.page.owner]
    emails = [p.email for p in people if wants_mail(p)]
    emails += list(setting("SYNDICATION_NOTIFY_EMAILS", []))
    return sorted(set(emails))


def link(delivery: Delivery) -> str:
    base = str(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")
    return base + reverse("syndication_delivery", args=[delivery.pk])


def message(delivery: Delivery) -> tuple[str, str]:
    title, account = delivery.page.title, delivery.account.name
    if delivery.status == Delivery.Status.NEEDS_CHECK:
        subject = _("«%(title)s» in %(account)s: needs a check") % {
            "title": title, "account": account,
        }  # fmt: skip
    else:
        subject = _("«%(title)s» was not sent to %(account)s") % {
            "title": title, "account": account,
        }  # fmt: skip
    body = "\n\n".join(
        [subject, delivery.last_error, _("Open: %(link)s") % {"link": link(delivery)}]
    )
    return subject, body


def digest(account: Account, deliveries: list[Delivery]) -> tuple[str, str]:
    count = len(deliveries)
    subject = ngettext(
        "%(count)d post to %(account)s needs attention",
        "%(count)d posts to %(account)s need attention",
        count,
    ) % {"count": count, "account": account.name}
    intro = ngettext(
        "Since the last e-mail about %(account)s, %(count)d more post needs a check "
        "or was not sent:",
        "Since the last e-mail about %(account)s, %(count)d more posts need a check "
        "or were not sent:",
        count,
    ) % {"count": count, "account": account.name}
    entries = [
        "\n".join(
            part
            for part in (
                f"— «{d.page.title}»: {d.get_status_display()}",
                d.last_error,
                link(d),
            )
            if part
        )
        for d in deliveries
    ]
    return subject, "\n\n".join([intro, *entries])


def mail(subject: str, body: str, to: list[str], what: str) -> None:
    try:
        send_mail(subject, body, None, to)
    except Exception:  # the mail server being down must not break a delivery
        logger.exception("%s: notification not sent", what)


def notify_responsible(sender, delivery: Delivery, **kwargs) -> None:
    if not enabled():
        return
    delivery = Delivery.objects.select_related(*RELATED).filter(pk=delivery.pk).first()
    if delivery is None:
        return
    now = timezone.now()
    with transaction.atomic():
        # One decision per account at a time: two workers failing together must not
        # both think they are the first.
        Account.objects.select_for_update().filter(pk=delivery.account_id).first()
        notice = DeliveryNotice.objects.create(
            delivery=delivery, account_id=delivery.account_id, created_at=now
        )
        if DeliveryNotice.objects.filter(
            account_id=delivery.account_id, mailed_at__gt=now - digest_window()
        ).exists():
            return  # the account was written about just now: the digest tells it
        notice.mailed_at = now
        notice.save(update_fields=["mailed_at"])
    to = recipients(delivery)
    if not to:
        logger.warning("delivery %s needs attention; nobody to tell", delivery.pk)
        return
    subject, body = message(delivery)
    mail(subject, body, to, f"delivery {delivery.pk}")


def send_digests(now=None) -> int:
    """Mail the waiting notices of every account whose last e-mail is older than the
    digest window, one digest per account and person; returns the e-mails sent.
    Deliveries settled meanwhile (a person retried them) are left out."""
    if not enabled():
        return 0
    now = now or timezone.now()
    sent = 0
    waiting = DeliveryNotice.objects.filter(mailed_at__isnull=True)
    for account_id in sorted(set(waiting.values_list("account_id", flat=True))):
        with transaction.atomic():
            account = Account.objects.select_for_update().filter(pk=account_id).first()
            last = DeliveryNotice.objects.filter(account_id=account_id).aggregate(
                last=Max("mailed_at")
            )["last"]
            if account is None or (last and last > now - digest_window()):
                continue
            notices = list(
                waiting.filter(account_id=account_id).select_related(
                    *(f"delivery__{name}" for name in RELATED)
                )
            )
            DeliveryNotice.objects.filter(pk__in=[n.pk for n in notices]).update(
                mailed_at=now
            )
        deliveries = list(
            {
                n.delivery_id: n.delivery
                for n in notices
                if n.delivery.status in PROBLEMS
            }.values()
        )
        by_person = defaultdict(list)
        for delivery in deliveries:
            for address in recipients(delivery):
                by_person[address].append(delivery)
        for address, theirs in sorted(by_person.items()):
            if len(theirs) == 1:
                subject, body = message(theirs[0])
            else:
                subject, body = digest(account, theirs)
            mail(subject, body, [address], f"digest of account {account_id}")
            sent += 1
    return sent
