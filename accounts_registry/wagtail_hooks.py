from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSetGroup

from . import admin_views, notification_views, restricted_views, two_factor
from .admin_access import access_viewset
from .admin_accounts import account_viewset
from .admin_obligations import obligation_viewset
from .admin_urls import legacy_urls
from .dashboard import RegistryPanel, TokenHealthPanel
from .oauth import views as oauth_views


class NotificationMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("accounts_registry.add_notification")


class RestrictedNetworksMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("accounts_registry.view_restrictednetworkdecision")


class RegistryGroup(ModelViewSetGroup):
    """«Реестр аккаунтов» in the main menu: the three lists, then the letter and the
    blocked networks (views of their own, not model lists)."""

    menu_label = _("Accounts registry")
    menu_icon = "group"
    menu_order = 250
    items = (account_viewset, obligation_viewset, access_viewset)

    def get_submenu_items(self):
        items = super().get_submenu_items()
        items.append(
            RestrictedNetworksMenuItem(
                _("Blocked networks"),
                reverse("registry_restricted_networks"),
                icon_name="warning",
                order=950,
            )
        )
        items.append(
            NotificationMenuItem(
                _("Generate notification"),
                reverse("registry_notification_new"),
                icon_name="doc-full",
                order=900,
            )
        )
        return items


@hooks.register("register_admin_viewset")
def register_registry():
    return RegistryGroup()


@hooks.register("register_admin_urls")
def registry_urls():
    return [
        *legacy_urls([account_viewset, obligation_viewset, access_viewset]),
        path("registry/2fa/setup/", two_factor.setup, name="registry_otp_setup"),
        path("registry/2fa/verify/", two_factor.verify, name="registry_otp_verify"),
        path(
            "registry/account/<int:pk>/credential/",
            admin_views.set_credential,
            name="registry_set_credential",
        ),
        path(
            "registry/account/<int:pk>/design/",
            admin_views.design_view,
            name="registry_design",
        ),
        path(
            "registry/account/<int:pk>/design/<int:version_pk>/apply/",
            admin_views.apply_design,
            name="registry_apply_design",
        ),
        path(
            "registry/account/<int:pk>/check/",
            admin_views.check_now,
            name="registry_check",
        ),
        path(
            "registry/account/<int:pk>/connect/",
            oauth_views.connect,
            name="registry_oauth_connect",
        ),
        path(
            "registry/oauth/<str:network>/callback/",
            oauth_views.callback,
            name="registry_oauth_callback",
        ),
        path(
            "registry/restricted-networks/",
            restricted_views.restricted_networks,
            name="registry_restricted_networks",
        ),
        path(
            "registry/notifications/new/",
            notification_views.new_notification,
            name="registry_notification_new",
        ),
        path(
            "registry/notifications/<int:pk>/",
            notification_views.notification_page,
            name="registry_notification",
        ),
        path(
            "registry/notifications/<int:pk>/docx/",
            notification_views.notification_docx,
            name="registry_notification_docx",
        ),
        path(
            "registry/notifications/<int:pk>/pdf/",
            notification_views.notification_pdf,
            name="registry_notification_pdf",
        ),
        path(
            "registry/notifications/<int:pk>/sent/",
            notification_views.mark_sent,
            name="registry_notification_sent",
        ),
        path(
            "registry/notifications/<int:pk>/sent-document/",
            notification_views.sent_document,
            name="registry_notification_sent_document",
        ),
    ]


@hooks.register("construct_homepage_panels")
def add_registry_panel(request, panels):
    panels.append(RegistryPanel(request.user))
    panels.append(TokenHealthPanel(request.user))


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    """Any admin user can turn on TOTP from their account page."""
    if two_factor.confirmed_device(request.user):
        return None
    return {
        "url": reverse("registry_otp_setup"),
        "label": _("Two-factor authentication"),
        "help_text": _("Protect the login with a code from an authenticator app."),
    }
