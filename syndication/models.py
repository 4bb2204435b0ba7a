"""Delivery state: what goes where, when, and what happened.

The database is the truth (architecture.md, convention 4): every state change of a
``Delivery`` is a conditional row update, so a Celery message that arrives twice, or two
workers that race, can never send the same post twice. ``cms`` must not import this app,
so the per-page choices live in ``PageSyndication`` keyed by the page id instead of an
inline panel on ``NewsPage``.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Page, Revision

from syndication import permissions
from syndication.days_off import NonWorkingDays as NonWorkingDays
from syndication.networks.registry import codes_where, get_spec


def long_text_hosts() -> dict:
    """Accounts that may host another account's long texts (Telegraph pages)."""
    return {"network__in": codes_where(lambda spec: spec.hosts_long_texts)}


class DeliveryStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    NEEDS_CHECK = "needs_check", _("Needs a check")
    CANCELLED = "cancelled", _("Cancelled")


class DeliveryAction(models.TextChoices):
    PUBLISH = "publish", _("Publish")
    EDIT = "edit", _("Edit")
    DELETE = "delete", _("Delete")


class ScheduleMode(models.TextChoices):
    NOW = "now", _("Right after publishing")
    AT = "at", _("At a set time")
    NEXT_SLOT = "slot", _("The account's next free slot")


class AccountSettings(models.Model):
    """Syndication defaults of one account, and its «reconnect» hold.

    Kept apart from ``accounts_registry.Account`` (owned by the registry) so sending
    state never leaks into the register."""

    account = models.OneToOneField(
        "accounts_registry.Account",
        on_delete=models.CASCADE,
        related_name="syndication_settings",
        verbose_name=_("account"),
    )
    send_by_default = models.BooleanField(_("send new pieces by default"), default=True)
    # Local times "HH:MM" and weekdays (0 is Monday); empty: the defaults of
    # SYNDICATION_DEFAULT_SLOTS and SYNDICATION_SLOT_WEEKDAYS (delivery/conf.py).
    slot_times = models.JSONField(_("posting slots"), default=list, blank=True)
    slot_weekdays = models.JSONField(_("posting days"), default=list, blank=True)
    held_at = models.DateTimeField(_("held since"), null=True, blank=True)
    held_reason = models.TextField(_("why held"), blank=True)
    # Telegram only: a text too long for one message goes to a Telegraph page of this
    # account, linked from the post as «Читать полностью» (delivery/full_text.py).
    full_text_account = models.ForeignKey(
        "accounts_registry.Account",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to=long_text_hosts,
        verbose_name=_("long texts as a Telegraph page of"),
        help_text=_(
            "Telegram accounts: a piece too long for one message is published in full "
            "as a page of this Telegraph account, and the post shows its beginning "
            "with a «Read in full» link. Empty: the text continues in follow-up "
            "messages."
        ),
    )

    class Meta:
        verbose_name = _("account syndication settings")
        verbose_name_plural = _("account syndication settings")

    def __str__(self) -> str:
        return str(self.account)

    def clean(self):
        if self.full_text_account_id is None:
            return
        if self.account_id and not get_spec(self.account.network).long_text_pages:
            raise ValidationError(
                {
                    "full_text_account": _(
                        "Only a Telegram account can send long texts as a Telegraph "
                        "page."
                    )
                }
            )
        if not get_spec(self.full_text_account.network).hosts_long_texts:
            raise ValidationError(
                {"full_text_account": _("Choose a Telegraph account.")}
            )

    @property
    def is_held(self) -> bool:
        return self.held_at is not None


class PageSyndication(models.Model):
    """The editor's choices for one page: accounts, timing, per-network overrides."""

    page = models.OneToOneField(
        Page,
        on_delete=models.CASCADE,
        related_name="syndication",
        verbose_name=_("page"),
    )
    accounts = models.ManyToManyField(
        "accounts_registry.Account",
        blank=True,
        related_name="+",
        verbose_name=_("accounts"),
    )
    # Until the editor saves a choice the accounts' defaults apply.
    accounts_chosen = models.BooleanField(default=False, editable=False)
    schedule_mode = models.CharField(
        _("when to send"),
        max_length=10,
        choices=ScheduleMode.choices,
        default=ScheduleMode.NOW,
    )
    send_at = models.DateTimeField(_("send at"), null=True, blank=True)
    # {"vk": {"text": "...", "omit_blocks": ["<block id>", ...]}, ...}
    overrides = models.JSONField(_("per-network overrides"), default=dict, blank=True)

    class Meta:
        verbose_name = _("page syndication")
        verbose_name_plural = _("page syndication")

    def __str__(self) -> str:
        return str(self.page)

    def options_for(self, network: str) -> dict:
        return dict((self.overrides or {}).get(network) or {})


class Delivery(models.Model):
    """One job: publish (or edit, or delete) one page revision on one account."""

    Status = DeliveryStatus
    Action = DeliveryAction

    page = models.ForeignKey(
        Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    revision = models.ForeignKey(
        Revision,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("revision"),
    )
    account = models.ForeignKey(
        "accounts_registry.Account",
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("account"),
    )
    action = models.CharField(
        _("action"),
        max_length=10,
        choices=DeliveryAction.choices,
        default=DeliveryAction.PUBLISH,
    )
    # Edits and deletes act on the post that this publish delivery created.
    origin = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("original delivery"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.SCHEDULED,
        db_index=True,
    )
    scheduled_at = models.DateTimeField(_("scheduled at"), default=timezone.now)
    next_attempt_at = models.DateTimeField(
        _("next attempt at"), default=timezone.now, db_index=True
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    # Sent with every try of the same delivery, so a network that de-duplicates
    # (VK wall.post ``guid``) turns a repeated request into the same post.
    idempotency_key = models.UUIDField(default=uuid.uuid4, editable=False)
    sending_started_at = models.DateTimeField(null=True, blank=True, editable=False)
    remote_ref = models.JSONField(_("remote ids"), default=dict, blank=True)
    remote_url = models.URLField(_("remote URL"), max_length=500, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["-scheduled_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "account", "revision", "action"],
                name="unique_delivery_per_revision_account_action",
            )
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.get_action_display()} #{self.page_id} → {self.account}"

    @property
    def network(self) -> str:
        return self.account.network

    @property
    def remote_id(self) -> str:
        ids = (self.remote_ref or {}).get("ids") or []
        return str(ids[0]) if ids else ""


class DeliveryAttempt(models.Model):
    """One try of one delivery, written BEFORE the HTTP call and completed after."""

    class Outcome(models.TextChoices):
        PENDING = "pending", _("In progress")
        OK = "ok", _("Done")
        TRANSIENT = "transient", _("Temporary error, will retry")
        PERMANENT = "permanent", _("Rejected by the network")
        AUTH = "auth", _("Reconnect the account")
        UNKNOWN = "unknown", _("Outcome unknown")
        UNSUPPORTED = "unsupported", _("Not supported by the network")
        ERROR = "error", _("Error")

    delivery = models.ForeignKey(
        Delivery, on_delete=models.CASCADE, related_name="attempt_log"
    )
    number = models.PositiveIntegerField(_("attempt"))
    action = models.CharField(
        _("action"), max_length=10, choices=DeliveryAction.choices
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=Outcome.choices, default=Outcome.PENDING
    )
    error = models.TextField(_("error"), blank=True)
    # What was asked (methods, text lengths, media counts): never tokens or secrets.
    request_summary = models.JSONField(_("request"), default=dict, blank=True)

    class Meta:
        verbose_name = _("delivery attempt")
        verbose_name_plural = _("delivery attempts")
        ordering = ["delivery", "number"]

    def __str__(self) -> str:
        return f"{self.delivery_id}#{self.number} {self.outcome}"


class FullTextPage(models.Model):
    """The Telegraph page holding the full text of one long Telegram post.

    One row per Telegram post (its publish delivery), created BEFORE ``createPage`` is
    called: the unique ``post`` makes the claim, so retries, concurrent workers and
    republishing never create a second page (they find the row and edit the page).
    """

    class State(models.TextChoices):
        CREATING = "creating", _("Being created")
        CREATED = "created", _("Created")
        FAILED = "failed", _("Not created (may be tried again)")
        UNKNOWN = "unknown", _("May have been created: check the Telegraph account")

    post = models.OneToOneField(
        Delivery,
        on_delete=models.CASCADE,
        related_name="full_text_page",
        verbose_name=_("Telegram post"),
    )
    telegraph_account = models.ForeignKey(
        "accounts_registry.Account",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("Telegraph account"),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.CREATING
    )
    path = models.CharField(_("page path"), max_length=300, blank=True)
    url = models.URLField(_("page URL"), max_length=500, blank=True)
    # The revision the page shows: a republish edits it once, a retry does not.
    revision = models.ForeignKey(
        Revision, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    claimed_at = models.DateTimeField(_("claimed at"), default=timezone.now)
    error = models.TextField(_("last error"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("Telegraph page of a Telegram post")
        verbose_name_plural = _("Telegraph pages of Telegram posts")

    def __str__(self) -> str:
        return self.url or f"{self.post_id} {self.state}"


class RateLimitBucket(models.Model):
    """The database backend of ``syndication.ratelimit`` (used without Redis): one row
    per limiter key, ``stamps`` being the times (unix seconds) of the calls still
    inside the window; a key ``pause:<key>`` holds the end of a wait the network
    asked for, and ``slot:<key>`` the expiries of the calls on their way.

    The table keeps the name it had when the model lived in the sandbox app, so
    existing databases keep their rows (migration 0004 adopts it)."""

    key = models.CharField(max_length=200, unique=True)
    stamps = models.JSONField(default=list)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        db_table = "sandbox_ratelimitbucket"

    def __str__(self) -> str:
        return self.key


class PublishScheduled(models.Model):
    """A published revision whose deliveries were created (maybe none: no account was
    chosen), written in the same savepoint as the deliveries. The scheduler's tick
    repairs a recently published live page whose live revision has neither this row
    nor a delivery: the publishing process died before it got here (issue 11.5)."""

    revision = models.OneToOneField(
        Revision, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    repaired = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"revision {self.revision_id} scheduled"


class ApprovalTask(AbstractGroupApprovalTask):
    """Wagtail's group approval («Согласование») whose approve action opens a dialog
    where the chief editor confirms or changes the accounts and the time of the posts
    (syndication/views/approval.py): approving publishes, and publishing plans the
    posts, so the decision belongs there. Reject works as in Wagtail."""

    # syndication/views/approval.py, set by SyndicationConfig.ready() (it imports
    # these models, so this module cannot import it).
    dialog = None

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        # Wagtail asks for the actions (with the page) before it builds the action's
        # form, whose constructor gets the POST data only: keep the page for it.
        self._approval_page = obj
        self._with_dialog = bool(actions) and permissions.can_publish_posts(user, obj)
        if not self._with_dialog:  # who may not plan posts approves as in Wagtail
            return actions
        return [action for action in actions if action[0] != "approve"] + [
            ("approve", _("Approve the piece"), True)
        ]

    def get_form_for_action(self, action):
        if action != "approve":
            return super().get_form_for_action(action)
        task = self
        comment_form = super().get_form_for_action(action)

        class ApproveForm(self.dialog.ApprovalChoiceForm):
            # Wagtail picks the form class before it asks for the actions; whether
            # the dialog applies to this user is known when the form is made.
            def __new__(cls, *args, **kwargs):
                if not task._with_dialog:
                    return comment_form(*args, **kwargs)
                return super().__new__(cls)

            def __init__(self, data=None, **kwargs):
                super().__init__(data, page=task.approval_page(), **kwargs)

        return ApproveForm

    def get_template_for_action(self, action):
        if action == "approve" and getattr(self, "_with_dialog", False):
            return "syndication/approve_modal.html"
        return super().get_template_for_action(action)

    def approval_page(self):
        page = getattr(self, "_approval_page", None)
        if page is None:  # pragma: no cover - Wagtail always asks for actions first
            raise RuntimeError("get_actions() must run before the approve form")
        return page.specific if hasattr(page, "specific") else page

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        choice = kwargs.pop(self.dialog.CHOICE_KEY, None)
        if action_name == "approve" and choice is not None:
            page = task_state.workflow_state.content_object
            self.dialog.save_choice(getattr(page, "specific", page), choice)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve the piece and choose where and "
            "when its posts go"
        )

    class Meta:
        verbose_name = _("Approval with accounts and time")
        verbose_name_plural = _("Approvals with accounts and time")


class DeliveryNotice(models.Model):
    """A delivery that became «нужна проверка» or «не удалось», to be told by e-mail
    (``syndication.notifications``). The first of an account's within
    SYNDICATION_NOTIFY_DIGEST_MINUTES is mailed at once; the later ones wait for one
    digest the scheduler's tick sends when that time is over, so a network outage
    that fails 40 deliveries sends two e-mails, not 40."""

    delivery = models.ForeignKey(
        Delivery, on_delete=models.CASCADE, related_name="notices"
    )
    account = models.ForeignKey(
        "accounts_registry.Account", on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    mailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["account", "mailed_at"])]

    def __str__(self) -> str:
        return f"notice of delivery {self.delivery_id}"


class NotificationPreference(models.Model):
    """A person's choice in Wagtail's account settings («Уведомления»): whether
    deliveries of their pages that need them are e-mailed (on unless turned off)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="syndication_notifications",
    )
    delivery_problems = models.BooleanField(
        _("E-mail me when a post to a network needs a check or was not sent"),
        default=True,
    )

    def __str__(self) -> str:
        return f"notification preference of {self.user_id}"
