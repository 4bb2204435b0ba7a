"""«Публикация запланирована: …» after an approval made outside the page editor.

Approving in the editor goes through the edit view, whose ``after_edit_page`` hook
says what happens next (wagtail_hooks.say_what_happens_after_approval). The
dashboard's «Ожидают согласования» panel (and the page listing's moderation
buttons) post the approve dialog to Wagtail's own workflow action view, which has
no hook and ends with the dialog's JSON «success» and a reload of the dashboard:
the chief editor planned the posts there and was told nothing. This middleware
wraps that one view: when the approval it handled published a piece that sends
posts, the same message is queued for the page the dialog returns to.
"""

from __future__ import annotations

from django.contrib import messages
from django.urls import Resolver404, resolve
from wagtail.models import Page

from .delivery.scheduling import syndicated_page_types
from .views import plan

APPROVE_VIEW = "wagtailadmin_pages:workflow_action"


class ApprovalPlanMessageMiddleware:
    """Must come after MessageMiddleware: the message is added on the way out,
    before the messages are stored."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        page_id = self._approved_page_id(request)
        if page_id is None:
            return self.get_response(request)
        before = (
            Page.objects.filter(pk=page_id)
            .values_list("live_revision_id", flat=True)
            .first()
        )
        response = self.get_response(request)
        page = Page.objects.filter(pk=page_id).first()
        published = page is not None and page.live and page.live_revision_id != before
        if published and isinstance(page.specific_deferred, syndicated_page_types()):
            messages.info(request, plan.plan_message(plan.planned_for(page)))
        return response

    @staticmethod
    def _approved_page_id(request) -> int | None:
        if request.method != "POST":
            return None
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
        if match.view_name != APPROVE_VIEW or match.kwargs.get("action_name") != (
            "approve"
        ):
            return None
        return match.kwargs.get("page_id")
