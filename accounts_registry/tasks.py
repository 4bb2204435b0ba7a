"""Celery tasks of the registry, scheduled in CELERY_BEAT_SCHEDULE (cms/settings/base.py)."""

from celery import shared_task

from .health import check_accounts as run
from .models import Account
from .oauth.refresh import refresh_expiring
from .reminders import send_due_reminders


@shared_task(name="accounts_registry.send_report_reminders")
def send_report_reminders() -> int:
    return send_due_reminders()


@shared_task(name="accounts_registry.check_accounts")
def check_accounts() -> int:
    """Hourly health check of every live account; returns the number of problems."""
    accounts = (
        Account.objects.exclude(
            status__in=[Account.Status.DELETED, Account.Status.PLANNED]
        )
        .filter(credential_set_at__isnull=False)
        .not_blocked()
    )
    return sum(1 for result in run(accounts) if not result.ok)


@shared_task(name="accounts_registry.refresh_tokens")
def refresh_tokens() -> int:
    """Refresh OAuth tokens that expire soon; returns how many were refreshed."""
    return refresh_expiring()
