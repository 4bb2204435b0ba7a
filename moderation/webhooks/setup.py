"""Webhook settings of an account set from code (the sandbox demo): the endpoint row
with the given secret and confirmation code, and the path the network must call."""

from __future__ import annotations

from django.urls import reverse

from ..models import WebhookEndpoint

PUSHED_NETWORKS = ("vk", "telegram", "max")  # OK's path carries a secret of its own


def ensure_endpoint(account, *, secret: str, confirmation_code: str = "") -> str:
    """Create or update the account's endpoint (enabled); the URL path to call."""
    if account.network not in PUSHED_NETWORKS:
        raise ValueError(f"no webhook set-up for {account.network}")
    WebhookEndpoint.objects.update_or_create(
        account=account,
        defaults={
            "secret": secret,
            "confirmation_code": confirmation_code,
            "enabled": True,
        },
    )
    return reverse(
        f"moderation_hooks:{account.network}", kwargs={"account_slug": account.slug}
    )
