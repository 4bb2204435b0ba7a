"""The dashboard panel of incoming comments nobody could handle, and «Повторить»
(``moderation/set_aside.py``). The technician reads the error as raised (an exception
class is API wording, issue 17) and may retry; a moderator reads that comments are
missing and that the technician has them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.components import Component

from accounts_registry.conf import TECH_GROUP

from .. import set_aside
from ..permissions import can_moderate

MAX_ROWS = 10


def is_technician(user) -> bool:
    """As the token health panel: the credential permission alone is the registry
    keeper's as well, who does not look after the webhooks."""
    if not (user.is_active and user.has_perm(set_aside.TECH_PERMISSION)):
        return False
    return user.is_superuser or user.groups.filter(name=TECH_GROUP).exists()


class SetAsidePanel(Component):
    name = "moderation_set_aside"
    template_name = "moderation/_set_aside_panel.html"
    order = 85  # with the delivery problems: something did not get through

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        user = self.request.user
        technician = is_technician(user)
        if not (technician or can_moderate(user)):
            return ""
        total = set_aside.waiting().count()
        if not total:
            return ""
        rows = (
            set_aside.waiting()
            .select_related("account")
            .order_by("-received_at")[:MAX_ROWS]
        )
        context = {"rows": rows, "total": total, "technician": technician}
        # The request gives the «Повторить» forms their CSRF token.
        return render_to_string(self.template_name, context, request=self.request)


@require_POST
def retry(request, pk: int):
    if not is_technician(request.user):
        raise PermissionDenied
    event = set_aside.retry(pk)
    if event is None:
        messages.warning(request, _("This comment is already back in the queue."))
    else:
        messages.success(
            request,
            _(
                "The comment from %(account)s is back in the queue: it reaches the "
                "inbox within seconds if the error is gone."
            )
            % {"account": event.account.name},
        )
    return redirect("wagtailadmin_home")
