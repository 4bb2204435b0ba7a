"""What ingest needs to remember: webhook settings, seen events, polling cursors."""

from __future__ import annotations

import logging

from cryptography.fernet import InvalidToken
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts_registry import crypto
from accounts_registry.networks import Network

logger = logging.getLogger(__name__)


class WebhookEndpoint(models.Model):
    """Webhook settings of one account, kept apart from the account's API credential.

    VK: the confirmation code from the community's Callback API settings and the secret
    key sent in each event. Telegram: the ``secret_token`` given to ``setWebhook``. OK: the
    confirmation string of the app webhook and a secret that is part of the URL (OK signs
    nothing, docs/networks.md §2.6). Facebook and Instagram: the app secret that signs
    each event and the verify token of the subscription handshake."""

    account = models.OneToOneField(
        "accounts_registry.Account",
        on_delete=models.CASCADE,
        related_name="moderation_webhook",
        verbose_name=_("account"),
    )
    confirmation_code = models.CharField(
        _("confirmation code"), max_length=100, blank=True
    )
    # The secret is encrypted like the accounts' credentials (issue 12.6: Fernet with
    # FIELD_ENCRYPTION_KEY, rotated by ``registry rotate-key``); read and set it through
    # ``secret``. The admin shows only ``secret_hint``, the last four characters.
    secret_encrypted = models.BinaryField(default=b"", editable=False)
    secret_hint = models.CharField(
        _("secret ends with"), max_length=4, blank=True, editable=False
    )
    enabled = models.BooleanField(_("enabled"), default=True)

    class Meta:
        verbose_name = _("webhook settings")
        verbose_name_plural = _("webhook settings")

    def __str__(self) -> str:
        return str(self.account)

    @property
    def secret(self) -> str:
        """The decrypted secret; "" when none is set or no configured key opens it
        (every event is then refused, and the log says why)."""
        if "_secret" not in self.__dict__:
            self.__dict__["_secret"] = decrypt_secret(self.secret_encrypted, self.pk)
        return self.__dict__["_secret"]

    @secret.setter
    def secret(self, value: str) -> None:
        value = value or ""
        self.secret_encrypted = encrypt_secret(value)
        # The last four characters only of a secret long enough to keep the rest secret.
        self.secret_hint = value[-4:] if len(value) >= 8 else ""
        self.__dict__["_secret"] = value


def encrypt_secret(value: str) -> bytes:
    return crypto.get_fernet().encrypt(value.encode()) if value else b""


def decrypt_secret(token, endpoint_pk=None) -> str:
    if not token:
        return ""
    try:
        return crypto.get_fernet().decrypt(bytes(token)).decode()
    except InvalidToken:
        logger.error(
            "webhook secret of endpoint %s cannot be decrypted with the configured "
            "keys (FIELD_ENCRYPTION_KEY): its events are refused",
            endpoint_pk,
        )
        return ""


class WebhookEvent(models.Model):
    """An event id seen once; a second delivery of the same id is ignored.

    The row is also the event itself (issue 11.8): ``payload`` is what the network
    sent (for Meta, one change of the delivery), stored by the request before it
    answers 200, and ``processed_at`` stays empty until a batch
    (``moderation/webhooks/batch.py``) has classified, stored and ruled it. Rows
    handled in the request (MODERATION_WEBHOOKS_DEFERRED=False) are written already
    processed, without the payload."""

    network = models.CharField(max_length=20, choices=Network.choices)
    account = models.ForeignKey(
        "accounts_registry.Account", on_delete=models.CASCADE, related_name="+"
    )
    event_id = models.CharField(max_length=200)
    event_type = models.CharField(max_length=50, blank=True)
    received_at = models.DateTimeField(default=timezone.now)
    payload = models.JSONField(null=True, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    # Failed batch attempts; after ``batch.MAX_ATTEMPTS`` the row is set aside with
    # the error (processed_at set, ``failed`` true) for a person to look at.
    # Database defaults: the webhook view inserts with one raw INSERT ... ON CONFLICT.
    attempts = models.PositiveSmallIntegerField(db_default=0)
    failed = models.BooleanField(db_default=False)
    last_error = models.TextField(blank=True, db_default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["network", "account", "event_id"],
                name="moderation_unique_event",
            )
        ]
        indexes = [
            # The batch reads the waiting rows oldest first; they are few at any time.
            models.Index(
                fields=["id"],
                condition=models.Q(processed_at__isnull=True),
                name="moderation_event_pending",
            ),
            # Every technician's and moderator's dashboard counts the rows set aside
            # (moderation/set_aside.py); they are few in a table of every event.
            models.Index(
                fields=["id"],
                condition=models.Q(failed=True),
                name="moderation_event_set_aside",
            ),
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
