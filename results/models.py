"""Time series of what posts and accounts achieved: one row per observation.

``PostObservation`` and ``AccountObservation`` are the series (kept 13 months, see
``RESULTS_KEEP_DAYS``); ``PostTracking`` is one row per sent post with its schedule
and its latest counters, so the period view reads one row per post instead of
searching the series. A counter a network does not give stays NULL: the screens say
"the network does not report it" rather than showing a zero."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# The counters every observation may carry, in the order the screens show them.
METRICS = ("views", "reach", "likes", "reposts", "comments")


def _counter(label):
    return models.PositiveBigIntegerField(label, null=True, blank=True)


class Counters(models.Model):
    views = _counter(_("views"))
    reach = _counter(_("reach"))
    likes = _counter(_("reactions"))
    reposts = _counter(_("reposts"))
    comments = _counter(_("comments"))

    class Meta:
        abstract = True

    def counters(self) -> dict:
        return {name: getattr(self, name) for name in METRICS}

    @property
    def engagement(self) -> int | None:
        """Reactions, reposts and comments together (what the network gave)."""
        parts = [self.likes, self.reposts, self.comments]
        known = [p for p in parts if p is not None]
        return sum(known) if known else None

    @property
    def engagement_rate(self) -> float | None:
        """Reactions, reposts and comments per view, in per cent."""
        if not self.views or self.engagement is None:
            return None
        return 100.0 * self.engagement / self.views


class PostTracking(Counters):
    """One sent post: when it is observed next, its latest counters, the last error.

    Created for every sent publish delivery the first time a collection round sees
    it; never deleted by a network error (the series stays, the next round retries)."""

    delivery = models.OneToOneField(
        "syndication.Delivery",
        on_delete=models.CASCADE,
        related_name="results_tracking",
        verbose_name=_("post"),
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    account = models.ForeignKey(
        "accounts_registry.Account", on_delete=models.CASCADE, related_name="+"
    )
    network = models.CharField(_("network"), max_length=20, db_index=True)
    sent_at = models.DateTimeField(_("sent at"), db_index=True)
    next_due_at = models.DateTimeField(default=timezone.now, db_index=True)
    observed_at = models.DateTimeField(_("observed at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    errors_in_row = models.PositiveIntegerField(default=0)
    finished = models.BooleanField(default=False, db_index=True)

    class Meta:
        verbose_name = _("tracked post")
        verbose_name_plural = _("tracked posts")
        indexes = [models.Index(fields=["finished", "next_due_at"])]

    def __str__(self) -> str:
        return f"{self.network} {self.delivery_id}"


class PostObservation(Counters):
    tracking = models.ForeignKey(
        PostTracking, on_delete=models.CASCADE, related_name="observations"
    )
    observed_at = models.DateTimeField(_("observed at"), default=timezone.now)

    class Meta:
        verbose_name = _("post observation")
        verbose_name_plural = _("post observations")
        ordering = ["observed_at"]
        indexes = [
            models.Index(fields=["tracking", "observed_at"]),
            models.Index(fields=["observed_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.tracking_id} @ {self.observed_at:%Y-%m-%d %H:%M}"


class AccountObservation(models.Model):
    account = models.ForeignKey(
        "accounts_registry.Account",
        on_delete=models.CASCADE,
        related_name="results_observations",
    )
    observed_at = models.DateTimeField(_("observed at"), default=timezone.now)
    subscribers = models.PositiveBigIntegerField(_("subscribers"), null=True)

    class Meta:
        verbose_name = _("account observation")
        verbose_name_plural = _("account observations")
        ordering = ["observed_at"]
        indexes = [models.Index(fields=["account", "observed_at"])]

    def __str__(self) -> str:
        return f"{self.account_id} @ {self.observed_at:%Y-%m-%d %H:%M}"
