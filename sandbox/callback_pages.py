"""The page where an account's push target is set: VK's Callback API server (URL,
secret key, the confirmation code to give the receiving server) or the Telegram bot's
webhook (the same as calling ``setWebhook``), with the last deliveries."""

from __future__ import annotations

import secrets

from django import forms
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from . import callbacks
from .models import OK, VK, WORDPRESS, SandboxAccount
from .staff import refuse_unless_staff


class CallbackForm(forms.ModelForm):
    callback_url = forms.URLField(
        label=capfirst(_("callback URL")), required=False, max_length=500, assume_scheme="http",
        help_text=_("Leave empty to stop sending events."),
        widget=forms.URLInput(attrs={"size": 60}),
    )  # fmt: skip

    class Meta:
        model = SandboxAccount
        fields = ["callback_url", "callback_secret"]


def ensure_code(account: SandboxAccount) -> None:
    """VK shows a confirmation code per community (groups.getCallbackConfirmationCode)."""
    if account.network == VK and not account.callback_code:
        account.callback_code = secrets.token_hex(4)


def callback_settings(request, account_pk: int):
    account = get_object_or_404(SandboxAccount, pk=account_pk)
    if account.network in (OK, WORDPRESS):  # polled: they push no events
        return render(request, "sandbox/callback.html", {"account": account})
    refused = refuse_unless_staff(request)  # the page shows the secrets (issue 12.6)
    if refused is not None:
        return refused
    form = CallbackForm(request.POST or None, instance=account)
    if request.method == "POST" and form.is_valid():
        account = form.save(commit=False)
        ensure_code(account)
        account.save()
        if account.network == VK and account.callback_url:
            callbacks.confirm_now(account)
        return redirect(request.path)
    if account.network == VK and not account.callback_code:
        ensure_code(account)
        account.save(update_fields=["callback_code"])
    deliveries = [d for d in callbacks.log if d["account"] == account.pk][:20]
    return render(
        request,
        "sandbox/callback.html",
        {"account": account, "form": form, "deliveries": deliveries},
    )
