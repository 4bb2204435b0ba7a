"""What ingest needs to remember: webhook settings, seen events, polling cursors."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts_registry.networks import Network


class WebhookEndpoint(models.Model):
    """Webhook settings of one account, kept apart from the account's API credential.

    VK: the confirmation code from the community's Callback API settings and the secret
    key sent in each event. Telegram: the ``secret_token`` given to ``setWebhook``. OK: the
    confirmation string of the app webhook and a secret that is part of the URL (OK signs
    nothing, docs/networks.md §2.6)."""

    account = models.OneToOneField(
        "accounts_registry.Account",
        on_delete=models.CASCADE,
        related_name="moderation_webhook",
        verbose_name=_("account"),
    )
    confirmation_code = models.CharField(
        _("confirmation code"), max_length=100, blank=True
    )
    secret = models.CharField(_("secret"), max_length=256)
    enabled = models.BooleanField(_("enabled"), default=True)

    class Meta:
        verbose_name = _("webhook settings")
        verbose_name_plural = _("webhook settings")

    def __str__(self) -> str:
        return str(self.account)


class WebhookEvent(models.Model):
    """An event id seen once; a second delivery of the same id is ignored."""

    network = models.CharField(max_length=20, choices=Network.choices)
    account = models.ForeignKey(
        "accounts_registry.Account", on_delete=models.CASCADE, related_name="+"
    )
    event_id = models.CharField(max_length=200)
    event_type = models.CharField(max_length=50, blank=True)
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["network", "account", "event_id"],
                name="moderation_unique_event",
            )
        ]

    def __str__(self) -> str:
        return f"{self.network}:{self.event_id}"


class FetchCursor(models.Model):
    """Where polling of one post's comments stopped, so it resumes there."""

    account = models.ForeignKey(
        "accounts_registry.Account", on_delete=models.CASCADE, related_name="+"
    )
    post_remote_id = models.CharField(max_length=100)
    cursor = models.JSONField(null=True, blank=True)
    posted_at = models.DateTimeField(null=True, blank=True)
    last_fetched_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["account", "post_remote_id"], name="moderation_unique_cursor"
            )
        ]

    def __str__(self) -> str:
        return f"{self.account_id}:{self.post_remote_id}"
