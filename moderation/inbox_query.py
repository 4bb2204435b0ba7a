"""The inbox list: filters from the query string, counts per filter, one page of rows.

Counts are taken over the selection without the status filter, so the status tabs
show how many items each status has among the other filters: the open working set is
counted exactly on every request (one aggregate with conditional counts), the handled
history per status is cached for a few seconds (it needs a full scan)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.http import urlencode

from accounts_registry.networks import Network

from .models import InboxItem, Label, ModerationAction

LABELS = tuple(Label.values)
STATUS_OPEN = "open"
STATUS_ALL = "all"
PER_PAGE = 50


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@dataclass
class InboxFilters:
    network: str = ""
    account: int | None = None
    label: str = ""
    status: str = STATUS_OPEN
    assignee: str = ""  # "", "me", "none" or a user id
    overdue: bool = False
    order: str = "newest"

    @classmethod
    def from_query(cls, query) -> InboxFilters:
        statuses = {STATUS_OPEN, STATUS_ALL, *InboxItem.Status.values}
        network = query.get("network", "")
        label = query.get("label", "")
        status = query.get("status", STATUS_OPEN)
        assignee = query.get("assignee", "")
        return cls(
            network=network if network in Network.values else "",
            account=_int_or_none(query.get("account")),
            label=label if label in LABELS else "",
            status=status if status in statuses else STATUS_OPEN,
            assignee=assignee
            if assignee in ("me", "none") or assignee.isdigit()
            else "",
            overdue=query.get("overdue") == "1",
            order="oldest" if query.get("order") == "oldest" else "newest",
        )

    def as_query(self, **changes) -> dict:
        values = {
            "network": self.network,
            "account": self.account or "",
            "label": self.label,
            "status": self.status,
            "assignee": self.assignee,
            "overdue": "1" if self.overdue else "",
            "order": self.order,
            **changes,
        }
        return {k: v for k, v in values.items() if v not in ("", None)}

    @property
    def narrowed(self) -> bool:
        """Whether anything but the status tab and the order narrows the list."""
        return bool(self.as_query(status="", order=""))

    def selection(self, user, *, with_status: bool = True):
        qs = InboxItem.objects.all()
        if self.network:
            qs = qs.filter(network=self.network)
        if self.account:
            qs = qs.filter(account_id=self.account)
        if self.label:
            qs = qs.filter(label=self.label)
        if self.assignee == "me":
            qs = qs.filter(assignee=user)
        elif self.assignee == "none":
            qs = qs.filter(assignee__isnull=True)
        elif self.assignee:
            qs = qs.filter(assignee_id=int(self.assignee))
        if self.overdue:
            qs = qs.overdue()
        if with_status:
            if self.status == STATUS_OPEN:
                qs = qs.filter(status__in=InboxItem.OPEN_STATUSES)
            elif self.status != STATUS_ALL:
                qs = qs.filter(status=self.status)
        return qs

    def ordered(self, qs):
        if self.order == "oldest":
            return qs.order_by("received_at", "id")
        return qs.order_by("-received_at", "-id")


def counts(filters: InboxFilters, user) -> dict:
    """Counts for the status tabs and the other filters, in two queries.

    Status counts group the whole selection by status (an index-only scan); the
    label, overdue and "mine" counts only look at open items, the working set."""
    base = filters.selection(user, with_status=False)
    result = status_counts(filters, user, base)
    now = timezone.now()
    aggregates = {
        "open": Count("id"),
        "overdue": Count("id", filter=Q(deadline__lt=now)),
        "mine": Count("id", filter=Q(assignee=user)),
    }
    for label in LABELS:
        aggregates[f"label_{label}"] = Count("id", filter=Q(label=label))
    result.update(
        base.filter(status__in=InboxItem.OPEN_STATUSES).aggregate(**aggregates)
    )
    return result


STATUS_COUNTS_SECONDS = 30
COUNTS_VERSION = "moderation-counts-version"


def forget_counts() -> None:
    """An action changed a status: the cached per-status counts start afresh, so the
    tabs agree with each other right after it."""
    try:
        cache.incr(COUNTS_VERSION)
    except ValueError:
        cache.set(COUNTS_VERSION, 1, None)


def status_counts(filters: InboxFilters, user, base) -> dict:
    """Items per status. Counting the handled history means reading every row, so
    the result is cached briefly; the open tabs are overwritten with exact counts."""
    key = f"moderation-status-counts:{cache.get(COUNTS_VERSION, 0)}:" + urlencode(
        sorted(filters.as_query(status="", order="").items())
    )
    if filters.assignee == "me":
        key += f":{user.pk}"
    result = cache.get(key)
    if result is None:
        result = {f"status_{status}": 0 for status in InboxItem.Status.values}
        for row in base.order_by().values("status").annotate(n=Count("id")):
            result[f"status_{row['status']}"] = row["n"]
        cache.set(key, result, STATUS_COUNTS_SECONDS)
    result = dict(result)
    for status in InboxItem.OPEN_STATUSES:
        result[f"status_{status}"] = base.filter(status=status).count()
    result["all"] = sum(result.values())
    return result


def page_of(filters: InboxFilters, user, number: int = 1, per_page: int = PER_PAGE):
    """``(items, has_next)``; no COUNT(*) of the whole selection (the counts above
    already say how many there are)."""
    number = max(1, number)
    qs = filters.ordered(filters.selection(user)).select_related("account", "assignee")
    start = (number - 1) * per_page
    rows = list(qs[start : start + per_page + 1])
    return rows[:per_page], len(rows) > per_page


def waiting_items(items) -> set[int]:
    """Items among ``items`` whose delete or ban waits in the undo window (anyone's)."""
    return set(
        ModerationAction.objects.filter(
            pending=True, item_id__in=[i.pk for i in items]
        ).values_list("item_id", flat=True)
    )


def version_of(item: InboxItem, waiting: set[int]) -> str:
    """What the list and the pane beside it compare to see that an item changed:
    its last save, and whether an action on it waits in the undo window."""
    stamp = f"{item.updated_at.timestamp():.6f}" if item.updated_at else ""
    return stamp + ("p" if item.pk in waiting else "")
