"""Perform one claimed delivery: render, call the network, record what happened.

The order is what makes it exactly-once: the claim (status ``sending`` + a pending
attempt row) is committed BEFORE the HTTP call; the outcome is written after it with a
conditional update. A worker killed between the two leaves a ``sending`` row that the
scheduler tick finds (``dispatch.recover_stale``) and never re-sends blindly.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Any

from django.utils.text import format_lazy

from accounts_registry.restricted import is_blocked
from syndication.api import errors
from syndication.exceptions import Unsupported
from syndication.models import Delivery, DeliveryAttempt, PageSyndication
from syndication.networks.registry import get_spec

from . import checking, clients, conf, full_text, messages, retries, state

logger = logging.getLogger(__name__)
S = Delivery.Status
A = Delivery.Action
Outcome = DeliveryAttempt.Outcome

ORIGIN_WAIT_SECONDS = 60


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


_pieces: dict[tuple, object] = {}
_pieces_lock = threading.Lock()
PIECE_CACHE_SIZE = 32


def piece_of(delivery: Delivery):
    """The Piece of the delivery's revision. A revision never changes, so a fan-out
    to many accounts reads and parses the page once per process, not once per
    account (it is the CPU-heavy part of a send)."""
    from syndication.render.page_reader import piece_from_page

    revision = delivery.revision
    # The creation time guards against ids reused by a database that was rolled back.
    key = (revision.pk, revision.created_at) if revision else None
    with _pieces_lock:
        piece = _pieces.get(key) if key else None
    if piece is None:
        piece = piece_from_page(delivery.page.specific, revision=delivery.revision)
        if key:
            with _pieces_lock:
                if len(_pieces) >= PIECE_CACHE_SIZE:
                    _pieces.pop(next(iter(_pieces)))
                _pieces[key] = piece
    return piece


def render_post(delivery: Delivery, full_text_url: str = ""):
    """The delivery's post; ``full_text_url``: where a text too long for one message
    can be read in full (a Telegram account's Telegraph page, ``full_text.py``)."""
    from syndication.networks import get_network

    piece = piece_of(delivery)
    choice = PageSyndication.objects.filter(page_id=delivery.page_id).first()
    options = choice.options_for(delivery.account.network) if choice else {}
    if full_text_url:
        options["full_text_url"] = full_text_url
    return get_network(delivery.account.network).render(
        piece, delivery.account, options
    )


def summarize(delivery: Delivery, post=None, deduplicated=False) -> dict:
    """What was asked, for the log: methods, sizes, media kinds. Never credentials."""
    summary: dict = {"network": delivery.account.network, "action": delivery.action}
    if deduplicated:
        summary["idempotency_key"] = str(delivery.idempotency_key)
    if post is not None:
        summary["messages"] = [
            {
                "method": m.method,
                "text_length": len(m.text or ""),
                "attachments": [a.kind for a in m.attachments],
            }
            for m in post.messages
        ]
        summary["warnings"] = post.warning_kinds()
    if delivery.origin_id:
        summary["remote_ids"] = (delivery.origin.remote_ref or {}).get("ids", [])
    return summary


def prepare(delivery: Delivery) -> Job:
    # Asked at the moment of sending: switching a network off stops queued posts too.
    if is_blocked(delivery.account.network):
        raise Unsupported(str(messages.NETWORK_BLOCKED))
    client = clients.client_for(delivery.account)
    job = Job(delivery, client)
    link = None
    if delivery.action in (A.EDIT, A.DELETE):
        origin = delivery.origin
        if origin.status in (S.SCHEDULED, S.SENDING):
            raise Postpone
        if origin.status != S.SENT:
            raise Unsupported(str(messages.ORIGIN_NOT_SENT))
        if not (origin.remote_ref or {}).get("ids"):  # marked sent after a check
            raise Unsupported(str(messages.ORIGIN_IDS_UNKNOWN))
        job.ref = clients.ref_from_dict(client, origin.remote_ref)
    if delivery.action in (A.PUBLISH, A.EDIT):
        # A long Telegram text may first need its Telegraph page (may raise Wait).
        link = full_text.link_for(delivery, render_post)
        if link is not None and link.url:
            job.post = render_post(delivery, link.url)
        else:
            job.post = render_post(delivery)
        if link is not None:
            job.note = link.note
    job.deduplicated = (
        delivery.action == A.PUBLISH
        # The publish de-duplicates on a key we send (the spec's idempotent_publish).
        and get_spec(delivery.account.network).idempotent_publish
        and clients.accepts_idempotency_key(client.publish)
    )
    job.summary = summarize(delivery, job.post, job.deduplicated)
    if link is not None:
        job.summary["full_text_page"] = link.summary
    return job


def call_network(job: Job):
    delivery, client = job.delivery, job.client
    if delivery.action == A.PUBLISH:
        if job.deduplicated:
            return client.publish(
                job.post, idempotency_key=str(delivery.idempotency_key)
            )
        return client.publish(job.post)
    if delivery.action == A.EDIT:
        return client.edit(job.ref, job.post)
    client.delete(job.ref)
    return job.ref


def can_repeat_blindly(delivery: Delivery, deduplicated: bool) -> bool:
    """Whether sending the same request again cannot create a second post."""
    return deduplicated or delivery.action in (A.EDIT, A.DELETE)


def run_claimed(delivery: Delivery, attempt: DeliveryAttempt) -> Delivery:
    try:
        job = prepare(delivery)
    except Postpone:
        state.mark_retry(delivery, attempt, Outcome.TRANSIENT, "", ORIGIN_WAIT_SECONDS)
        return delivery
    except full_text.Wait as wait:  # nothing sent to the account yet
        state.mark_retry(delivery, attempt, Outcome.TRANSIENT, wait.error, wait.seconds)
        return delivery
    except Unsupported as exc:
        state.mark_final(delivery, attempt, S.CANCELLED, Outcome.UNSUPPORTED, str(exc))
        return delivery
    except Exception as exc:  # nothing was sent: rendering or setup failed
        logger.exception("delivery %s: preparing failed", delivery.pk)
        error = str(format_lazy(messages.RENDER_FAILED, error=exc))
        state.mark_final(delivery, attempt, S.FAILED, Outcome.ERROR, error)
        return delivery
    state.note_request(attempt, job.summary)
    # An earlier attempt's outcome is unknown: look for its post before sending.
    if checking.pending(delivery) and checking.settle(delivery, attempt, job):
        return delivery
    try:
        ref = call_network(job)
    except errors.APIError as exc:
        if sent_in_part(exc):
            handle_partial(delivery, attempt, exc, job.summary)
        else:
            handle_error(delivery, attempt, exc, job)
    except Unsupported as exc:
        if delivery.action == A.DELETE:
            # Telegraph (and maybe others) cannot delete: done, with a note, so it is
            # neither retried nor scheduled again.
            note = str(messages.CANNOT_DELETE)
            state.mark_done(
                delivery, attempt, Outcome.UNSUPPORTED, note, f"{note} ({exc})",
                job.summary,
            )  # fmt: skip
            return delivery
        text = messages.CANNOT_EDIT if delivery.action == A.EDIT else exc
        state.mark_final(
            delivery, attempt, S.CANCELLED, Outcome.UNSUPPORTED, str(text), job.summary
        )
    except Exception as exc:  # a bug after the request may have left: ask a person
        logger.exception("delivery %s: unexpected error", delivery.pk)
        error = str(format_lazy(messages.UNEXPECTED, error=exc))
        state.mark_final(
            delivery, attempt, S.NEEDS_CHECK, Outcome.ERROR, error, job.summary
        )
    else:
        if delivery.action == A.DELETE:
            job.note = full_text.retract_page(delivery)
        record_success(delivery, attempt, ref, job.summary, job.note)
    return delivery


def sent_in_part(exc) -> bool:
    """A multi-message post (Telegram follow-ups) failed after some messages went out;
    repeating it would post those again."""
    partial = getattr(exc, "partial_ref", None)
    return bool(partial is not None and getattr(partial, "ids", None))


def handle_partial(delivery, attempt, exc, summary) -> None:
    partial = clients.ref_to_dict(exc.partial_ref)
    error = str(
        format_lazy(messages.SENT_IN_PART, ids=", ".join(map(str, partial["ids"])))
    )
    Delivery.objects.filter(pk=delivery.pk).update(remote_ref=partial)
    state.mark_final(
        delivery, attempt, S.NEEDS_CHECK, Outcome.UNKNOWN, f"{error} ({exc})", summary
    )


def handle_error(delivery, attempt, exc, job) -> None:
    """Map an API error to the next state (OutcomeUnknown before TransientError:
    only the latter is known not to have acted)."""
    summary = job.summary
    if isinstance(exc, errors.OutcomeUnknown):
        handle_unknown(
            delivery, attempt, str(exc), job.deduplicated, summary, client=job.client
        )
    elif isinstance(exc, errors.TransientError):
        handle_transient(delivery, attempt, exc, summary)
    elif isinstance(exc, errors.AuthError):
        state.hold_account(delivery.account, str(exc))
        error = f"{messages.RECONNECT} ({exc})"
        state.mark_retry(delivery, attempt, Outcome.AUTH, error, 0, summary)
    elif isinstance(exc, errors.PermanentError):
        state.mark_final(
            delivery, attempt, S.FAILED, Outcome.PERMANENT, str(exc), summary
        )
    else:  # an error kind this code does not know yet: a person decides
        state.mark_final(
            delivery, attempt, S.NEEDS_CHECK, Outcome.ERROR, str(exc), summary
        )


def record_success(delivery, attempt, ref, summary, note: str = "") -> None:
    data = clients.ref_to_dict(ref)
    state.mark_sent(delivery, attempt, data, clients.ref_url(ref), summary, note)
    if delivery.action == A.EDIT and data:
        # Later edits and deletes act on what the network now holds.
        Delivery.objects.filter(pk=delivery.origin_id).update(
            remote_ref=data,
            remote_url=clients.ref_url(ref) or delivery.origin.remote_url,
        )


def handle_transient(delivery, attempt, exc, summary) -> None:
    if delivery.attempts >= conf.max_attempts():
        error = str(
            format_lazy(messages.TOO_MANY_ATTEMPTS, count=delivery.attempts, error=exc)
        )
        state.mark_final(delivery, attempt, S.FAILED, Outcome.TRANSIENT, error, summary)
        return
    wait = retries.backoff_seconds(delivery.attempts, getattr(exc, "retry_after", None))
    state.mark_retry(delivery, attempt, Outcome.TRANSIENT, str(exc), wait, summary)


def handle_unknown(
    delivery, attempt, error, deduplicated, summary=None, client=None
) -> None:
    """The request may have reached the network. Repeat it only where repeating cannot
    duplicate (VK guid, edits, deletes); where the network lets us look the post up
    (``client.can_find_published``), the next attempt looks first
    (``checking.settle``); otherwise a person checks."""
    more = delivery.attempts < conf.max_attempts()
    if can_repeat_blindly(delivery, deduplicated) and more:
        wait = retries.backoff_seconds(delivery.attempts)
        state.mark_retry(delivery, attempt, Outcome.UNKNOWN, error, wait, summary)
        return
    if delivery.action == A.PUBLISH and more and checking.possible(client):
        checking.schedule(delivery, attempt, error, summary)
        return
    text = (
        f"{messages.OUTCOME_UNKNOWN} ({error})"
        if error
        else str(messages.OUTCOME_UNKNOWN)
    )
    state.mark_final(delivery, attempt, S.NEEDS_CHECK, Outcome.UNKNOWN, text, summary)


def perform(delivery_id: int) -> Delivery | None:
    """Claim and perform one delivery; ``None`` if it was not ours to send."""
    claimed = state.claim(delivery_id)
    if claimed is None:
        return None
    return run_claimed(*claimed)
