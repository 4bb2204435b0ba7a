"""A week or month calendar of deliveries by their scheduled time."""

from __future__ import annotations

import calendar as pycalendar
from datetime import date, datetime, time, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.log_actions import log
from wagtail.models import Page

from accounts_registry.models import Account
from cms.region import REGION_TIME_NAME
from syndication import permissions
from syndication.days_off import days_off
from syndication.delivery import scheduling
from syndication.models import Delivery
from syndication.networks import registry


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
    by_day = cards_by_day(deliveries)
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    slots = slot_marks(days, deliveries, request.GET.get("network"))
    # Holidays have no slots (scheduling.day_slots): say why the day is empty.
    holidays = days_off()
    weeks = [
        [
            (
                d,
                timeline(by_day.get(d, []), slots.get(d, [])),
                d.month == anchor.month or view == "week",
            )
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
            "days_off": {d for d in days if d in holidays},
            "total": deliveries.count(),
            "statuses": LEGEND,
            "can_move": permissions.can_act_on_deliveries(request.user),
            "zone": REGION_TIME_NAME,
        },
    )


# The statuses a card's badges show, in the legend's order.
LEGEND = [
    (status, Delivery.Status(status).label)
    for status in ("scheduled", "sending", "sent", "needs_check", "failed")
]
# A worse status colours the whole card.
SEVERITY = {"failed": 4, "needs_check": 3, "sending": 2, "scheduled": 1, "sent": 0}


def network_mark(code: str) -> str:
    # Its spec's short mark, so six accounts fit a week's narrow column on one or two
    # lines (full names took a line each).
    return registry.mark_of(code)


def timeline(cards: list[dict], slots: list[dict]) -> list[tuple[str, dict]]:
    """A day's slots and cards in the order of their time, so a post sits under the
    slot it went into and the column reads from morning to evening."""
    entries = [("slot", s) for s in slots] + [("card", c) for c in cards]
    # at a tie the slot first: the card is what fills it
    return sorted(entries, key=lambda e: (e[1]["at"].time(), e[0] == "card"))


def cards_by_day(deliveries) -> dict[date, list[dict]]:
    """One card per piece per minute: its networks as badges (issue 17: the
    calendar listed every delivery apart, «VK · …», «OK · …» for one piece)."""
    cards: dict[tuple, dict] = {}
    for delivery in deliveries:
        local = timezone.localtime(delivery.scheduled_at).replace(
            second=0, microsecond=0
        )
        card = cards.setdefault(
            (local, delivery.page_id),
            {"at": local, "page": delivery.page, "deliveries": [], "status": "sent"},
        )
        delivery.network_name = registry.name_of(delivery.account.network)
        delivery.mark = network_mark(delivery.account.network)
        card["deliveries"].append(delivery)
        if SEVERITY.get(delivery.status, 0) > SEVERITY.get(card["status"], 0):
            card["status"] = delivery.status
    beginnings = text_beginnings({page_id for _at, page_id in cards})
    by_day: dict[date, list[dict]] = {}
    for (local, page_id), card in sorted(cards.items(), key=lambda item: item[0][0]):
        card["movable"] = any(
            d.status == Delivery.Status.SCHEDULED for d in card["deliveries"]
        )
        card["beginning"] = beginnings.get(page_id, "")
        by_day.setdefault(local.date(), []).append(card)
    return by_day


def slot_marks(days, deliveries, network="") -> dict[date, list[dict]]:
    """The publishing slots still ahead on each shown day, for the accounts shown:
    how many accounts have the slot free and which (what «В ближайшее свободное
    окно» would fill), so the chief editor sees the queue beside the posts."""
    accounts = Account.objects.active().filter(
        network__in=scheduling.sendable_networks()
    )
    if network:
        accounts = accounts.filter(network=network)
    taken: dict[int, list] = {}
    for delivery in deliveries:
        if delivery.action == Delivery.Action.PUBLISH:
            taken.setdefault(delivery.account_id, []).append(delivery.scheduled_at)
    now = timezone.now()
    marks: dict[date, dict] = {}
    holidays = days_off()
    for account in accounts.order_by("network", "name"):
        rules = scheduling.slot_rules(account, holidays)
        due = taken.get(account.pk, [])
        for day in days:
            for begin, end in scheduling.day_slots(account, day, rules):
                if begin <= now:
                    continue
                local = timezone.localtime(begin)
                mark = marks.setdefault(day, {}).setdefault(
                    local.time(), {"at": local, "free": [], "total": 0}
                )
                mark["total"] += 1
                if not any(begin <= t < end for t in due):
                    mark["free"].append(
                        f"{registry.name_of(account.network)}: {account.name}"
                    )
    return {
        day: [by_time[t] for t in sorted(by_time)] for day, by_time in marks.items()
    }


def text_beginnings(page_ids) -> dict[int, str]:
    """What a card's preview quotes: the piece's lead (the beginning every post
    starts with), or its search description; one query per page type."""
    pages = Page.objects.filter(pk__in=page_ids).specific(defer=False)
    return {
        page.pk: (getattr(page, "lead", "") or page.search_description or "").strip()
        for page in pages
    }


@require_POST
def move_card(request):
    """Move a piece's scheduled posts of one time to another; logged in the page's
    history («Публикации в соцсетях перенесены»)."""
    permissions.require(permissions.can_act_on_deliveries(request.user))
    page = get_object_or_404(Page, pk=request.POST.get("page"))
    try:
        old = timezone.make_aware(datetime.fromisoformat(request.POST["from"]))
        new = timezone.make_aware(datetime.fromisoformat(request.POST["to"]))
    except (KeyError, ValueError):
        messages.error(request, _("Give the new day and time."))
        return _back(request)
    if new <= timezone.now():
        # A dropped card or a typed time in the past would be sent at once.
        messages.error(
            request,
            _("%(when)s has already passed: choose a time in the future.")
            % {"when": timezone.localtime(new).strftime("%d.%m.%Y %H:%M")},
        )
        return _back(request)
    moved = Delivery.objects.filter(
        page=page,
        status=Delivery.Status.SCHEDULED,
        scheduled_at__gte=old,
        scheduled_at__lt=old + timedelta(minutes=1),
    )
    networks = sorted({d.account.network for d in moved.select_related("account")})
    count = moved.update(scheduled_at=new, next_attempt_at=new)
    if count:
        log(
            instance=page.specific,
            action="syndication.move",
            user=request.user,
            data={
                "from": old.isoformat(),
                "to": new.isoformat(),
                "networks": networks,
            },
        )
        local = timezone.localtime(new)
        messages.success(
            request,
            ngettext(
                "%(count)s post moved to %(when)s.",
                "%(count)s posts moved to %(when)s.",
                count,
            )
            % {"count": count, "when": local.strftime("%d.%m.%Y %H:%M")},
        )
    else:
        messages.warning(request, _("Nothing to move: the posts have already gone."))
    return _back(request)


def _back(request):
    """To the calendar page the move came from (only an address on this site)."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return redirect(target)
    return redirect("syndication_calendar")
