"""A date field that says what is wrong with what was typed.

Django's own message for 31.02.2026 is «Введите правильную дату.», the same as for «abc»:
the keeper who typed a day that does not exist is not told so. ``ExactDateField`` names the
impossible date and how many days its month has, or shows the expected form with an example
for a half-typed one. The typed text stays in the field (Django re-renders the raw input).

``install_exact_date_fields`` makes it (with ``ExactDateInput``) the form field of every model ``DateField`` in
Wagtail's admin forms (the register, the reports, the access list); plain forms use the
class directly."""

from __future__ import annotations

import calendar
import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput

# Day, month and year as the admin's date widget writes them (WAGTAIL_DATE_FORMAT),
# with the usual other separators, or ISO 8601.
DMY = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$")
ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def impossible_date(text: str) -> str | None:
    """The message for a date written in full that the calendar does not have, or None
    when the text is not such a date."""
    match = DMY.match(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
    else:
        match = ISO.match(text)
        if not match:
            return None
        year, month, day = (int(part) for part in match.groups())
    try:
        datetime.date(year, month, day)
    except ValueError:
        pass
    else:
        return None
    shown = text.strip()
    if not 1 <= month <= 12:
        return str(
            gettext_lazy("There is no such date: %(date)s (there are 12 months).")
        ) % {"date": shown}
    if day < 1 or not 1 <= year <= 9999:
        return str(gettext_lazy("There is no such date: %(date)s.")) % {"date": shown}
    days = calendar.monthrange(year, month)[1]
    return ngettext(
        "There is no such date: %(date)s (that month has %(days)d day).",
        "There is no such date: %(date)s (that month has %(days)d days).",
        days,
    ) % {"date": shown, "days": days}


class ExactDateField(forms.DateField):
    default_error_messages = {
        "invalid": gettext_lazy(
            "Enter the date as DD.MM.YYYY, for example %(example)s."
        ),
    }

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError as error:
            if getattr(error, "code", None) != "invalid":
                raise
            message = impossible_date(str(value))
            if message:
                raise ValidationError(message, code="impossible") from None
            raise ValidationError(
                self.error_messages["invalid"],
                code="invalid",
                params={"example": timezone.localdate().strftime("%d.%m.%Y")},
            ) from None


class ExactDateInput(AdminDateInput):
    """Wagtail's date picker that leaves the typed text alone. The picker's default
    (``validateOnBlur``) rewrites the field when it loses focus through JavaScript's
    Date, which rolls 31.02.2026 over into 03.03.2026: the wrong date was saved without
    a word. Now the server checks what was typed and says what is wrong."""

    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


def install_exact_date_fields() -> None:
    """Every model ``DateField`` in Wagtail's admin forms becomes an ``ExactDateField``,
    with Wagtail's date picker kept (the override replaces Wagtail's own entry)."""
    register_form_field_override(
        models.DateField,
        override={"widget": ExactDateInput, "form_class": ExactDateField},
    )
