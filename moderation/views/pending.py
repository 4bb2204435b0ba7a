"""The undo window: what a moderator asked to delete or ban and may still take back.

Each desk page shows the moderator's pending actions as toasts with «Отменить»; the
page's script sends them when the window ends (``send``), the sweep task sends what a
closed browser left (``actions.send_due``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import groupby

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import actions
from ..models import ModerationAction
from ..permissions import moderator_required


@dataclass
class PendingGroup:
    """The pending actions of one item (a ban comes with the delete of its comment)."""

    item_id: int | None
    ids: list[int]
    due: datetime
    text: str


def _describe(records: list[ModerationAction]) -> str:
    kinds = {r.action for r in records}
    first = records[0]
    item = first.item
    quoted = Truncator(item.text if item else "").chars(60) or "—"
    author = (item.author_name or item.author_id) if item else first.author_id
    ban = next((r for r in records if r.action == ModerationAction.Kind.BAN), None)
    if ban is not None and ModerationAction.Kind.DELETE in kinds:
        return _(
            "%(author)s will be blacklisted (%(reason)s) and the comment «%(text)s» "
            "deleted."
        ) % {"author": author, "reason": ban.get_reason_display(), "text": quoted}
    if ban is not None:
        return _("%(author)s will be blacklisted (%(reason)s).") % {
            "author": author,
            "reason": ban.get_reason_display(),
        }
    return _("The comment «%(text)s» will be deleted.") % {"text": quoted}


def pending_groups(user, ids=None) -> list[PendingGroup]:
    qs = ModerationAction.objects.filter(pending=True, user=user)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    records = list(qs.select_related("item").order_by("item_id", "id"))
    groups = []
    for item_id, rows in groupby(records, key=lambda r: r.item_id):
        rows = list(rows)
        groups.append(
            PendingGroup(
                item_id=item_id,
                ids=[r.pk for r in rows],
                due=max(r.due_at for r in rows),
                text=_describe(rows),
            )
        )
    return sorted(groups, key=lambda g: g.due)


def render_toasts(request, groups) -> str:
    return render_to_string(
        "moderation/_pending.html", {"pending": groups, "only_toasts": True}, request
    )


def _ids(request) -> list[int]:
    return [int(v) for v in request.POST.getlist("ids") if v.isdigit()]


def _back(request):
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}):
        back = reverse("moderation_inbox")
    return redirect(back)


def _wants_json(request) -> bool:
    return request.headers.get("Accept", "").startswith("application/json")


@require_POST
@moderator_required
def undo(request):
    records = ModerationAction.objects.filter(
        pk__in=_ids(request), user=request.user
    ).select_related("item")
    undone = [r for r in records if actions.cancel(r)]
    if _wants_json(request):
        return JsonResponse(
            {
                "undone": [r.pk for r in undone],
                "items": sorted({r.item_id for r in undone if r.item_id}),
            }
        )
    if undone:
        messages.success(request, _("Undone: nothing was sent to the network."))
    else:
        messages.warning(request, _("Too late to undo: it was already sent."))
    return _back(request)


@require_POST
@moderator_required
def send(request):
    records = ModerationAction.objects.filter(
        pk__in=_ids(request), user=request.user
    ).select_related("item", "account")
    results = []
    for record in sorted(records, key=lambda r: r.pk):
        done = actions.send(record)
        item = done.item
        results.append(
            {
                "id": done.pk,
                "item": done.item_id,
                "status": item.status if item else "",
                "status_label": item.get_status_display() if item else "",
                "confirmed": done.confirmed,
                "cancelled": done.cancelled,
                "error": done.error,
            }
        )
    if _wants_json(request):
        return JsonResponse({"results": results})
    failed = [r["error"] for r in results if r["error"]]
    if failed:
        messages.error(request, _("The network did not confirm: %(error)s")
                       % {"error": "; ".join(failed)})  # fmt: skip
    return _back(request)
