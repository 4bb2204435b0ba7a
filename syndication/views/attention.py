"""Failures reach a person: the deliveries that failed or need a check, on the
dashboard of whoever may see the delivery log (the chief editor, the technician) and
as a count in the «Соцсети» menu. Each row names the piece by its title."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from syndication.models import Delivery

MAX_ROWS = 10
# A failure older than this has been seen and handled or given up on: the panel is
# for what needs doing now (the log keeps everything).
RECENT = timedelta(days=7)
NEEDS_A_PERSON = (Delivery.Status.FAILED, Delivery.Status.NEEDS_CHECK)


def needing_attention():
    return Delivery.objects.filter(
        status__in=NEEDS_A_PERSON, updated_at__gte=timezone.now() - RECENT
    )


def attention_count(user) -> int:
    if not user.has_perm("syndication.view_delivery"):
        return 0
    return needing_attention().count()


def piece_title(delivery) -> str:
    page = delivery.page
    return getattr(page, "draft_title", "") or page.title


class AttentionPanel(Component):
    """«Публикации, которым нужен человек» on the dashboard."""

    name = "syndication_attention"
    template_name = "syndication/attention_panel.html"
    order = 90  # first: a post that did not go out matters before anything else

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        rows = list(
            needing_attention()
            .select_related("page", "account")
            .order_by("-updated_at")[:MAX_ROWS]
        )
        return {
            "rows": [
                {
                    "delivery": delivery,
                    "title": piece_title(delivery),
                    "url": reverse("syndication_delivery", args=[delivery.pk]),
                }
                for delivery in rows
            ],
            "total": needing_attention().count(),
            "log_url": reverse("syndication_log") + "?status=needs_attention",
        }

    def render_html(self, parent_context=None):
        if not self.request.user.has_perm("syndication.view_delivery"):
            return ""
        return super().render_html(parent_context)
