"""Inbox list benchmark (issue 5): 200,000 items in PostgreSQL, p95 page time < 300 ms.

    .venv/bin/python bench/moderation/bench_inbox.py [--items 200000] [--rounds 20]
        [--database URL]

Fills the bench database with ``--items`` inbox items over three accounts (one SQL
``INSERT ... SELECT generate_series``: networks, labels, assignees, deadlines and
received times spread over 90 days; the newest ``--open`` items are open, the rest
handled, as in an inbox that is worked), VACUUM ANALYZEs, then renders the whole inbox page
(view, counts, template) through Django's test client as a logged-in moderator for a
set of filter combinations, ``--rounds`` times each, after one warm-up round: once with
the short cache of per-status history counts working as in production ("warm"), once
with the cache emptied before every request ("cold"). The time is the full request
inside the process (no network hop). Prints one JSON line."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import DEFAULT_PG, bench_env, ensure_database, percentile, setup_django

QUERIES = {
    "default (open, newest)": {},
    "all statuses": {"status": "all"},
    "network vk": {"network": "vk"},
    "label spam": {"label": "spam"},
    "account + label obscene": {"account": "{account}", "label": "obscene"},
    "overdue": {"overdue": "1"},
    "assigned to me": {"assignee": "me"},
    "oldest first": {"order": "oldest"},
    "page 20": {"page": "20"},
    "deleted": {"status": "deleted"},
}

FILL_SQL = """
INSERT INTO moderation_inboxitem (
    account_id, network, remote_id, kind, post_remote_id, parent_remote_id,
    author_id, author_name, author_url, text, attachments, created_at, received_at,
    updated_at, raw, edited, removed_in_network, label, labels, score, spans,
    explanation, status, urgent, assignee_id, deadline, delivery_id, page_id,
    answered_at
)
SELECT
    (ARRAY[%(a1)s, %(a2)s, %(a3)s])[1 + n %% 3],
    (ARRAY[%(n1)s, %(n2)s, %(n3)s])[1 + n %% 3],
    'bench-' || n, 'comment', (n %% 500)::text, '',
    (n %% 20000)::text, 'Автор ' || (n %% 20000), '',
    'Текст комментария номер ' || n || ' о выплатах и очередях в МФЦ',
    '[]'::jsonb, now() - (n || ' seconds')::interval * 39,
    now() - (n || ' seconds')::interval * 39, now(), '{}'::jsonb, false, false,
    (ARRAY['clean','clean','clean','clean','spam','obscene','insult','illegal'])[1 + n %% 8],
    '[]'::jsonb, 0.9, '[]'::jsonb, '',
    CASE WHEN n <= %(open)s
         THEN (ARRAY['new','in_progress'])[1 + n %% 2]
         ELSE (ARRAY['kept','hidden','deleted','replied','kept','deleted'])[1 + (n / 7) %% 6]
    END,
    n %% 50 = 0,
    CASE WHEN n %% 10 = 0 THEN %(user)s ELSE NULL END,
    now() - (n || ' seconds')::interval * 39 + interval '9 hours', NULL, NULL, NULL
FROM generate_series(1, %(items)s) AS n
"""


def fill(items: int, open_items: int):
    from django.contrib.auth import get_user_model
    from django.db import connection

    from accounts_registry.models import Account
    from moderation.models import InboxItem

    user, _ = get_user_model().objects.get_or_create(
        username="bench-moderator", defaults={"is_superuser": True}
    )
    accounts = [
        Account.objects.get_or_create(network=net, external_id=ext,
                                      defaults={"name": f"Bench {net}"})[0]
        for net, ext in (("vk", "880001"), ("ok", "880002"), ("telegram", "@bench"))
    ]  # fmt: skip
    have = InboxItem.objects.filter(remote_id__startswith="bench-").count()
    have_open = InboxItem.objects.open().count()
    if (have, have_open) != (items, open_items):
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE moderation_inboxitem CASCADE")
            cursor.execute(
                FILL_SQL,
                {"a1": accounts[0].pk, "a2": accounts[1].pk, "a3": accounts[2].pk,
                 "n1": "vk", "n2": "ok", "n3": "telegram", "user": user.pk,
                 "items": items, "open": open_items},
            )  # fmt: skip
        with connection.cursor() as cursor:  # what autovacuum does in production
            cursor.execute("VACUUM ANALYZE moderation_inboxitem")
        print(f"filled {items} items in {time.perf_counter() - started:.1f} s",
              file=sys.stderr)  # fmt: skip
    return user, accounts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument(
        "--open", type=int, default=2000, help="newest items still open (new/in work)"
    )
    parser.add_argument("--database", default=os.environ.get("BENCH_PG", DEFAULT_PG))
    args = parser.parse_args()

    ensure_database(args.database)
    setup_django(bench_env(args.database))
    from django.core.cache import cache
    from django.test import Client
    from django.urls import reverse

    user, accounts = fill(args.items, args.open)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    url = reverse("moderation_inbox")
    params = {
        name: {k: v.format(account=accounts[0].pk) for k, v in query.items()}
        for name, query in QUERIES.items()
    }
    for query in params.values():  # warm-up: templates, caches, PostgreSQL buffers
        assert client.get(url, query).status_code == 200
    load_before = os.getloadavg()[0]
    result = {"items": args.items, "open": args.open}
    # "warm": the per-status history counts cached as in production (30 s);
    # "cold": the cache emptied before every request, so every count is computed.
    for mode in ("warm", "cold"):
        timings: dict[str, list[float]] = {name: [] for name in params}
        for _ in range(args.rounds):
            for name, query in params.items():
                if mode == "cold":
                    cache.clear()
                started = time.perf_counter()
                response = client.get(url, query)
                timings[name].append(time.perf_counter() - started)
                assert response.status_code == 200
        every = [t for values in timings.values() for t in values]
        result[mode] = {
            "requests": len(every),
            "p50_ms": round(percentile(every, 0.50) * 1000, 1),
            "p95_ms": round(percentile(every, 0.95) * 1000, 1),
            "max_ms": round(max(every) * 1000, 1),
            "p95_by_query_ms": {
                name: round(percentile(values, 0.95) * 1000, 1)
                for name, values in timings.items()
            },
        }
    result["loadavg_1min_before"] = round(load_before, 2)
    result["loadavg_1min_after"] = round(os.getloadavg()[0], 2)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
