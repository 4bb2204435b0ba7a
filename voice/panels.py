"""Where reviewers and the page listing see the style score.

- ``ReviewScoresPanel``: on the admin dashboard, every piece awaiting the user's
  review with the clarity of the exact revision submitted.
- ``listing_score_button``: a badge in each news piece's row of the page listing.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.models import Page, TaskState

from . import conf
from .pages import page_scores, revision_scores

MAX_REVIEW_ROWS = 20


def score_text(value: float) -> str:
    return number_format(value, decimal_pos=1)


def is_low(scores: dict[str, float]) -> bool:
    return scores["clarity"] < conf.clarity_warn_below()


def listing_score_button(page) -> Button | None:
    scores = page_scores(page)
    if scores is None:
        return None
    low = is_low(scores)
    label = _("Clarity %(score)s") % {"score": score_text(scores["clarity"])}
    title = _(
        "Style of the latest draft: clarity %(clarity)s, readability %(readability)s out of 10."
    ) % {
        "clarity": score_text(scores["clarity"]),
        "readability": score_text(scores["readability"]),
    }
    if low:
        title += " " + _("Below the threshold of %(threshold)s.") % {
            "threshold": score_text(conf.clarity_warn_below())
        }
    return Button(
        label,
        url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
        classname="button button-small button-secondary voice-listing-score"
        + (" voice-listing-score--low" if low else ""),
        icon_name="warning" if low else None,
        attrs={"title": title, "data-voice-clarity": f"{scores['clarity']:.1f}"},
        priority=5,
    )


class ReviewScoresPanel(Component):
    """Pieces awaiting the user's review, with the style score of each."""

    name = "voice_review_scores"
    template_name = "voice/review_scores_panel.html"
    order = 221  # just after Wagtail's «Awaiting your review»

    def __init__(self, request):
        self.request = request

    def rows(self) -> list[dict]:
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return []
        states = (
            TaskState.objects.reviewable_by(self.request.user)
            .select_related("revision")
            .order_by("-started_at")[:MAX_REVIEW_ROWS]
        )
        rows = []
        for state in states:
            revision = state.revision
            page = revision.content_object
            if not isinstance(page, Page):
                continue
            scores = revision_scores(revision)
            if scores is None:
                continue
            rows.append(
                {
                    "page": page,
                    "title": revision.object_str,
                    "clarity": scores["clarity"],
                    "readability": scores["readability"],
                    "low": is_low(scores),
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                }
            )
        return rows

    def get_context_data(self, parent_context):
        return {"rows": self.rows(), "warn_below": conf.clarity_warn_below()}
