"""The inbox: items (comments, replies, private messages), actions on them, bans."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts_registry.networks import Network


class Reason(models.TextChoices):
    """The categories of clause 2.5 of the order."""

    LAW = "law", _("Breaks the law")
    SPAM = "spam", _("Spam")
    INSULT = "insult", _("Insult")
    OBSCENE = "obscene", _("Obscene language")
    OTHER = "other", _("Other")


class Label(models.TextChoices):
    """The classifier's labels (moderation/classifier), as moderators read them."""

    OBSCENE = "obscene", _("obscene language")
    INSULT = "insult", _("insult")
    SPAM = "spam", _("spam")
    ILLEGAL = "illegal", _("may break the law")
    CLEAN = "clean", _("no violation")


class InboxItemQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=InboxItem.OPEN_STATUSES)

    def overdue(self, now=None):
        return self.open().filter(deadline__lt=now or timezone.now())


class InboxItem(models.Model):
    class Kind(models.TextChoices):
        COMMENT = "comment", pgettext_lazy("inbox item kind", "Comment")
        REPLY = "reply", pgettext_lazy("inbox item kind", "Reply")
        MESSAGE = "message", pgettext_lazy("inbox item kind", "Private message")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", pgettext_lazy("inbox status", "In progress")
        KEPT = "kept", _("Kept")
        HIDDEN = "hidden", _("Hidden")
        DELETED = "deleted", _("Deleted")
        REPLIED = "replied", _("Replied")

    OPEN_STATUSES = (Status.NEW, Status.IN_PROGRESS)

    account = models.ForeignKey(
        "accounts_registry.Account",
        on_delete=models.CASCADE,
        related_name="inbox_items",
        verbose_name=_("account"),
    )
    network = models.CharField(_("network"), max_length=20, choices=Network.choices)
    remote_id = models.CharField(_("id in the network"), max_length=100)
    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.COMMENT
    )
    post_remote_id = models.CharField(_("post id"), max_length=100, blank=True)
    parent_remote_id = models.CharField(_("answers"), max_length=100, blank=True)
    # Filled by moderation.links when Vestnik published the post; plain ids rather than
    # foreign keys so that moderation does not depend on the delivery model's shape.
    delivery_id = models.BigIntegerField(_("delivery"), null=True, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("page"),
    )
    author_id = models.CharField(_("author id"), max_length=100, blank=True)
    author_name = models.CharField(_("author"), max_length=300, blank=True)
    author_url = models.URLField(_("author profile"), max_length=500, blank=True)
    text = models.TextField(_("text"), blank=True)
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    created_at = models.DateTimeField(_("written at"), default=timezone.now)
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    raw = models.JSONField(_("payload"), default=dict, blank=True)
    edited = models.BooleanField(_("edited by the author"), default=False)
    removed_in_network = models.BooleanField(_("removed in the network"), default=False)

    label = models.CharField(
        _("label"), max_length=20, choices=Label.choices, blank=True, db_index=True
    )
    labels = models.JSONField(_("labels"), default=list, blank=True)
    score = models.FloatField(_("score"), default=0.0)
    spans = models.JSONField(_("matched spans"), default=list, blank=True)
    explanation = models.TextField(_("explanation"), blank=True)

    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW
    )
    urgent = models.BooleanField(_("urgent"), default=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_items",
        verbose_name=_("assignee"),
    )
    deadline = models.DateTimeField(_("answer by"), null=True, blank=True)
    answered_at = models.DateTimeField(_("handled at"), null=True, blank=True)

    objects = InboxItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("inbox item")
        verbose_name_plural = _("inbox items")
        ordering = ["-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "account", "remote_id"],
                name="moderation_unique_item",
            )
        ]
        indexes = [
            models.Index(fields=["-received_at", "-id"], name="mod_item_recent"),
            models.Index(fields=["status", "-received_at"], name="mod_item_status"),
            models.Index(fields=["account", "status"], name="mod_item_account"),
            models.Index(fields=["network", "author_id"], name="mod_item_author"),
            models.Index(fields=["status", "deadline"], name="mod_item_deadline"),
            # The working set: open items, newest or oldest first, without reading
            # the (much larger) history of handled items.
            models.Index(
                fields=["-received_at", "-id"],
                name="mod_item_open",
                condition=models.Q(status__in=["new", "in_progress"]),
            ),
        ]
        permissions = [("moderate_inbox", _("Can use the moderation inbox"))]

    def __str__(self) -> str:
        return f"{self.network}:{self.remote_id}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def safe_author_url(self) -> str:
        """The profile link only when it is http(s): it comes from the network."""
        url = self.author_url or ""
        return url if url.startswith(("https://", "http://")) else ""

    def is_overdue(self, now=None) -> bool:
        return bool(
            self.is_open and self.deadline and self.deadline < (now or timezone.now())
        )


class ModerationAction(models.Model):
    """One thing done to an item or an author, by a person or a rule, and the answer."""

    class Kind(models.TextChoices):
        DELETE = "delete", pgettext_lazy("moderation action", "Delete")
        HIDE = "hide", _("Hide")
        REPLY = "reply", _("Reply")
        BAN = "ban", _("Blacklist")
        UNBAN = "unban", _("Lift the ban")
        KEEP = "keep", _("Keep")
        ASSIGN = "assign", _("Assign")
        MARK = "mark", _("Mark")

    item = models.ForeignKey(
        InboxItem,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="actions",
        verbose_name=_("item"),
    )
    account = models.ForeignKey(
        "accounts_registry.Account",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("account"),
    )
    author_id = models.CharField(_("author id"), max_length=100, blank=True)
    action = models.CharField(_("action"), max_length=10, choices=Kind.choices)
    reason = models.CharField(
        _("reason"), max_length=10, choices=Reason.choices, blank=True
    )
    text = models.TextField(_("text"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("moderator"),
    )
    rule = models.ForeignKey(
        "moderation.Rule",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
        verbose_name=_("rule"),
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    confirmed = models.BooleanField(_("confirmed by the network"), default=False)
    network_response = models.JSONField(_("network answer"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # Delete and ban wait out an undo window: ``pending`` until sent (by the browser
    # when the window ends, or by the sweep task), ``cancelled`` when undone.
    pending = models.BooleanField(_("waiting for the undo window"), default=False)
    due_at = models.DateTimeField(_("to be sent at"), null=True, blank=True)
    cancelled = models.BooleanField(_("undone"), default=False)
    until = models.DateTimeField(pgettext_lazy("ban", "until"), null=True, blank=True)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["account", "author_id"], name="mod_act_author"),
            models.Index(
                fields=["due_at"],
                name="mod_act_pending",
                condition=models.Q(pending=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action} {self.item_id or self.author_id}"

    @property
    def actor(self) -> str:
        if self.user_id:
            return self.user.get_full_name() or self.user.get_username()
        if self.rule_id:
            return str(self.rule)
        return ""


class Ban(models.Model):
    """An author blacklisted in one account (by us or found in the network)."""

    account = models.ForeignKey(
        "accounts_registry.Account",
        on_delete=models.CASCADE,
        related_name="moderation_bans",
        verbose_name=_("account"),
    )
    author_id = models.CharField(_("author id"), max_length=100)
    author_name = models.CharField(_("author"), max_length=300, blank=True)
    until = models.DateTimeField(pgettext_lazy("ban", "until"), null=True, blank=True)
    reason = models.CharField(
        _("reason"), max_length=10, choices=Reason.choices, default=Reason.OTHER
    )
    comment = models.TextField(_("comment"), blank=True)
    active = models.BooleanField(_("active"), default=True)
    synced = models.BooleanField(_("confirmed by the network"), default=False)
    created_at = models.DateTimeField(_("since"), default=timezone.now)
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("ban")
        verbose_name_plural = _("bans")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["account", "author_id"], name="moderation_unique_ban"
            )
        ]

    def __str__(self) -> str:
        return f"{self.account_id}:{self.author_id}"

    @property
    def is_forever(self) -> bool:
        return self.until is None
