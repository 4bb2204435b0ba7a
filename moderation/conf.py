"""Settings of the moderation app, read in one place with their defaults.

Each value: the Django setting of the same name, else the environment variable, else the
default (``cms.env.setting``).
"""

from __future__ import annotations

import datetime as dt

from cms.env import setting as _get


def webhook_max_body() -> int:
    """Largest webhook body accepted, in bytes; VK and Telegram events are a few KB."""
    return _get("MODERATION_WEBHOOK_MAX_BODY", 256 * 1024)


def webhooks_deferred() -> bool:
    """Webhook events of every network are stored before the 200 and handled by the
    batch a second later (issue 11.8); False handles them in the request, as the test
    settings do."""
    return _get("MODERATION_WEBHOOKS_DEFERRED", True)


def urgent_hours() -> float:
    """Response target for urgent items, in calendar hours."""
    return _get("MODERATION_URGENT_HOURS", 4.0)


def normal_working_hours() -> float:
    """Response target for ordinary items, in working hours."""
    return _get("MODERATION_NORMAL_WORKING_HOURS", 9.0)


def working_day() -> tuple[int, int]:
    """Start and end hour of the working day (local time, Mon-Fri)."""
    return _get("MODERATION_WORKING_DAY", (9, 18))


def working_timezone() -> str:
    return _get("MODERATION_TIME_ZONE", "Asia/Novokuznetsk")


def fetch_recent_days() -> int:
    """Posts younger than this are polled for comments."""
    return _get("MODERATION_FETCH_RECENT_DAYS", 14)


def action_retries() -> int:
    """How many times a network action is retried after a TransientError."""
    return _get("MODERATION_ACTION_RETRIES", 3)


def action_max_sleep() -> float:
    """Upper bound on one wait between retries (retry_after may ask for more)."""
    return _get("MODERATION_ACTION_MAX_SLEEP", 5.0)


def auto_actions_async() -> bool:
    """Run network actions decided by rules in a Celery task (True) or inline."""
    return _get("MODERATION_AUTO_ACTIONS_ASYNC", True)


def extra_days_off() -> frozenset:
    """Days off beyond the fixed holidays: the yearly transfers of the government's
    production calendar, e.g. ``MODERATION_EXTRA_DAYS_OFF=2026-01-09,2026-12-31``."""
    return _dates("MODERATION_EXTRA_DAYS_OFF")


def extra_working_days() -> frozenset:
    """Saturdays or Sundays made working days by the same calendar."""
    return _dates("MODERATION_EXTRA_WORKING_DAYS")


def _dates(name: str) -> frozenset:
    # A setting may hold dates or ISO strings; the environment, "YYYY-MM-DD,…".
    value = _get(name, ()) or ()
    return frozenset(
        day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day).strip())
        for day in value
        if str(day).strip()
    )


def undo_seconds() -> int:
    """How long a delete or a ban waits for «Отменить» before it is sent (0: at once)."""
    return _get("MODERATION_UNDO_SECONDS", 10)


def duplicate_window_seconds() -> float:
    """Near-duplicate texts from different authors within this many seconds are spam."""
    return _get("MODERATION_DUPLICATE_WINDOW", 3600.0)
