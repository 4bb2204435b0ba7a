"""Moderation actions carried out in the network, each one recorded with the answer.

Every call goes through ``syndication.api.get_client(account)`` (whose HTTP calls pass the
shared per-token rate limiter); ``TransientError`` is retried a few times, honouring
``retry_after``; any other error is recorded and shown to the moderator. The row in
``ModerationAction`` is written before the call, so a crash still leaves a trace."""

from __future__ import annotations

import logging
import time
from datetime import datetime, timedelta
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts_registry.restricted import is_blocked
from syndication import api
from syndication.api.errors import TransientError
from syndication.exceptions import Unsupported
from syndication.networks.registry import Action, get_spec

from . import conf
from .capabilities import network_refusal
from .capabilities import refusal as item_refusal
from .inbox_query import forget_counts
from .models import Ban, InboxItem, ModerationAction, Reason, Rule

logger = logging.getLogger(__name__)

# groups.ban reason codes (docs/networks.md §1.5): 0 other, 1 spam, 2 verbal abuse,
# 3 obscene language. Other networks ignore the code.
BAN_REASON_CODES = {
    Reason.SPAM: 1,
    Reason.INSULT: 2,
    Reason.OBSCENE: 3,
    Reason.LAW: 0,
    Reason.OTHER: 0,
}

STATUS_AFTER = {
    ModerationAction.Kind.DELETE: InboxItem.Status.DELETED,
    ModerationAction.Kind.HIDE: InboxItem.Status.HIDDEN,
    ModerationAction.Kind.REPLY: InboxItem.Status.REPLIED,
    ModerationAction.Kind.KEEP: InboxItem.Status.KEPT,
}

sleep = time.sleep  # replaced in tests


class NetworkBlocked(Exception):
    """Facebook or Instagram while switched off: nothing may reach the network."""


def get_client(account):
    """The network client of ``account`` (the only door to the network)."""
    if is_blocked(account.network):
        raise NetworkBlocked(
            _(
                "The network is blocked: enable it in the registry's «Blocked "
                "networks» to act on it."
            )
        )
    return api.get_client(account)


def supported_actions(account) -> frozenset[str]:
    """What a moderator can do on the account's network (its spec's ``moderation``);
    the inbox's buttons and the rules read it."""
    return frozenset(get_spec(account.network).moderation)


def can_hide(account) -> bool:
    return Action.HIDE in supported_actions(account)


def _serialisable(value):
    if value is None or isinstance(value, str | int | float | bool | list | dict):
        return value
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return repr(value)


def call_with_retries(func, *args, **kwargs):
    """``(answer, attempts)``; re-raises the last error when retries run out."""
    retries = conf.action_retries()
    attempt = 0
    while True:
        attempt += 1
        try:
            return func(*args, **kwargs), attempt
        except Exception as exc:
            if not isinstance(exc, TransientError):
                exc.attempts = attempt
                raise
            if attempt > retries:
                exc.attempts = attempt
                raise
            wait = getattr(exc, "retry_after", None) or 0.5 * 2 ** (attempt - 1)
            sleep(min(wait, conf.action_max_sleep()))


# What can be done to a private message through the comment methods: nothing but
# banning its author (the clients' delete/hide/reply work on wall comments).
COMMENT_ONLY = (
    ModerationAction.Kind.DELETE,
    ModerationAction.Kind.HIDE,
    ModerationAction.Kind.REPLY,
)


def refusal(kind: str, account, item: InboxItem | None) -> str:
    """Why ``kind`` cannot be sent for ``item`` on ``account``'s network, in Russian
    (from its spec, ``moderation.capabilities``); "" when it can."""
    if item is not None and kind in COMMENT_ONLY + (ModerationAction.Kind.BAN,):
        return item_refusal(item, kind)
    if kind in (ModerationAction.Kind.BAN, ModerationAction.Kind.UNBAN):
        return network_refusal(account.network, kind)
    return ""


def _network_call(client, kind: str, item: InboxItem | None, **options):
    if (
        item is not None
        and item.kind == InboxItem.Kind.MESSAGE
        and kind in COMMENT_ONLY
    ):
        raise Unsupported(f"{kind} on a private message", network=item.network)
    if kind == ModerationAction.Kind.DELETE:
        return client.delete_comment, (item.post_remote_id, item.remote_id), {}
    if kind == ModerationAction.Kind.HIDE:
        return client.hide_comment, (item.post_remote_id, item.remote_id), {}
    if kind == ModerationAction.Kind.REPLY:
        return (
            client.reply,
            (item.post_remote_id, item.remote_id, options["text"]),
            {},
        )
    if kind == ModerationAction.Kind.BAN:
        code = BAN_REASON_CODES.get(options.get("reason") or Reason.OTHER, 0)
        return (
            client.ban,
            (options["author_id"], code),
            {"until": options.get("until")},
        )
    if kind == ModerationAction.Kind.UNBAN:
        return client.unban, (options["author_id"],), {}
    raise ValueError(kind)


def perform(
    kind: str,
    *,
    account,
    item: InboxItem | None = None,
    user=None,
    rule: Rule | None = None,
    reason: str = "",
    text: str = "",
    author_id: str = "",
    until: datetime | None = None,
) -> ModerationAction:
    """Do ``kind`` and record it. Network errors are recorded, never raised."""
    author_id = author_id or (item.author_id if item else "")
    record = ModerationAction.objects.create(
        item=item,
        account=account,
        author_id=author_id,
        action=kind,
        reason=reason,
        text=text,
        user=user,
        rule=rule,
        until=until,
    )
    return _execute(record, item)


def _execute(record: ModerationAction, item: InboxItem | None) -> ModerationAction:
    """Send the recorded action to the network and keep its answer."""
    kind, account, until = record.action, record.account, record.until
    author_id, reason, text = record.author_id, record.reason, record.text
    refused = "" if kind == ModerationAction.Kind.KEEP else refusal(kind, account, item)
    if kind == ModerationAction.Kind.KEEP:
        record.confirmed = True
    elif refused:
        # The network's spec says it cannot: nothing is sent, the reason is kept.
        record.error = refused
    else:
        try:
            client = get_client(account)
            func, args, kwargs = _network_call(
                client, kind, item, text=text, reason=reason,
                author_id=author_id, until=until,
            )  # fmt: skip
            answer, record.attempts = call_with_retries(func, *args, **kwargs)
            record.confirmed = True
            record.network_response = _serialisable(answer)
        except Exception as exc:
            logger.warning("moderation %s failed on %s: %s", kind, account.pk, exc)
            record.attempts = getattr(exc, "attempts", 1)
            record.error = f"{type(exc).__name__}: {exc}"[:2000]
            record.network_response = _serialisable(getattr(exc, "response", None))
    record.save()
    if record.confirmed:
        _after_success(record, item, kind, until)
    forget_counts()
    return record


def _after_success(record, item, kind, until) -> None:
    now = timezone.now()
    with transaction.atomic():
        if item is not None and kind in STATUS_AFTER:
            item.status = STATUS_AFTER[kind]
            item.answered_at = now
            item.save(update_fields=["status", "answered_at", "updated_at"])
        if kind == ModerationAction.Kind.BAN:
            Ban.objects.update_or_create(
                account=record.account,
                author_id=record.author_id,
                defaults={
                    "author_name": item.author_name if item else "",
                    "until": until,
                    "reason": record.reason or Reason.OTHER,
                    "active": True,
                    "synced": True,
                    "created_at": now,
                    "lifted_at": None,
                },
            )
        elif kind == ModerationAction.Kind.UNBAN:
            Ban.objects.filter(
                account=record.account, author_id=record.author_id
            ).update(active=False, lifted_at=now, synced=True)


def blacklist(item: InboxItem, *, user=None, rule=None, reason="", until=None,
              delay: timedelta | None = None):  # fmt: skip
    """Delete the item (when still there and the network can) and ban its author;
    with ``delay``, both wait out the undo window (``schedule``)."""
    do = perform if delay is None else partial(schedule, delay=delay)
    results = []
    if item.status != InboxItem.Status.DELETED and not refusal(
        "delete", item.account, item
    ):
        results.append(
            do("delete", account=item.account, item=item, user=user,
               rule=rule, reason=reason)
        )  # fmt: skip
    results.append(
        do("ban", account=item.account, item=item, user=user, rule=rule,
           reason=reason, until=until)
    )  # fmt: skip
    return results


# -- the undo window -------------------------------------------------------------------
def schedule(kind: str, *, account, item: InboxItem, delay: timedelta, user=None,
             rule=None, reason: str = "", until=None) -> ModerationAction:  # fmt: skip
    """Record ``kind`` to be sent after ``delay`` unless undone (``cancel``). The
    moderator's browser sends it when the window ends (``send``); the sweep task
    (``send_due``) sends what a closed browser left."""
    record = ModerationAction.objects.create(
        item=item, account=account, author_id=item.author_id, action=kind,
        reason=reason, user=user, rule=rule, until=until, pending=True,
        due_at=timezone.now() + delay,
    )  # fmt: skip
    forget_counts()
    return record


def cancel(record: ModerationAction) -> bool:
    """Undo a pending action; False when it was already sent (or undone)."""
    return bool(
        ModerationAction.objects.filter(pk=record.pk, pending=True).update(
            pending=False, cancelled=True
        )
    )


def send(record: ModerationAction) -> ModerationAction:
    """Send a pending action now. Claimed with one UPDATE, so the browser and the
    sweep never send it twice."""
    claimed = ModerationAction.objects.filter(pk=record.pk, pending=True).update(
        pending=False
    )
    record.refresh_from_db()
    if not claimed:
        return record
    item = record.item
    if (
        record.action == ModerationAction.Kind.BAN
        or item is None
        or item.status != InboxItem.Status.DELETED
    ):
        return _execute(record, item)
    record.confirmed, record.error = True, ""  # deleted meanwhile: nothing to send
    record.save(update_fields=["confirmed", "error"])
    return record


def send_due(now: datetime | None = None) -> int:
    """Send every pending action whose window has ended; how many were sent."""
    due = ModerationAction.objects.filter(
        pending=True, due_at__lte=now or timezone.now()
    ).order_by("due_at", "id")
    sent = 0
    for record in due.select_related("account", "item"):
        send(record)
        sent += 1
    return sent


def perform_rule_action(item_id: int, rule_id: int) -> list[ModerationAction]:
    """Carry out a rule's network action (called after the item's commit)."""
    item = InboxItem.objects.select_related("account").filter(pk=item_id).first()
    rule = Rule.objects.filter(pk=rule_id).first()
    if item is None or rule is None or not item.is_open:
        return []
    account = item.account
    if rule.action == Rule.Action.BAN:
        until = None
        if rule.ban_days:
            until = timezone.now() + timedelta(days=rule.ban_days)
        return blacklist(item, rule=rule, reason=rule.reason, until=until)
    if rule.action == Rule.Action.HIDE and can_hide(account):
        return [perform("hide", account=account, item=item, rule=rule,
                        reason=rule.reason)]  # fmt: skip
    # A network that cannot hide (its spec says so): the rule's text says it deletes.
    return [perform("delete", account=account, item=item, rule=rule,
                    reason=rule.reason)]  # fmt: skip


def perform_rule_actions(pairs) -> None:
    """The rule actions of a webhook batch, ``(item id, rule id)`` pairs, in order;
    one that fails is logged and the others still run."""
    for item_id, rule_id in pairs:
        try:
            perform_rule_action(item_id, rule_id)
        except Exception:
            logger.exception("rule %s on item %s failed", rule_id, item_id)
