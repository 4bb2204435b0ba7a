"""Refresh OAuth tokens before they expire (Celery beat, every 10 minutes)."""

import datetime
import logging

from django.utils import timezone

from ..credentials import scrub, validate_credential
from ..history import acting_as
from ..models import Account
from .providers import provider_for

logger = logging.getLogger(__name__)
# VK user tokens live an hour: refresh in the last 20 minutes.
MARGIN = datetime.timedelta(minutes=20)


def refresh_expiring(now=None) -> int:
    now = now or timezone.now()
    due = Account.objects.filter(
        credential_expires_at__isnull=False, credential_expires_at__lte=now + MARGIN
    ).exclude(status=Account.Status.DELETED)
    refreshed = 0
    for account in due:
        provider = provider_for(account.network)
        credential = account.get_credential()
        if provider is None or not credential.get("refresh_token"):
            continue
        try:
            new = validate_credential(account.network, provider.refresh(credential))
        except Exception as exc:
            account.health = Account.Health.ERROR
            account.health_checked_at = now
            account.health_message = scrub(
                f"token refresh failed: {type(exc).__name__}: {exc}", credential
            )
            account.save()
            logger.warning("registry refresh failed account=%s", account.pk)
            continue
        with acting_as("token refresh"):
            account.set_credential(new)
            account.save()
        refreshed += 1
    return refreshed
