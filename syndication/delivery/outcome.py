"""Step four of a delivery: what happened, written down — the next state of the
delivery and its attempt, decided from what preparing or the network call returned
or raised. Every write goes through ``state`` (conditional row updates).

The rule (issue 11.1): only an answer that proves the network did not act is retried;
an unknown outcome is repeated where repeating cannot duplicate (VK's guid, edits,
deletes), looked up first where the network allows (``checking``), else held for a
person."""

from __future__ import annotations

import logging

from django.utils.text import format_lazy

from syndication.api import errors
from syndication.exceptions import Unsupported
from syndication.models import Delivery, DeliveryAttempt

from . import checking, clients, conf, full_text, messages, retries, state
from .prepare import Postpone

logger = logging.getLogger(__name__)
S = Delivery.Status
A = Delivery.Action
Outcome = DeliveryAttempt.Outcome

ORIGIN_WAIT_SECONDS = 60


def not_prepared(delivery, attempt, exc: Exception) -> None:
    """Preparing raised: nothing reached the account's network."""
    if isinstance(exc, Postpone):
        state.mark_retry(delivery, attempt, Outcome.TRANSIENT, "", ORIGIN_WAIT_SECONDS)
    elif isinstance(exc, full_text.Wait):
        state.mark_retry(delivery, attempt, Outcome.TRANSIENT, exc.error, exc.seconds)
    elif isinstance(exc, Unsupported):
        state.mark_final(delivery, attempt, S.CANCELLED, Outcome.UNSUPPORTED, str(exc))
    else:  # rendering or setup failed
        logger.error("delivery %s: preparing failed", delivery.pk, exc_info=exc)
        error = str(format_lazy(messages.RENDER_FAILED, error=exc))
        state.mark_final(delivery, attempt, S.FAILED, Outcome.ERROR, error)


def succeeded(delivery, attempt, job, ref) -> None:
    if delivery.action == A.DELETE:
        job.note = full_text.retract_page(delivery)
    data = clients.ref_to_dict(ref)
    url = clients.ref_url(ref)
    state.mark_sent(delivery, attempt, data, url, job.summary, job.note)
    if delivery.action == A.EDIT and data:
        # Later edits and deletes act on what the network now holds.
        Delivery.objects.filter(pk=delivery.origin_id).update(
            remote_ref=data, remote_url=url or delivery.origin.remote_url
        )


def failed(delivery, attempt, job, exc: Exception) -> None:
    """The network call raised."""
    if isinstance(exc, errors.APIError):
        if sent_in_part(exc):
            handle_partial(delivery, attempt, exc, job.summary)
        else:
            handle_error(delivery, attempt, exc, job)
    elif isinstance(exc, Unsupported):
        handle_unsupported(delivery, attempt, exc, job.summary)
    else:  # a bug after the request may have left: ask a person
        logger.error("delivery %s: unexpected error", delivery.pk, exc_info=exc)
        error = str(format_lazy(messages.UNEXPECTED, error=exc))
        state.mark_final(
            delivery, attempt, S.NEEDS_CHECK, Outcome.ERROR, error, job.summary
        )


def handle_unsupported(delivery, attempt, exc, summary) -> None:
    if delivery.action == A.DELETE:
        # Telegraph (and maybe others) cannot delete: done, with a note, so it is
        # neither retried nor scheduled again.
        note = str(messages.CANNOT_DELETE)
        state.mark_done(
            delivery, attempt, Outcome.UNSUPPORTED, note, f"{note} ({exc})", summary
        )
        return
    text = messages.CANNOT_EDIT if delivery.action == A.EDIT else exc
    state.mark_final(
        delivery, attempt, S.CANCELLED, Outcome.UNSUPPORTED, str(text), summary
    )


def can_repeat_blindly(delivery: Delivery, deduplicated: bool) -> bool:
    """Whether sending the same request again cannot create a second post."""
    return deduplicated or delivery.action in (A.EDIT, A.DELETE)


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
