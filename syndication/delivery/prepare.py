"""Step two of a delivery: everything it needs before the network is called, in one
pass — the account's client, the original post's reference (edits, deletes), the
render of the piece with its links, the Telegraph full-text page a long Telegram post
links to, and the summary written to the attempt before the request leaves.

Raises ``Postpone`` (the original post is still being sent), ``full_text.Wait`` (the
Telegraph page is not ready), ``Unsupported`` (nothing to send); any other exception
is a failure to prepare. Nothing has reached the account's network when it raises."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from accounts_registry.restricted import is_blocked
from syndication.exceptions import Unsupported
from syndication.models import Delivery
from syndication.networks.registry import get_spec

from . import clients, full_text, messages, rendering

S = Delivery.Status
A = Delivery.Action


class Postpone(Exception):
    """The delivery cannot run yet (its original post is still being sent)."""


@dataclass
class Job:
    delivery: Delivery
    client: Any
    post: Any = None
    ref: Any = None
    deduplicated: bool = False
    summary: dict | None = None
    note: str = ""  # a warning for the log of a delivery that went out


def job_for(delivery: Delivery) -> Job:
    # Asked at the moment of sending: switching a network off stops queued posts too.
    if is_blocked(delivery.account.network):
        raise Unsupported(str(messages.NETWORK_BLOCKED))
    job = Job(delivery, clients.client_for(delivery.account))
    if delivery.action in (A.EDIT, A.DELETE):
        job.ref = origin_ref(delivery, job.client)
    link = None
    if delivery.action in (A.PUBLISH, A.EDIT):
        # A long Telegram text may first need its Telegraph page (may raise Wait).
        link = full_text.link_for(delivery)
        if link is not None and link.url:
            job.post = rendering.render_post(delivery, link.url)
        else:
            job.post = rendering.render_post(delivery)
        job.note = link.note if link else ""
    job.deduplicated = (
        delivery.action == A.PUBLISH
        # The publish de-duplicates on a key we send (the spec's idempotent_publish).
        and get_spec(delivery.account.network).idempotent_publish
        and clients.accepts_idempotency_key(job.client.publish)
    )
    job.summary = rendering.summarize(delivery, job.post, job.deduplicated)
    if link is not None:
        job.summary["full_text_page"] = link.summary
    return job


def origin_ref(delivery: Delivery, client):
    """What an edit or a delete acts on: the original post as the network holds it."""
    origin = delivery.origin
    if origin.status in (S.SCHEDULED, S.SENDING):
        raise Postpone
    if origin.status != S.SENT:
        raise Unsupported(str(messages.ORIGIN_NOT_SENT))
    if not (origin.remote_ref or {}).get("ids"):  # marked sent after a check
        raise Unsupported(str(messages.ORIGIN_IDS_UNKNOWN))
    return clients.ref_from_dict(client, origin.remote_ref)
