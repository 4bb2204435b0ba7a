"""The test command behind ``make test`` (and so behind CI).

1. ruff: lint and format check.
2. The whole suite on SQLite with the in-memory broker (browser tests included when Debian's
   chromium is installed).
3. The suite again on PostgreSQL with Redis as the broker, plus the integration tests that
   start real Celery workers. When the servers are not reachable this pass is skipped, and
   said loudly (a banner, and a last line that is not «All passes green»: half the suite
   did not run), unless VESTNIK_REQUIRE_SERVICES=1 (CI sets it), which makes it a failure.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from urllib.parse import urlparse

import psycopg
import redis

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PG_URL = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432/vestnik")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
WORKERS = os.environ.get("PYTEST_WORKERS", "2")


def run(title: str, command: list[str], env: dict | None = None) -> int:
    print(f"\n=== {title}: {' '.join(command)}", flush=True)
    return subprocess.call(command, cwd=ROOT, env={**os.environ, **(env or {})})


def address(url: str) -> str:
    """host:port of a service URL, never its user or password."""
    parts = urlparse(url)
    return f"{parts.hostname}:{parts.port}" if parts.port else str(parts.hostname)


def one_line(error: Exception) -> str:
    return " ".join(str(error).split())


def banner(*lines: str) -> str:
    width = max(len(line) for line in lines) + 4
    rule = "!" * width
    body = "\n".join(f"! {line.ljust(width - 4)} !" for line in lines)
    return f"\n{rule}\n{body}\n{rule}"


def services_reachable() -> str | None:
    """None when PostgreSQL and Redis answer, else what is missing."""
    try:
        psycopg.connect(
            PG_URL.rsplit("/", 1)[0] + "/postgres", connect_timeout=3
        ).close()
    except psycopg.Error as exc:
        return f"PostgreSQL at {address(PG_URL)}: {one_line(exc)}"
    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=3).ping()
    except redis.RedisError as exc:
        return f"Redis at {address(REDIS_URL)}: {one_line(exc)}"
    return None


# Test files of the pure style-checker engine and the layer rules: no database,
# no Redis, no Django request. The voice tests that do use the database (the
# editor panel, the check view) stay in both passes.
VOICE_WITH_DATABASE = {
    "test_panel_editor.py",
    "test_panel_listing.py",
    "test_panel_preview.py",
    "test_views_check.py",
}


def engine_only_tests() -> list[str]:
    voice = ROOT / "tests" / "voice"
    files = sorted(
        f"tests/voice/{path.name}"
        for path in voice.glob("test_*.py")
        if path.name not in VOICE_WITH_DATABASE
    )
    return [*files, "tests/test_layers.py"]


# What the PostgreSQL + Redis pass leaves out, all of it run by the SQLite pass.
# Browser tests: the same UI on another database adds minutes and no information.
# Tests marked same_in_every_pass run on settings, a database and a broker of their
# own (the run command, production settings, a real beat) or only read the code, and
# the engine-only test files touch neither a database nor Redis: they cannot learn
# anything here.
POSTGRES_PASS_SELECTION = [
    "-m",
    "not browser and not same_in_every_pass",
    *(f"--ignore={path}" for path in engine_only_tests()),
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["lint", "sqlite", "postgres"])
    parser.add_argument("pytest_args", nargs="*", help="passed to pytest")
    args = parser.parse_args(argv)
    pytest = [
        str(BIN / "python"),
        "-m",
        "pytest",
        "-n",
        WORKERS,
        "--dist",
        "worksteal",
        *args.pytest_args,
    ]
    failures = []
    skipped = []

    if args.only in (None, "lint"):
        if run("ruff check", [str(BIN / "ruff"), "check", "."]):
            failures.append("ruff check")
        if run("ruff format --check", [str(BIN / "ruff"), "format", "--check", "."]):
            failures.append("ruff format")

    if args.only in (None, "sqlite"):
        env = {"DATABASE_URL": "sqlite:///:memory:", "CELERY_BROKER_URL": "memory://"}
        if run("SQLite pass", [*pytest, "-m", "not integration"], env):
            failures.append("SQLite pass")

    if args.only in (None, "postgres"):
        missing = services_reachable()
        if missing and os.environ.get("VESTNIK_REQUIRE_SERVICES") == "1":
            print(f"\nPostgreSQL/Redis pass required but not possible: {missing}")
            failures.append("PostgreSQL pass (services down)")
        elif missing:
            skipped.append(missing)
            print(skip_banner(missing), flush=True)
        else:
            env = {"DATABASE_URL": PG_URL, "CELERY_BROKER_URL": REDIS_URL}
            if run("PostgreSQL + Redis pass", [*pytest, *POSTGRES_PASS_SELECTION], env):
                failures.append("PostgreSQL pass")

    if failures:
        print("\nFAILED: " + ", ".join(failures))
        return 1
    if skipped:
        # Repeated at the end, where a person looks, so a green SQLite pass is never
        # read as the whole suite.
        print(skip_banner(*skipped))
        print(
            "\nNOT ALL PASSES RAN: the passes that ran are green, "
            "the PostgreSQL + Redis pass was SKIPPED."
        )
        return 0
    print("\nAll passes green.")
    return 0


def skip_banner(*reasons: str) -> str:
    return banner(
        "SKIPPED: the PostgreSQL + Redis pass did not run.",
        *(
            line
            for reason in reasons
            for line in textwrap.wrap(
                reason, 72, initial_indent="  ", subsequent_indent="    "
            )
        ),
        "Database-specific code, Celery with Redis and the integration tests",
        "were NOT tested. Start PostgreSQL and Redis (see .ci/run) or set",
        "PG_URL / REDIS_URL, then run `make test` again.",
    )


if __name__ == "__main__":
    sys.exit(main())
