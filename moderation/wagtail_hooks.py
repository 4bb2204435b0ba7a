"""Admin wiring: the «Модерация» menu, the inbox URLs, the dashboard panel."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from .admin_viewsets import (
    ReplyTemplateViewSet,
    RuleViewSet,
    WatchedAuthorViewSet,
    WebhookEndpointViewSet,
)
from .models import InboxItem
from .permissions import PERMISSION, can_moderate
from .views import avatar, blacklist, inbox, item, pending, rules, set_aside


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("moderation/", inbox.inbox, name="moderation_inbox"),
        path("moderation/poll/", inbox.poll, name="moderation_poll"),
        path("moderation/bulk/", inbox.bulk, name="moderation_bulk"),
        path("moderation/item/<int:pk>/", item.item_detail, name="moderation_item"),
        path(
            "moderation/item/<int:pk>/pane/",
            item.item_pane,
            name="moderation_item_pane",
        ),
        path(
            "moderation/author/<int:account_pk>/<str:author_id>/avatar/",
            avatar.author_avatar,
            name="moderation_author_avatar",
        ),
        path(
            "moderation/item/<int:pk>/act/", item.item_act, name="moderation_item_act"
        ),
        path(
            "moderation/rules/<int:pk>/dry-run/",
            rules.dry_run,
            name="moderation_rule_dry_run",
        ),
        path("moderation/undo/", pending.undo, name="moderation_pending_undo"),
        path("moderation/send/", pending.send, name="moderation_pending_send"),
        path("moderation/blacklist/", blacklist.blacklist, name="moderation_blacklist"),
        path(
            "moderation/blacklist/<int:account_id>/",
            blacklist.blacklist,
            name="moderation_blacklist_account",
        ),
        path(
            "moderation/blacklist/<int:account_id>/sync/",
            blacklist.sync,
            name="moderation_sync",
        ),
        path("moderation/ban/<int:pk>/lift/", blacklist.lift, name="moderation_lift"),
        path(
            "moderation/set-aside/<int:pk>/retry/",
            set_aside.retry,
            name="moderation_set_aside_retry",
        ),
    ]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return ModerationMenuItem(
        _("Moderation"),
        reverse("moderation_inbox"),
        name="moderation",
        icon_name="comment",
        order=150,
    )


@hooks.register("register_permissions")
def register_permissions():
    app_label, codename = PERMISSION.split(".")
    return Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    )


class OverduePanel(Component):
    name = "moderation_overdue"
    order = 50
    template_name = "moderation/_dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        now = timezone.now()
        overdue = InboxItem.objects.overdue(now)
        return {
            "overdue_count": overdue.count(),
            "overdue_items": list(
                overdue.select_related("account").order_by("deadline")[:5]
            ),
            "open_count": InboxItem.objects.open().count(),
            "now": now,
        }


@hooks.register("construct_homepage_panels")
def add_overdue_panel(request, panels):
    if can_moderate(request.user):
        panels.append(OverduePanel(request))
    # Shows itself to the technician and the moderators only, and only when needed.
    panels.append(set_aside.SetAsidePanel(request))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [
        RuleViewSet("moderation_rules"),
        ReplyTemplateViewSet("moderation_replies"),
        WatchedAuthorViewSet("moderation_watched"),
        WebhookEndpointViewSet("moderation_webhooks"),
    ]
