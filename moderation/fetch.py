"""Polling for what webhooks miss: recent posts' comments, from a cursor per post.

The cursor is stored after each page, in the same transaction as the items of that
page, so a crash or a downtime resumes where it stopped: nothing is fetched twice and
nothing in between is skipped (the unique key catches whatever a webhook stored)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts_registry.models import Account
from accounts_registry.restricted import is_blocked
from syndication.networks.registry import Polling, codes_where, get_spec

from . import actions, conf, ingest
from .incoming import incoming_from_remote
from .links import recent_posts
from .models import FetchCursor, WebhookEndpoint

logger = logging.getLogger(__name__)

# How each network is polled is its spec's ``polling``: per post (each recent post's
# comments from a cursor of its own) or per account (Telegram has no history call,
# docs/networks.md §3.5: ``getUpdates`` of the discussion group confirms what it read, so it
# is polled once per account, cursor ALL_POSTS, and only when no webhook is set, as
# Telegram refuses getUpdates while one is).
ALL_POSTS = "*"
MAX_PAGES_PER_POST = 50


@dataclass
class FetchReport:
    posts: int = 0
    fetched: int = 0
    created: int = 0
    errors: int = 0


def _client(account):
    # Looked up on the module at each call: the tests replace actions.get_client.
    return actions.get_client(account)


def posts_to_poll(account) -> list[FetchCursor]:
    since = timezone.now() - timedelta(days=conf.fetch_recent_days())
    for post_id, posted_at in recent_posts(account, since):
        FetchCursor.objects.get_or_create(
            account=account,
            post_remote_id=str(post_id),
            defaults={"posted_at": posted_at},
        )
    cursors = FetchCursor.objects.filter(account=account)
    return list(
        cursors.filter(posted_at__gte=since) | cursors.filter(posted_at__isnull=True)
    )


def fetch_post(account, client, cursor: FetchCursor, report: FetchReport) -> None:
    for _page in range(MAX_PAGES_PER_POST):
        previous = cursor.cursor
        post_id = None if cursor.post_remote_id == ALL_POSTS else cursor.post_remote_id
        comments, new_cursor = client.fetch_comments(post_id, previous)
        with transaction.atomic():
            for comment in comments:
                incoming = incoming_from_remote(comment)
                if not incoming.post_remote_id and post_id:
                    incoming.post_remote_id = post_id
                _, created = ingest.store(account, incoming)
                report.fetched += 1
                report.created += int(created)
            # None means "nothing after this": keep the old position to resume from.
            if new_cursor is not None:
                cursor.cursor = new_cursor
            cursor.last_fetched_at = timezone.now()
            cursor.last_error = ""
            cursor.save()
        if not comments or new_cursor is None or new_cursor == previous:
            return


def cursors_of(account) -> list[FetchCursor]:
    if get_spec(account.network).polling == Polling.PER_POST:
        return posts_to_poll(account)
    if WebhookEndpoint.objects.filter(account=account, enabled=True).exists():
        return []  # the webhook delivers; getUpdates would be refused
    cursor, _ = FetchCursor.objects.get_or_create(
        account=account, post_remote_id=ALL_POSTS
    )
    return [cursor]


def fetch_account(account, report: FetchReport | None = None) -> FetchReport:
    report = report or FetchReport()
    # Asked here, not only by fetch_all's live(): ``--account`` names a blocked
    # network's account directly, and polling is what the switch forbids.
    if not get_spec(account.network).comments_polled or is_blocked(account.network):
        return report
    cursors = cursors_of(account)
    if not cursors:
        return report
    client = _client(account)
    for cursor in cursors:
        report.posts += 1
        try:
            fetch_post(account, client, cursor, report)
        except Exception as exc:  # one broken post must not stop the others
            logger.warning("fetch %s/%s: %s", account.pk, cursor.post_remote_id, exc)
            report.errors += 1
            FetchCursor.objects.filter(pk=cursor.pk).update(
                last_error=f"{type(exc).__name__}: {exc}"[:2000]
            )
    return report


def fetch_all(accounts=None) -> FetchReport:
    report = FetchReport()
    if accounts is None:
        polled = codes_where(lambda spec: spec.comments_polled)
        accounts = Account.objects.live().filter(network__in=polled)
    for account in accounts:
        try:
            fetch_account(account, report)
        except Exception as exc:
            logger.warning("fetch account %s: %s", account.pk, exc)
            report.errors += 1
    return report


# -- ``python manage.py moderation fetch [--account ACCOUNT]`` ----------------------------
def add_fetch_arguments(parser) -> None:
    parser.add_argument(
        "--account",
        help=gettext_lazy("Only this account: id, slug or network:external_id."),
    )


def handle_fetch_command(command, options: dict) -> None:
    accounts = None
    if options.get("account"):
        try:
            accounts = [Account.objects.resolve(options["account"])]
        except Account.DoesNotExist as exc:
            raise CommandError(str(exc)) from exc
    report = fetch_all(accounts)
    command.stdout.write(
        _(
            "Posts: %(posts)d, comments fetched: %(fetched)d, new: %(created)d, errors: %(errors)d"
        )
        % report.__dict__
    )
    if report.errors:
        raise CommandError(_("Some posts could not be fetched; see the log."))
