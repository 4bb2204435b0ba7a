"""One item: its post, the author's history, highlighted text, actions, reply box."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..capabilities import allowed, refusals
from ..highlight import highlight
from ..models import Ban, InboxItem, ModerationAction, Reason
from ..permissions import moderator_required
from .acting import BAN_PERIODS, Refused, act
from .pending import pending_groups


def _post_context(item: InboxItem) -> dict:
    page = item.page.specific if item.page_id else None
    return {
        "page": page,
        "page_url": page.full_url if page is not None else "",
        "delivery_id": item.delivery_id,
    }


@moderator_required
def item_detail(request, pk: int):
    item = get_object_or_404(
        InboxItem.objects.select_related("account", "assignee", "page"), pk=pk
    )
    earlier = []
    history = ModerationAction.objects.none()
    if item.author_id:
        earlier = list(
            InboxItem.objects.filter(network=item.network, author_id=item.author_id)
            .exclude(pk=item.pk)
            .select_related("account")
            .order_by("-received_at")[:20]
        )
        history = ModerationAction.objects.filter(
            Q(item=item) | Q(account=item.account, author_id=item.author_id)
        )
    else:
        history = ModerationAction.objects.filter(item=item)
    context = {
        "item": item,
        "highlighted": highlight(item.text, item.spans),
        "earlier": earlier,
        "history": history.select_related("user", "rule", "item")[:50],
        "ban": Ban.objects.filter(
            account=item.account, author_id=item.author_id, active=True
        ).first(),
        "actions": allowed(item),
        "refusals": refusals(item),
        "reasons": Reason.choices,
        "ban_periods": BAN_PERIODS,
        "pending": pending_groups(request.user),
        "now": timezone.now(),
        "page_title": _("Inbox item"),
        **_post_context(item),
    }
    return render(request, "moderation/item.html", context)


@require_POST
@moderator_required
def item_act(request, pk: int):
    item = get_object_or_404(InboxItem.objects.select_related("account"), pk=pk)
    action = request.POST.get("action", "")
    try:
        done = act(item, action, request.user, reason=request.POST.get("reason", ""),
                   text=request.POST.get("text", ""),
                   days=request.POST.get("days", ""))  # fmt: skip
    except Refused as why:
        messages.error(request, str(why))
        return redirect("moderation_item", pk=pk)
    if not done:
        messages.error(request, _("Write the text of the reply."))
        return redirect("moderation_item", pk=pk)
    # A pending delete or ban needs no message: its toast says what will happen.
    if not any(a.pending for a in done) and all(a.confirmed for a in done):
        messages.success(request, _("Done, the network confirmed it."))
    elif not any(a.pending for a in done):
        errors = "; ".join(a.error for a in done if a.error)
        messages.error(request, _("The network did not confirm: %(error)s")
                       % {"error": errors})  # fmt: skip
        return redirect("moderation_item", pk=pk)
    if request.POST.get("advance") == "1":
        following = next_open_item(item, request.user)
        if following is None:
            messages.info(request, _("No open items left."))
            return redirect("moderation_inbox")
        return redirect("moderation_item", pk=following.pk)
    return redirect("moderation_item", pk=pk)


def next_open_item(item: InboxItem, user) -> InboxItem | None:
    """The next open item after ``item`` in the inbox's order (newest first), then
    from the top; items whose delete or ban waits in the undo window are skipped, and
    so are those another moderator took into work."""
    candidates = (
        InboxItem.objects.open()
        .exclude(pk=item.pk)
        .exclude(actions__pending=True)
        .filter(Q(assignee__isnull=True) | Q(assignee=user))
        .order_by("-received_at", "-id")
    )
    older = candidates.filter(
        Q(received_at__lt=item.received_at)
        | Q(received_at=item.received_at, id__lt=item.pk)
    ).first()
    return older or candidates.first()
