"""Deadlines read as time left: «осталось 14 мин», «просрочено на 2 ч».

One unit, the largest that is whole: minutes under an hour, hours under a day, then
days. Every form goes through ngettext, because the verb agrees with the number
(«осталась 1 мин», «остался 1 ч», «осталось 5 ч»). The inbox's script gets the same
forms (``forms()``) and picks one with the browser's plural rules, so a row that ticks
over in the browser reads as the server would write it."""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MINUTE, HOUR, DAY = 60, 3600, 86400


def _unit(seconds: float) -> tuple[str, int]:
    if seconds < HOUR:
        return "min", int(seconds // MINUTE)
    if seconds < DAY:
        return "hour", int(seconds // HOUR)
    return "day", int(seconds // DAY)


def _form(overdue: bool, unit: str, n: int) -> str:
    if overdue:
        if unit == "min":
            return ngettext("overdue by %(n)d min", "overdue by %(n)d min", n)
        if unit == "hour":
            return ngettext("overdue by %(n)d h", "overdue by %(n)d h", n)
        return ngettext("overdue by %(n)d day", "overdue by %(n)d days", n)
    if unit == "min":
        return ngettext("%(n)d min left", "%(n)d min left", n)
    if unit == "hour":
        return ngettext("%(n)d h left", "%(n)d h left", n)
    return ngettext("%(n)d day left", "%(n)d days left", n)


def time_left(deadline: datetime, now: datetime) -> str:
    seconds = (deadline - now).total_seconds()
    overdue = seconds < 0
    unit, n = _unit(abs(seconds))
    if n == 0:
        return _("overdue just now") if overdue else _("less than a minute left")
    return _form(overdue, unit, n) % {"n": n}


# One number of each Russian plural category (CLDR: one, few, many), to read the forms.
SAMPLES = {"one": 1, "few": 2, "many": 5, "other": 5}


def forms() -> dict:
    """Every form with ``{n}`` for the number, for the browser."""
    table = {}
    for overdue, key in ((False, "left"), (True, "over")):
        table[key] = {
            unit: {
                category: _form(overdue, unit, n).replace("%(n)d", "{n}")
                for category, n in SAMPLES.items()
            }
            for unit in ("min", "hour", "day")
        }
    table["soon"] = _("less than a minute left")
    table["just"] = _("overdue just now")
    return table
