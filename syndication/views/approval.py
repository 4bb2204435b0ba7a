"""The accounts and the time in the chief editor's approve dialog.

Approving a piece in the «Согласование» workflow publishes it, and publishing plans its
posts: the dialog of the approve action (syndication.models.ApprovalTask) is where the
chief editor confirms or changes where and when they go. It is the editor's «Соцсети»
tab's form (EditorChoiceForm: the same fields, Wagtail's date-time widget, the time
zone stated, the same validation) without the own texts, which stay in the tab, plus
Wagtail's comment.

Wagtail builds the action's form with the POST data only, and in the page editor it
sends the cleaned data through JSON to the edit view, which passes it to
``Task.on_action``: so ``cleaned_data`` is plain JSON (account ids, the time as
text), and ``save_choice`` validates it again with the same form before saving.
"""

from __future__ import annotations

import logging

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .editor_choice import EditorChoiceForm
from .forms import PageSyndicationForm

log = logging.getLogger(__name__)

CHOICE_KEY = "syndication"  # the key on_action finds the choice under
TIME_FORMAT = "%d.%m.%Y %H:%M"  # one of EditorChoiceForm's input formats


class ApprovalChoiceForm(EditorChoiceForm):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, data=None, *, page, **kwargs):
        kwargs.setdefault("initial", PageSyndicationForm.initial_for(page))
        super().__init__(data, page=page, **kwargs)
        for spec in self.override_specs:  # own texts stay in the editor's tab
            del self.fields[f"{spec.code}_text"], self.fields[f"{spec.code}_omit"]
        self.override_specs = []

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        self._choice = data  # what save() stores; cleaned_data goes through JSON
        send_at = data.get("send_at")
        return {
            "comment": data.get("comment", ""),
            CHOICE_KEY: {
                "accounts": [account.pk for account in data.get("accounts", [])],
                "schedule_mode": data["schedule_mode"],
                "send_at": (
                    timezone.localtime(send_at).strftime(TIME_FORMAT) if send_at else ""
                ),
            },
        }

    def choice_data(self) -> dict:
        return self._choice


def save_choice(page, choice: dict) -> bool:
    """Validate the dialog's choice again (the edit view sends it through the
    browser) and save it on the page before the approval publishes it; the own
    texts chosen in the editor's tab are kept."""
    data = {
        "accounts": [str(pk) for pk in choice.get("accounts", [])],
        "schedule_mode": choice.get("schedule_mode", ""),
        "send_at": choice.get("send_at", ""),
    }
    form = ApprovalChoiceForm(data, page=page)
    if not form.is_valid():
        # Valid a moment ago in the dialog: an account switched off in between.
        log.warning("approval of page %s: choice not saved: %s", page.pk, form.errors)
        return False
    form.save()
    return True
