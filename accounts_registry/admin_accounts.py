"""«Аккаунты»: the register in Wagtail's admin (a ModelViewSet): the list with its
filters, search and export, the account's page (credential, reports with their
deadlines, access, design, history) and the forms. Credentials are not model-form fields
at all: they are set on their own write-only screen (``admin_views.set_credential``)."""

from django.http import HttpResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.widgets.button import Button

from . import admin_words, design
from .admin_base import (
    ChangedByMixin,
    RegistryCreateView,
    RegistryEditView,
    RegistryIndexView,
    RegistryInspectView,
    RegistryViewSet,
)
from .admin_columns import day
from .admin_filters import AccountFilterSet
from .admin_urls import account_url
from .admin_views import connect_url
from .expiry import expiry_words
from .exporting import COLUMNS, export, restricted_warning
from .history import change_rows
from .models import Account


def report_state(account) -> str:
    obligations = account.report_obligations.all()  # prefetched by the list
    if any(o.is_overdue for o in obligations):
        return _("overdue")
    if any(o.reported_on is None for o in obligations):
        return _("to be reported")
    return "—"


def token_state(account) -> str:
    if account.is_blocked:
        return _("blocked network")
    if not account.has_credential:
        return _("not set")
    if account.has_token_problem:
        return _("problem")
    return _("in order")


def deadline(obligation) -> str:
    """What is left of the 10 days, said in words («осталось 2 дня»)."""
    if obligation.reported_on is not None:
        return ""
    if obligation.is_overdue:
        return _("overdue")
    days = obligation.days_left
    if days == 0:
        return _("due today")
    return ngettext("%(days)d day left", "%(days)d days left", days) % {"days": days}


# Changes shown on the account's page before «Показать всю историю».
HISTORY_SHOWN = 20
# Together the old and the new value are this long or longer: «было» and «стало» on
# lines of their own, not «old → new» on one.
LONG_CHANGE = 60


def history_rows(change) -> list[tuple[str, str, str, bool]]:
    return [
        (label, old, new, bool(old) and len(old) + len(new) >= LONG_CHANGE)
        for label, old, new in change_rows(change)
    ]


class AccountIndexView(RegistryIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("report_obligations")

    def as_spreadsheet(self, queryset, spreadsheet_format):
        # The same exporter as `manage.py registry export`, on the filtered list: it
        # neutralises would-be formulas (cms.spreadsheets) and writes Russian headings.
        content, content_type, filename = export(queryset, spreadsheet_format)
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        user = self.request.user
        if user.has_perm("accounts_registry.set_credential"):
            buttons.append(
                MenuItem(
                    _("Credential"),
                    url=reverse("registry_set_credential", args=[instance.pk]),
                    icon_name="key",
                    priority=25,
                )
            )
        # The register's own history (who changed which field, the credential, the
        # reports) is on the account's page; Wagtail's history view only lists the
        # admin's log entries, empty for an account imported or changed elsewhere.
        buttons.append(
            MenuItem(
                _("History"),
                url=account_url(instance) + "#history",
                icon_name="history",
                priority=28,
            )
        )
        return buttons

    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        # Wagtail's own, but the account's name opens its page (reports with their
        # deadlines, credential, history), not the form: that is what the keeper looks
        # for; «Редактировать» is one click on.
        column_class = self._get_title_column_class(column_class)
        return self._get_custom_column(
            field_name, column_class, get_url=self.get_inspect_url, **kwargs
        )


class AccountCreateView(ChangedByMixin, RegistryCreateView):
    pass


class AccountEditView(ChangedByMixin, RegistryEditView):
    pass


class AccountInspectView(RegistryInspectView):
    def get_field_display_value(self, field_name, field):
        value = getattr(self.object, field_name, None)
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if value is None or value == "":
            return "—"
        return super().get_field_display_value(field_name, field)

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        account, user = self.object, self.request.user
        if user.has_perm("accounts_registry.add_notification") and any(
            ob.reported_on is None for ob in account.report_obligations.all()
        ):
            url = reverse("registry_notification_new") + f"?account={account.pk}"
            buttons.append(
                Button(_("Generate notification"), url=url, icon_name="doc-full")
            )
        buttons.append(
            Button(
                _("History"),
                url="#history",
                icon_name="history",
                priority=40,
            )
        )
        return buttons

    def history_context(self, account) -> dict:
        """The newest changes first; the whole history with ``?history=all``."""
        changes = account.changes.select_related("user")
        total = changes.count()
        show_all = self.request.GET.get("history") == "all"
        shown = changes if show_all else changes[:HISTORY_SHOWN]
        return {
            "history": [(c, history_rows(c)) for c in shown],
            "history_total": total,
            "history_all": show_all,
            "history_count_words": ngettext(
                "%(count)d change", "%(count)d changes", total
            )
            % {"count": total},
        }

    def get_context_data(self, **kwargs):
        account = self.object
        user = self.request.user
        context = super().get_context_data(**kwargs)
        context.update(
            account=account,
            restricted_warning=restricted_warning() if account.is_restricted else "",
            **self.history_context(account),
            obligations=[(ob, deadline(ob)) for ob in account.report_obligations.all()],
            grants=account.access_grants.select_related("user"),
            designs=account.design_versions.all()[:20],
            can_set_credential=user.has_perm("accounts_registry.set_credential"),
            can_change=user.has_perm("accounts_registry.change_account"),
            can_apply_design=design.can_apply(account),
            credential_url=reverse("registry_set_credential", args=[account.pk]),
            design_url=reverse("registry_design", args=[account.pk]),
            check_url=reverse("registry_check", args=[account.pk]),
            connect_url=connect_url(account),
            credential_expiry=(
                expiry_words(account.credential_expires_at)
                if account.credential_expires_at
                else ""
            ),
        )
        return context


class AccountViewSet(RegistryViewSet):
    model = Account
    words = admin_words.ACCOUNT
    icon = "group"
    url_prefix = "accounts_registry/account"
    index_view_class = AccountIndexView
    add_view_class = AccountCreateView
    edit_view_class = AccountEditView
    inspect_view_class = AccountInspectView
    inspect_view_enabled = True
    inspect_template_name = "accounts_registry/inspect_account.html"
    list_display = [
        "name",
        "network",
        "status",
        day(Account, "created_on"),
        "responsible",
        Column("report", label=capfirst(gettext_lazy("report")), accessor=report_state),
        Column("token", label=capfirst(gettext_lazy("token")), accessor=token_state),
    ]
    filterset_class = AccountFilterSet
    search_fields = ["name", "external_id", "url", "responsible", "purpose", "notes"]
    list_export = COLUMNS
    export_filename = "registry"
    panels = [
        HelpPanel(
            content=format_html(
                '<p class="help-block help-warning">{}</p>',
                gettext_lazy(
                    "Facebook and Instagram (Meta Platforms Inc.) are recognised as "
                    "extremist and blocked in Russia since 21.03.2022: such accounts "
                    "are only kept in the register and are never published to."
                ),
            )
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("network"), FieldPanel("kind")]),
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("external_id"), FieldPanel("url")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("is_active")]),
                FieldRowPanel([FieldPanel("created_on"), FieldPanel("deleted_on")]),
                FieldPanel("responsible"),
                FieldPanel("purpose"),
            ],
            heading=gettext_lazy("Register"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("verified"),
                FieldRowPanel([FieldPanel("owner_2fa"), FieldPanel("admins_2fa")]),
                FieldRowPanel(
                    [
                        FieldPanel("widget_report_problem"),
                        FieldPanel("widget_give_opinion"),
                    ]
                ),
                FieldPanel("subscribers"),
                FieldPanel("notes"),
            ],
            heading=gettext_lazy("State page and security"),
        ),
    ]
    inspect_view_fields = [
        "network",
        "kind",
        "name",
        "external_id",
        "url",
        "status",
        "is_active",
        "created_on",
        "deleted_on",
        "responsible",
        "purpose",
        "verified",
        "subscribers",
        "subscribers_synced_at",
        "owner_2fa",
        "admins_2fa",
        "widget_report_problem",
        "widget_give_opinion",
        "notes",
    ]


account_viewset = AccountViewSet("registry_account")
