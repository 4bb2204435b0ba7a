"""The webhook settings form (issue 12.6): the secret is write-only. It is typed in a
password field that never shows the stored value; an existing secret is named by its
last four characters only, and an empty field keeps it."""

from __future__ import annotations

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from ..models import WebhookEndpoint


class WebhookEndpointForm(WagtailAdminModelForm):
    new_secret = forms.CharField(
        label=capfirst(_("secret")),
        required=False,
        max_length=256,
        widget=forms.PasswordInput(
            render_value=False, attrs={"autocomplete": "new-password"}
        ),
    )
    field_order = ["account", "confirmation_code", "new_secret", "enabled"]

    class Meta:
        model = WebhookEndpoint
        fields = ["account", "confirmation_code", "enabled"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # «Включён» of a webhook; the field's shared verbose name is of one gender.
        self.fields["enabled"].label = pgettext_lazy("webhook column", "Enabled")
        field = self.fields["new_secret"]
        if self.has_secret:
            hint = self.instance.secret_hint
            field.help_text = (
                gettext(
                    "Stored, ends with «%(hint)s». Leave empty to keep it, or type a "
                    "new one to replace it."
                )
                % {"hint": hint}
                if hint
                else gettext(
                    "Stored. Leave empty to keep it, or type a new one to replace it."
                )
            )
        else:
            field.help_text = gettext(
                "What the network sends with each event: VK's secret key, Telegram's "
                "secret_token, MAX's subscription secret, OK's part of the address, "
                "the Meta app secret for Facebook and Instagram. It is stored "
                "encrypted and never shown again."
            )

    @property
    def has_secret(self) -> bool:
        return bool(self.instance.pk and self.instance.secret_encrypted)

    def clean_new_secret(self) -> str:
        value = self.cleaned_data.get("new_secret") or ""
        if not value and not self.has_secret:
            raise forms.ValidationError(gettext("Enter the secret."))
        return value

    def save(self, commit=True):
        if self.cleaned_data.get("new_secret"):
            self.instance.secret = self.cleaned_data["new_secret"]
        return super().save(commit=commit)
