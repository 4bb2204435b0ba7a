"""The rules engine (apart from ``classifier/engine.py``, the classifier's): the first enabled rule whose conditions hold acts on a new item.

Dry-run rules only count a match and let the next rule be checked, so switching a rule
to dry run never changes what happens. Inbox-only actions (assign, mark) apply at
once; network actions are carried out by ``moderation.actions`` after the commit, and
every one is recorded like a moderator's."""

from __future__ import annotations

import time

from celery import current_app
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import batching, conf
from .actions import perform_rule_action
from .deadlines import deadline_for
from .models import InboxItem, ModerationAction, Rule, WatchedAuthor

NEVER_AUTOMATIC = "illegal"  # a person decides about possible offences, always


def rule_matches(rule: Rule, item: InboxItem, watched: bool) -> bool:
    if rule.action in Rule.NETWORK_ACTIONS and (
        item.label == NEVER_AUTOMATIC or NEVER_AUTOMATIC in (item.labels or [])
    ):
        return False
    if rule.network and rule.network != item.network:
        return False
    if rule.account_id and rule.account_id != item.account_id:
        return False
    if rule.label:
        if rule.label != item.label and rule.label not in (item.labels or []):
            return False
        if item.score < rule.min_score:
            return False
    if rule.keyword and rule.keyword.casefold() not in (item.text or "").casefold():
        return False
    return not (rule.watched_authors_only and not watched)


def _is_watched(item: InboxItem) -> bool:
    if not item.author_id:
        return False
    return WatchedAuthor.objects.filter(
        network=item.network, author_id=item.author_id
    ).exists()


# Enabled rules, cached per process for a few seconds: every webhook event needs them.
# Saving or deleting a rule clears this process's copy at once (signal below); other
# processes see the change within RULES_CACHE_SECONDS.
RULES_CACHE_SECONDS = 5.0
_rules_cache: dict[str, tuple[float, list[Rule]]] = {}


def enabled_rules() -> list[Rule]:
    cached = _rules_cache.get("rules")
    now = time.monotonic()
    if cached is not None and now - cached[0] < RULES_CACHE_SECONDS:
        return cached[1]
    rules = list(Rule.objects.filter(enabled=True).order_by("priority", "id"))
    _rules_cache["rules"] = (now, rules)
    return rules


@receiver([post_save, post_delete], sender=Rule)
def forget_rules(**kwargs) -> None:
    _rules_cache.clear()


def first_match(item: InboxItem) -> tuple[Rule | None, list[Rule]]:
    """The rule that acts, and the dry-run rules that matched before it."""
    rules = enabled_rules()
    watched = any(r.watched_authors_only for r in rules) and _is_watched(item)
    dry = []
    for rule in rules:
        if not rule_matches(rule, item, watched):
            continue
        if rule.dry_run:
            dry.append(rule)
            continue
        return rule, dry
    return None, dry


def apply_rules(item: InboxItem) -> Rule | None:
    rule, dry = first_match(item)
    # The webhook batch adds the counts up and writes them once (batching.py).
    batch = batching.current.get()
    if dry:
        if batch is not None:
            batch.count_dry_runs([r.pk for r in dry])
        else:
            Rule.objects.filter(pk__in=[r.pk for r in dry]).update(
                dry_run_count=F("dry_run_count") + 1
            )
    if rule is None:
        return None
    if batch is not None:
        batch.count_match(rule.pk)
    else:
        Rule.objects.filter(pk=rule.pk).update(match_count=F("match_count") + 1)
    if rule.action in (Rule.Action.ASSIGN, Rule.Action.MARK):
        item.urgent = True
        item.deadline = deadline_for(item.received_at, urgent=True)
        if rule.action == Rule.Action.ASSIGN and rule.assignee_id:
            item.assignee_id = rule.assignee_id
        item.save(update_fields=["urgent", "deadline", "assignee", "updated_at"])
        ModerationAction.objects.create(
            item=item,
            account_id=item.account_id,
            author_id=item.author_id,
            action=rule.action,
            reason=rule.reason,
            rule=rule,
            confirmed=True,
        )
        return rule
    item_id, rule_id = item.pk, rule.pk
    if batch is not None:
        batch.add_action(item_id, rule_id)
    elif conf.auto_actions_async():
        # Queued by name: importing the tasks module here would close the cycle
        # ingest → rules → tasks → fetch → ingest.
        transaction.on_commit(
            lambda: current_app.send_task(
                "moderation.tasks.run_rule_action", args=[item_id, rule_id]
            )
        )
    else:
        transaction.on_commit(lambda: perform_rule_action(item_id, rule_id))
    return rule
