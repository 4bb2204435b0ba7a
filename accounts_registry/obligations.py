"""The 10-day reports (order, item 2): every account created or deleted must be reported to
the regional media department within 10 calendar days.

Dates are counted in the press office's time zone (``REGISTRY_TIME_ZONE``), so an account
activated at 23:30 local time on the 31st is due on the 10th, whatever the server's clock.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.private_files import RandomName, private_storage

from . import conf


def local_today(at: datetime.datetime | None = None) -> datetime.date:
    """The press office's day now, or at the moment ``at`` (a report taken then)."""
    return timezone.localdate(
        at, timezone=zoneinfo.ZoneInfo(conf.app_settings.TIME_ZONE)
    )


def due_date(event_date: datetime.date) -> datetime.date:
    """Ten calendar days after the event; month and year ends need no special case."""
    return event_date + datetime.timedelta(days=conf.app_settings.REPORT_DEADLINE_DAYS)


class ObligationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(reported_on__isnull=True)

    def overdue(self, today=None):
        return self.open().filter(due_on__lt=today or local_today())

    def due_soon(self, today=None, days=None):
        today = today or local_today()
        days = conf.app_settings.DASHBOARD_DUE_SOON_DAYS if days is None else days
        return self.open().filter(
            due_on__gte=today, due_on__lte=today + datetime.timedelta(days=days)
        )


class Notification(models.Model):
    """A notification letter to the media department, listing accounts created or
    deleted; once sent, its outgoing number is recorded on each listed event."""

    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("created by"),
        related_name="+",
    )
    outgoing_number = models.CharField(_("outgoing number"), max_length=100, blank=True)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    # Not public (issue 12.4): private storage, a random name, read only through
    # notification_views.sent_document, which checks permission.
    document = models.FileField(
        _("sent document"),
        storage=private_storage,
        upload_to=RandomName("notifications"),
        blank=True,
    )

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        number = self.outgoing_number or _("draft")
        return f"{number} ({self.created_at:%d.%m.%Y})"


class ReportObligation(models.Model):
    class Event(models.TextChoices):
        CREATED = "created", _("account created")
        DELETED = "deleted", _("account deleted")

    account = models.ForeignKey(
        "accounts_registry.Account",
        on_delete=models.CASCADE,
        related_name="report_obligations",
        verbose_name=_("account"),
    )
    event = models.CharField(_("event"), max_length=10, choices=Event.choices)
    event_date = models.DateField(_("event date"))
    due_on = models.DateField(_("due date"))
    reported_on = models.DateField(_("reported on"), null=True, blank=True)
    outgoing_number = models.CharField(_("outgoing number"), max_length=100, blank=True)
    notification = models.ForeignKey(
        Notification,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="obligations",
        verbose_name=_("sent document"),
    )
    # Each reminder is sent once: the stage already sent is remembered here.
    reminded_5_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminded_1_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminded_overdue_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ObligationQuerySet.as_manager()

    class Meta:
        verbose_name = _("report obligation")
        verbose_name_plural = _("report obligations")
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["account", "event", "event_date"], name="one_report_per_event"
            )
        ]

    def __str__(self) -> str:
        return f"{self.account} — {self.get_event_display()} {self.event_date:%d.%m.%Y}"

    @property
    def is_overdue(self) -> bool:
        return self.reported_on is None and self.due_on < local_today()

    @property
    def days_left(self) -> int:
        return (self.due_on - local_today()).days


def open_obligation(account) -> ReportObligation:
    """Called when an account's status becomes active or deleted."""
    if account.status == account.Status.ACTIVE:
        event, date = ReportObligation.Event.CREATED, account.created_on
    else:
        event, date = ReportObligation.Event.DELETED, account.deleted_on
    date = date or local_today()
    obligation, _created = ReportObligation.objects.get_or_create(
        account=account,
        event=event,
        event_date=date,
        defaults={"due_on": due_date(date)},
    )
    return obligation
