"""The register of the body's accounts in social networks and blogs.

This is the minimal shape that syndication needs; the registry issue grows it (statuses,
dates, reports, access lists, history)."""

from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from . import crypto
from .networks import RESTRICTED_NETWORKS, Network


class AccountQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def resolve(self, ref: str) -> "Account":
        """Find an account by id, slug or ``network:external_id`` (e.g. ``vk:123456``).

        Raises ``Account.DoesNotExist`` with the reference in the message."""
        ref = ref.strip()
        if ref.isdigit():
            found = self.filter(pk=int(ref)).first()
        elif ":" in ref:
            network, external_id = ref.split(":", 1)
            found = self.filter(network=network, external_id=external_id).first()
        else:
            found = self.filter(slug=ref).first()
        if found is None:
            raise Account.DoesNotExist(f"no account matches {ref!r}")
        return found


class Account(models.Model):
    network = models.CharField(_("network"), max_length=20, choices=Network.choices)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, blank=True)
    external_id = models.CharField(
        _("external id"),
        max_length=200,
        help_text=_("VK or OK group id, Telegram chat id or @username, blog URL."),
    )
    url = models.URLField(_("URL"), blank=True)
    is_active = models.BooleanField(_("sending enabled"), default=True)
    credential_encrypted = models.BinaryField(editable=False, null=True, blank=True)
    credential_set_at = models.DateTimeField(
        _("credential set at"), null=True, blank=True
    )
    credential_hint = models.CharField(
        _("credential ends with"), max_length=8, blank=True, editable=False
    )

    objects = AccountQuerySet.as_manager()

    class Meta:
        verbose_name = _("account")
        verbose_name_plural = _("accounts")
        ordering = ["network", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "external_id"], name="unique_account_per_network"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_network_display()}: {self.name}"

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(f"{self.network}-{self.external_id}") or self.network
            self.slug = base[:100]
        super().save(*args, **kwargs)

    @property
    def is_restricted(self) -> bool:
        return self.network in RESTRICTED_NETWORKS

    @property
    def has_credential(self) -> bool:
        return bool(self.credential_encrypted)

    def set_credential(self, data: dict) -> None:
        """Encrypt and store ``data``; only the last four characters stay readable."""
        self.credential_encrypted = crypto.encrypt_json(data)
        self.credential_set_at = timezone.now()
        secret = next(
            (
                str(v)
                for k, v in data.items()
                if "token" in k or "secret" in k or "password" in k
            ),
            "",
        )
        self.credential_hint = secret[-4:] if len(secret) >= 8 else ""

    def get_credential(self) -> dict:
        """The decrypted credential. Callers must never log or display it."""
        if not self.credential_encrypted:
            return {}
        return crypto.decrypt_json(self.credential_encrypted)
