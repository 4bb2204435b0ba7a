"""What the networks told us about an author: name, avatar, profile link (a cache)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts_registry.networks import Network


class AuthorProfile(models.Model):
    """One author of one network as its API describes them (VK ``users.get`` /
    ``groups.getById``, OK ``users.getInfo``, Telegram ``getUserProfilePhotos``), kept so that each author is looked up once in a while, not
    on every comment."""

    network = models.CharField(_("network"), max_length=20, choices=Network.choices)
    author_id = models.CharField(_("author id"), max_length=100)
    name = models.CharField(_("name"), max_length=300, blank=True)
    avatar_url = models.URLField(_("avatar"), max_length=500, blank=True)
    profile_url = models.URLField(_("profile"), max_length=500, blank=True)
    fetched_at = models.DateTimeField(_("looked up at"), default=timezone.now)

    class Meta:
        verbose_name = _("author profile")
        verbose_name_plural = _("author profiles")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "author_id"], name="moderation_unique_author"
            )
        ]

    def __str__(self) -> str:
        return self.name or self.author_id

    @staticmethod
    def _safe(url: str) -> str:
        url = url or ""
        if url.startswith(("https://", "http://")):
            return url
        # The desk's own path (a picture it serves: moderation_author_avatar).
        return url if url.startswith("/") and not url.startswith("//") else ""

    @property
    def safe_avatar_url(self) -> str:
        return self._safe(self.avatar_url)

    @property
    def safe_profile_url(self) -> str:
        return self._safe(self.profile_url)
