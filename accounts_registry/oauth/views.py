"""«Подключить через …» buttons: start the provider's authorisation and, on the way back,
store the token as the account's credential (write-only, like any credential)."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from ..admin_urls import account_url
from ..credentials import validate_credential
from ..models import Account
from .providers import provider_for
from .report import connection_report

logger = logging.getLogger(__name__)
SESSION_KEY = "registry_oauth"


def _inspect(account):
    return redirect(account_url(account))


@permission_required("accounts_registry.set_credential", raise_exception=True)
def connect(request, pk):
    account = get_object_or_404(Account, pk=pk)
    provider = provider_for(account.network)
    if provider is None:
        raise PermissionDenied
    redirect_uri = request.build_absolute_uri(
        reverse("registry_oauth_callback", args=[account.network])
    )
    url, keep = provider.authorization_url(redirect_uri)
    request.session[SESSION_KEY] = {"account": account.pk, **keep}
    return redirect(url)


@permission_required("accounts_registry.set_credential", raise_exception=True)
def callback(request, network):
    kept = request.session.pop(SESSION_KEY, None)
    if not kept or kept.get("state") != request.GET.get("state"):
        messages.error(request, _("The connection was not started here or expired."))
        return redirect("wagtailadmin_home")
    account = get_object_or_404(Account, pk=kept["account"], network=network)
    provider = provider_for(network)
    if request.GET.get("error") == "access_denied":
        # The person pressed «Отмена» on the network's consent page (RFC 6749 §4.1.2.1).
        messages.warning(
            request,
            _(
                "Access was not granted: the request was cancelled on the network's page."
            ),
        )
        return _inspect(account)
    if "error" in request.GET or "code" not in request.GET or provider is None:
        messages.error(
            request,
            _("The network did not grant access: %(error)s")
            % {"error": request.GET.get("error", "—")[:100]},
        )
        return _inspect(account)
    redirect_uri = request.build_absolute_uri(request.path)
    try:
        token = fetch_token(provider, redirect_uri, request.GET, kept)
        credential = validate_credential(network, provider.credential(token, account))
    except ValidationError:
        messages.error(request, _("The network returned an incomplete token."))
        return _inspect(account)
    except Exception as exc:
        # Only the error's kind: its text may carry request parameters.
        logger.warning("registry oauth %s failed: %s", network, type(exc).__name__)
        messages.error(
            request,
            _("The token exchange failed (%(kind)s).") % {"kind": type(exc).__name__},
        )
        return _inspect(account)
    account.set_credential(credential)
    account.changed_by = request.user
    account.save()
    # Tried at once, so the technician learns now, not at the first post, whether
    # the token works for this account and which rights it lacks.
    level, text = connection_report(account, provider.scope, token)
    messages.add_message(
        request, level, _("The account is connected. %(report)s") % {"report": text}
    )
    return _inspect(account)


def fetch_token(provider, redirect_uri, params, kept) -> dict:
    """The token, also when the network granted fewer rights than asked: oauthlib
    raises a ``Warning`` carrying the token then (RFC 6749 §3.3), which used to end
    the connection with «Обмен токена не удался (Warning)»; the report names what is
    missing instead."""
    try:
        return provider.fetch_token(redirect_uri, params, kept)
    except Warning as changed:
        token = getattr(changed, "token", None)
        if token is None:
            raise
        return token
