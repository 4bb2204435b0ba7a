"""Who changed an account, and how: every save writes an ``AccountChange``.

The actor is whoever the caller names: ``account.changed_by = request.user`` in a view, or
``with acting_as("registry import"):`` around a command. Credentials are recorded only as
"replaced" (with the last four characters the admin shows anyway), never their value.
"""

import contextlib
import contextvars
import datetime
import re

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# models.py no longer calls into this module (``bookkeeping`` does): no cycle.
from .models import Account, AccountChange

_actor = contextvars.ContextVar("registry_actor", default=None)

CREDENTIAL_FIELD = "credential"

# History lines that are not fields of the account (``record_event``), by key.
EVENT_LABELS = {
    CREDENTIAL_FIELD: _("credential"),
    "report": _("report to the media department"),
    "access": _("access"),
    "description": _("description"),
    "applied_at": _("applied on the network"),
}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")


@contextlib.contextmanager
def acting_as(actor):
    """Attribute the changes made inside the block to ``actor`` (a user or a name)."""
    token = _actor.set(actor)
    try:
        yield
    finally:
        _actor.reset(token)


def _display(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    return str(value)


def _who(account) -> dict:
    actor = getattr(account, "changed_by", None) or _actor.get()
    if actor is None:
        return {"actor": ""}
    if isinstance(actor, str):
        return {"actor": actor[:200]}
    if getattr(actor, "is_authenticated", False):
        return {"user": actor}
    return {"actor": str(actor)[:200]}


def record_save(account, before: dict | None) -> None:
    after = account._tracked_values()
    changes = {}
    if before is None:
        action = "created"
        for name, value in after.items():
            # A new row's unset flags and empty fields are not news.
            if value is not False and _display(value):
                changes[name] = ["", _display(value)]
    else:
        action = "changed"
        for name, value in after.items():
            if before.get(name) != value:
                changes[name] = [_display(before.get(name)), _display(value)]
    if getattr(account, "_credential_changed", False):
        hint = account.credential_hint
        changes[CREDENTIAL_FIELD] = ["", f"…{hint}" if hint else "***"]
    # Credential bookkeeping fields are covered by the "credential" line above.
    for name in ("credential_set_at", "credential_type", "credential_expires_at"):
        if name in changes and CREDENTIAL_FIELD in changes:
            changes.pop(name)
    if not changes:
        return
    AccountChange.objects.create(
        account=account, action=action, changes=changes, **_who(account)
    )


def record_event(account, action: str, changes: dict, actor=None) -> None:
    """A history line for something that is not a field of the account (an access
    grant, a design version, a report marked sent)."""
    if actor is not None:
        account.changed_by = actor
    AccountChange.objects.create(
        account=account, action=action, changes=changes, **_who(account)
    )


def change_rows(change) -> list[tuple[str, str, str]]:
    """(field label, old, new) for display; dates as 07.12.2026, times in the admin's
    time zone; unknown keys are shown as they are."""
    fields = {f.attname: f for f in Account._meta.concrete_fields}
    rows = []
    for name, pair in change.changes.items():
        old, new = (pair + ["", ""])[:2] if isinstance(pair, list) else ("", pair)
        field = fields.get(name)
        if field is not None and field.choices:
            labels = {str(k): str(v) for k, v in field.flatchoices}
            old, new = labels.get(old, old), labels.get(new, new)
        if name in EVENT_LABELS:
            label = EVENT_LABELS[name]
        else:
            label = field.verbose_name if field is not None else name
        rows.append((str(label), _readable(old), _readable(new)))
    return rows


def _readable(value) -> str:
    """A stored ISO date or time as a person writes it; anything else unchanged."""
    text = str(value)
    try:
        if ISO_DATE.match(text):
            return datetime.date.fromisoformat(text).strftime("%d.%m.%Y")
        if ISO_DATETIME.match(text):
            moment = datetime.datetime.fromisoformat(text)
            if timezone.is_aware(moment):
                moment = timezone.localtime(moment)
            return moment.strftime("%d.%m.%Y %H:%M")
    except ValueError:
        return text
    return text
