"""The account's posting slots as a form, not JSON: the days of the week as checkboxes,
the times as people write them («09:00, 12:30, 18:00»), each mistake named in Russian.

Stored as before (``AccountSettings.slot_times``, a list of "HH:MM", and
``slot_weekdays``, 0 is Monday); the form shows the defaults for an account that has
none, so what is ticked is what the scheduler uses."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .delivery import conf
from .models import AccountSettings

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]
SHORT_WEEKDAYS = [
    (0, _("Mon")),
    (1, _("Tue")),
    (2, _("Wed")),
    (3, _("Thu")),
    (4, _("Fri")),
    (5, _("Sat")),
    (6, _("Sun")),
]
TIME = re.compile(r"^(\d{1,2})[:.](\d{2})$")


class SlotTimesField(forms.CharField):
    """«09:00, 12:30 18:00» ⇄ ["09:00", "12:30", "18:00"], sorted, each once."""

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value)
        times, errors = set(), []
        for item in re.split(r"[,;\s]+", text.strip()):
            if not item:
                continue
            match = TIME.match(item)
            if not match:
                errors.append(
                    ValidationError(
                        _("«%(item)s» is not a time: write HH:MM, e.g. 09:00."),
                        params={"item": item},
                    )
                )
                continue
            hours, minutes = int(match[1]), int(match[2])
            if hours > 23 or minutes > 59:
                errors.append(
                    ValidationError(
                        _("There is no such time: %(item)s."), params={"item": item}
                    )
                )
                continue
            times.add(f"{hours:02d}:{minutes:02d}")
        if errors:
            raise ValidationError(errors)
        return sorted(times)


def slots_in_words(settings: AccountSettings) -> str:
    """«пн, вт, ср, чт, пт: 09:00, 12:00» for the list of account settings."""
    days = settings.slot_weekdays or conf.slot_weekdays()
    times = settings.slot_times or conf.default_slots()
    short = dict(SHORT_WEEKDAYS)
    return f"{', '.join(str(short[int(d)]) for d in sorted(days))}: {', '.join(times)}"


class AccountSettingsForm(WagtailAdminModelForm):
    slot_times = SlotTimesField(
        label=_("Posting times"),
        required=False,
        help_text=_(
            "Local times, separated by commas, e.g. 09:00, 12:30, 18:00. Posts set "
            "for «the next free slot» go out at these times, one per slot."
        ),
    )
    slot_weekdays = forms.TypedMultipleChoiceField(
        label=_("Posting days"),
        choices=WEEKDAYS,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Slots are only on the days ticked, never on the non-working days "
            "(Settings → Non-working days)."
        ),
    )

    class Meta:
        model = AccountSettings
        fields = [
            "account",
            "send_by_default",
            "slot_weekdays",
            "slot_times",
            "full_text_account",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # An account without its own slots shows the defaults it actually gets.
        if not self.instance.slot_times:
            self.initial["slot_times"] = conf.default_slots()
        if not self.instance.slot_weekdays:
            self.initial["slot_weekdays"] = conf.slot_weekdays()

    def clean(self):
        cleaned = super().clean()
        if "slot_weekdays" in cleaned and not cleaned["slot_weekdays"]:
            self.add_error(
                "slot_weekdays",
                _("Tick at least one day: without days no post goes out in a slot."),
            )
        if "slot_times" in cleaned and not cleaned["slot_times"]:
            self.add_error(
                "slot_times",
                _("Give at least one time: without times no post goes out in a slot."),
            )
        return cleaned
