"""Admin screens for rules, the watch list, saved replies and webhook settings.

Guarded by the models' own permissions: a «Старший модератор» adds and edits rules
and the watch list, every moderator reads them (the inspect view) and keeps the saved
replies; webhook secrets stay with administrators."""

from __future__ import annotations

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from .capabilities import network_refusal, networks_that
from .models import ReplyTemplate, Rule, WatchedAuthor, WebhookEndpoint
from .permissions import moderators
from .webhooks.admin_form import WebhookEndpointForm

# What each rule action needs from the network (a hide falls back to a delete).
RULE_NEEDS = {
    Rule.Action.DELETE: "delete",
    Rule.Action.HIDE: "delete",
    Rule.Action.BAN: "ban",
}


class RuleForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "assignee" in self.fields:
            self.fields["assignee"].queryset = moderators()
        if "action" in self.fields:
            self.fields["action"].help_text = _(
                "Blacklisting works on: %(networks)s. Hiding where the network "
                "cannot hide deletes."
            ) % {"networks": ", ".join(networks_that("ban"))}

    def clean(self):
        data = super().clean()
        action = data.get("action")
        account = data.get("account")
        network = data.get("network") or (account.network if account else "")
        if account and data.get("network") and account.network != data["network"]:
            self.add_error("account", _("The account is on another network."))
        needed = RULE_NEEDS.get(action)
        if network and needed:
            why = network_refusal(network, needed)
            if why:
                self.add_error("action", why)
        if action == Rule.Action.ASSIGN and not data.get("assignee"):
            self.add_error("assignee", _("Choose who gets the items."))
        return data


class RuleCreateView(generic.CreateView):
    success_message = _("Rule «%(object)s» created.")


class RuleEditView(generic.EditView):
    success_message = _("Rule «%(object)s» saved.")


class RuleDeleteView(generic.DeleteView):
    success_message = _("Rule «%(object)s» deleted.")


def on_off(value: bool) -> str:
    return pgettext("rule switch", "on") if value else pgettext("rule switch", "off")


class OnOffColumn(Column):
    def get_value(self, instance):
        return on_off(super().get_value(instance))


class DryRunColumn(Column):
    def get_value(self, instance):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("moderation_rule_dry_run", args=[instance.pk]),
            _("Try on the inbox"),
        )


class RuleViewSet(ModelViewSet):
    model = Rule
    icon = "cogs"
    menu_label = _("Moderation rules")
    add_to_settings_menu = True
    inspect_view_enabled = True  # what a moderator without «change» opens
    add_view_class = RuleCreateView
    edit_view_class = RuleEditView
    delete_view_class = RuleDeleteView
    list_display = [
        "name",
        "priority",
        OnOffColumn("enabled", label=pgettext_lazy("rule column", "Enabled")),
        OnOffColumn("dry_run", label=pgettext_lazy("rule column", "Dry run")),
        "action",
        "match_count",
        "dry_run_count",
        DryRunColumn("dry_run_link", label=_("Dry run")),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel(name)
            for name in (
                "name",
                "enabled",
                "dry_run",
                "priority",
                "label",
                "min_score",
                "network",
                "account",
                "keyword",
                "watched_authors_only",
                "action",
                "reason",
                "assignee",
                "ban_days",
            )
        ],  # fmt: skip
        base_form_class=RuleForm,
    )


class WatchedAuthorCreateView(generic.CreateView):
    success_message = _("Author «%(object)s» added to the watch list.")


class WatchedAuthorEditView(generic.EditView):
    success_message = _("Author «%(object)s» saved.")


class WatchedAuthorViewSet(ModelViewSet):
    model = WatchedAuthor
    icon = "view"
    menu_label = _("Watched authors")
    add_to_settings_menu = True
    inspect_view_enabled = True
    add_view_class = WatchedAuthorCreateView
    edit_view_class = WatchedAuthorEditView
    list_display = ["network", "author_id", "note"]
    form_fields = ["network", "author_id", "note"]


class ReplyTemplateCreateView(generic.CreateView):
    success_message = _("Saved reply «%(object)s» created.")


class ReplyTemplateEditView(generic.EditView):
    success_message = _("Saved reply «%(object)s» saved.")


class ReplyTemplateDeleteView(generic.DeleteView):
    success_message = _("Saved reply «%(object)s» deleted.")


class ReplyTemplateViewSet(ModelViewSet):
    model = ReplyTemplate
    icon = "openquote"
    menu_label = _("Saved replies")
    add_to_settings_menu = True
    add_view_class = ReplyTemplateCreateView
    edit_view_class = ReplyTemplateEditView
    delete_view_class = ReplyTemplateDeleteView
    list_display = ["title", "network", "position"]
    edit_handler = ObjectList(
        [FieldPanel(n) for n in ("title", "text", "network", "position")],
    )


class WebhookEndpointViewSet(ModelViewSet):
    model = WebhookEndpoint
    icon = "link"
    menu_label = _("Webhook settings")
    add_to_settings_menu = True
    list_display = ["account", "secret_hint", "enabled"]

    def get_form_class(self, for_update=False):
        # The secret is write-only (issue 12.6): moderation/webhooks/admin_form.py.
        return WebhookEndpointForm
