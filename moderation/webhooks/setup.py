"""Webhook settings of an account set from code (the sandbox demo): the endpoint row
with the given secret and confirmation code, and the path the network must call."""

from __future__ import annotations

from django.urls import reverse

from syndication.networks.registry import get_spec

from ..models import WebhookEndpoint


def ensure_endpoint(account, *, secret: str, confirmation_code: str = "") -> str:
    """Create or update the account's endpoint (enabled); the URL path to call."""
    spec = get_spec(account.network)
    if not spec.comments_pushed:
        raise ValueError(f"no webhook set-up for {account.network}")
    endpoint, _ = WebhookEndpoint.objects.update_or_create(
        account=account,
        defaults={
            "secret": secret,
            "confirmation_code": confirmation_code,
            "enabled": True,
        },
    )
    kwargs = {
        "account_slug": account.slug,
        **spec.load("webhook").route_kwargs(endpoint),
    }
    return reverse(f"moderation_hooks:{account.network}", kwargs=kwargs)
