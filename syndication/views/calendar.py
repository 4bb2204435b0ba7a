"""A week or month calendar of deliveries by their scheduled time."""

from __future__ import annotations

import calendar as pycalendar
from datetime import date, datetime, time, timedelta

from django.contrib.auth.decorators import permission_required
from django.template.response import TemplateResponse
from django.utils import timezone

from syndication.models import Delivery


def parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return timezone.localdate()


def period(view: str, day: date) -> tuple[date, date, date, date]:
    """(first shown day, last shown day, previous anchor, next anchor)."""
    if view == "month":
        first = day.replace(day=1)
        last = first.replace(day=pycalendar.monthrange(first.year, first.month)[1])
        start = first - timedelta(days=first.weekday())
        end = last + timedelta(days=6 - last.weekday())
        prev_anchor = (first - timedelta(days=1)).replace(day=1)
        next_anchor = last + timedelta(days=1)
        return start, end, prev_anchor, next_anchor
    start = day - timedelta(days=day.weekday())
    return (
        start,
        start + timedelta(days=6),
        start - timedelta(days=7),
        start + timedelta(days=7),
    )


@permission_required("syndication.view_delivery", raise_exception=True)
def delivery_calendar(request):
    view = "month" if request.GET.get("view") == "month" else "week"
    anchor = parse_day(request.GET.get("day", ""))
    start, end, prev_anchor, next_anchor = period(view, anchor)
    tz = timezone.get_current_timezone()
    begin = timezone.make_aware(datetime.combine(start, time.min), tz)
    finish = timezone.make_aware(
        datetime.combine(end + timedelta(days=1), time.min), tz
    )
    deliveries = (
        Delivery.objects.filter(scheduled_at__gte=begin, scheduled_at__lt=finish)
        .exclude(status=Delivery.Status.CANCELLED)
        .select_related("account", "page")
        .order_by("scheduled_at", "pk")
    )
    if request.GET.get("network"):
        deliveries = deliveries.filter(account__network=request.GET["network"])
    by_day: dict[date, list] = {}
    for delivery in deliveries:
        by_day.setdefault(timezone.localtime(delivery.scheduled_at).date(), []).append(
            delivery
        )
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    weeks = [
        [
            (d, by_day.get(d, []), d.month == anchor.month or view == "week")
            for d in days[i : i + 7]
        ]
        for i in range(0, len(days), 7)
    ]
    return TemplateResponse(
        request,
        "syndication/calendar.html",
        {
            "view": view,
            "weeks": weeks,
            "anchor": anchor,
            "start": start,
            "end": end,
            "prev_anchor": prev_anchor,
            "next_anchor": next_anchor,
            "today": timezone.localdate(),
            "total": deliveries.count(),
        },
    )
