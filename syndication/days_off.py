"""Days without publishing slots: Russian public holidays and the office's own days off.

«В ближайший свободный слот» never lands on 1 January or 9 May: the scheduler skips
these days (``delivery/scheduling.day_slots``) and the post takes the next working slot.
The list is data the technician edits in «Настройки → Нерабочие дни», written as people
write dates: ``01.01–08.01, 23.02, 08.03`` (every year) and ``31.12.2026`` (that year
only), separated by commas or new lines."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

# The public holidays of the Labour Code (art. 112): New Year holidays and Christmas,
# Defender of the Fatherland Day, Women's Day, Spring and Labour Day, Victory Day,
# Russia Day, Unity Day.
RUSSIAN_HOLIDAYS = "01.01–08.01, 23.02, 08.03, 01.05, 09.05, 12.06, 04.11"

# 01.05 or 01.05.2027; a range joins two of them with a dash (any of - – —).
DAY = r"(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?"
ITEM = re.compile(rf"^{DAY}(?:\s*[-–—]\s*{DAY})?$")
# A leap year, so that 29.02 is a day that exists in some years.
ANY_YEAR = 2000


@dataclass
class DaysOff:
    """``day in days_off``: a yearly day (month, day) or a dated one."""

    yearly: set[tuple[int, int]] = field(default_factory=set)
    dated: set[datetime.date] = field(default_factory=set)

    def __contains__(self, day: datetime.date) -> bool:
        return day in self.dated or (day.month, day.day) in self.yearly


def _day(text: str, day: str, month: str, year: str | None) -> datetime.date:
    try:
        return datetime.date(int(year or ANY_YEAR), int(month), int(day))
    except ValueError:
        raise ValidationError(
            _("There is no such date: %(date)s."), params={"date": text}
        ) from None


def _span(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]


def parse(text: str) -> DaysOff:
    """The days of ``text``; a ``ValidationError`` names every item it cannot read."""
    days = DaysOff()
    errors = []
    for item in re.split(r"[,;\n]+", text or ""):
        item = item.strip().rstrip(".")
        if not item:
            continue
        match = ITEM.match(item)
        if not match:
            errors.append(
                ValidationError(
                    _(
                        "«%(item)s» is not a date: write DD.MM, DD.MM.YYYY or a range "
                        "DD.MM–DD.MM."
                    ),
                    params={"item": item},
                )
            )
            continue
        d1, m1, y1, d2, m2, y2 = match.groups()
        try:
            first = _day(item, d1, m1, y1)
            last = _day(item, d2, m2, y2) if d2 else first
        except ValidationError as error:
            errors.append(error)
            continue
        if bool(y1) != bool(y2 if d2 else y1):
            errors.append(
                ValidationError(
                    _(
                        "«%(item)s»: give the year at both ends of the range or at neither."
                    ),
                    params={"item": item},
                )
            )
            continue
        if y1 and (last < first or (last - first).days > 366):
            errors.append(
                ValidationError(
                    _("«%(item)s»: the range ends before it begins."),
                    params={"item": item},
                )
            )
            continue
        if y1:
            days.dated.update(_span(first, last))
        elif last >= first:
            days.yearly.update((d.month, d.day) for d in _span(first, last))
        else:  # 25.12–08.01: over the turn of the year
            year_end = datetime.date(ANY_YEAR, 12, 31)
            year_start = datetime.date(ANY_YEAR, 1, 1)
            for part in (_span(first, year_end), _span(year_start, last)):
                days.yearly.update((d.month, d.day) for d in part)
    if errors:
        raise ValidationError(errors)
    return days


def validate(text: str) -> None:
    parse(text)


@register_setting(icon="date")
class NonWorkingDays(BaseGenericSetting):
    dates = models.TextField(
        _("days without publishing slots"),
        blank=True,
        default=RUSSIAN_HOLIDAYS,
        validators=[validate],
        help_text=_(
            "Posts set for «the next free slot» skip these days and go out in the "
            "next working slot. DD.MM is every year, DD.MM.YYYY that year only, "
            "DD.MM–DD.MM a range; separate with commas or new lines. By default, "
            "Russia's public holidays."
        ),
    )

    panels = [FieldPanel("dates")]

    class Meta:
        verbose_name = _("non-working days")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


def days_off() -> DaysOff:
    """The days off as the technician last saved them (the holidays before that)."""
    record = NonWorkingDays.objects.first()
    text = record.dates if record is not None else RUSSIAN_HOLIDAYS
    try:
        return parse(text)
    except ValidationError:
        # Saved through the form it is valid; a hand-edited row with a bad item must
        # not stop the scheduler: the holidays at least.
        return parse(RUSSIAN_HOLIDAYS)
