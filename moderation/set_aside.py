"""Incoming comments nobody could handle reach a person.

A webhook event the batch set aside (``webhooks/batch.py``: it raised
``MAX_ATTEMPTS`` times) is a citizen's comment missing from the inbox. It shows on
the dashboard (``views/set_aside.py``) of the technician, with the error and
«Повторить», and of the moderators, without the API words; and the technicians are
e-mailed, as for a delivery that waits for a person (issue 11.6): same switch
(SYNDICATION_NOTIFY), same shared address (SYNDICATION_NOTIFY_EMAILS), same choice
in the Wagtail account settings («Уведомления»).

An outage sets aside many events tick after tick: one e-mail, then none while events
keep being set aside within SYNDICATION_NOTIFY_DIGEST_MINUTES of each other; the
dashboard counts them all."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts_registry import conf as registry_conf
from cms.env import setting
from syndication import notifications

from .models import WebhookEvent

logger = logging.getLogger(__name__)
TECH_PERMISSION = "accounts_registry.set_credential"


def waiting():
    return WebhookEvent.objects.filter(failed=True)


def retry(pk: int) -> WebhookEvent | None:
    """Put a set-aside event back in the queue: the next tick takes it from the first
    attempt. The inbox's duplicate check keeps a comment that did get in from coming
    in twice."""
    updated = WebhookEvent.objects.filter(
        pk=pk, failed=True, payload__isnull=False
    ).update(failed=False, attempts=0, processed_at=None, last_error="")
    return (
        WebhookEvent.objects.select_related("account").get(pk=pk) if updated else None
    )


def technicians():
    perm = Q(groups__permissions__codename="set_credential") | Q(
        user_permissions__codename="set_credential"
    )
    return (
        get_user_model()
        .objects.filter(perm, is_active=True, groups__name=registry_conf.TECH_GROUP)
        .distinct()
    )


def recipients() -> list[str]:
    emails = [u.email for u in technicians() if notifications.wants_mail(u)]
    emails += list(setting("SYNDICATION_NOTIFY_EMAILS", []))
    return sorted(set(emails))


def message(events: list[WebhookEvent]) -> tuple[str, str]:
    count = len(events)
    subject = ngettext(
        "%(count)d incoming comment could not be handled",
        "%(count)d incoming comments could not be handled",
        count,
    ) % {"count": count}
    lines = [
        f"— {event.get_network_display()}, {event.account.name}: "
        + _("received %(when)s")
        % {"when": date_format(timezone.localtime(event.received_at), "d.m.Y H:i")}
        for event in events
    ]
    base = str(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")
    hint = _(
        "They are not in the moderation inbox. The error and «Retry» are on the "
        "technician's dashboard: %(link)s"
    ) % {"link": base + reverse("wagtailadmin_home")}
    return subject, "\n\n".join([subject, "\n".join(lines), hint])


def notify_responsible(sender, events: list[WebhookEvent], **kwargs) -> None:
    if not notifications.enabled() or not events:
        return
    since = timezone.now() - notifications.digest_window()
    pks = [event.pk for event in events]
    if waiting().filter(processed_at__gte=since).exclude(pk__in=pks).exists():
        return  # told a moment ago; the dashboard counts the rest
    to = recipients()
    if not to:
        logger.warning("%d webhook events set aside; nobody to tell", len(events))
        return
    events = list(waiting().filter(pk__in=pks).select_related("account"))
    if events:
        subject, body = message(events)
        notifications.mail(subject, body, to, "set-aside webhook events")
