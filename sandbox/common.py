"""Plumbing shared by the emulated networks: request parameters, faults and the
networks' own rate limits."""

from __future__ import annotations

import bisect
import json
import threading
import time
from collections import defaultdict, deque

from django.db import transaction

from .models import SandboxFault


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
    the others: a slow call can still succeed."""
    latency = 0
    chosen = None
    if not SandboxFault.objects.filter(network=network).exists():
        return latency, chosen  # the usual case, without taking the write lock
    with transaction.atomic():
        faults = SandboxFault.objects.select_for_update().filter(network=network)
        for fault in faults:
            if fault.account_id and (account is None or fault.account_id != account.pk):
                continue
            if fault.method and fault.method.lower() != method.lower():
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
    return latency, (chosen.kind if chosen else None)


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
