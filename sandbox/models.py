"""State of the emulated networks. Everything a client changes through the sandbox API
lives here, so the wall pages, tests and the demo all see the same truth."""

from __future__ import annotations

from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

VK, OK, TELEGRAM, TELEGRAPH = "vk", "ok", "telegram", "telegraph"
FACEBOOK, INSTAGRAM, WORDPRESS, LIVEJOURNAL, MAX = (
    "facebook",
    "instagram",
    "wordpress",
    "livejournal",
    "max",
)
NETWORK_CHOICES = [
    (VK, "VK"),
    (OK, "OK"),
    (TELEGRAM, "Telegram"),
    (TELEGRAPH, "Telegraph"),
    (FACEBOOK, "Facebook"),
    (INSTAGRAM, "Instagram"),
    (WORDPRESS, "WordPress"),
    (LIVEJOURNAL, "LiveJournal"),
    (MAX, "MAX"),
]


class SandboxAccount(models.Model):
    """A community, group or channel of an emulated network and the token that may
    act for it. ``external_id`` is what the real network would use: the positive VK
    or OK group id, the Telegram chat id (``-100…``) or ``@username``."""

    network = models.CharField(_("network"), max_length=20, choices=NETWORK_CHOICES)
    external_id = models.CharField(_("external id"), max_length=64)
    name = models.CharField(_("name"), max_length=200)
    # VK: access token; OK: access token; Telegram: bot token ``<bot id>:<secret>``.
    token = models.CharField(max_length=200, db_index=True)
    # VK: "user" or "community"; others: "".
    token_type = models.CharField(max_length=16, blank=True)
    # OK application credentials (the signature is checked with them).
    application_key = models.CharField(max_length=64, blank=True)
    application_secret_key = models.CharField(max_length=64, blank=True)
    session_secret_key = models.CharField(max_length=64, blank=True)
    # Telegram: the linked discussion group, where comments live.
    linked_chat_id = models.BigIntegerField(null=True, blank=True)
    token_revoked = models.BooleanField(default=False)
    # What one network needs and the others do not (a WordPress login and
    # application password, a LiveJournal password, a Meta app secret, ...).
    extra = models.JSONField(default=dict, blank=True)
    # VK: the community's description, as groups.edit sets it and the wall shows it.
    description = models.TextField(_("description"), blank=True)
    # Where the network pushes events (VK Callback API server, Telegram setWebhook):
    # the URL, the secret sent with each event (VK ``secret`` field, Telegram
    # ``X-Telegram-Bot-Api-Secret-Token``) and VK's confirmation code, which the
    # receiving server must answer to the ``confirmation`` request.
    callback_url = models.URLField(_("callback URL"), max_length=500, blank=True)
    callback_secret = models.CharField(_("secret key"), max_length=256, blank=True)
    callback_code = models.CharField(_("confirmation code"), max_length=32, blank=True)
    # The last id handed out for this account's posts, comments, photos.
    seq = models.PositiveIntegerField(default=0)
    enforce_rate_limits = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sandbox account")
        verbose_name_plural = _("sandbox accounts")
        ordering = ["network", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "external_id"], name="unique_sandbox_account"
            )
        ]

    def __str__(self) -> str:
        return f"{self.network}:{self.external_id} {self.name}"

    def design_media(self, kind: str):
        """The community's current avatar or cover (``SandboxMedia.AVATAR``/``COVER``)."""
        return self.sandboxmedia_set.filter(kind=kind).order_by("-pk").first()

    @property
    def avatar(self):
        return self.design_media("avatar")

    @property
    def cover(self):
        return self.design_media("cover")

    def next_id(self) -> int:
        """A fresh id for a new object of this account, unique under concurrent
        requests (row lock; SQLite's write lock)."""
        with transaction.atomic():
            seq = (
                SandboxAccount.objects.select_for_update()
                .values_list("seq", flat=True)
                .get(pk=self.pk)
            ) + 1
            SandboxAccount.objects.filter(pk=self.pk).update(seq=seq)
        self.seq = seq
        return seq

    @property
    def bot_id(self) -> int:
        head = self.token.split(":", 1)[0]
        return int(head) if head.isdigit() else 0


class SandboxMedia(models.Model):
    """A file sent to an emulated upload server, or a VK poll: objects a post can
    attach. ``remote_id`` is set once the network has saved it (VK photo id, poll id,
    OK photo token)."""

    # A photo for a post, a poll, or the community's avatar or cover (newest wins).
    PHOTO, POLL, AVATAR, COVER = "photo", "poll", "avatar", "cover"

    account = models.ForeignKey(SandboxAccount, on_delete=models.CASCADE)
    kind = models.CharField(max_length=10, default=PHOTO)
    key = models.CharField(max_length=64, unique=True)
    remote_id = models.PositiveIntegerField(null=True, blank=True)
    filename = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    data = models.BinaryField(default=b"")
    meta = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.kind} {self.key}"


class SandboxPost(models.Model):
    """A wall post (VK), topic (OK) or channel message (Telegram)."""

    account = models.ForeignKey(
        SandboxAccount, on_delete=models.CASCADE, related_name="posts"
    )
    remote_id = models.PositiveIntegerField()
    kind = models.CharField(max_length=20, default="text")  # text/photo/album/poll
    text = models.TextField(blank=True)
    parse_mode = models.CharField(max_length=20, blank=True)
    # Photos: [{"upload": key}], poll: {"question", "answers"}, link url ...
    attachments = models.JSONField(default=dict, blank=True)
    guid = models.CharField(max_length=200, blank=True)
    media_group_id = models.CharField(max_length=40, blank=True)
    # Telegram: id of the automatic forward in the discussion group.
    thread_id = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted = models.BooleanField(default=False)
    # Network-specific fields of a post: a blog entry's title, status, categories
    # and tags, an Instagram media type, a Facebook permalink, ...
    meta = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-remote_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["account", "remote_id"], name="unique_sandbox_post"
            )
        ]

    def __str__(self) -> str:
        return f"{self.account_id}#{self.remote_id}"


class SandboxPage(models.Model):
    """A Telegraph page: addressed by its ``path`` (``Title-Slug-MM-DD[-n]``), not a
    number, and holding Node JSON, so it has a model of its own."""

    account = models.ForeignKey(
        SandboxAccount, on_delete=models.CASCADE, related_name="pages"
    )
    path = models.CharField(max_length=300, unique=True)
    title = models.CharField(max_length=256)
    author_name = models.CharField(max_length=128, blank=True)
    author_url = models.CharField(max_length=512, blank=True)
    content = models.JSONField(default=list)
    views = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.path


class SandboxComment(models.Model):
    """A reader's comment (or the community's reply) under a post."""

    post = models.ForeignKey(
        SandboxPost, on_delete=models.CASCADE, related_name="comments"
    )
    remote_id = models.PositiveIntegerField()
    author_id = models.BigIntegerField()
    author_name = models.CharField(max_length=200)
    text = models.TextField()
    reply_to = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    deleted = models.BooleanField(default=False)
    # Hidden from readers but kept (Facebook/Instagram ``is_hidden``).
    hidden = models.BooleanField(default=False)
    # A blog's comment status (WordPress: approved, hold, spam, trash); "" elsewhere.
    status = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["created_at", "remote_id"]

    def __str__(self) -> str:
        return f"{self.author_name}: {self.text[:40]}"


class SandboxBan(models.Model):
    account = models.ForeignKey(
        SandboxAccount, on_delete=models.CASCADE, related_name="bans"
    )
    user_id = models.BigIntegerField()
    reason = models.CharField(max_length=200, blank=True)
    comment = models.TextField(blank=True)
    until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["account", "user_id"], name="unique_sandbox_ban"
            )
        ]

    def __str__(self) -> str:
        return f"{self.account_id} bans {self.user_id}"


class SandboxFault(models.Model):
    """Misbehaviour on demand: applies to the next ``remaining`` API calls of the
    network (or one account of it), or until deleted when ``remaining`` is empty;
    ``percent`` makes it hit only that share of the calls, at random.

    The «after» kinds carry the call out first and then lose the answer, the faults
    real networks produce after they acted (sandbox/faults.py): a proxy's 502 with an
    empty body, a connection reset, an answer later than the client waits."""

    LATENCY, HTTP_500, RATE_LIMIT, AUTH = "latency", "http500", "rate_limit", "auth"
    HTTP_429 = "http429"
    HTTP_502_AFTER, RESET_AFTER, LATE_AFTER = (
        "http502_after",
        "reset_after",
        "late_after",
    )
    AFTER_KINDS = {HTTP_502_AFTER, RESET_AFTER, LATE_AFTER}
    KIND_CHOICES = [
        (LATENCY, _("latency")),
        (HTTP_500, _("HTTP 500")),
        (RATE_LIMIT, _("rate limit")),
        (HTTP_429, _("HTTP 429 with Retry-After")),
        (AUTH, _("expired token")),
        (HTTP_502_AFTER, _("done, then HTTP 502 with an empty body")),
        (RESET_AFTER, _("done, then the connection is reset")),
        (LATE_AFTER, _("done, then the answer comes too late")),
    ]

    network = models.CharField(_("network"), max_length=20, choices=NETWORK_CHOICES)
    account = models.ForeignKey(
        SandboxAccount, null=True, blank=True, on_delete=models.CASCADE
    )
    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES)
    latency_ms = models.PositiveIntegerField(_("latency, ms"), default=0)
    remaining = models.PositiveIntegerField(_("calls left"), null=True, blank=True)
    # Only calls of this method, e.g. "wall.post" (empty: every method).
    method = models.CharField(_("method"), max_length=60, blank=True)
    percent = models.PositiveSmallIntegerField(
        _("share of calls, %"), null=True, blank=True
    )
    # A rate answer's wait: when set, the token is refused for that long, and every
    # call that arrives inside the wait is counted as a breach (sandbox/faults.py).
    retry_after = models.PositiveIntegerField(
        _("wait asked for, s"), null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.network} {self.kind}"
