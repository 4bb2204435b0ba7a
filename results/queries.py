"""What the screens and the report read: one row per post (``PostTracking``, latest
counters) for a period, and the series of one piece or one account."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, F, Max, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts_registry.models import Account
from cms.blocks import PieceStreamBlock
from cms.models import NewsPage

from .models import METRICS, AccountObservation, PostObservation, PostTracking


@dataclass
class Totals:
    """Sums of the counters a network reported; ``None`` where none of the posts had
    the counter (the network does not report it), so a screen can say so."""

    posts: int = 0
    views: int | None = None
    reach: int | None = None
    likes: int | None = None
    reposts: int | None = None
    comments: int | None = None

    @property
    def engagement(self) -> int | None:
        parts = [v for v in (self.likes, self.reposts, self.comments) if v is not None]
        return sum(parts) if parts else None

    @property
    def engagement_rate(self) -> float | None:
        """Reactions, reposts and comments per view, in per cent."""
        if not self.views or self.engagement is None:
            return None
        return 100.0 * self.engagement / self.views


def _totals(row: dict) -> Totals:
    return Totals(posts=row["posts"], **{m: row[m] for m in METRICS})


def _sums():
    # Sum() of only NULLs is NULL: "not reported" survives the aggregation.
    return {"posts": Count("pk"), **{m: Sum(m) for m in METRICS}}


def in_period(start: datetime, end: datetime, accounts=None):
    rows = PostTracking.objects.filter(sent_at__gte=start, sent_at__lt=end)
    if accounts is not None:
        rows = rows.filter(account__in=accounts)
    return rows


@dataclass
class AccountRow:
    account: Account
    totals: Totals
    subscribers: int | None
    subscribers_change: int | None


@dataclass
class PieceRow:
    page_id: int
    title: str
    networks: list[str]
    totals: Totals


@dataclass
class Period:
    start: datetime
    end: datetime
    total: Totals
    by_network: list[tuple[str, Totals]]
    by_account: list[AccountRow]
    top: list[PieceRow]
    by_hour: list[tuple[int, int, int]]  # hour, posts, average views
    by_day: list[tuple[str, int, int]] = field(default_factory=list)
    by_block: list[BlockRow] = field(default_factory=list)


def period(start: datetime, end: datetime, *, top: int = 10) -> Period:
    rows = in_period(start, end)
    total = _totals(rows.aggregate(**_sums()))
    by_network = [
        (r["network"], _totals(r))
        for r in rows.values("network").annotate(**_sums()).order_by("network")
    ]
    by_account = account_rows(rows, start, end)
    pieces = (
        rows.values("page")
        .annotate(**_sums(), title=Max("page__title"))
        .order_by(F("views").desc(nulls_last=True), "-comments")
    )
    hours, days = by_time(rows)
    networks = defaultdict(set)
    top_rows = [
        PieceRow(p["page"], p["title"], [], _totals(p))
        for p in pieces.exclude(views=None)[:top]
    ]
    ids = [p.page_id for p in top_rows]
    for page_id, network in rows.filter(page__in=ids).values_list("page", "network"):
        networks[page_id].add(network)
    for piece in top_rows:
        piece.networks = sorted(networks[piece.page_id])
    return Period(
        start=start,
        end=end,
        total=total,
        by_network=by_network,
        by_account=by_account,
        top=top_rows,
        by_hour=hours,
        by_day=days,
        by_block=by_block_type(rows),
    )


@dataclass
class BlockRow:
    label: str
    pieces: int
    posts: int
    average_views: int | None


def by_block_type(rows) -> list[BlockRow]:
    """For each kind of block a piece may hold (text aside, every piece has it): the
    pieces of the period that hold one, their posts and the average views of a post;
    «Only text» for the pieces with nothing else. Read from the pages' stored stream
    (block types only), not by rendering them."""
    per_page = {
        r["page"]: r
        for r in rows.values("page").annotate(
            posts=Count("pk"), total=Sum("views"), seen=Count("views")
        )
    }
    stream = PieceStreamBlock()
    kinds: dict[str, set[int]] = defaultdict(set)
    for pk, body in NewsPage.objects.filter(pk__in=per_page).values_list("pk", "body"):
        types = {block["type"] for block in (body.raw_data if body else [])} - {"text"}
        for name in types or {""}:
            kinds[name].add(pk)
    result = []
    for name, child in [("", None), *stream.child_blocks.items()]:
        pages = kinds.get(name)
        if not pages:
            continue
        posts = sum(per_page[p]["posts"] for p in pages)
        seen = sum(per_page[p]["seen"] for p in pages)
        views = sum(per_page[p]["total"] or 0 for p in pages)
        label = str(child.label) if child else str(_("Only text"))
        result.append(
            BlockRow(label, len(pages), posts, views // seen if seen else None)
        )
    return sorted(result, key=lambda r: -(r.average_views or -1))


def by_time(rows) -> tuple[list[tuple[int, int, int]], list[tuple[str, int, int]]]:
    """From one read of the period's posts: per hour of the day they were sent (local
    time), the posts and their average views; per day, the posts and the views they
    have gathered so far."""
    tz = timezone.get_current_timezone()  # once: looking it up per row is slow
    posts, views, seen = defaultdict(int), defaultdict(int), defaultdict(int)
    days: dict[tuple[int, int, int], list[int]] = defaultdict(lambda: [0, 0])
    for sent_at, value in rows.values_list("sent_at", "views"):
        local = sent_at.astimezone(tz)
        posts[local.hour] += 1
        day = days[(local.year, local.month, local.day)]
        day[0] += 1
        if value is not None:
            views[local.hour] += value
            seen[local.hour] += 1
            day[1] += value
    hours = [(h, posts[h], views[h] // seen[h] if seen[h] else 0) for h in range(24)]
    ordered = [
        (f"{d:02d}.{m:02d}", count, total)
        for (_y, m, d), (count, total) in sorted(days.items())
    ]
    return hours, ordered


def audience_between(account_ids, start: datetime, end: datetime) -> dict:
    """Per account: (subscribers at the end, change over the period) from the first
    and the last observation inside the period, read in one query."""
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for account_id, value in (
        AccountObservation.objects.filter(
            account__in=account_ids,
            observed_at__gte=start,
            observed_at__lt=end,
            subscribers__isnull=False,
        )
        .order_by("observed_at")
        .values_list("account", "subscribers")
    ):
        first.setdefault(account_id, value)
        last[account_id] = value
    return {pk: (last[pk], last[pk] - first[pk]) for pk in last}


def account_rows(rows, start: datetime, end: datetime) -> list[AccountRow]:
    sums = {
        r["account"]: _totals(r) for r in rows.values("account").annotate(**_sums())
    }
    observed = set(
        AccountObservation.objects.filter(
            observed_at__gte=start, observed_at__lt=end
        ).values_list("account", flat=True)
    )
    ids = set(sums) | observed
    audience = audience_between(ids, start, end)
    result = []
    for account in Account.objects.filter(pk__in=ids).order_by("network", "name"):
        subscribers, change = audience.get(account.pk, (account.subscribers, None))
        result.append(
            AccountRow(account, sums.get(account.pk, Totals()), subscribers, change)
        )
    return result


def piece_posts(page_id: int):
    return (
        PostTracking.objects.filter(page_id=page_id)
        .select_related("account", "delivery")
        .order_by("account__network", "account__name")
    )


def series(trackings, metric: str = "views") -> list[dict]:
    """One line per post: points (hours since it was sent, value)."""
    ids = [t.pk for t in trackings]
    points = defaultdict(list)
    for tracking_id, observed_at, value in (
        PostObservation.objects.filter(tracking__in=ids, **{f"{metric}__isnull": False})
        .order_by("observed_at")
        .values_list("tracking", "observed_at", metric)
    ):
        points[tracking_id].append((observed_at, value))
    lines = []
    for tracking in trackings:
        if not points[tracking.pk]:
            continue
        lines.append(
            {
                "label": f"{tracking.account.get_network_display()} · "
                f"{tracking.account.name}",
                "points": [
                    {
                        "x": round((at - tracking.sent_at).total_seconds() / 3600, 2),
                        "y": value,
                    }
                    for at, value in points[tracking.pk]
                ],
            }
        )
    return lines


def audience_series(account) -> list[dict]:
    return [
        {"x": timezone.localtime(at).strftime("%d.%m %H:%M"), "y": value}
        for at, value in AccountObservation.objects.filter(
            account=account, subscribers__isnull=False
        )
        .order_by("observed_at")
        .values_list("observed_at", "subscribers")
    ]


def unhealthy(since: datetime):
    """Posts whose last collection failed (shown so a person knows a gap's cause)."""
    return PostTracking.objects.filter(~Q(last_error=""), ~Q(last_error="gone")).filter(
        sent_at__gte=since
    )
