"""The webhook batch's per-second «sent/received/succeeded» lines stay out of the
worker's and beat's logs; its failures and every other task's lines stay in."""

import logging
import os
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings

from cms import quiet_ticks

TICK = "moderation.tasks.process_webhook_events"
ROOT = Path(__file__).resolve().parents[2]


def record(logger: str, level: int, msg: str, args) -> logging.LogRecord:
    return logging.LogRecord(logger, level, __file__, 1, msg, args, None)


def test_the_beat_schedule_has_the_webhook_tick_and_nothing_slower():
    ticks = quiet_ticks.tick_tasks(settings.CELERY_BEAT_SCHEDULE)
    assert TICK in ticks
    assert "syndication.tasks.dispatch_due_deliveries" not in ticks  # every 30 s
    assert quiet_ticks.tick_tasks(
        {"x": {"task": "a.b", "schedule": timedelta(seconds=2)}}
    ) == {"a.b"}


def test_routine_lines_of_the_tick_are_dropped_failures_are_kept():
    keep = quiet_ticks.QuietTicks(frozenset({TICK})).filter
    beat = "Scheduler: Sending due task %s (%s)"
    received = "Task %(name)s[%(id)s] received"
    succeeded = "Task %(name)s[%(id)s] succeeded in %(runtime)ss: %(return_value)s"
    failed = "Task %(name)s[%(id)s] %(description)s: %(exc)s"
    tick = {"name": TICK, "id": "1", "runtime": 0.01, "return_value": None}
    other = {**tick, "name": "syndication.tasks.dispatch_due_deliveries"}

    assert not keep(record("celery.beat", logging.INFO, beat, ("webhooks", TICK)))
    assert not keep(record("celery.worker.strategy", logging.INFO, received, tick))
    assert not keep(record("celery.app.trace", logging.INFO, succeeded, tick))
    error = {**tick, "description": "raised unexpected", "exc": "OperationalError"}
    assert keep(record("celery.app.trace", logging.ERROR, failed, error))
    assert keep(record("celery.app.trace", logging.INFO, succeeded, other))
    assert keep(
        record("celery.beat", logging.INFO, beat, ("deliveries", other["name"]))
    )


def run_beat(tmp_path, **env) -> str:
    """celery beat itself for a few seconds, with the project's schedule: what it
    writes. The broker is in memory, so nothing is delivered anywhere."""
    proc = subprocess.Popen(
        [
            sys.executable, "-m", "celery", "-A", "cms", "beat", "--loglevel=INFO",
            "--schedule", str(tmp_path / "beat-schedule"), "--max-interval", "1",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "CELERY_BROKER_URL": "memory://",
            "VESTNIK_VAR_DIR": str(tmp_path),
            **env,
        },
    )  # fmt: skip
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stdout), daemon=True)
    reader.start()
    try:
        # Start-up (Django, the dictionaries) takes seconds on a busy machine; then
        # three ticks of the one-second schedule.
        deadline = time.monotonic() + 90
        while not any("beat: Starting" in line for line in lines):
            assert time.monotonic() < deadline and proc.poll() is None, "".join(lines)
            time.sleep(0.2)
        time.sleep(3.5)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        reader.join(timeout=10)
    output = "".join(lines)
    return output


@pytest.mark.same_in_every_pass
def test_a_real_beat_leaves_the_tick_out_unless_asked(tmp_path):
    """The filter is installed by Celery's logging signal in a real beat process;
    LOG_EVERY_TICK=1 (the technician's switch) brings the lines back."""
    quiet = run_beat(tmp_path / "quiet")
    assert "beat: Starting" in quiet, quiet
    assert TICK not in quiet, quiet
    loud = run_beat(tmp_path / "loud", LOG_EVERY_TICK="1")
    assert f"Sending due task moderation-webhook-events ({TICK})" in loud, loud
