"""Periods a person picks: a calendar month («2026-11») or a range of dates, in the
region's time zone."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone


def month_bounds(month: str) -> tuple[datetime, datetime]:
    """``"2026-11"`` -> the first instant of November and of December (local)."""
    year, number = (int(part) for part in month.split("-"))
    if not 1 <= number <= 12 or year < 2000:
        raise ValueError(month)
    start = date(year, number, 1)
    end = date(year + number // 12, number % 12 + 1, 1)
    return day_start(start), day_start(end)


def day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def last_days(days: int, now: datetime | None = None) -> tuple[datetime, datetime]:
    today = timezone.localdate(now)
    return day_start(today - timedelta(days=days - 1)), day_start(
        today + timedelta(days=1)
    )


def previous_month(now: datetime | None = None) -> str:
    first = timezone.localdate(now).replace(day=1)
    last = first - timedelta(days=1)
    return f"{last.year:04d}-{last.month:02d}"


def recent_months(count: int = 13, now: datetime | None = None) -> list[str]:
    """The current month and the ``count - 1`` before it, newest first (the
    observations are kept 13 months)."""
    day = timezone.localdate(now).replace(day=1)
    months = []
    for _ in range(count):
        months.append(f"{day.year:04d}-{day.month:02d}")
        day = (day - timedelta(days=1)).replace(day=1)
    return months
