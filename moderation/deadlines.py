"""Response deadlines: urgent items in calendar hours, the others in working hours."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from . import conf


def add_working_hours(start: datetime, hours: float) -> datetime:
    """``start`` plus ``hours`` counted only Monday to Friday within the working day.

    A start outside working hours counts from the next opening. Holidays are not known
    here (the production calendar changes yearly); a moderator sees them as overdue."""
    tz = ZoneInfo(conf.working_timezone())
    open_hour, close_hour = conf.working_day()
    moment = start.astimezone(tz)
    remaining = timedelta(hours=hours)
    while True:
        day_open = moment.replace(hour=open_hour, minute=0, second=0, microsecond=0)
        day_close = moment.replace(hour=close_hour, minute=0, second=0, microsecond=0)
        if moment.weekday() >= 5 or moment >= day_close:
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
