"""«Настройки отправки аккаунта»: Wagtail's generic list and forms, said in Russian of
this model (whole sentences, «Настройки … сохранены», not the generic «… создана»),
«да»/«нет» instead of True/False, and names that wrap between words only."""

from __future__ import annotations

from django.forms import Media
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

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


class SettingsIndexView(WithSettingsCss, generic.IndexView):
    pass


class SettingsCreateView(WithSettingsCss, generic.CreateView):
    success_message = _("Sending settings of «%(object)s» are saved.")


class SettingsEditView(WithSettingsCss, generic.EditView):
    success_message = _("Sending settings of «%(object)s» are saved.")


class AccountSettingsViewSet(ModelViewSet):
    model = AccountSettings
    icon = "cog"
    menu_label = _("Account settings")
    add_to_admin_menu = False
    index_view_class = SettingsIndexView
    add_view_class = SettingsCreateView
    edit_view_class = SettingsEditView
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
