"""Registry screens that are not model forms: the write-only credential form, design
versions with «Применить», and the on-demand health check."""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.images.widgets import AdminImageChooser

from syndication.networks import registry

from . import design, health
from .credentials import SHAPES, validate_credential
from .models import Account, DesignVersion


def _inspect_url(account):
    from django.urls import reverse

    return reverse("accounts_registry_account_modeladmin_inspect", args=[account.pk])


class CredentialForm(forms.Form):
    credential = forms.CharField(
        label=gettext_lazy("Credential (JSON)"),
        widget=forms.Textarea(attrs={"rows": 6, "autocomplete": "off"}),
    )
    expires_at = forms.DateTimeField(
        label=gettext_lazy("Expires at"),
        required=False,
        help_text=gettext_lazy("Leave empty for tokens that do not expire."),
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network

    def clean_credential(self):
        try:
            data = json.loads(self.cleaned_data["credential"])
        except ValueError:
            # Never echo the input back: it is the secret.
            raise ValidationError(_("This is not valid JSON.")) from None
        return validate_credential(self.network, data)


@permission_required("accounts_registry.set_credential", raise_exception=True)
def set_credential(request, pk):
    account = get_object_or_404(Account, pk=pk)
    if request.method == "POST":
        form = CredentialForm(request.POST, network=account.network)
        if form.is_valid():
            account.set_credential(
                form.cleaned_data["credential"],
                expires_at=form.cleaned_data["expires_at"],
            )
            account.changed_by = request.user
            account.save()
            messages.success(request, _("The credential is saved and encrypted."))
            if registry.get_spec(account.network).bot_admin:
                _check_bot(request, account)
            return redirect(_inspect_url(account))
        # Drop the submitted value so the page never renders the secret again.
        form.data = form.data.copy()
        form.data["credential"] = ""
    else:
        form = CredentialForm(network=account.network)
    required, optional = SHAPES.get(account.network, ((), ()))
    return render(
        request,
        "accounts_registry/set_credential.html",
        {
            "account": account,
            "form": form,
            "required_fields": required,
            "optional_fields": optional,
            "inspect_url": _inspect_url(account),
        },
    )


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
            from .history import record_event

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
            return redirect(_inspect_url(account))
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
            "inspect_url": _inspect_url(account),
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
    return redirect(_inspect_url(version.account))


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
        level(request, result.message)
    return redirect(_inspect_url(account))
