"""Admin screens for rules, the watch list and webhook settings (Settings menu).

Guarded by the models' own permissions: the «Модератор» group does not have them, so
only administrators change rules and webhook secrets."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Rule, WatchedAuthor, WebhookEndpoint


class RuleViewSet(ModelViewSet):
    model = Rule
    icon = "cogs"
    menu_label = _("Moderation rules")
    add_to_settings_menu = True
    list_display = ["name", "priority", "enabled", "dry_run", "action", "match_count",
                    "dry_run_count"]  # fmt: skip
    form_fields = ["name", "enabled", "dry_run", "priority", "label", "min_score",
                   "network", "account", "keyword", "watched_authors_only", "action",
                   "reason", "assignee", "ban_days"]  # fmt: skip


class WatchedAuthorViewSet(ModelViewSet):
    model = WatchedAuthor
    icon = "view"
    menu_label = _("Watched authors")
    add_to_settings_menu = True
    list_display = ["network", "author_id", "note"]
    form_fields = ["network", "author_id", "note"]


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    icon = "link"
    menu_label = _("Webhook settings")
    add_to_settings_menu = True
    list_display = ["account", "enabled"]
    form_fields = ["account", "confirmation_code", "secret", "enabled"]
