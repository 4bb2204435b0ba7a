"""«Настройки аккаунтов»: Wagtail's generic list and forms, said in Russian of this
model: whole sentences (``SETTINGS_WORDS``, the register's ``ModelWords``) instead of
the phrases Wagtail builds from the verbose name («1 настройки отправки аккаунта»,
«Нет настройки отправки аккаунта для отображения», «Новый: Настройки…», «…
удалёно»), «да»/«нет» instead of True/False, and names that wrap between words only."""

from __future__ import annotations

from django.forms import Media
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from accounts_registry.admin_words import (
    CreateWordsMixin,
    DeleteWordsMixin,
    EditWordsMixin,
    IndexWordsMixin,
    ModelWords,
    WordsMixin,
)

from .models import AccountSettings
from .slot_form import AccountSettingsForm, slots_in_words

SETTINGS_CSS = ["syndication/account_settings.css"]


def yes_no(settings: AccountSettings) -> str:
    return str(_("yes") if settings.send_by_default else _("no"))


class WithSettingsCss:
    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["media"] += Media(css={"all": SETTINGS_CSS})
        return context


# One model's settings are «настройки» in both numbers, so no verbose name makes
# Wagtail's «N <name>», «Нет <name> для отображения» and «Новый: <name>» Russian.
SETTINGS_WORDS = ModelWords(
    list_title=_("Account settings"),  # as the «Соцсети» menu says
    add=_("Add an account's settings"),
    new=_("New account settings"),
    editing=_("Sending settings"),  # «Настройки отправки: ВКонтакте: …»
    inspecting=_("Sending settings"),
    deleting=_("Deleting the sending settings"),
    created=_("Sending settings of «%(object)s» are saved."),
    updated=_("Sending settings of «%(object)s» are saved."),
    deleted=_("Sending settings of «%(object)s» are deleted."),
    not_created=_("The settings are not saved: correct the errors."),
    not_saved=_("The settings are not saved: correct the errors."),
    search=_("Search settings"),
    empty=_(
        "No account has settings of its own yet: every account sends new pieces by "
        "default, in the common posting slots."
    ),
    count=lambda n: (
        ngettext("settings of %(count)d account", "settings of %(count)d accounts", n)
        % {"count": n}
    ),
    confirm_delete=_(
        "Delete this account's sending settings? It will send by the common rules: "
        "new pieces by default, in the common posting slots."
    ),
)


class SettingsIndexView(WithSettingsCss, IndexWordsMixin, generic.IndexView):
    words = SETTINGS_WORDS
    # The register's results template: the empty list in the words' own sentence.
    results_template_name = "accounts_registry/admin/index_results.html"


class SettingsCreateView(WithSettingsCss, CreateWordsMixin, generic.CreateView):
    words = SETTINGS_WORDS


class SettingsCopyView(WithSettingsCss, CreateWordsMixin, generic.CopyView):
    words = SETTINGS_WORDS


class SettingsEditView(WithSettingsCss, EditWordsMixin, generic.EditView):
    words = SETTINGS_WORDS


class SettingsDeleteView(DeleteWordsMixin, generic.DeleteView):
    words = SETTINGS_WORDS


# The history and usage pages keep Wagtail's titles («История: …»); their crumb to
# the list says what the list's heading says.
class SettingsHistoryView(WordsMixin, generic.HistoryView):
    words = SETTINGS_WORDS


class SettingsUsageView(WordsMixin, generic.UsageView):
    words = SETTINGS_WORDS


class AccountSettingsViewSet(ModelViewSet):
    model = AccountSettings
    icon = "cog"
    menu_label = _("Account settings")
    add_to_admin_menu = False
    index_view_class = SettingsIndexView
    add_view_class = SettingsCreateView
    copy_view_class = SettingsCopyView
    edit_view_class = SettingsEditView
    delete_view_class = SettingsDeleteView
    history_view_class = SettingsHistoryView
    usage_view_class = SettingsUsageView
    list_display = [
        "account",
        Column(
            "send_by_default",
            label=capfirst(
                AccountSettings._meta.get_field("send_by_default").verbose_name
            ),
            accessor=yes_no,
        ),
        Column("slots", label=_("Posting slots"), accessor=slots_in_words),
        "full_text_account",
        "held_at",
        "held_reason",
    ]
    list_filter = ["send_by_default"]
    url_namespace = "syndication_account_settings"
    url_prefix = "syndication/account-settings"

    def get_form_class(self, for_update=False):
        # Days as checkboxes, times as «09:00, 12:30», not the raw JSON.
        return AccountSettingsForm


account_settings_viewset = AccountSettingsViewSet("syndication_account_settings")
