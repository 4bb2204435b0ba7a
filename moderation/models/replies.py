"""Saved replies (шаблоны ответов): an answer written once, reused on every network."""

from __future__ import annotations

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts_registry.networks import Network

PLACEHOLDER = re.compile(r"\{(имя|автор|сообщество)\}")


class ReplyTemplate(models.Model):
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(
        _("text"),
        help_text=_(
            "Placeholders: {имя} — the author's first name, {автор} — the name as the "
            "network shows it, {сообщество} — the account the reply is sent from."
        ),
    )
    network = models.CharField(
        _("network"),
        max_length=20,
        choices=Network.choices,
        blank=True,
        help_text=_("Empty: offered on every network."),
    )
    position = models.PositiveSmallIntegerField(
        _("position"),
        default=10,
        help_text=_("The first nine are inserted with the keys 1–9."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("saved reply")
        verbose_name_plural = _("saved replies")
        ordering = ["position", "title"]

    def __str__(self) -> str:
        return self.title

    def fill(self, item) -> str:
        """The text with the placeholders replaced for ``item``; a placeholder whose
        value is unknown (no name) is left out, with the comma before it."""
        full = (item.author_name or "").strip()
        if full == (item.author_id or ""):
            full = ""  # an id is not a name
        values = {
            "имя": full.split(" ")[0] if full else "",
            "автор": full,
            "сообщество": str(item.account.name) if item.account_id else "",
        }
        text = self.text
        for key, value in values.items():
            if not value:
                text = re.sub(r",?\s*\{" + key + r"\}", "", text)
        return PLACEHOLDER.sub(lambda m: values[m.group(1)], text)

    @classmethod
    def for_item(cls, item):
        return cls.objects.filter(models.Q(network="") | models.Q(network=item.network))
