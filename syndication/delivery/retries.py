"""Exponential backoff with jitter, honouring the wait a network asks for."""

from __future__ import annotations

import random

from . import conf


def backoff_seconds(
    attempt: int, retry_after: float | None = None, rng: random.Random | None = None
) -> float:
    """The wait before try ``attempt + 1`` after ``attempt`` tries failed.

    Full jitter over an exponentially growing window (so a backlog of deliveries that
    failed together does not retry in lockstep), never shorter than the network's own
    ``retry_after`` (Telegram 429 ``parameters.retry_after``, VK flood errors)."""
    rng = rng or random
    window = min(conf.backoff_cap(), conf.backoff_base() * 2 ** max(attempt - 1, 0))
    wait = window / 2 + rng.uniform(0, window / 2)
    if retry_after is not None and retry_after > 0:
        wait = max(wait, float(retry_after))
    return wait
