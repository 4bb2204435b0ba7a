"""E-mail reminders to the registry keepers: 5 and 1 days before a report is due, and once
when it is overdue. Each stage is sent once; a stage reached late (the task did not run)
sends only the most urgent reminder and marks the earlier ones as passed."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from . import conf
from .obligations import ReportObligation, local_today

logger = logging.getLogger(__name__)

# (stage field, condition on days left), most urgent first.
STAGES = [
    ("reminded_overdue_at", lambda days: days < 0),
    ("reminded_1_at", lambda days: days <= conf.app_settings.REMINDER_DAYS[1]),
    ("reminded_5_at", lambda days: days <= conf.app_settings.REMINDER_DAYS[0]),
]


def keeper_emails() -> list[str]:
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=conf.KEEPER_GROUP)
        .exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def _stage(obligation, today):
    days = (obligation.due_on - today).days
    for index, (field, applies) in enumerate(STAGES):
        if applies(days):
            return field, [f for f, _cond in STAGES[index:]], days
    return None, [], days


def _message(obligation, days: int) -> tuple[str, str]:
    account = obligation.account
    event = obligation.get_event_display()
    due = obligation.due_on.strftime("%d.%m.%Y")
    if days < 0:
        subject = _("Overdue: report on %(account)s") % {"account": account.name}
    else:
        subject = _("Report on %(account)s is due on %(due)s") % {
            "account": account.name,
            "due": due,
        }
    body = _(
        "%(event)s on %(date)s: %(account)s (%(url)s).\n"
        "The media department must be informed by %(due)s (10 days, order item 2).\n"
        "Generate the notification in Vestnik: %(link)s"
    ) % {
        "event": event,
        "date": obligation.event_date.strftime("%d.%m.%Y"),
        "account": account,
        "url": account.url or account.external_id,
        "due": due,
        "link": _admin_link(),
    }
    return subject, body


def _admin_link() -> str:
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse("registry_notification_new")


def send_due_reminders(today=None) -> int:
    """Send every reminder that is due and not yet sent; return how many were sent."""
    today = today or local_today()
    recipients = keeper_emails()
    if not recipients:
        logger.warning("registry reminders: the keeper group has no e-mail addresses")
        return 0
    sent = 0
    horizon = today + timezone.timedelta(days=max(conf.app_settings.REMINDER_DAYS))
    candidates = ReportObligation.objects.open().filter(due_on__lte=horizon)
    for obligation in candidates.select_related("account"):
        field, passed, days = _stage(obligation, today)
        if field is None or getattr(obligation, field):
            continue
        with transaction.atomic():
            # Lock the row and re-check, so that two beat runs never send twice.
            locked = ReportObligation.objects.select_for_update().get(pk=obligation.pk)
            if getattr(locked, field):
                continue
            with override(conf.app_settings.REMINDER_LANGUAGE):
                subject, body = _message(obligation, days)
            send_mail(subject, body, None, recipients)
            now = timezone.now()
            for name in passed:
                if not getattr(locked, name):
                    setattr(locked, name, now)
            locked.save(update_fields=passed)
        sent += 1
    logger.info("registry reminders sent: %d", sent)
    return sent
