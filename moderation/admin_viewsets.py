"""Admin screens for rules, the watch list, saved replies and webhook settings.

Guarded by the models' own permissions: a «Старший модератор» adds and edits rules
and the watch list, every moderator reads them (the inspect view) and keeps the saved
replies; the technician reads and edits the webhook settings (``groups.py``), the
administrators add and delete them. Every screen speaks the list's own sentences
(``admin_words``), not Wagtail's phrases built from the verbose name."""

from __future__ import annotations

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from accounts_registry.admin_words import (
    CreateWordsMixin,
    DeleteWordsMixin,
    EditWordsMixin,
    IndexWordsMixin,
    InspectWordsMixin,
    ViewSetWordsMixin,
    WordsMixin,
)

from . import admin_words
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


# «Включено» of a rule, «Включён» of a webhook: the field's shared verbose name takes
# one gender for every model.
RULE_ENABLED = pgettext_lazy("rule column", "Enabled")
WEBHOOK_ENABLED = pgettext_lazy("webhook column", "Enabled")


class RuleForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "enabled" in self.fields:
            self.fields["enabled"].label = RULE_ENABLED
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


def yes_no(value: bool) -> str:
    return pgettext("inspect", "yes") if value else pgettext("inspect", "no")


def on_off(value: bool) -> str:
    return pgettext("rule switch", "on") if value else pgettext("rule switch", "off")


class OnOffColumn(Column):
    def get_value(self, instance):
        return on_off(super().get_value(instance))


class NetworkColumn(Column):
    """A saved reply without a network is offered everywhere: say so, not a blank."""

    def get_value(self, instance):
        return instance.get_network_display() or _("every network")


class DryRunColumn(Column):
    def get_value(self, instance):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("moderation_rule_dry_run", args=[instance.pk]),
            _("Try on the inbox"),
        )


class WordsIndexView(IndexWordsMixin, generic.IndexView):
    # The register's results template: an empty list in the words' own sentence.
    results_template_name = "accounts_registry/admin/index_results.html"


class WordsCreateView(CreateWordsMixin, generic.CreateView):
    pass


class WordsCopyView(CreateWordsMixin, generic.CopyView):
    pass


class WordsEditView(EditWordsMixin, generic.EditView):
    pass


class WordsDeleteView(DeleteWordsMixin, generic.DeleteView):
    def get_usage_url(self):
        # Nothing Wagtail indexes (pages, snippets) refers to a rule, an author, a
        # reply or a webhook: the summary would always say «На автор под наблюдением
        # ссылались 0 раз», nothing useful in broken Russian.
        return None


class WordsInspectView(InspectWordsMixin, generic.InspectView):
    def get_field_display_value(self, field_name, field):
        # «да»/«нет» and a dash, not True/False/None (a moderator reads the rules here).
        value = super().get_field_display_value(field_name, field)
        if value is True or value is False:
            return yes_no(value)
        if value is None or value == "":
            return "—"
        return value


class RuleInspectView(WordsInspectView):
    def get_field_label(self, field_name, field):
        if field_name == "enabled":
            return RULE_ENABLED
        return super().get_field_label(field_name, field)


# History and usage keep Wagtail's titles («История: …»); their crumb to the list
# says what the list's heading says.
class WordsHistoryView(WordsMixin, generic.HistoryView):
    pass


class WordsUsageView(WordsMixin, generic.UsageView):
    pass


class RuleFilters(WagtailFilterSet):
    class Meta:
        model = Rule
        fields = ["enabled", "action", "network"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["enabled"].label = RULE_ENABLED


class WebhookFilters(WagtailFilterSet):
    class Meta:
        model = WebhookEndpoint
        fields = ["enabled"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["enabled"].label = WEBHOOK_ENABLED


class WordsViewSet(ViewSetWordsMixin, ModelViewSet):
    """A moderation list whose every screen takes its sentences from ``words``."""

    add_to_settings_menu = True
    index_view_class = WordsIndexView
    add_view_class = WordsCreateView
    copy_view_class = WordsCopyView
    edit_view_class = WordsEditView
    delete_view_class = WordsDeleteView
    inspect_view_class = WordsInspectView
    history_view_class = WordsHistoryView
    usage_view_class = WordsUsageView
    inspect_view_fields_exclude = ["id"]

    def get_history_view_kwargs(self, **kwargs):
        return super().get_history_view_kwargs(words=self.words, **kwargs)

    def get_usage_view_kwargs(self, **kwargs):
        return super().get_usage_view_kwargs(words=self.words, **kwargs)


class RuleViewSet(WordsViewSet):
    model = Rule
    words = admin_words.RULE
    icon = "cogs"
    inspect_view_enabled = True  # what a moderator without «change» opens
    inspect_view_class = RuleInspectView
    search_fields = ["name", "keyword"]
    filterset_class = RuleFilters
    list_display = [
        "name",
        "priority",
        OnOffColumn("enabled", label=RULE_ENABLED),
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


class WatchedAuthorViewSet(WordsViewSet):
    model = WatchedAuthor
    words = admin_words.WATCHED
    icon = "view"
    inspect_view_enabled = True
    copy_view_enabled = False  # the same author cannot be watched twice
    search_fields = ["author_id", "note"]
    list_filter = ["network"]
    list_display = ["author_id", "network", "note"]  # the id opens the author
    form_fields = ["network", "author_id", "note"]


class ReplyTemplateViewSet(WordsViewSet):
    model = ReplyTemplate
    words = admin_words.REPLY
    icon = "openquote"
    search_fields = ["title", "text"]
    list_filter = ["network"]
    list_display = [
        "title",
        NetworkColumn(
            "network",
            label=pgettext_lazy("saved reply column", "Network"),
            sort_key="network",
        ),
        "position",
    ]
    edit_handler = ObjectList(
        [FieldPanel(n) for n in ("title", "text", "network", "position")],
    )


class WebhookEndpointViewSet(WordsViewSet):
    model = WebhookEndpoint
    words = admin_words.WEBHOOK
    icon = "link"
    # One per account, and the secret is never copied: a copy would be a half form.
    copy_view_enabled = False
    list_display = [
        "account",
        "secret_hint",
        OnOffColumn("enabled", label=WEBHOOK_ENABLED),
    ]
    filterset_class = WebhookFilters

    def get_form_class(self, for_update=False):
        # The secret is write-only (issue 12.6): moderation/webhooks/admin_form.py.
        return WebhookEndpointForm
