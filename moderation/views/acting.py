"""Carrying out what a moderator asked for, on one item or many."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import actions, conf
from ..capabilities import BY_CODE, refusal
from ..models import InboxItem, ModerationAction, Reason

BAN_PERIODS = {
    "1": _("1 day"),
    "7": _("7 days"),
    "30": _("30 days"),
    "365": _("1 year"),
    "": _("Forever"),
}


class Refused(Exception):
    """The item's network (or kind) does not allow the action; the message says why
    in Russian and nothing was sent."""


def ban_until(days: str):
    if days and days.isdigit():
        return timezone.now() + timedelta(days=int(days))
    return None


def undo_window() -> timedelta | None:
    seconds = conf.undo_seconds()
    return timedelta(seconds=seconds) if seconds > 0 else None


def act(item: InboxItem, action: str, user, *, reason="", text="", days=""):
    """Do ``action`` on ``item``; the list of ModerationAction rows it produced.

    ``Refused`` when the network cannot do it (its spec), before anything is sent."""
    if action not in BY_CODE:
        raise Refused(str(_("Unknown action.")))
    why = refusal(item, action)
    if why:
        raise Refused(why)
    reason = reason if reason in Reason.values else Reason.OTHER
    if action == "take":
        item.assignee = user
        item.status = InboxItem.Status.IN_PROGRESS
        item.save(update_fields=["assignee", "status", "updated_at"])
        return [
            ModerationAction.objects.create(
                item=item, account_id=item.account_id, author_id=item.author_id,
                action="assign", user=user, confirmed=True,
            )
        ]  # fmt: skip
    delay = undo_window()
    if action == "ban":
        return actions.blacklist(item, user=user, reason=reason, until=ban_until(days),
                                 delay=delay)  # fmt: skip
    if action == "delete" and delay is not None:
        return [actions.schedule("delete", account=item.account, item=item, user=user,
                                 reason=reason, delay=delay)]  # fmt: skip
    if action == "reply":
        if not text.strip():
            return []
        return [actions.perform("reply", account=item.account, item=item, user=user,
                                text=text.strip())]  # fmt: skip
    return [actions.perform(action, account=item.account, item=item, user=user,
                            reason=reason if action != "keep" else "")]  # fmt: skip
