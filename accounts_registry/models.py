"""The register of the body's accounts in social networks and blogs (order, clause 1.2.1).

``Account`` is the register's row; every change to it is written to ``AccountChange`` (who,
when, what), and a status change to active or deleted opens a 10-day report obligation
(``obligations.py``) — both by ``bookkeeping.py`` on the save signals, so this module
imports neither ``history`` nor the services that open obligations. Access lists and description/design live in ``access.py``.
"""

import datetime

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from . import crypto

# Models defined in sibling modules (none of them imports this one), re-exported so
# Django registers them and callers find every model of the register here.
from .access import AccessGrant as AccessGrant
from .access import DesignVersion as DesignVersion
from .conf import app_settings
from .credentials import credential_kind, credential_type, expiry_from
from .networks import RESTRICTED_NETWORKS, Network
from .obligations import Notification as Notification
from .obligations import ReportObligation as ReportObligation
from .requisites import LetterRequisites as LetterRequisites
from .restricted import RestrictedNetworkDecision as RestrictedNetworkDecision
from .restricted import blocked_networks, is_blocked


class AccountQuerySet(models.QuerySet):
    def active(self):
        """Accounts to publish to by default: sending on, live, created (a planned
        account does not exist on the network yet), and not in a blocked network
        (Facebook and Instagram are never a default)."""
        return (
            self.live()
            .exclude(status=Account.Status.PLANNED)
            .exclude(network__in=RESTRICTED_NETWORKS)
        )

    def live(self):
        """Sending on, not suspended or deleted, and not in a blocked network:
        the accounts whose comments are fetched and whose tokens are checked."""
        return (
            self.filter(is_active=True)
            .exclude(status__in=[Account.Status.SUSPENDED, Account.Status.DELETED])
            .not_blocked()
        )

    def not_blocked(self):
        """Accounts Vestnik may contact: not in a restricted network that is
        switched off (see ``restricted``). Unlike ``active()`` this includes Facebook
        and Instagram once enabled, for what an editor chose or what must be checked."""
        return self.exclude(network__in=blocked_networks())

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
    class Kind(models.TextChoices):
        COMMUNITY = "community", _("community page")
        CHANNEL = "channel", _("channel")
        BLOG = "blog", _("blog")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        ACTIVE = "active", _("active")
        SUSPENDED = "suspended", _("suspended")
        DELETED = "deleted", _("deleted")

    class Health(models.TextChoices):
        UNKNOWN = "", _("not checked")
        OK = "ok", _("OK")
        ERROR = "error", _("error")
        # The network refused the credential itself (expired or revoked there).
        REVOKED = "revoked", _("revoked")

    network = models.CharField(_("network"), max_length=20, choices=Network.choices)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, blank=True)
    external_id = models.CharField(
        _("external id"),
        max_length=200,
        help_text=_("VK or OK group id, Telegram chat id or @username, blog URL."),
    )
    url = models.URLField(_("URL"), blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.COMMUNITY
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    created_on = models.DateField(_("created on"), null=True, blank=True)
    deleted_on = models.DateField(_("deleted on"), null=True, blank=True)
    responsible = models.CharField(_("responsible person"), max_length=200, blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    verified = models.BooleanField(
        _("verification mark"),
        default=False,
        help_text=_("The network shows the state organisation mark."),
    )
    subscribers = models.PositiveIntegerField(_("subscribers"), null=True, blank=True)
    subscribers_synced_at = models.DateTimeField(
        _("subscribers synced at"), null=True, blank=True
    )
    owner_2fa = models.BooleanField(_("2FA on for the owner"), default=False)
    admins_2fa = models.BooleanField(_("2FA on for all admins"), default=False)
    widget_report_problem = models.BooleanField(
        _("widget «Report a problem»"), default=False
    )
    widget_give_opinion = models.BooleanField(
        _("widget «Give an opinion»"), default=False
    )
    notes = models.TextField(_("notes"), blank=True)
    is_active = models.BooleanField(_("sending enabled"), default=True)

    credential_encrypted = models.BinaryField(editable=False, null=True, blank=True)
    credential_set_at = models.DateTimeField(
        _("credential set at"), null=True, blank=True, editable=False
    )
    credential_hint = models.CharField(
        _("credential ends with"), max_length=8, blank=True, editable=False
    )
    credential_type = models.CharField(
        _("credential type"), max_length=40, blank=True, editable=False
    )
    credential_expires_at = models.DateTimeField(
        _("credential expires at"), null=True, blank=True, editable=False
    )
    health = models.CharField(
        _("health"), max_length=10, choices=Health.choices, blank=True, editable=False
    )
    health_checked_at = models.DateTimeField(
        _("checked at"), null=True, blank=True, editable=False
    )
    health_message = models.TextField(_("check result"), blank=True, editable=False)

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
        permissions = [("set_credential", _("Can set or replace credentials"))]

    # Fields whose changes are not worth a history line, or are recorded differently.
    # Sync and check bookkeeping is not an edit; the health state itself is tracked.
    UNTRACKED_FIELDS = frozenset(
        {
            "id",
            "credential_encrypted",
            "credential_hint",
            "slug",
            "subscribers",
            "subscribers_synced_at",
            "health_checked_at",
            "health_message",
        }
    )

    def __str__(self) -> str:
        return f"{self.get_network_display()}: {self.name}"

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify(f"{self.network}-{self.external_id}") or self.network
            self.slug = base[:100]
        if self.status in (self.Status.SUSPENDED, self.Status.DELETED):
            self.is_active = False
        # The history line and the 10-day report (``bookkeeping``, connected to the
        # save signals) are written in the same transaction as the row.
        with transaction.atomic():
            super().save(*args, **kwargs)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded = instance._tracked_values()
        return instance

    def _tracked_values(self) -> dict:
        return {
            f.attname: getattr(self, f.attname)
            for f in self._meta.concrete_fields
            if f.attname not in self.UNTRACKED_FIELDS
        }

    @property
    def is_restricted(self) -> bool:
        return self.network in RESTRICTED_NETWORKS

    @property
    def is_blocked(self) -> bool:
        return is_blocked(self.network)

    @property
    def credential_kind(self) -> str:
        """The credential's type as a person reads it («ключ сообщества»)."""
        return credential_kind(self.credential_type) if self.credential_type else ""

    @property
    def has_credential(self) -> bool:
        return bool(self.credential_encrypted)

    @property
    def credential_expires_soon(self) -> bool:
        if not self.credential_expires_at:
            return False
        limit = timezone.now() + datetime.timedelta(
            days=app_settings.EXPIRY_WARNING_DAYS
        )
        return self.credential_expires_at <= limit

    @property
    def has_token_problem(self) -> bool:
        failing = (self.Health.ERROR, self.Health.REVOKED)
        return self.health in failing or self.credential_expires_soon

    def set_credential(self, data: dict, expires_at=None) -> None:
        """Encrypt and store ``data``; only the last four characters stay readable.

        The caller saves the account; the history records that the credential was
        replaced, never its value."""
        self.credential_encrypted = crypto.encrypt_json(data)
        self.credential_set_at = timezone.now()
        self.credential_type = credential_type(self.network, data)
        self.credential_expires_at = expires_at or expiry_from(data)
        secret = next(
            (
                str(v)
                for k, v in data.items()
                if "token" in k or "secret" in k or "password" in k
            ),
            "",
        )
        self.credential_hint = secret[-4:] if len(secret) >= 8 else ""
        self._credential_changed = True

    def get_credential(self) -> dict:
        """The decrypted credential. Callers must never log or display it."""
        if not self.credential_encrypted:
            return {}
        return crypto.decrypt_json(self.credential_encrypted)


# Who Vestnik's own processes are in an account's history («Кто»).
ACTOR_WORDS = {
    "token refresh": _("Vestnik (token renewal)"),
    "registry import": _("import from a file"),
}


class AccountChange(models.Model):
    """One line of an account's history: who changed what, and when."""

    account = models.ForeignKey(
        Account, on_delete=models.CASCADE, related_name="changes"
    )
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("who"),
    )
    actor = models.CharField(_("who"), max_length=200, blank=True)
    action = models.CharField(_("action"), max_length=40)
    # {field: [old, new]} as display strings; credentials appear only as "replaced".
    changes = models.JSONField(_("what"), default=dict, blank=True)

    class Meta:
        verbose_name = _("account change")
        verbose_name_plural = _("account changes")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.who} {self.action}"

    @property
    def who(self) -> str:
        if self.user_id:
            return self.user.get_full_name() or self.user.get_username()
        # A change nobody is named for was made by Vestnik itself (a check, the demo).
        if not self.actor:
            return str(_("Vestnik (automatically)"))
        # Vestnik's own actors are stored as keys (``token_health`` looks them up):
        # shown in words.
        if self.actor in ACTOR_WORDS:
            return str(ACTOR_WORDS[self.actor])
        if self.actor.startswith("manage.py "):
            return str(_("command line (%(command)s)")) % {"command": self.actor}
        return self.actor
