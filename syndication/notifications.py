"""Telling the people responsible that a delivery waits for them (issue 11.6).

``state.mark_final`` sends ``signals.delivery_needs_attention`` when a delivery becomes
«нужна проверка» or «не удалось»; the receiver here e-mails the person who published
the revision, the page's owner and SYNDICATION_NOTIFY_EMAILS (the press office's
shared address), with the reason and a link to the delivery's page in the admin.
SYNDICATION_NOTIFY = False turns the e-mails off (the signal is still sent)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _

from cms.env import setting
from syndication.models import Delivery

logger = logging.getLogger(__name__)


def recipients(delivery: Delivery) -> list[str]:
    people = [getattr(delivery.revision, "user", None), delivery.page.owner]
    emails = [p.email for p in people if p is not None and p.is_active and p.email]
    emails += list(setting("SYNDICATION_NOTIFY_EMAILS", []))
    return sorted(set(emails))


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
    base = str(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")
    link = base + reverse("syndication_delivery", args=[delivery.pk])
    body = "\n\n".join(
        [subject, delivery.last_error, _("Open: %(link)s") % {"link": link}]
    )
    return subject, body


def notify_responsible(sender, delivery: Delivery, **kwargs) -> None:
    if not setting("SYNDICATION_NOTIFY", True):
        return
    delivery = (
        Delivery.objects.select_related("page__owner", "account", "revision__user")
        .filter(pk=delivery.pk)
        .first()
    )
    if delivery is None:
        return
    to = recipients(delivery)
    if not to:
        logger.warning("delivery %s needs attention; nobody to tell", delivery.pk)
        return
    subject, body = message(delivery)
    try:
        send_mail(subject, body, None, to)
    except Exception:  # the mail server being down must not break a delivery
        logger.exception("delivery %s: notification not sent", delivery.pk)
