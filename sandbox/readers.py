"""Demo readers: a handful of comments written under the demo's sandbox posts, one
every ``SANDBOX_DEMO_READERS_EVERY`` seconds (Celery beat, ``make run`` only).

A fresh demo then fills its moderation inbox the way a real one fills: a question, a
thank-you, spam, an obscene reply, an insult, an offer of forged papers. Each arrives
through the network's own path (VK Callback API, Telegram and MAX webhooks, OK by
polling), is sorted by the classifier and meets the default rules. The texts are our
own (``data/demo_readers.json``). Each is written once, under the newest live post of
its network's demo account; until the demo's pieces have gone out there is nothing to
comment on and nothing is written.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from .models import SandboxComment, SandboxPost
from .pages import add_comment

DATA = Path(__file__).with_name("data") / "demo_readers.json"


@cache
def demo_comments() -> tuple[dict, ...]:
    return tuple(json.loads(DATA.read_text(encoding="utf-8")))


def written(entry: dict) -> bool:
    return SandboxComment.objects.filter(
        post__account__network=entry["network"],
        author_id=entry["author_id"],
        text=entry["text"],
    ).exists()


def newest_post(network: str) -> SandboxPost | None:
    return (
        SandboxPost.objects.filter(account__network=network, deleted=False)
        .select_related("account")
        .order_by("-created_at", "-pk")
        .first()
    )


def write_next() -> SandboxComment | None:
    """Write the first demo comment not written yet whose network has a post; ``None``
    when every comment is written or no network has a post yet."""
    for entry in demo_comments():
        if written(entry):
            continue
        post = newest_post(entry["network"])
        if post is None:
            continue
        return add_comment(
            post, entry["author_id"], entry["author_name"], entry["text"]
        )
    return None
