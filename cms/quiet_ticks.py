"""Keep the worker's and beat's logs readable: a task that beat sends every second
(the webhook batch, issue 11.8) would otherwise write three INFO lines a second
(«Sending due task», «received», «succeeded»), 250,000 a day, burying what a
technician looks for. Such tasks log only what goes wrong (WARNING and above);
every other task logs as before."""

from __future__ import annotations

import logging
from datetime import timedelta

# A beat entry at least this frequent counts as a tick.
TICK_SECONDS = 5.0
# The loggers that write one INFO line per task sent, received and succeeded.
CELERY_TASK_LOGGERS = ("celery.beat", "celery.worker.strategy", "celery.app.trace")


def tick_tasks(schedule: dict) -> frozenset[str]:
    """Names of the tasks a beat schedule sends every ``TICK_SECONDS`` or more often."""
    ticks = set()
    for entry in schedule.values():
        every = entry.get("schedule")
        if isinstance(every, timedelta):
            every = every.total_seconds()
        if isinstance(every, int | float) and every <= TICK_SECONDS:
            ticks.add(entry["task"])
    return frozenset(ticks)


class QuietTicks(logging.Filter):
    def __init__(self, tasks: frozenset[str]):
        super().__init__()
        self.tasks = tasks

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.INFO or not self.tasks:
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken format string is not ours to judge here
            return True
        return not any(task in message for task in self.tasks)


def install(schedule: dict) -> None:
    """Put the filter on the loggers that announce each task (idempotent)."""
    tasks = tick_tasks(schedule)
    for name in CELERY_TASK_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, QuietTicks) for f in logger.filters):
            logger.addFilter(QuietTicks(tasks))
