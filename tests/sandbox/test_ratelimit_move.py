"""RateLimitBucket moved from the sandbox app to syndication with its table: a database
made before the move keeps its rows, and the rate limiter goes on using them."""

from __future__ import annotations

import time

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from syndication.models import RateLimitBucket
from syndication.ratelimit import DatabaseBackend

BEFORE_THE_MOVE = [
    ("syndication", "0003_full_text_host_from_registry"),
    ("sandbox", "0005_more_networks"),
]
TABLE = "sandbox_ratelimitbucket"


def tables() -> set[str]:
    return set(connection.introspection.table_names())


def migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def latest() -> list[tuple[str, str]]:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_rows_of_a_database_made_before_the_move_survive_it():
    migrate(BEFORE_THE_MOVE)
    assert TABLE not in tables()  # syndication's 0004, reversed, took it away

    # The database as the old sandbox 0001 left it: its table, with the limiter's rows.
    executor = MigrationExecutor(connection)
    old_apps = executor.loader.project_state(BEFORE_THE_MOVE).apps
    OldBucket = old_apps.get_model("sandbox", "RateLimitBucket")
    assert OldBucket._meta.db_table == TABLE
    with connection.schema_editor() as editor:
        editor.create_model(OldBucket)
    now = time.time()
    OldBucket.objects.create(key="vk:token:1", stamps=[now - 0.4, now - 0.2])
    OldBucket.objects.create(key="ok:token:2", stamps=[now - 100])

    migrate(latest())

    kept = dict(RateLimitBucket.objects.values_list("key", "stamps"))
    assert kept == {"vk:token:1": [now - 0.4, now - 0.2], "ok:token:2": [now - 100]}
    # The limiter reads the old rows: two calls a moment ago fill a rate of 2 an hour.
    wait = DatabaseBackend().take("vk:token:1", 2, 3600.0)
    assert 3000 < wait < 3600


@pytest.mark.django_db(transaction=True)
def test_the_sandbox_migrates_to_zero_without_taking_the_limiter_table():
    RateLimitBucket.objects.create(key="telegram:bot:3", stamps=[1.0])
    migrate([("sandbox", None)])
    try:
        assert TABLE in tables()
        assert not any(t.startswith("sandbox_") and t != TABLE for t in tables())
        assert RateLimitBucket.objects.filter(key="telegram:bot:3").exists()
    finally:
        migrate(latest())
    assert "sandbox_sandboxaccount" in tables()
