"""Response deadlines: urgent items in calendar hours, the others in working hours."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from . import conf

# Non-working public holidays of the Labour Code of the Russian Federation, art. 112:
# 1–6 and 8 January (New Year), 7 January (Christmas), 23 February, 8 March, 1 and 9 May,
# 12 June, 4 November. The yearly transfers come from settings (conf.extra_days_off).
FIXED_HOLIDAYS = frozenset(
    [(1, day) for day in range(1, 9)]
    + [(2, 23), (3, 8), (5, 1), (5, 9), (6, 12), (11, 4)]
)


def is_working_day(day: date) -> bool:
    if day in conf.extra_working_days():
        return True
    if day in conf.extra_days_off() or (day.month, day.day) in FIXED_HOLIDAYS:
        return False
    return day.weekday() < 5


def add_working_hours(start: datetime, hours: float) -> datetime:
    """``start`` plus ``hours`` counted only on working days within the working day.

    A start outside working hours counts from the next opening. Working days are Monday
    to Friday less the public holidays and the configured transfers (``is_working_day``)."""
    tz = ZoneInfo(conf.working_timezone())
    open_hour, close_hour = conf.working_day()
    moment = start.astimezone(tz)
    remaining = timedelta(hours=hours)
    while True:
        day_open = moment.replace(hour=open_hour, minute=0, second=0, microsecond=0)
        day_close = moment.replace(hour=close_hour, minute=0, second=0, microsecond=0)
        if not is_working_day(moment.date()) or moment >= day_close:
            moment = (day_open + timedelta(days=1)).replace(hour=open_hour)
            continue
        moment = max(moment, day_open)
        available = day_close - moment
        if remaining <= available:
            return moment + remaining
        remaining -= available
        moment = day_open + timedelta(days=1)


def deadline_for(received_at: datetime, urgent: bool) -> datetime:
    if urgent:
        return received_at + timedelta(hours=conf.urgent_hours())
    return add_working_hours(received_at, conf.normal_working_hours())
