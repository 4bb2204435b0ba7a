"""Registry screens that are not model forms: the write-only credential form, design
versions with «Применить», and the on-demand health check."""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.images.widgets import AdminImageChooser

from syndication.networks import registry

from . import design, health
from .admin_urls import account_url
from .credentials import validate_credential
from .history import record_event
from .models import Account, DesignVersion
from .oauth.providers import provider_for


class CredentialForm(forms.Form):
    """The credential as the network's named fields, with their help (the network's
    spec); secret fields are password inputs that never render their value. The
    command line keeps JSON (``manage.py registry set-credential``)."""

    expires_at = forms.DateTimeField(
        label=gettext_lazy("Expires at"),
        required=False,
        help_text=gettext_lazy(
            "DD.MM.YYYY HH:MM. Leave empty for a key that does not expire."
        ),
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network
        self.spec_fields = registry.get_spec(network).credential
        fields = {}
        for spec_field in self.spec_fields:
            fields[spec_field.name] = _form_field(spec_field)
        # The key's own expiry field, when the network has one, replaces the generic.
        if "expires_at" not in fields:
            fields["expires_at"] = self.fields["expires_at"]
        self.fields = fields

    def clean(self):
        cleaned = super().clean()
        self._refuse_a_past_expiry(cleaned)
        if self.errors:
            self._ask_again_for_secrets()
            return cleaned
        data = {}
        for spec_field in self.spec_fields:
            value = cleaned.get(spec_field.name)
            if value in (None, ""):
                continue
            if isinstance(value, datetime.datetime):
                value = value.isoformat()
            data[spec_field.name] = value.strip() if isinstance(value, str) else value
        try:
            cleaned["credential"] = validate_credential(self.network, data)
        except ValidationError as exc:
            # Field names, never values: the input is the secret.
            raise ValidationError(exc.messages) from None
        if "expires_at" not in {f.name for f in self.spec_fields}:
            cleaned["expiry"] = cleaned.get("expires_at")
        else:
            cleaned["expiry"] = None
        return cleaned

    def _refuse_a_past_expiry(self, cleaned) -> None:
        # Only the generic field: a network's own expiry comes with a refresh key,
        # and an access key past its time still renews through it.
        if "expires_at" in {f.name for f in self.spec_fields}:
            return
        expires = cleaned.get("expires_at")
        if expires is not None and expires <= timezone.now():
            self.add_error(
                "expires_at",
                _(
                    "This time has passed: a key that has expired does not work. "
                    "Leave the field empty if the key does not expire."
                ),
            )

    def _ask_again_for_secrets(self) -> None:
        # Secret inputs never render their value, so after any error a typed secret
        # comes back empty: say so on the field rather than let it look untouched.
        for spec_field in self.spec_fields:
            name = spec_field.name
            if spec_field.secret and self.data.get(name) and name not in self.errors:
                self.add_error(
                    name,
                    _("Not saved: enter it again (a secret is never shown back)."),
                )


def _form_field(spec_field) -> forms.Field:
    common = {
        "label": spec_field.label,
        "help_text": spec_field.help_text,
        "required": spec_field.required,
    }
    if spec_field.kind == "choice":
        # No preselected answer: a half-filled form must not save a guessed type.
        return forms.ChoiceField(choices=[("", "—"), *spec_field.choices], **common)
    if spec_field.kind == "datetime":
        # The form reads the admin's format (or ISO 8601), not the JSON's Unix time.
        common["help_text"] = _("DD.MM.YYYY HH:MM (or ISO 8601).")
        return forms.DateTimeField(**common)
    if spec_field.kind == "url":
        return forms.URLField(assume_scheme="https", **common)
    attrs = {"autocomplete": "off", "spellcheck": "false"}
    if spec_field.secret:
        widget = forms.PasswordInput(attrs=attrs, render_value=False)
    else:
        widget = forms.TextInput(attrs=attrs)
    return forms.CharField(widget=widget, strip=True, **common)


@permission_required("accounts_registry.set_credential", raise_exception=True)
def set_credential(request, pk):
    account = get_object_or_404(Account, pk=pk)
    spec = registry.get_spec(account.network)
    if request.method == "POST":
        form = CredentialForm(request.POST, network=account.network)
        if form.is_valid():
            account.set_credential(
                form.cleaned_data["credential"],
                expires_at=form.cleaned_data["expiry"],
            )
            account.changed_by = request.user
            account.save()
            messages.success(request, _("The credential is saved and encrypted."))
            if spec.bot_admin:
                _check_bot(request, account)
            return redirect(account_url(account))
    else:
        form = CredentialForm(network=account.network)
    return render(
        request,
        "accounts_registry/set_credential.html",
        {
            "account": account,
            "form": form,
            "needs_credential": bool(spec.credential),
            "connect_url": connect_url(account),
            "inspect_url": account_url(account),
        },
    )


def connect_url(account) -> str:
    if provider_for(account.network) is None:
        return ""
    return reverse("registry_oauth_connect", args=[account.pk])


def _check_bot(request, account) -> None:
    """A pasted bot token is only useful if the bot administers the channel: check now
    (getChatMember through the API client) and say so."""
    try:
        result = health.check_account(account)
    except ImportError:
        return
    if not result.ok:
        messages.warning(request, result.message)


class DesignForm(forms.ModelForm):
    class Meta:
        model = DesignVersion
        fields = ["description", "avatar", "cover"]
        widgets = {"avatar": AdminImageChooser, "cover": AdminImageChooser}


def design_view(request, pk):
    """A new version of the description and design; versions are the history."""
    user = request.user
    if not user.has_perm("accounts_registry.view_designversion"):
        raise PermissionDenied
    account = get_object_or_404(Account, pk=pk)
    current = account.design_versions.first()
    if request.method == "POST":
        if not user.has_perm("accounts_registry.add_designversion"):
            raise PermissionDenied
        form = DesignForm(request.POST)
        if form.is_valid():
            version = form.save(commit=False)
            version.account = account
            version.created_by = user
            version.save()

            record_event(
                account,
                "design",
                {
                    "description": [
                        current.description if current else "",
                        version.description,
                    ]
                },
                actor=user,
            )
            messages.success(request, _("A new version of the design is saved."))
            return redirect(account_url(account))
    else:
        form = DesignForm(
            instance=DesignVersion(
                description=current.description if current else "",
                avatar=current.avatar if current else None,
                cover=current.cover if current else None,
            )
        )
    return render(
        request,
        "accounts_registry/design.html",
        {
            "account": account,
            "form": form,
            "versions": account.design_versions.all()[:50],
            "can_apply": design.can_apply(account),
            "inspect_url": account_url(account),
        },
    )


@require_POST
@permission_required("accounts_registry.change_account", raise_exception=True)
def apply_design(request, pk, version_pk):
    version = get_object_or_404(DesignVersion, pk=version_pk, account_id=pk)
    try:
        design.apply_design(version, user=request.user)
    except NotImplementedError:
        messages.error(request, _("This network's API cannot change the description."))
    except RuntimeError as exc:
        messages.error(request, _("The network refused: %s") % exc)
    else:
        messages.success(request, _("The description is applied on the network."))
    return redirect(account_url(version.account))


@require_POST
@permission_required("accounts_registry.change_account", raise_exception=True)
def check_now(request, pk):
    account = get_object_or_404(Account, pk=pk)
    try:
        result = health.check_account(account)
    except ImportError:
        messages.error(request, _("The network clients are not installed."))
    else:
        level = messages.success if result.ok else messages.warning
        level(request, f"{account}: {result.message}")
    if request.POST.get("next") == "dashboard":
        return redirect("wagtailadmin_home")
    return redirect(account_url(account))
