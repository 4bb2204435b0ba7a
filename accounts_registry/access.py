"""Who can act as an account (order, clause 1.3.2), and its description and design (2.4).

A grant's history line is written by ``bookkeeping`` on the save and delete signals, so
this module (imported by ``models``) does not import ``history`` (which imports
``models``)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .obligations import local_today


class AccessGrantQuerySet(models.QuerySet):
    def current(self, today=None):
        today = today or local_today()
        return self.filter(
            models.Q(until__isnull=True) | models.Q(until__gte=today),
            models.Q(since__isnull=True) | models.Q(since__lte=today),
        )


class AccessGrant(models.Model):
    """One person's role on the network for an account: a Vestnik user or a named
    outside person (a contractor, an admin at the ministry)."""

    class Role(models.TextChoices):
        OWNER = "owner", _("owner")
        ADMIN = "admin", _("administrator")
        EDITOR = "editor", _("editor")
        MODERATOR = "moderator", _("moderator")
        ADVERTISER = "advertiser", _("advertiser")

    account = models.ForeignKey(
        "accounts_registry.Account",
        on_delete=models.CASCADE,
        related_name="access_grants",
        verbose_name=_("account"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("Vestnik user"),
        related_name="+",
    )
    person = models.CharField(
        _("outside person"),
        max_length=200,
        blank=True,
        help_text=_("Name and position of a person without a Vestnik login."),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    since = models.DateField(_("since"), null=True, blank=True)
    until = models.DateField(_("until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = AccessGrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("access grant")
        verbose_name_plural = _("access list")
        ordering = ["account", "role", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(user__isnull=True, person=""),
                name="access_grant_names_someone",
            )
        ]

    def __str__(self) -> str:
        return f"{self.who} — {self.get_role_display()}"

    @property
    def who(self) -> str:
        if self.user_id:
            return self.user.get_full_name() or self.user.get_username()
        return self.person

    def summary(self) -> str:
        since = f"{self.since:%d.%m.%Y}" if self.since else "…"
        until = f"{self.until:%d.%m.%Y}" if self.until else "…"
        return f"{self.who}: {self.get_role_display()} ({since} – {until})"


class DesignVersion(models.Model):
    """A version of an account's description, avatar and cover; the newest is current.
    Versions are never edited, so the list is the design's history."""

    account = models.ForeignKey(
        "accounts_registry.Account",
        on_delete=models.CASCADE,
        related_name="design_versions",
        verbose_name=_("account"),
    )
    description = models.TextField(_("description"), blank=True)
    avatar = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("avatar"),
    )
    cover = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cover"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    applied_at = models.DateTimeField(_("applied at"), null=True, blank=True)

    class Meta:
        verbose_name = _("description and design")
        verbose_name_plural = _("description and design")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.account} {self.created_at:%d.%m.%Y %H:%M}"
