"""Facebook and Instagram: blocked unless someone explicitly enables them, on record.

Meta Platforms was recognised as extremist in Russia on 21.03.2022 and both networks are
blocked, so Vestnik never publishes there, checks tokens there or polls comments there
by default. A body that still keeps such an account (the register must list it) can
switch the network on: every switch — on or off — is a row of ``RestrictedNetworkDecision``
with who, when and why, and the latest row is the state. Even when enabled, the network's
accounts are never chosen by default: an editor ticks them for each piece.

Everything that sends, checks or polls asks ``blocked_networks()`` (or
``is_blocked(code)``) at the moment it acts, so switching off stops the next delivery.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .networks import RESTRICTED_NETWORKS, Network


def legal_warning() -> str:
    return str(
        _(
            "Meta Platforms Inc. was recognised as an extremist organisation in Russia "
            "on 21.03.2022; Facebook and Instagram are blocked. Their accounts are kept "
            "in the register and excluded from publishing unless the network is "
            "explicitly enabled; enabling it is recorded with who, when and why."
        )
    )


class RestrictedNetworkDecision(models.Model):
    """One switch of a restricted network, on or off. Rows are never edited."""

    network = models.CharField(
        _("network"),
        max_length=20,
        choices=[(code, Network(code).label) for code in sorted(RESTRICTED_NETWORKS)],
    )
    enabled = models.BooleanField(_("enabled"))
    reason = models.TextField(_("reason"))
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("who"),
    )
    actor = models.CharField(_("who"), max_length=200, blank=True)

    class Meta:
        app_label = "accounts_registry"
        verbose_name = _("restricted network decision")
        verbose_name_plural = _("restricted network decisions")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        state = _("enabled") if self.enabled else _("disabled")
        return f"{self.network}: {state} ({self.at:%Y-%m-%d %H:%M})"

    @property
    def who(self) -> str:
        if self.user_id:
            return self.user.get_full_name() or self.user.get_username()
        return self.actor or "—"


def latest_decisions() -> dict[str, RestrictedNetworkDecision]:
    latest = {}
    for decision in RestrictedNetworkDecision.objects.order_by("at", "pk"):
        latest[decision.network] = decision
    return latest


def enabled_networks() -> frozenset[str]:
    """Restricted networks someone has switched on (and not off since)."""
    return frozenset(
        code for code, decision in latest_decisions().items() if decision.enabled
    )


def blocked_networks() -> frozenset[str]:
    """Networks nothing may send to, check or poll right now."""
    return frozenset(RESTRICTED_NETWORKS) - enabled_networks()


def is_blocked(network: str) -> bool:
    return network in blocked_networks()


@transaction.atomic
def decide(network: str, enabled: bool, *, reason: str, user=None, actor: str = ""):
    """Record a switch. ``reason`` is required: the record is the point."""
    if network not in RESTRICTED_NETWORKS:
        raise ValueError(f"{network!r} is not a restricted network")
    if not reason or not reason.strip():
        raise ValueError("a reason is required")
    return RestrictedNetworkDecision.objects.create(
        network=network,
        enabled=enabled,
        reason=reason.strip(),
        user=user if getattr(user, "is_authenticated", False) else None,
        actor=actor[:200],
    )
