"""The last month's results on the dashboard, for whoever may read them: management
opens the admin once a month for exactly this (docs/journeys.md «Руководство»), the
chief editor finds it under his own panels."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component

from . import periods, queries
from .report import data, figures
from .views.screens import month_label

TOP = 3


def views_phrase(views: int | None) -> str:
    if views is None:
        return ""
    return ngettext("%(count)s view", "%(count)s views", views) % {
        "count": data.grouped(views)
    }


class MonthPanel(Component):
    name = "results_month"
    template_name = "results/_dashboard_panel.html"
    order = 400  # after the work panels of those who also have work to do

    class Media:
        css = {"all": ["results/results.css"]}

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        month = periods.previous_month()
        start, end = periods.month_bounds(month)
        period = queries.period(start, end, top=TOP)
        changes = [
            row.subscribers_change
            for row in period.by_account
            if row.subscribers_change is not None
        ]
        first = timezone.localtime(start).date()
        last = timezone.localtime(end).date() - timedelta(days=1)
        return {
            "month_label": month_label(month),
            "total": period.total,
            "network_codes": [code for code, _totals in period.by_network],
            "audience_change": sum(changes) if changes else None,
            "accounts": len(period.by_account),
            "accounts_phrase": ngettext(
                "over the month, in %(count)d account",
                "over the month, in %(count)d accounts",
                len(period.by_account),
            )
            % {"count": len(period.by_account)},
            "received": figures.received_in(start, end).count(),
            "removed": figures.removed_in(start, end).count(),
            "top": [
                (piece.page_id, piece.title, views_phrase(piece.totals.views))
                for piece in period.top
            ],
            "period_url": f"{reverse('results_index')}"
            f"?from={first:%d.%m.%Y}&to={last:%d.%m.%Y}",
            "reports": [
                (fmt.upper(), f"{reverse('results_report', args=[fmt])}?month={month}")
                for fmt in ("pdf", "docx", "xlsx")
            ],
        }
