"""What follows an account's save, as a service outside the model (issue 16.2, 16.5):
the event date filled when the status changes, a history line for every change
(``history.record_save``) and the 10-day report when an account becomes active or
deleted (``obligations.open_obligation``); and the account's history line for an
access grant saved or deleted.

``Account.save`` knows nothing of history or reports (the model no longer imports the
modules that import it); ``AccountsRegistryConfig.ready`` connects these receivers, and
``Account.save`` runs them inside one transaction with the row itself.
"""

from django.db.models.signals import post_save, pre_delete, pre_save

from .history import record_event, record_save
from .models import AccessGrant, Account
from .obligations import local_today, open_obligation

REPORTED_STATUSES = (Account.Status.ACTIVE, Account.Status.DELETED)


def _before(account: Account) -> dict | None:
    """The tracked values as loaded from the database (None for a new row)."""
    return getattr(account, "_loaded", None)


def fill_event_date(sender, instance: Account, raw=False, **kwargs) -> None:
    """A status that becomes active or deleted dates itself, in the office's calendar."""
    if raw:
        return
    before = _before(instance)
    if instance.status == (before or {}).get("status"):
        return
    if instance.status == Account.Status.ACTIVE and not instance.created_on:
        instance.created_on = local_today()
    if instance.status == Account.Status.DELETED and not instance.deleted_on:
        instance.deleted_on = local_today()


def record_and_report(sender, instance: Account, raw=False, **kwargs) -> None:
    if raw:  # loaddata: the fixture is the history
        return
    before = _before(instance)
    record_save(instance, before)
    changed = instance.status != (before or {}).get("status")
    skip = getattr(instance, "skip_report_obligation", False)
    if changed and instance.status in REPORTED_STATUSES and not skip:
        open_obligation(instance)
    instance._loaded = instance._tracked_values()
    instance._credential_changed = False


def record_access_saved(sender, instance: AccessGrant, raw=False, **kwargs) -> None:
    if raw:
        return
    record_event(
        instance.account,
        "access",
        {"access": ["", instance.summary()]},
        actor=getattr(instance, "changed_by", None),
    )


def record_access_deleted(sender, instance: AccessGrant, origin=None, **kwargs):
    """Only a grant deleted by itself: one that goes with its account (a cascade) or
    with a queryset's ``delete()`` leaves no line, as when ``delete()`` wrote it."""
    if origin is not instance:
        return
    record_event(
        instance.account,
        "access",
        {"access": [instance.summary(), ""]},
        actor=getattr(instance, "changed_by", None),
    )


def connect() -> None:
    pre_save.connect(fill_event_date, sender=Account, dispatch_uid="registry_dates")
    post_save.connect(record_and_report, sender=Account, dispatch_uid="registry_books")
    post_save.connect(
        record_access_saved, sender=AccessGrant, dispatch_uid="registry_access_saved"
    )
    pre_delete.connect(
        record_access_deleted, sender=AccessGrant, dispatch_uid="registry_access_gone"
    )
