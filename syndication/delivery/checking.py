"""Look a post up before sending again, after an attempt whose outcome is unknown.

A create that got a 5xx, a dropped connection or no answer in time may have made the
post (issue 11.1: a proxy's 502 after the network acted made one piece 8 posts). It is
never sent again blindly. Where the network lets us find our own post
(``Client.can_find_published``: MAX reads its channel back), the delivery is scheduled
again with ``remote_ref = {"check_from": <when the unknown attempt began>}`` and its
next attempt looks first: found, it is sent without a second post; certainly not
there, it is sent now; the look-up itself fails, it is tried again later or left to a
person. Elsewhere (Telegram, OK: no way to read a post back by what we sent) the
delivery waits as «нужна проверка» for a person (``outcome.handle_unknown``).
"""

from __future__ import annotations

import logging
from datetime import datetime

from django.utils.text import format_lazy

from syndication.api import errors
from syndication.exceptions import Unsupported
from syndication.models import Delivery, DeliveryAttempt

from . import clients, conf, messages, retries, state

logger = logging.getLogger(__name__)
S = Delivery.Status
Outcome = DeliveryAttempt.Outcome
CHECK_FROM = "check_from"


def possible(client) -> bool:
    return bool(getattr(client, "can_find_published", False))


def pending(delivery: Delivery) -> bool:
    return delivery.action == Delivery.Action.PUBLISH and CHECK_FROM in (
        delivery.remote_ref or {}
    )


def schedule(delivery, attempt, error: str, summary=None) -> None:
    """Try again later, looking the post up first."""
    since = (delivery.remote_ref or {}).get(
        CHECK_FROM
    ) or attempt.started_at.isoformat()
    delivery.remote_ref = {CHECK_FROM: since}
    Delivery.objects.filter(pk=delivery.pk).update(remote_ref=delivery.remote_ref)
    wait = retries.backoff_seconds(delivery.attempts)
    text = str(format_lazy(messages.WILL_CHECK, error=error))
    state.mark_retry(delivery, attempt, Outcome.UNKNOWN, text, wait, summary)


def settle(delivery, attempt, job) -> bool:
    """Look for the post of an earlier attempt. True when this attempt is over (the
    post was found, or the look-up failed and decided the next step); False when the
    post is certainly not there and it may be sent now."""
    since = datetime.fromisoformat(delivery.remote_ref[CHECK_FROM])
    try:
        ref = job.client.find_published(job.post, since)
    except Unsupported:
        _to_person(delivery, attempt, job, "")
        return True
    except errors.AuthError as exc:
        state.hold_account(delivery.account, str(exc))
        error = f"{messages.RECONNECT} ({exc})"
        state.mark_retry(delivery, attempt, Outcome.AUTH, error, 0, job.summary)
        return True
    except errors.TransientError as exc:  # the check is a read: safe to repeat
        if delivery.attempts >= conf.max_attempts():
            _to_person(delivery, attempt, job, str(exc))
            return True
        wait = retries.backoff_seconds(
            delivery.attempts, getattr(exc, "retry_after", None)
        )
        text = str(format_lazy(messages.WILL_CHECK, error=exc))
        state.mark_retry(delivery, attempt, Outcome.UNKNOWN, text, wait, job.summary)
        return True
    except errors.APIError as exc:
        _to_person(delivery, attempt, job, str(exc))
        return True
    if ref is not None:
        job.summary["checked"] = "found"
        data = clients.ref_to_dict(ref)
        note = str(messages.FOUND_AFTER_CHECK)
        state.mark_sent(
            delivery, attempt, data, clients.ref_url(ref), job.summary, note
        )
        logger.info("delivery %s: found on the network, not sent again", delivery.pk)
        return True
    job.summary["checked"] = "absent"
    delivery.remote_ref = {}
    Delivery.objects.filter(pk=delivery.pk).update(remote_ref={})
    return False


def _to_person(delivery, attempt, job, error: str) -> None:
    text = str(messages.OUTCOME_UNKNOWN) + (f" ({error})" if error else "")
    state.mark_final(
        delivery, attempt, S.NEEDS_CHECK, Outcome.UNKNOWN, text, job.summary
    )
