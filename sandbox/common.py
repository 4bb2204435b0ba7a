"""Plumbing shared by the emulated networks: request parameters, faults and the
networks' own rate limits."""

from __future__ import annotations

import bisect
import json
import math
import random
import threading
import time
from collections import defaultdict, deque

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from . import faults
from .models import SandboxComment, SandboxFault, SandboxPost


class CommentForm(forms.Form):
    """A reader's comment on an emulated network's page."""

    author_name = forms.CharField(label=_("Your name"), max_length=200)
    author_id = forms.IntegerField(label=_("User id"), min_value=1, initial=1001)
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 2}))


def reader_comment_row(
    post: SandboxPost, author_id: int, author_name: str, text: str
) -> SandboxComment:
    """A reader's comment stored under the post; telling the account's webhook is the
    network's part (its ``comment_written``), where it pushes one."""
    return SandboxComment.objects.create(
        post=post, remote_id=post.account.next_id(), author_id=author_id,
        author_name=author_name, text=text,
    )  # fmt: skip


def request_params(request) -> dict:
    """Query string, form body and JSON body merged, as the real APIs read them."""
    params = {k: v for k, v in request.GET.items()}
    content_type = request.content_type or ""
    if content_type.startswith("application/json"):
        try:
            body = json.loads(request.body or b"{}")
        except ValueError:
            body = None
        if isinstance(body, dict):
            params.update(body)
    else:
        params.update({k: v for k, v in request.POST.items()})
    return params


def take_fault(network: str, account, method: str):
    """The fault that applies to this call, if any, counting it down.

    Latency faults are returned alongside (first element) because they combine with
    the others: a slow call can still succeed. An account inside the wait a rate
    answer asked for is refused again (a breach, counted); HTTP 429 is answered here
    (``faults.Injected``); the «after» kinds are armed for ``faults.answering`` and
    the call goes on as if nothing happened."""
    key = (network, account.pk if account is not None else None)
    refused = faults.blocks.refusal(key, faults.arrived())
    if refused:
        kind, left = refused
        if kind == SandboxFault.HTTP_429:
            raise faults.Injected(faults.too_many_requests(math.ceil(left)))
        faults.announce_wait(math.ceil(left))
        return 0, SandboxFault.RATE_LIMIT
    latency = 0
    chosen = None
    if not SandboxFault.objects.filter(network=network).exists():
        return latency, chosen  # the usual case, without taking the write lock
    with transaction.atomic():
        faults_now = SandboxFault.objects.select_for_update().filter(network=network)
        for fault in faults_now:
            if fault.account_id and (account is None or fault.account_id != account.pk):
                continue
            if fault.method and fault.method.lower() != method.lower():
                continue
            if fault.percent is not None and random.uniform(0, 100) >= fault.percent:
                continue
            if fault.kind == SandboxFault.LATENCY:
                latency = max(latency, fault.latency_ms)
            elif chosen is None:
                chosen = fault
            else:
                continue
            if fault.remaining is not None:
                if fault.remaining <= 1:
                    fault.delete()
                else:
                    SandboxFault.objects.filter(pk=fault.pk).update(
                        remaining=fault.remaining - 1
                    )
    if chosen is None:
        return latency, None
    kind = chosen.kind
    if kind in (SandboxFault.RATE_LIMIT, SandboxFault.HTTP_429):
        wait = chosen.retry_after
        if wait:
            faults.blocks.start(key, wait, kind)
            faults.started_wait(key)
        faults.announce_wait(wait)
        if kind == SandboxFault.HTTP_429:
            raise faults.Injected(faults.too_many_requests(wait or 1))
    if kind in SandboxFault.AFTER_KINDS:
        faults.arm_after(kind, chosen.latency_ms)
        return latency, None
    return latency, kind


class SlidingWindow:
    """Exact sliding-window counters kept in memory: the sandbox runs in one process
    (runserver or the test live server), which is what a real network's front end
    looks like to one client."""

    def __init__(self):
        self._hits: dict[str, deque] = defaultdict(deque)
        self._lock = threading.Lock()
        self.rejected = 0  # rate-limit answers given since the last reset

    def hit(
        self, key: str, rate: int, per_seconds: float, at: float | None = None
    ) -> float:
        """Count a call that arrived at ``at`` (``time.monotonic()``; the view passes
        the arrival time so that our own processing time does not skew the count);
        0 if allowed, else seconds until one would be."""
        now = time.monotonic() if at is None else at
        with self._lock:
            hits = self._hits[key]
            while hits and hits[0] <= now - per_seconds - 5:
                hits.popleft()  # keep a little history: arrivals may be out of order
            inside = [h for h in hits if now - per_seconds < h <= now]
            if len(inside) >= rate:
                self.rejected += 1
                return inside[0] + per_seconds - now
            bisect.insort(hits, now)
            return 0.0

    def reset(self) -> None:
        with self._lock:
            self._hits.clear()
            self.rejected = 0


windows = SlidingWindow()
