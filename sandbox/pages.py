"""The sandbox as people see it: an index of accounts, each account's wall styled like
its network, a reader's comment form, and the fault control panel."""

from __future__ import annotations

import json
from itertools import groupby

import bleach
from django import forms
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import common
from . import faults as fault_modes
from .common import CommentForm
from .models import (
    MAX,
    OK,
    TELEGRAM,
    VK,
    SandboxAccount,
    SandboxComment,
    SandboxFault,
    SandboxMedia,
    SandboxPost,
)
from .networks import max as max_network
from .networks import telegram, vk

TG_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
           "blockquote", "span", "tg-spoiler"}  # fmt: skip


def telegram_html(text: str) -> str:
    """Telegram's HTML subset made safe for a browser: the sandbox stores what clients
    sent, so it is cleaned again here (only allowed tags, http(s)/tg links)."""
    cleaned = bleach.clean(
        text,
        tags=TG_TAGS,
        attributes={"a": ["href"], "span": ["class"]},
        protocols=["http", "https", "tg"],
        strip=True,
    )
    return cleaned.replace("\n", "<br>")


def index(request):
    accounts = SandboxAccount.objects.all()
    return render(request, "sandbox/index.html", {"accounts": accounts})


def _account(network, external_id):
    return get_object_or_404(SandboxAccount, network=network, external_id=external_id)


def _media(keys):
    found = {m.key: m for m in SandboxMedia.objects.filter(key__in=keys)}
    return [found[k] for k in keys if k in found]


def _entries(account):
    """Posts as the wall shows them, Telegram albums grouped into one entry."""
    posts = list(account.posts.filter(deleted=False).prefetch_related("comments"))
    entries = []
    for _group, items in groupby(posts, key=lambda p: p.media_group_id or f"#{p.pk}"):
        items = sorted(items, key=lambda p: p.remote_id)
        head = items[0]
        keys = [k for p in items for k in p.attachments.get("photos", [])]
        caption = next((p.text for p in items if p.text), "")
        html = telegram_html(caption) if head.parse_mode.upper() == "HTML" else ""
        poll = head.attachments.get("poll")
        if isinstance(poll, str):  # VK keeps the poll's media key
            media = SandboxMedia.objects.filter(key=poll).first()
            poll = media.meta if media else None
        entries.append({
            "post": head, "ids": [p.remote_id for p in items], "text": caption, "html": html,
            "photos": _media(keys), "poll": poll, "link": head.attachments.get("link", ""),
            "comments": [c for p in items for c in p.comments.all() if not c.deleted],
        })  # fmt: skip
    return entries


def wall(request, network, external_id):
    account = _account(network, external_id)
    template = {VK: "sandbox/vk_wall.html", OK: "sandbox/ok_group.html",
                TELEGRAM: "sandbox/telegram_channel.html"}[network]  # fmt: skip
    return render(request, template, {"account": account, "entries": _entries(account)})


def vk_wall(request, group_id):
    return wall(request, VK, group_id)


def ok_group(request, group_id):
    return wall(request, OK, group_id)


def telegram_channel(request, chat):
    return wall(request, TELEGRAM, chat)


def media(request, key):
    item = get_object_or_404(SandboxMedia, key=key)
    if not item.data:
        raise Http404
    return HttpResponse(
        bytes(item.data), content_type=item.content_type or "application/octet-stream"
    )


# The networks that push a reader's comment to the account's webhook (VK's Callback
# API, Telegram's and MAX's webhooks), each with its own event.
PUSHED = {VK: vk.comment_written, TELEGRAM: telegram.comment_written,
          MAX: max_network.comment_written}  # fmt: skip


def add_comment(
    post: SandboxPost, author_id: int, author_name: str, text: str
) -> SandboxComment:
    """A reader writes under a post (used by the wall form, tests and the demo); the
    network then pushes it to the account's callback server or webhook, if any."""
    comment = common.reader_comment_row(post, author_id, author_name, text)
    push = PUSHED.get(post.account.network)
    if push is not None:
        push(comment)
    return comment


@require_POST
def comment(request, post_pk):
    post = get_object_or_404(SandboxPost, pk=post_pk, deleted=False)
    form = CommentForm(request.POST)
    if form.is_valid():
        add_comment(post, form.cleaned_data["author_id"], form.cleaned_data["author_name"],
                    form.cleaned_data["text"])  # fmt: skip
    account = post.account
    return redirect(
        f"{request.build_absolute_uri('/sandbox/')}{account.network}/{_wall_path(account)}"
    )


def _wall_path(account):
    return {VK: f"club{account.external_id}/", OK: f"group/{account.external_id}/",
            TELEGRAM: f"{account.external_id}/"}[account.network]  # fmt: skip


class FaultForm(forms.ModelForm):
    class Meta:
        model = SandboxFault
        fields = [
            "network", "account", "kind", "latency_ms", "remaining", "method",
            "percent", "retry_after",
        ]  # fmt: skip


def faults(request):
    form = FaultForm(request.POST or None)
    if request.method == "POST":
        if request.POST.get("clear"):
            SandboxFault.objects.all().delete()
            common.windows.reset()
            fault_modes.blocks.reset()
            return redirect(request.path)
        if form.is_valid():
            form.save()
            return redirect(request.path)
    return render(
        request,
        "sandbox/faults.html",
        {"form": form, "faults": SandboxFault.objects.all()},
    )


@csrf_exempt
def faults_api(request):
    """JSON control for tests and benchmarks.

    POST ``{"network", "kind", "latency_ms", "remaining", "method", "account"}``
    (``account``: external id) adds a fault; DELETE clears all faults and the rate
    windows; GET lists them with the number of rate-limit answers given."""
    if request.method == "DELETE":
        SandboxFault.objects.all().delete()
        common.windows.reset()
        fault_modes.blocks.reset()
        return JsonResponse({"ok": True})
    if request.method == "POST":
        data = json.loads(request.body or b"{}")
        account = None
        if data.get("account"):
            account = _account(data["network"], str(data["account"]))
        fault = SandboxFault.objects.create(
            network=data["network"], account=account, kind=data["kind"],
            latency_ms=int(data.get("latency_ms") or 0), remaining=data.get("remaining"),
            method=data.get("method", ""), percent=data.get("percent"),
            retry_after=data.get("retry_after"),
        )  # fmt: skip
        return JsonResponse({"ok": True, "id": fault.pk})
    return JsonResponse(
        {
            "faults": list(SandboxFault.objects.values()),
            "rate_limited": common.windows.rejected,  # the networks' own limits
            # Calls that came inside a wait a rate answer asked for, after that
            # answer went out; and those already on their way when it did.
            "breaches": fault_modes.blocks.breaches,
            "overlapping": fault_modes.blocks.overlapping,
            "breached": fault_modes.blocks.breached,
            "breach_after_ms": fault_modes.blocks.breach_after_ms,
        }
    )
