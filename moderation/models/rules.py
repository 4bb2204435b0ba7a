"""Automatic rules (conditions -> one action), first match wins, in priority order."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts_registry.networks import Network

from .inbox import Label, Reason


class Rule(models.Model):
    class Action(models.TextChoices):
        DELETE = "delete", pgettext_lazy("moderation action", "Delete")
        HIDE = "hide", _("Hide (delete where the network cannot hide)")
        BAN = "ban", _("Delete and blacklist the author")
        ASSIGN = "assign", _("Assign to a moderator")
        MARK = "mark", _("Mark as urgent")

    # Actions carried out in the network; the others only change the inbox.
    NETWORK_ACTIONS = (Action.DELETE, Action.HIDE, Action.BAN)

    name = models.CharField(_("name"), max_length=200)
    enabled = models.BooleanField(_("enabled"), default=True)
    dry_run = models.BooleanField(
        _("dry run"),
        default=False,
        help_text=_("Only count what the rule would do."),
    )
    priority = models.IntegerField(
        _("priority"), default=100, help_text=_("Smaller numbers are checked first.")
    )
    label = models.CharField(
        _("label"), max_length=20, choices=Label.choices, blank=True
    )
    min_score = models.FloatField(_("minimal score"), default=0.0)
    network = models.CharField(
        _("network"), max_length=20, choices=Network.choices, blank=True
    )
    account = models.ForeignKey(
        "accounts_registry.Account",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("account"),
    )
    keyword = models.CharField(
        _("keyword"),
        max_length=200,
        blank=True,
        help_text=_("Matches when the text contains it (case does not matter)."),
    )
    watched_authors_only = models.BooleanField(
        _("only authors on the watch list"), default=False
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    reason = models.CharField(
        _("reason"), max_length=10, choices=Reason.choices, default=Reason.OTHER
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("assignee"),
    )
    ban_days = models.PositiveIntegerField(
        _("ban for days"), null=True, blank=True, help_text=_("Empty: forever.")
    )
    match_count = models.PositiveIntegerField(_("matched"), default=0)
    dry_run_count = models.PositiveIntegerField(_("would have matched"), default=0)

    class Meta:
        verbose_name = _("moderation rule")
        verbose_name_plural = _("moderation rules")
        ordering = ["priority", "id"]

    def __str__(self) -> str:
        return self.name


class WatchedAuthor(models.Model):
    """An author whose items rules may treat differently (condition of a rule)."""

    network = models.CharField(_("network"), max_length=20, choices=Network.choices)
    author_id = models.CharField(_("author id"), max_length=100)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("watched author")
        verbose_name_plural = _("watched authors")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "author_id"], name="moderation_unique_watch"
            )
        ]

    def __str__(self) -> str:
        # «ВКонтакте: 12345» in titles and messages, not the network's code.
        return f"{self.get_network_display()}: {self.author_id}"
