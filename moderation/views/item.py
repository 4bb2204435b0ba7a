"""One item: its post, the author's history, highlighted text, actions, reply box."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import F, Q
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..actions import get_client
from ..authors import profile_for
from ..capabilities import allowed, refusals
from ..highlight import highlight
from ..inbox_query import InboxFilters, counts, waiting_items
from ..models import Ban, InboxItem, Label, ModerationAction, Reason, ReplyTemplate
from ..permissions import moderator_required
from .acting import BAN_PERIODS, Refused, act
from .pending import pending_groups, render_toasts

# The reason a ban or a delete is offered with, from the classifier's label.
LABEL_REASONS = {
    Label.OBSCENE: Reason.OBSCENE,
    Label.INSULT: Reason.INSULT,
    Label.SPAM: Reason.SPAM,
    Label.ILLEGAL: Reason.LAW,
}


def _post_context(item: InboxItem) -> dict:
    """The post the item answers: Vestnik's page when Vestnik published it, and the
    post in the network when its client can say where it is."""
    page = item.page.specific if item.page_id else None
    return {
        "page": page,
        "page_url": page.full_url if page is not None else "",
        "delivery_id": item.delivery_id,
        "post_url": _post_url(item),
    }


def _post_url(item: InboxItem) -> str:
    if not item.post_remote_id or item.kind == InboxItem.Kind.MESSAGE:
        return ""
    try:
        client = get_client(item.account)
        url = (
            client.post_url(item.post_remote_id) if hasattr(client, "post_url") else ""
        )
    except Exception:  # no credential, a blocked network: the id is shown instead
        return ""
    return url if str(url).startswith(("https://", "http://")) else ""


def _thread(item: InboxItem) -> dict:
    """The comment this one answers and the answers to it (what arrived of them)."""
    same_post = InboxItem.objects.filter(
        account_id=item.account_id, post_remote_id=item.post_remote_id
    )
    parent = None
    if item.parent_remote_id:
        parent = same_post.filter(remote_id=item.parent_remote_id).first()
    replies = list(
        same_post.filter(parent_remote_id=item.remote_id).order_by("created_at")[:20]
    )
    ours = list(
        ModerationAction.objects.filter(
            item=item, action=ModerationAction.Kind.REPLY, confirmed=True
        ).select_related("user")
    )
    return {"parent": parent, "replies": replies, "our_replies": ours}


def _item(pk: int) -> InboxItem:
    return get_object_or_404(
        InboxItem.objects.select_related("account", "assignee", "page"), pk=pk
    )


def item_context(request, item: InboxItem) -> dict:
    """What the item's page and the pane beside the inbox list both show."""
    earlier = []
    history = ModerationAction.objects.none()
    author = profile_for(item)
    if author is not None and author.name and not item.author_name:
        item.author_name = author.name
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
        "author": author,
        "saved_replies": [(t, t.fill(item)) for t in ReplyTemplate.for_item(item)],
        "ban": Ban.objects.filter(
            account=item.account, author_id=item.author_id, active=True
        ).first(),
        "other_bans": Ban.objects.filter(
            account__network=item.network, author_id=item.author_id, active=True
        )
        .exclude(account=item.account)
        .select_related("account")
        if item.author_id
        else [],
        "actions": allowed(item),
        "refusals": refusals(item),
        "reasons": Reason.choices,
        "default_reason": LABEL_REASONS.get(item.label, Reason.OTHER),
        "ban_periods": BAN_PERIODS,
        "waiting": waiting_items([item]),
        "now": timezone.now(),
        **_post_context(item),
        **_thread(item),
    }
    return context


@moderator_required
def item_detail(request, pk: int):
    item = _item(pk)
    context = {
        **item_context(request, item),
        "pending": pending_groups(request.user),
        "queue": _queue(item, request.user),
        "page_title": _("Inbox item"),
    }
    return render(request, "moderation/item.html", context)


@moderator_required
def item_pane(request, pk: int):
    """The item as a fragment for the pane beside the inbox list (split view)."""
    return render(
        request, "moderation/_item_pane.html", item_context(request, _item(pk))
    )


def _wants_json(request) -> bool:
    return request.headers.get("Accept", "").startswith("application/json")


def _outcome(item: InboxItem, action: str, request) -> tuple[list, str, str]:
    """Carry out the action: what was done, and the message or the error to show."""
    try:
        done = act(item, action, request.user, reason=request.POST.get("reason", ""),
                   text=request.POST.get("text", ""),
                   days=request.POST.get("days", ""))  # fmt: skip
    except Refused as why:
        return [], "", str(why)
    if not done:
        return [], "", _("Write the text of the reply.")
    if any(a.pending for a in done):
        # A pending delete or ban needs no message: its toast says what will happen.
        return done, "", ""
    if all(a.confirmed for a in done):
        return done, _("Done, the network confirmed it."), ""
    errors = "; ".join(a.error for a in done if a.error)
    return done, "", _("The network did not confirm: %(error)s") % {"error": errors}


@require_POST
@moderator_required
def item_act(request, pk: int):
    item = get_object_or_404(InboxItem.objects.select_related("account"), pk=pk)
    done, message, error = _outcome(item, request.POST.get("action", ""), request)
    advance = request.POST.get("advance") == "1" and not error
    if _wants_json(request):
        return _act_answer(request, item, done, message, error, advance)
    if error:
        messages.error(request, error)
        return redirect("moderation_item", pk=pk)
    if message:
        messages.success(request, message)
    if advance:
        following = next_open_item(item, request.user)
        if following is None:
            messages.info(request, _("No open items left."))
            return redirect("moderation_inbox")
        return redirect("moderation_item", pk=following.pk)
    return redirect("moderation_item", pk=pk)


def _act_answer(request, item, done, message, error, advance) -> JsonResponse:
    """The pane beside the inbox list acts without leaving the list: what happened,
    the item's row as it is now, the counters of the list's filters, the toasts of
    the undo window and, when asked, the next open item among the list's filters."""
    filters = InboxFilters.from_query(request.POST)
    item.refresh_from_db()
    following = None
    if advance:
        following = next_open_item(item, request.user, within=filters)
        if following is None:
            message = (
                _("No open items left among the filtered ones.")
                if filters.narrowed
                else _("No open items left.")
            )
    now = timezone.now()
    row = render_to_string(
        "moderation/_row.html",
        {"item": item, "now": now, "waiting": waiting_items([item])},
        request,
    )
    return JsonResponse(
        {
            "id": item.pk,
            "done": bool(done) and not error,
            "pending": any(a.pending for a in done),
            "message": message,
            "error": error,
            "row": row,
            "counts": counts(filters, request.user),
            "toasts": render_toasts(
                request, pending_groups(request.user, [a.pk for a in done if a.pending])
            )
            if done
            else "",
            "next": following.pk if following is not None else None,
        }
    )


def work_queue(user):
    """Open items in the order a moderator works them: the nearest deadline first
    (urgent items come up before ordinary ones), then the oldest. Items whose delete or
    ban waits in the undo window are left out, and so are those another moderator
    took."""
    return (
        InboxItem.objects.open()
        .exclude(actions__pending=True)
        .filter(Q(assignee__isnull=True) | Q(assignee=user))
        .order_by(F("deadline").asc(nulls_last=True), "received_at", "id")
    )


def next_open_item(
    item: InboxItem, user, within: InboxFilters | None = None
) -> InboxItem | None:
    """The most pressing open item other than ``item``; beside the inbox list, only
    among the items its filters select (the status tab aside: the next one is open)."""
    queue = work_queue(user).exclude(pk=item.pk)
    if within is not None:
        queue = queue.filter(
            pk__in=within.selection(user, with_status=False).values("pk")
        )
    return queue.first()


QUEUE_SHOWN = 15


def _queue(item: InboxItem, user) -> list[InboxItem]:
    """The queue shown beside the item, with the item in it when it is open."""
    queue = list(work_queue(user).select_related("account")[:QUEUE_SHOWN])
    if item.is_open and all(other.pk != item.pk for other in queue):
        queue = [item, *queue[: QUEUE_SHOWN - 1]]
    return queue
