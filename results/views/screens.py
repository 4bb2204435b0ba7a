"""The «Результаты» screens: the period, one piece, one account."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

from accounts_registry.models import Account
from accounts_registry.networks import Network

from .. import collectors, periods, queries
from ..permissions import can_view
from .period_form import PeriodForm
from .period_sections import moderation_context, register_context


def _guard(request):
    if not can_view(request.user):
        raise PermissionDenied


def _period_from(request) -> tuple:
    """``?from=дд.мм.гггг&to=дд.мм.гггг`` (or ISO days; both days included) and the
    form that shows them; the last 30 days by default or when a day does not parse."""
    form = PeriodForm(request.GET if "from" in request.GET else None)
    if form.is_bound and form.is_valid():
        first, last = form.cleaned_data["from"], form.cleaned_data["to"]
        if last < first:
            first, last = last, first
        start = periods.day_start(first)
        return start, periods.day_start(last + timedelta(days=1)), True, form
    start, end = periods.last_days(30)
    form = PeriodForm(
        initial={
            "from": timezone.localtime(start).date(),
            "to": timezone.localtime(end).date() - timedelta(days=1),
        }
    )
    return start, end, False, form


def month_label(month: str) -> str:
    year, number = (int(part) for part in month.split("-"))
    return f"{str(MONTHS[number]).lower()} {year}"


def report_month(start, end, chosen: bool) -> str:
    """The month the period lies in, when one was chosen (01.11–30.11 offers
    «ноябрь 2026»), so the report's buttons give the month on the screen; else the
    last whole month, the one the department asks for."""
    first = timezone.localtime(start).date()
    last = timezone.localtime(end).date() - timedelta(days=1)
    month = f"{first.year:04d}-{first.month:02d}"
    same = (first.year, first.month) == (last.year, last.month)
    if chosen and same and month in periods.recent_months():
        return month
    return periods.previous_month()


def posts_phrase(count: int) -> str:
    return ngettext("%(count)d post", "%(count)d posts", count) % {"count": count}


def index(request):
    _guard(request)
    start, end, chosen, period_form = _period_from(request)
    data = queries.period(start, end)
    chart = {
        "days": [d for d, _p, _v in data.by_day],
        "views_by_day": [v for _d, _p, v in data.by_day],
        "posts_by_day": [p for _d, p, _v in data.by_day],
        "hours": [f"{h:02d}:00" for h, _p, _v in data.by_hour],
        "views_by_hour": [v for _h, _p, v in data.by_hour],
        "networks": [str(dict(Network.choices).get(n, n)) for n, _t in data.by_network],
        "views_by_network": [t.views or 0 for _n, t in data.by_network],
        "labels": {
            "views": _("Views"),
            "posts": _("Posts"),
            "avg_views": _("Average views of a post"),
        },
    }
    failing = queries.unhealthy(start).count()
    moderation = moderation_context(start, end)
    chart["moderation"] = moderation.pop("chart")
    return render(
        request,
        "results/index.html",
        {
            "page_title": _("Results"),
            "header_icon": "table",
            "data": data,
            "chart": chart,
            "first_day": timezone.localtime(start).date(),
            "last_day": timezone.localtime(end).date() - timedelta(days=1),
            "chosen": chosen,
            "period_form": period_form,
            "posts_phrase": posts_phrase(data.total.posts),
            "failing": failing,
            "failing_phrase": ngettext(
                "The last collection of %(count)d post failed; it will be retried.",
                "The last collection of %(count)d posts failed; they will be retried.",
                failing,
            )
            % {"count": failing},
            "report_month": report_month(start, end, chosen),
            # A list in Russian words: a bare type=month shows the browser's
            # language («November 2026») and order.
            "report_months": [
                (month, month_label(month)) for month in periods.recent_months()
            ],
            "report_formats": ["docx", "pdf", "xlsx"],
            "silent_networks": silent_networks(),
            "network_codes": [code for code, _t in data.by_network],
            "counted_networks": counted_names(code for code, _t in data.by_network),
            "moderation": moderation,
            "register": register_context(start, end, request.user),
        },
    )


def counted_names(codes) -> list[str]:
    """Names of the networks among ``codes`` whose comments Vestnik counts itself."""
    names = dict(Network.choices)
    return sorted(
        str(names.get(code, code))
        for code in set(codes)
        if "comments" in collectors.counted(code)
    )


def silent_networks() -> list[str]:
    """Names of the networks in use with no counter of a post, given or counted."""
    used = set(Account.objects.values_list("network", flat=True))
    names = dict(Network.choices)
    return sorted(
        str(names.get(code, code))
        for code in used
        if code not in collectors.post_networks()
    )


def piece(request, page_id: int):
    _guard(request)
    page = get_object_or_404(Page, pk=page_id).specific
    posts = list(queries.piece_posts(page_id))
    total = queries.Totals(posts=len(posts))
    for metric in queries.METRICS:
        values = [getattr(p, metric) for p in posts if getattr(p, metric) is not None]
        setattr(total, metric, sum(values) if values else None)
    return render(
        request,
        "results/piece.html",
        {
            "page_title": _("Results"),
            "page_subtitle": page.title,
            "header_icon": "table",
            "page": page,
            # Management reads the results but edits nothing: the piece on the site.
            "can_edit": page.permissions_for_user(request.user).can_edit(),
            "posts": posts,
            "total": total,
            "posts_phrase": posts_phrase(len(posts)),
            "network_codes": sorted({p.network for p in posts}),
            "chart": {
                "lines": queries.series(posts, "views"),
                "labels": {
                    "x": _("Hours since the post was sent"),
                    "y": _("Views"),
                },
            },
        },
    )


def account(request, account_id: int):
    _guard(request)
    account = get_object_or_404(Account, pk=account_id)
    posts = list(
        queries.PostTracking.objects.filter(account=account)
        .select_related("page")
        .order_by("-sent_at")[:50]
    )
    start, end = periods.last_days(30)
    points = queries.audience_series(account)
    totals = queries._totals(
        queries.in_period(start, end, [account]).aggregate(**queries._sums())
    )
    return render(
        request,
        "results/account.html",
        {
            "page_title": _("Results"),
            "page_subtitle": account.name,
            "header_icon": "table",
            "account": account,
            "posts": posts,
            "totals": totals,
            "posts_phrase": posts_phrase(totals.posts),
            "gives_posts": bool(collectors.given(account.network)),
            "counts_itself": bool(collectors.counted(account.network)),
            "gives_audience": account.network in collectors.audience_networks(),
            # The register's figure, else the latest observation (the same number
            # once a round has run; the register may hold a figure typed by hand).
            "subscribers": account.subscribers
            if account.subscribers is not None or not points
            else points[-1]["y"],
            "chart": {
                "points": points,
                "labels": {"y": _("Subscribers")},
            },
        },
    )
