"""Celery tasks of the moderation app (idempotent: the database remembers)."""

from __future__ import annotations

from celery import shared_task

from .actions import perform_rule_action, perform_rule_actions, send_due
from .authors import resolve_unnamed
from .fetch import fetch_all
from .webhooks.batch import process_all


@shared_task(ignore_result=True)
def run_rule_action(item_id: int, rule_id: int) -> None:
    perform_rule_action(item_id, rule_id)


@shared_task(ignore_result=True)
def run_rule_actions(pairs: list) -> None:
    """The rule actions a webhook batch decided, one task for the batch."""
    perform_rule_actions(pairs)


@shared_task(ignore_result=True)
def fetch_comments() -> None:
    """Poll every active account's recent posts (the beat schedule runs this)."""
    fetch_all()


@shared_task(ignore_result=True)
def send_due_actions() -> None:
    """Send deletes and bans whose undo window ended while no browser sent them."""
    send_due()


@shared_task(ignore_result=True)
def resolve_authors(account_id: int) -> None:
    """Names, avatars and profile links of the account's authors that came as ids."""
    resolve_unnamed(account_id)


@shared_task(ignore_result=True)
def process_webhook_events() -> None:
    """Handle the webhook events stored by their requests (webhooks/batch.py); the
    beat schedule runs this every second."""
    process_all()
