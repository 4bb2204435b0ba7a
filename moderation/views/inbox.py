"""The inbox list, its polling endpoint and bulk actions."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accounts_registry.models import Account
from accounts_registry.networks import Network

from ..capabilities import BY_CODE, DESK_ACTIONS, offered_for_networks
from ..inbox_query import InboxFilters, counts, page_of, version_of, waiting_items
from ..models import InboxItem, Label, Reason
from ..permissions import moderator_required, moderators
from .acting import BAN_PERIODS, Refused, act
from .item import item_context
from .pending import pending_groups, render_toasts


def _bulk_actions(filters: InboxFilters):
    """The bulk bar offers what at least one network of the selection can do."""
    if filters.network:
        networks = [filters.network]
    elif filters.account:
        networks = Account.objects.filter(pk=filters.account).values_list(
            "network", flat=True
        )
    else:
        networks = Account.objects.values_list("network", flat=True).distinct()
    return offered_for_networks(networks)


@moderator_required
def inbox(request):
    filters = InboxFilters.from_query(request.GET)
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError:
        number = 1
    items, has_next = page_of(filters, request.user, number)
    context = {
        "pane": _pane(request),
        "filters": filters,
        "items": items,
        "counts": counts(filters, request.user),
        "page_number": number,
        "has_next": has_next,
        "query": urlencode(filters.as_query()),
        "next_query": urlencode(filters.as_query(page=number + 1)),
        "prev_query": urlencode(filters.as_query(page=number - 1)),
        "networks": Network.choices,
        "accounts": Account.objects.order_by("network", "name"),
        "labels": Label.choices,
        "statuses": InboxItem.Status.choices,
        "moderators": moderators(),
        "actions": _bulk_actions(filters),
        "desk_actions": DESK_ACTIONS,
        "reasons": Reason.choices,
        "ban_periods": BAN_PERIODS,
        "pending": pending_groups(request.user),
        "waiting": waiting_items(items),
        "latest_id": max((item.pk for item in items), default=0),
        "now": timezone.now(),
        "page_title": _("Moderation"),
    }
    return render(request, "moderation/inbox.html", context)


def _pane(request) -> str:
    """The item the address names (``?item=``), rendered into the pane beside the
    list, so a reload or the back button shows the list with the same item open."""
    pk = request.GET.get("item", "")
    if not pk.isdigit():
        return ""
    found = (
        InboxItem.objects.select_related("account", "assignee", "page")
        .filter(pk=int(pk))
        .first()
    )
    if found is None:
        return ""
    return render_to_string(
        "moderation/_item_pane.html", item_context(request, found), request
    )


SEEN_AT_MOST = 200


def _seen(value: str) -> dict[int, str]:
    """``id:version,…`` of the rows (and the pane) the page shows."""
    seen = {}
    for pair in value.split(",")[:SEEN_AT_MOST]:
        pk, _sep, version = pair.partition(":")
        if pk.isdigit():
            seen[int(pk)] = version
    return seen


def _rows(request, items, now) -> list[str]:
    waiting = waiting_items(items)
    return [
        render_to_string(
            "moderation/_row.html",
            {"item": item, "now": now, "waiting": waiting},
            request,
        )
        for item in items
    ]


@moderator_required
def poll(request):
    """New items after ``after`` matching the filters, as rendered rows; and the rows
    among ``seen`` that changed since the page showed them (another moderator, a
    rule, the network), so the list and the pane beside it stay in step."""
    filters = InboxFilters.from_query(request.GET)
    try:
        after = int(request.GET.get("after", "0"))
    except ValueError:
        return HttpResponseBadRequest()
    qs = filters.selection(request.user).filter(pk__gt=after)
    items = list(qs.select_related("account", "assignee").order_by("-id")[:50])
    now = timezone.now()
    seen = _seen(request.GET.get("seen", ""))
    shown = list(
        InboxItem.objects.filter(pk__in=seen).select_related("account", "assignee")
    )
    waiting = waiting_items(shown)
    changed = [i for i in shown if version_of(i, waiting) != seen[i.pk]]
    return JsonResponse(
        {
            "latest_id": max([after] + [item.pk for item in items]),
            "rows": _rows(request, items, now),
            "changed": dict(
                zip([i.pk for i in changed], _rows(request, changed, now), strict=True)
            ),
            "counts": counts(filters, request.user),
        }
    )


def _result(item: InboxItem, done, refused: str = "") -> dict:
    return {
        "id": item.pk,
        "status": item.status,
        "status_label": item.get_status_display(),
        "confirmed": bool(done) and all(a.confirmed or a.pending for a in done),
        "pending": any(a.pending for a in done),
        "errors": [a.error for a in done if a.error] + ([refused] if refused else []),
        "refused": refused,
    }


@require_POST
@moderator_required
def bulk(request):
    action = request.POST.get("action", "")
    ids = [int(v) for v in request.POST.getlist("ids") if v.isdigit()]
    if action not in BY_CODE or action == "reply" or not ids:
        return HttpResponseBadRequest()
    results = []
    scheduled: list[int] = []
    refused: dict[str, int] = {}
    for item in InboxItem.objects.filter(pk__in=ids).select_related("account"):
        try:
            done = act(item, action, request.user,
                       reason=request.POST.get("reason", ""),
                       days=request.POST.get("days", ""))  # fmt: skip
        except Refused as why:
            refused[str(why)] = refused.get(str(why), 0) + 1
            results.append(_result(item, [], refused=str(why)))
            continue
        scheduled += [a.pk for a in done if a.pending]
        item.refresh_from_db(fields=["status"])
        results.append(_result(item, done))
    if request.headers.get("Accept", "").startswith("application/json"):
        return JsonResponse(
            {
                "results": results,
                "toasts": render_toasts(
                    request, pending_groups(request.user, scheduled)
                ),
                "counts": counts(InboxFilters.from_query(request.POST), request.user),
            }
        )
    for why, n in refused.items():
        messages.warning(
            request,
            ngettext(
                "Not done for %(n)d item: %(why)s",
                "Not done for %(n)d items: %(why)s",
                n,
            )
            % {"n": n, "why": why},
        )
    results = [r for r in results if not r["refused"] and not r["pending"]]
    failed = sum(1 for r in results if not r["confirmed"])
    if failed:
        messages.error(request, _("The network did not confirm %(n)d of %(total)d.")
                       % {"n": failed, "total": len(results)})  # fmt: skip
    elif results:
        messages.success(request, _("Done: %(n)d.") % {"n": len(results)})
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}):
        back = reverse("moderation_inbox")
    return redirect(back)
