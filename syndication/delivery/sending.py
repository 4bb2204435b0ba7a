"""Perform one delivery, top to bottom, each step a module entered once:

1. claim (``state.claim``): ``scheduled -> sending`` and a pending attempt row,
   committed BEFORE any HTTP call;
2. prepare (``prepare.job_for``): the client, the render with its links, the
   Telegraph page of a long Telegram post, the summary for the log;
3. look up (``checking.settle``), only after an attempt whose outcome is unknown;
4. call the network (``call_network``, here);
5. record the outcome (``outcome``), with a conditional update.

The order is what makes it exactly-once: a worker killed between 1 and 5 leaves a
``sending`` row that the scheduler tick finds (``dispatch.recover_stale``) and never
re-sends blindly.
"""

from __future__ import annotations

from syndication.models import Delivery, DeliveryAttempt

from . import checking, outcome, prepare, state

A = Delivery.Action


def perform(delivery_id: int) -> Delivery | None:
    """Claim and perform one delivery; ``None`` if it was not ours to send."""
    claimed = state.claim(delivery_id)
    if claimed is None:
        return None
    return run_claimed(*claimed)


def run_claimed(delivery: Delivery, attempt: DeliveryAttempt) -> Delivery:
    try:
        job = prepare.job_for(delivery)
    except Exception as exc:  # nothing has reached the account's network
        outcome.not_prepared(delivery, attempt, exc)
        return delivery
    state.note_request(attempt, job.summary)
    # An earlier attempt's outcome is unknown: look for its post before sending.
    if checking.pending(delivery) and checking.settle(delivery, attempt, job):
        return delivery
    try:
        ref = call_network(job)
    except Exception as exc:
        outcome.failed(delivery, attempt, job, exc)
    else:
        outcome.succeeded(delivery, attempt, job, ref)
    return delivery


def call_network(job: prepare.Job):
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
