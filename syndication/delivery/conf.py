"""Settings of the delivery machinery, read in one place (architecture.md, convention 6).

Each value: the Django setting of the same name, else the environment variable (how the
integration test shortens the waits of its worker processes), else the default
(``cms.env.setting``)."""

from __future__ import annotations

from cms.env import setting


def _number(name: str, default: float) -> float:
    return float(setting(name, float(default)))


def max_attempts() -> int:
    """Tries of a transient error before the delivery is marked failed."""
    return int(_number("SYNDICATION_MAX_ATTEMPTS", 8))


def backoff_base() -> float:
    """Seconds before the first retry; doubled for each further attempt."""
    return _number("SYNDICATION_BACKOFF_BASE", 30)


def backoff_cap() -> float:
    return _number("SYNDICATION_BACKOFF_CAP", 3600)


def stale_sending_after() -> float:
    """A delivery 'sending' for longer than this belongs to a worker that died.

    It must exceed the HTTP client's whole timeout, or a slow but live send would be
    taken for a dead one."""
    return _number("SYNDICATION_STALE_SENDING_AFTER", 600)


def dispatch_batch() -> int:
    return int(_number("SYNDICATION_DISPATCH_BATCH", 100))


def concurrency() -> int:
    """Threads used when deliveries are performed in-process (``syndicate --wait``)."""
    return int(_number("SYNDICATION_CONCURRENCY", 16))


def default_slots() -> list[str]:
    """Publishing slots of an account that has none of its own (local times; the
    account's settings in the admin replace them), as a press office's queue
    (SMMplanner, Buffer) spreads a day's posts."""
    return list(
        setting("SYNDICATION_DEFAULT_SLOTS", ["09:00", "12:00", "15:00", "18:00"])
    )


def slot_weekdays() -> list[int]:
    """Days of the week that have slots (0 is Monday): working days by default."""
    return [int(d) for d in setting("SYNDICATION_SLOT_WEEKDAYS", [0, 1, 2, 3, 4])]


def full_text_page_tries() -> int:
    """Attempts of a Telegram delivery that wait for a temporarily failing Telegraph
    page before the post links to the site instead (delivery/full_text.py)."""
    return int(_number("SYNDICATION_FULL_TEXT_PAGE_TRIES", 3))


def repair_window() -> float:
    """How far back the scheduler's tick looks for a published page that has no
    delivery of its live revision (a publishing process that died before creating
    them, ``scheduling.repair_missing``). Older pages are never sent by the repair."""
    return _number("SYNDICATION_REPAIR_WINDOW", 6 * 3600)


def repair_grace() -> float:
    """Seconds a fresh publish is left to its own handler before the tick repairs it."""
    return _number("SYNDICATION_REPAIR_GRACE", 60)
