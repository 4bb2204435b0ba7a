"""«Уведомления (10 дней)»: the register's report obligations in Wagtail's admin. A report
is added by the register itself (an account created or deleted) and marked sent with the
letter; the edit form only records the outgoing number and date."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem

from . import admin_words
from .admin_base import (
    RegistryCreateView,
    RegistryEditView,
    RegistryIndexView,
    RegistryViewSet,
)
from .admin_columns import day
from .admin_filters import ObligationFilterSet
from .admin_urls import account_url
from .history import record_event
from .obligations import ReportObligation, due_date


class ObligationIndexView(RegistryIndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            MenuItem(
                _("Account"),
                url=account_url(instance.account_id),
                icon_name="group",
                priority=40,
            )
        )
        return buttons


class ObligationCreateView(RegistryCreateView):
    """A report added by hand (an account created before the register was kept):
    the account, the event and its date are asked for, the due date follows. With
    the edit screen's two fields only, every new obligation failed in the database
    (issue 12.10: an empty form gave 500 on ``event_date``)."""

    def form_valid(self, form):
        form.instance.due_on = due_date(form.instance.event_date)
        return super().form_valid(form)


class ObligationEditView(RegistryEditView):
    def form_valid(self, form):
        response = super().form_valid(form)
        ob = form.instance
        sent = ob.reported_on.strftime("%d.%m.%Y") if ob.reported_on else ""
        record_event(
            ob.account,
            "reported",
            {
                "report": [
                    "",
                    f"{ob.get_event_display()}: № {ob.outgoing_number} {sent}",
                ]
            },
            actor=self.request.user,
        )
        return response


CREATE_PANELS = ObjectList(
    [
        FieldPanel("account"),
        FieldRowPanel([FieldPanel("event"), FieldPanel("event_date")]),
        FieldRowPanel([FieldPanel("reported_on"), FieldPanel("outgoing_number")]),
    ]
)


class ObligationViewSet(RegistryViewSet):
    model = ReportObligation
    words = admin_words.OBLIGATION
    icon = "date"
    url_prefix = "accounts_registry/reportobligation"
    index_view_class = ObligationIndexView
    add_view_class = ObligationCreateView
    edit_view_class = ObligationEditView
    list_display = [
        "account",
        "event",
        day(ReportObligation, "event_date"),
        day(ReportObligation, "due_on"),
        day(ReportObligation, "reported_on"),
        "outgoing_number",
    ]
    filterset_class = ObligationFilterSet
    search_fields = ["account__name", "outgoing_number"]
    panels = [FieldPanel("reported_on"), FieldPanel("outgoing_number")]

    def get_add_view_kwargs(self, **kwargs):
        panel = CREATE_PANELS.bind_to_model(self.model)
        return super().get_add_view_kwargs(
            panel=panel, form_class=panel.get_form_class(), **kwargs
        )


obligation_viewset = ObligationViewSet("registry_reportobligation")
