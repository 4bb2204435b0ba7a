"""Wagtail admin wiring of syndication: the delivery log, the calendar, per-account
settings, the page's syndication panel and the «Соцсети» preview in the editor."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import widgets as wagtailadmin_widgets
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab
from wagtail.admin.widgets import SwitchInput

from accounts_registry import conf as registry_conf
from cms.forms import ATTACH_TO_NEWS_PAGE_FORM

from .delivery.scheduling import syndicated_page_types
from .models import NotificationPreference
from .settings_views import account_settings_viewset
from .views import calendar, editor_choice, log, page, plan, preview
from .views.attention import AttentionPanel, attention_count

PAGE_PLACEHOLDER = 987654321

# The «Соцсети» tab of the news piece's editor: the choice of accounts and time.
hooks.register(ATTACH_TO_NEWS_PAGE_FORM, editor_choice.attach)

urlpatterns = [
    path("log/", log.delivery_log, name="syndication_log"),
    path("log/<int:pk>/", log.delivery_detail, name="syndication_delivery"),
    path("log/action/", log.delivery_action, name="syndication_action"),
    path(
        "log/<int:pk>/full-text-page/",
        log.settle_full_text_page,
        name="syndication_full_text_page",
    ),
    path("calendar/", calendar.delivery_calendar, name="syndication_calendar"),
    path("calendar/move/", calendar.move_card, name="syndication_calendar_move"),
    path("page/<int:page_id>/", page.page_syndication, name="syndication_page"),
    path("page/<int:page_id>/send/", page.page_send_now, name="syndication_send"),
    path(
        "page/<int:page_id>/delete-remote/",
        page.page_delete_remote,
        name="syndication_delete_remote",
    ),
    path(
        "page/<int:page_id>/preview/", preview.page_preview, name="syndication_preview"
    ),
    path(
        "new/<slug:app_label>/<slug:model_name>/<int:parent_id>/preview/",
        preview.new_page_preview,
        name="syndication_new_preview",
    ),
]


@hooks.register("register_admin_urls")
def register_urls():
    return [path("syndication/", include(urlpatterns))]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return account_settings_viewset


def with_count(label, count: int):
    """«Журнал отправок (2)»: the posts that need a person, where people look."""
    return f"{label} ({count})" if count else label


class PermissionMenuItem(MenuItem):
    """A menu item shown only to users with ``permission`` (the views check it too)."""

    def __init__(self, *args, permission: str, counted: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission
        self.counted = counted

    def is_shown(self, request):
        return request.user.has_perm(self.permission)

    def render_component(self, request):
        component = super().render_component(request)
        if self.counted:
            component.label = with_count(self.label, attention_count(request.user))
        return component


class SyndicationMenu(SubmenuMenuItem):
    def is_shown(self, request):
        return any(item.is_shown(request) for item in self.menu.initial_menu_items)

    def render_component(self, request):
        component = super().render_component(request)
        component.label = with_count(self.label, attention_count(request.user))
        return component


@hooks.register("construct_homepage_panels")
def attention_panel(request, panels):
    panels.append(AttentionPanel(request))


@hooks.register("register_admin_menu_item")
def register_menu():
    submenu = Menu(
        items=[
            PermissionMenuItem(
                _("Delivery log"),
                reverse("syndication_log"),
                icon_name="list-ul",
                permission="syndication.view_delivery",
                counted=True,
            ),
            PermissionMenuItem(
                _("Calendar"),
                reverse("syndication_calendar"),
                icon_name="date",
                permission="syndication.view_delivery",
            ),
            PermissionMenuItem(
                _("Account settings"),
                reverse("syndication_account_settings:index"),
                icon_name="cog",
                permission="syndication.view_accountsettings",
            ),
        ]
    )
    return SyndicationMenu(_("Social networks"), submenu, icon_name="globe", order=250)


def is_syndicated(page) -> bool:
    return isinstance(page.specific_deferred, syndicated_page_types())


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name, next_url=None):
    if is_syndicated(page):
        yield wagtailadmin_widgets.Button(
            _("Social networks"),
            reverse("syndication_page", args=[page.pk]),
            icon_name="globe",
            priority=62,
        )


@hooks.register("insert_editor_js")
def editor_preview_panel():
    return render_to_string(
        "syndication/editor_panel.html",
        {
            "preview_url": reverse("syndication_preview", args=[PAGE_PLACEHOLDER]),
            "new_preview_url": reverse(
                "syndication_new_preview", args=["app", "model", PAGE_PLACEHOLDER]
            ),
            "panel_url": reverse("syndication_page", args=[PAGE_PLACEHOLDER]),
            "placeholder": PAGE_PLACEHOLDER,
        },
    )


@hooks.register("insert_global_admin_css")
def preview_css():
    # The preview cards live in the editor's side panel, so their styles load there.
    return format_html(
        '<link rel="stylesheet" href="{}">', static("syndication/preview.css")
    )


@hooks.register("after_publish_page")
def say_what_happens_next(request, page):
    """After «Опубликовать», the editor reads when each network gets the post."""
    if not is_syndicated(page):
        return
    messages.info(request, plan.plan_message(plan.planned_for(page)))


@hooks.register("after_edit_page")
def say_what_happens_after_approval(request, page):
    """Approving in the editor publishes through the workflow, not «Опубликовать»:
    the chief editor reads what happens next there too."""
    approved = (
        request.method == "POST"
        and request.POST.get("workflow-action-name") == "approve"
    )
    page.refresh_from_db(fields=["live", "live_revision"])  # the workflow published it
    if approved and page.live:
        say_what_happens_next(request, page)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    # A move in the calendar shows in the page's history.
    actions.register_action(
        "syndication.move", _("Move the posts"), _("Posts in the networks moved")
    )


class DeliveryNotificationsForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = ["delivery_problems"]
        widgets = {"delivery_problems": SwitchInput()}  # as Wagtail's own choices


@hooks.register("register_account_settings_panel")
class DeliveryNotificationsPanel(BaseSettingsPanel):
    """«Уведомления» → whether the deliveries of one's pages that need a person are
    e-mailed (``syndication.notifications``), beside Wagtail's own choices."""

    name = "syndication_notifications"
    title = _("Posts to networks")
    tab = notifications_tab
    order = 110
    form_class = DeliveryNotificationsForm

    def get_form(self):
        instance = NotificationPreference.objects.filter(
            user=self.user
        ).first() or NotificationPreference(user=self.user)
        if self.request.method == "POST":
            form = self.form_class(
                self.request.POST, instance=instance, prefix=self.name
            )
        else:
            form = self.form_class(instance=instance, prefix=self.name)
        if self.user.groups.filter(name=registry_conf.TECH_GROUP).exists():
            # The same switch governs the technician's mail about incoming comments
            # that could not be handled (moderation/set_aside.py): say so where it is set.
            form.fields["delivery_problems"].help_text = _(
                "Technicians also get a letter when incoming comments from the "
                "networks could not be handled."
            )
        return form
