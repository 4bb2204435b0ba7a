"""Moderation figures and the register's changes of a period, computed once: the
monthly report (``data.py``) prints them as tables, the period view («Результаты»)
shows them with a chart, so the two cannot disagree. The state of a change's 10-day
report is put in words here too, so the report's column and the view's say the same."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from accounts_registry.history import change_rows
from accounts_registry.models import AccountChange, ReportObligation
from accounts_registry.obligations import local_today
from moderation.models import InboxItem, ModerationAction, Reason


def received_in(start: datetime, end: datetime):
    """Comments and messages the inbox received in the period."""
    return InboxItem.objects.filter(received_at__gte=start, received_at__lt=end)


def removed_in(start: datetime, end: datetime):
    """Deletions and hidings done in the period (by a moderator or a rule)."""
    return ModerationAction.objects.filter(
        created_at__gte=start,
        created_at__lt=end,
        action__in=[ModerationAction.Kind.DELETE, ModerationAction.Kind.HIDE],
    )


@dataclass
class Moderation:
    """One network's figures (or all networks' when ``network`` is empty).
    ``median`` and ``ninetieth`` are None when nothing was answered."""

    network: str
    received: int
    removed: int
    # (reason's code, its label in words, how many), the most frequent first.
    reasons: list[tuple[str, str, int]]
    answered: int
    median: timedelta | None
    ninetieth: timedelta | None
    due: int
    missed: int

    @property
    def empty(self) -> bool:
        return not (self.received or self.removed or self.due)


def moderation(
    start: datetime, end: datetime, now: datetime, network: str = ""
) -> Moderation:
    received = received_in(start, end)
    removed = removed_in(start, end)
    due = InboxItem.objects.filter(deadline__gte=start, deadline__lt=min(end, now))
    if network:
        received = received.filter(network=network)
        removed = removed.filter(account__network=network)
        due = due.filter(network=network)
    answered = received.filter(
        status=InboxItem.Status.REPLIED, answered_at__isnull=False
    ).values_list("received_at", "answered_at")
    waits = sorted(answer - got for got, answer in answered)
    median = ninetieth = None
    if waits:
        median = statistics.median(waits)
        ninetieth = (
            statistics.quantiles(waits, n=10, method="inclusive")[-1]
            if len(waits) > 1
            else waits[0]
        )
    labels = dict(Reason.choices)
    reasons = [
        (row["reason"], str(labels.get(row["reason"]) or _("reason not given")), row["n"])
        for row in removed.values("reason").annotate(n=Count("pk")).order_by("-n", "reason")
    ]  # fmt: skip
    missed = due.filter(Q(answered_at__isnull=True) | Q(answered_at__gt=F("deadline")))
    return Moderation(
        network=network,
        received=received.count(),
        removed=removed.count(),
        reasons=reasons,
        answered=len(waits),
        median=median,
        ninetieth=ninetieth,
        due=due.count(),
        missed=missed.count(),
    )


def moderation_by_network(start: datetime, end: datetime, now: datetime) -> list:
    """The networks that received, removed or had a deadline in the period."""
    codes = (
        set(received_in(start, end).values_list("network", flat=True))
        | set(removed_in(start, end).values_list("account__network", flat=True))
        | set(
            InboxItem.objects.filter(
                deadline__gte=start, deadline__lt=min(end, now)
            ).values_list("network", flat=True)
        )
    )
    return [moderation(start, end, now, code) for code in sorted(codes)]


# What the department is told about; tokens, health checks and design are the
# technician's bookkeeping and stay out of the report.
REPORTED_FIELDS = {"name", "url", "external_id", "status", "kind", "responsible",
                   "verified", "created_on", "deleted_on"}  # fmt: skip


@dataclass
class RegisterChange:
    day: date
    account: object
    # "created", "deleted" (the status became «удалён») or "changed".
    kind: str
    what: str
    who: str
    # The 10-day report of a creation or deletion; None for other changes.
    obligation: ReportObligation | None = field(default=None)
    # That report's state in words («направлено вовремя, 18.11.2026») and for the
    # style: "ok", "late", "open", or "" where no report is due.
    notice: str = "—"
    notice_state: str = ""


def notice_words(obligation, today: date) -> tuple[str, str]:
    """The 10-day report of a creation or a deletion in words, and its state for
    the style: ``ok``, ``late`` or ``open``; ``today`` decides whether an unsent
    one is still in time."""
    if obligation is None:
        return "—", ""
    words, state = _notice(obligation, today)
    # «срок — 20.11.2026»: a dash never begins a line.
    return words.replace(" —", "\u00a0—"), state


def _notice(obligation, today: date) -> tuple[str, str]:
    due = obligation.due_on.strftime("%d.%m.%Y")
    sent = obligation.reported_on
    if sent is not None and sent <= obligation.due_on:
        return _("sent on time, %(day)s") % {"day": sent.strftime("%d.%m.%Y")}, "ok"
    if sent is not None:
        return _("sent late, %(day)s (due %(due)s)") % {
            "day": sent.strftime("%d.%m.%Y"),
            "due": due,
        }, "late"
    if obligation.due_on < today:
        return _("not sent, overdue since %(due)s") % {"due": due}, "late"
    return _("not sent yet, due %(due)s") % {"due": due}, "open"


def _deleted(change) -> bool:
    pair = change.changes.get("status")
    return isinstance(pair, list) and pair[-1:] == ["deleted"]


def _obligation(account, event: str, day: date):
    """The report of the event: the one whose event date is nearest the change's."""
    candidates = [o for o in account.report_obligations.all() if o.event == event]
    if not candidates:
        return None
    return min(candidates, key=lambda o: abs((o.event_date - day).days))


def register_changes(
    start: datetime, end: datetime, today: date | None = None
) -> list[RegisterChange]:
    """The period's changes of what the department is told about; each 10-day
    report's state as of ``today`` (the press office's day, by default now)."""
    today = today or local_today()
    labels = {"created": _("Added to the register"), "changed": _("Changed")}
    changes = (
        AccountChange.objects.filter(at__gte=start, at__lt=end)
        .select_related("account", "user")
        .prefetch_related("account__report_obligations")
        .order_by("at", "pk")
    )
    found = []
    for change in changes:
        what = str(labels.get(change.action, change.action))
        kind = change.action
        if change.action == "changed":
            change.changes = {
                k: v for k, v in (change.changes or {}).items() if k in REPORTED_FIELDS
            }
            if not change.changes:
                continue
            if _deleted(change):
                kind = "deleted"
            what = capfirst(
                "; ".join(
                    f"{label}: {old or '—'} → {new or '—'}"
                    for label, old, new in change_rows(change)
                )
            )
        elif change.action != "created":
            continue
        day = timezone.localtime(change.at).date()
        obligation = None
        if kind in ("created", "deleted"):
            obligation = _obligation(change.account, kind, day)
        notice, state = notice_words(obligation, today)
        found.append(
            RegisterChange(
                day, change.account, kind, what, change.who, obligation, notice, state
            )
        )
    return found
