"""Admin wiring: the «Результаты» menu item and its screens."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .dashboard import MonthPanel
from .permissions import PERMISSION, can_view
from .views import report, screens


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("results/", screens.index, name="results_index"),
        path("results/piece/<int:page_id>/", screens.piece, name="results_piece"),
        path(
            "results/account/<int:account_id>/", screens.account, name="results_account"
        ),
        path("results/report.<str:fmt>", report.download, name="results_report"),
    ]


class ResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return ResultsMenuItem(
        _("Results"), reverse("results_index"), name="results", icon_name="table",
        order=160,
    )  # fmt: skip


@hooks.register("register_permissions")
def register_permissions():
    app_label, codename = PERMISSION.split(".")
    return Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    )


@hooks.register("construct_homepage_panels")
def add_month_panel(request, panels):
    if can_view(request.user):
        panels.append(MonthPanel(request))
