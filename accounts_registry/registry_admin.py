"""The register in Wagtail's admin (wagtail-modeladmin): list, filters, search, inspect view
with history, export. Credentials are not model-form fields at all: they are set on their
own write-only screen (``admin_views.set_credential``)."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    MultiFieldPanel,
)
from wagtail.log_actions import log
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup
from wagtail_modeladmin.views import (
    CreateView,
    DeleteView,
    EditView,
    IndexView,
    InspectView,
)

from . import modeladmin_words as admin_words
from .admin_filters import OverdueReportFilter, TokenProblemFilter
from .design import can_apply
from .exporting import COLUMNS, export, restricted_warning
from .history import change_rows
from .modeladmin_words import (
    CreateWordsMixin,
    DeleteWordsMixin,
    EditWordsMixin,
    InspectWordsMixin,
    WordsMixin,
)
from .models import Account
from .oauth.providers import provider_for


class ChangedByMixin:
    """Record the admin user as the author of the change in the account's history."""

    def form_valid(self, form):
        form.instance.changed_by = self.request.user
        return super().form_valid(form)


class AccountCreateView(ChangedByMixin, CreateWordsMixin, CreateView):
    pass


class AccountEditView(ChangedByMixin, EditWordsMixin, EditView):
    pass


class RegistryIndexView(WordsMixin, IndexView):
    pass


class RegistryDeleteView(DeleteWordsMixin, DeleteView):
    def confirmation_message(self):
        return self.words.confirm_delete

    def post(self, request, *args, **kwargs):
        # modeladmin's own post() with the message said of the model
        # (it says «%(model_name)s '%(object)s' deleted.»).
        message = self.words.deleted % {"object": self.instance}
        with transaction.atomic():
            log(instance=self.instance, action="wagtail.delete")
            self.delete_instance()
        messages.success(request, message)
        return redirect(self.index_url)


class AccountIndexView(RegistryIndexView):
    def as_spreadsheet(self, queryset, spreadsheet_format):
        # The same exporter as `manage.py registry export`, on the filtered list.
        content, content_type, filename = export(queryset, spreadsheet_format)
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class AccountInspectView(InspectWordsMixin, InspectView):
    def get_field_label(self, field_name, field=None):
        return capfirst(super().get_field_label(field_name, field))

    def get_field_display_value(self, field_name, field=None):
        value = getattr(self.instance, field_name, None)
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        return super().get_field_display_value(field_name, field)

    def get_template_names(self):
        return ["accounts_registry/inspect_account.html"]

    def get_context_data(self, **kwargs):
        account = self.instance
        user = self.request.user
        changes = account.changes.select_related("user")[:200]
        context = super().get_context_data(**kwargs)
        context.update(
            account=account,
            restricted_warning=restricted_warning() if account.is_restricted else "",
            history=[(c, change_rows(c)) for c in changes],
            obligations=account.report_obligations.all(),
            grants=account.access_grants.select_related("user"),
            designs=account.design_versions.all()[:20],
            can_set_credential=user.has_perm("accounts_registry.set_credential"),
            can_change=user.has_perm("accounts_registry.change_account"),
            can_apply_design=_can_apply_design(account),
            credential_url=reverse("registry_set_credential", args=[account.pk]),
            design_url=reverse("registry_design", args=[account.pk]),
            check_url=reverse("registry_check", args=[account.pk]),
            connect_url=_connect_url(account),
        )
        return context


def _connect_url(account) -> str:
    if provider_for(account.network) is None:
        return ""
    return reverse("registry_oauth_connect", args=[account.pk])


def _can_apply_design(account) -> bool:
    return can_apply(account)


# Every list of the register wraps between words only (admin.css).
LIST_CSS = ["accounts_registry/admin.css"]


class AccountAdmin(ModelAdmin):
    model = Account
    words = admin_words.ACCOUNT
    index_view_extra_css = LIST_CSS
    menu_label = _("Accounts")
    menu_icon = "group"
    index_view_class = AccountIndexView
    create_view_class = AccountCreateView
    edit_view_class = AccountEditView
    inspect_view_class = AccountInspectView
    inspect_view_enabled = True
    list_display = (
        "name",
        "network",
        "status",
        "created_on",
        "responsible",
        "report_state",
        "token_state",
    )
    list_filter = (
        "network",
        "status",
        "kind",
        OverdueReportFilter,
        TokenProblemFilter,
    )
    search_fields = ("name", "external_id", "url", "responsible", "purpose", "notes")
    list_export = COLUMNS
    export_filename = "registry"
    panels = [
        HelpPanel(
            content=format_html(
                '<p class="help-block help-warning">{}</p>',
                _(
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
            heading=_("Register"),
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
            heading=_("State page and security"),
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

    def report_state(self, obj):
        overdue = [o for o in obj.report_obligations.all() if o.is_overdue]
        if overdue:
            return _("overdue")
        if any(o.reported_on is None for o in obj.report_obligations.all()):
            return _("to be reported")
        return "—"

    report_state.short_description = _("report")

    def token_state(self, obj):
        if obj.is_blocked:
            return _("blocked network")
        if not obj.has_credential:
            return _("not set")
        if obj.has_token_problem:
            return _("problem")
        return _("in order")

    token_state.short_description = _("token")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("report_obligations")


class RegistryGroup(ModelAdminGroup):
    menu_label = _("Accounts registry")
    menu_icon = "group"
    menu_order = 250
    items = (AccountAdmin,)
