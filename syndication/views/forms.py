"""The editor's per-page choices: accounts, timing, and per-network overrides."""

from __future__ import annotations

from django import forms
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from accounts_registry.models import Account
from syndication.delivery import scheduling
from syndication.models import PageSyndication, ScheduleMode
from syndication.networks import registry


def override_networks() -> list:
    """Every network whose post the editor may replace with an own text (the specs
    with ``own_text``: every network that renders), in registry order."""
    return [spec for spec in registry.all_specs() if spec.own_text]


SEND_AT_FORMAT = "%Y-%m-%dT%H:%M:%S"


def block_choices(page) -> list[tuple[str, str]]:
    choices = []
    for block in getattr(page, "body", []) or []:
        value = block.value
        source = getattr(value, "source", None) or (
            value if isinstance(value, str) else ""
        )
        text = strip_tags(source) or ""
        label = f"{block.block.label}: {Truncator(text).chars(60)}"
        choices.append((str(block.id), label))
    return choices


class PageSyndicationForm(forms.Form):
    accounts = forms.ModelMultipleChoiceField(
        queryset=Account.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Accounts"),
    )
    schedule_mode = forms.ChoiceField(
        choices=ScheduleMode.choices, label=_("When to send"), widget=forms.RadioSelect
    )
    send_at = forms.DateTimeField(
        required=False,
        label=_("Send at"),
        # A datetime-local input only takes ISO values: the localised default
        # ("29.11.2026 06:30:00") left it empty once a time was saved. Seconds
        # are kept, as the dispatch tick honours them.
        widget=forms.DateTimeInput(
            format=SEND_AT_FORMAT, attrs={"type": "datetime-local", "step": "1"}
        ),
    )

    def __init__(self, *args, page, **kwargs):
        self.page = page
        super().__init__(*args, **kwargs)
        self.fields["accounts"].queryset = Account.objects.filter(
            is_active=True, network__in=scheduling.sendable_networks()
        ).order_by("network", "name")
        blocks = block_choices(page)
        self.override_specs = override_networks()
        for spec in self.override_specs:
            self.fields[f"{spec.code}_text"] = forms.CharField(
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                label=_("Own text for %(network)s") % {"network": spec.name},
            )
            self.fields[f"{spec.code}_omit"] = forms.MultipleChoiceField(
                required=False,
                choices=blocks,
                widget=forms.CheckboxSelectMultiple,
                label=_("Blocks to leave out for %(network)s") % {"network": spec.name},
            )

    def override_fields(self):
        return [
            (spec, self[f"{spec.code}_text"], self[f"{spec.code}_omit"])
            for spec in self.override_specs
        ]

    def clean(self):
        data = super().clean()
        if data.get("schedule_mode") == ScheduleMode.AT and not data.get("send_at"):
            self.add_error("send_at", _("Give the time to send at."))
        return data

    @classmethod
    def initial_for(cls, page) -> dict:
        choice = PageSyndication.objects.filter(page_id=page.pk).first()
        if choice is None or not choice.accounts_chosen:
            accounts = list(scheduling.default_accounts())
        else:
            accounts = list(choice.accounts.all())
        initial = {
            "accounts": accounts,
            "schedule_mode": choice.schedule_mode if choice else ScheduleMode.NOW,
            "send_at": choice.send_at if choice else None,
        }
        for spec in override_networks():
            options = choice.options_for(spec.code) if choice else {}
            initial[f"{spec.code}_text"] = options.get("text", "")
            initial[f"{spec.code}_omit"] = options.get("omit_blocks", [])
        return initial

    def choice_data(self) -> dict:
        """The validated choice as ``save`` reads it."""
        return self.cleaned_data

    def save(self) -> PageSyndication:
        data = self.choice_data()
        choice, _created = PageSyndication.objects.get_or_create(page_id=self.page.pk)
        choice.accounts_chosen = True
        choice.schedule_mode = data["schedule_mode"]
        choice.send_at = data.get("send_at")
        overrides = {}
        for spec in self.override_specs:
            text = (data.get(f"{spec.code}_text") or "").strip()
            omit = list(data.get(f"{spec.code}_omit") or [])
            if text or omit:
                overrides[spec.code] = {"text": text, "omit_blocks": omit}
        if self.override_specs:  # a form without own texts keeps the saved ones
            choice.overrides = overrides
        choice.save()
        choice.accounts.set(data["accounts"])
        return choice
