"""The webhook settings form (issue 12.6): the secret is write-only. It is typed in a
password field that never shows the stored value; an existing secret is named by its
last four characters only, and an empty field keeps it.

The technician fills it in from the network's own settings page, so it says what goes
where: only accounts of networks that push comments are offered, the confirmation
code says which network has one, and saved settings show the address to give the
network (OK's with the secret's place marked, never the secret)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from accounts_registry.models import Account
from syndication.networks.registry import all_specs, get_spec

from ..models import WebhookEndpoint

# Stands in for the secret while the address is built; slugs are lower case.
STAND_IN = "SECRET"


def pushing_networks() -> list[str]:
    """The networks whose comments come by webhook (a route in ``urls.py``)."""
    return [spec.code for spec in all_specs() if spec.comments_pushed]


def webhook_address(endpoint: WebhookEndpoint) -> str:
    """The URL the network is given, with the secret's place marked where the URL
    holds it (OK): the secret is typed in, never shown."""
    account = endpoint.account
    view = get_spec(account.network).load("webhook")
    kwargs = dict.fromkeys(view.route_kwargs(endpoint), STAND_IN)
    path = reverse(
        f"moderation_hooks:{account.network}",
        kwargs={"account_slug": account.slug, **kwargs},
    )
    base = str(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")
    return (base + path).replace(STAND_IN, secret_mark())


def secret_mark() -> str:
    return "<" + gettext("secret") + ">"


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
        self.fields["confirmation_code"].help_text = gettext(
            "VK: the string from the community's Callback API settings; OK: the "
            "answer to the address check; Facebook and Instagram: the verify token "
            "of the subscription. Telegram and MAX have none: leave it empty."
        )
        account = self.fields["account"]
        # A network that pushes nothing (a blog, Dzen) has no webhook; an account
        # has one set of settings.
        taken = WebhookEndpoint.objects.exclude(pk=self.instance.pk).values("account")
        account.queryset = Account.objects.filter(
            network__in=pushing_networks()
        ).exclude(pk__in=taken)
        if self.instance.pk:
            address = webhook_address(self.instance)
            account.help_text = (
                gettext(
                    "The address to give the network: %(address)s, with the secret "
                    "in place of %(mark)s."
                )
                if secret_mark() in address
                else gettext("The address to give the network: %(address)s")
            ) % {"address": address, "mark": secret_mark()}
        else:
            account.help_text = gettext(
                "Only accounts of networks that send comments by webhook. The "
                "address to give the network is shown once the settings are saved."
            )
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
