"""The «Результаты» period: two days read and shown as дд.мм.гггг whatever the
browser's locale, through Wagtail's own date widget (``AdminDateInput``, the format
of ``WAGTAIL_DATE_FORMAT``) as the rest of the admin does — a bare ``<input
type=date>`` shows the order of the browser's language (mm/dd/yyyy in English)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

# The widget's own format first; ISO for the links made before (and bookmarks).
INPUT_FORMATS = [getattr(settings, "WAGTAIL_DATE_FORMAT", "%d.%m.%Y"), "%Y-%m-%d"]


def day_field(label) -> forms.DateField:
    return forms.DateField(
        label=label, input_formats=INPUT_FORMATS,
        widget=AdminDateInput(attrs={"required": True, "size": 10}),
    )  # fmt: skip


class PeriodForm(forms.Form):
    # «from» is a Python keyword: the fields are set by name (the URL keeps
    # ?from=…&to=…).
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from"] = day_field(_("From"))
        self.fields["to"] = day_field(_("to"))
