"""The site app's wiring into Wagtail's admin."""

import django_filters
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.active_filters import (
    BaseFilterAdapter,
    register_filter_adapter_class,
)

from .admin_api import DocumentsForMediaRights, ImagesForMediaRights
from .editor_guide import GuideMenuItem, editor_guide


@hooks.register("insert_global_admin_js")
def inline_initialisations():
    """Runs what Wagtail's inline scripts ran (no inline script passes the content
    security policy): see cms/static/cms/admin/inline-init.js."""
    return format_html('<script src="{}"></script>', static("cms/admin/inline-init.js"))


@hooks.register("insert_global_admin_js")
def field_above_the_save_bar():
    """The focused field is scrolled out from under the fixed save bar
    (cms/static/cms/admin/above-save-bar.js)."""
    return format_html(
        '<script src="{}"></script>', static("cms/admin/above-save-bar.js")
    )


# After wagtail.images' and wagtail.documents' own hooks (order 0), which register the
# unrestricted endpoints under the same names.
@hooks.register("construct_admin_api", order=100)
def media_api_for_media_rights_only(router):
    router.register_endpoint("images", ImagesForMediaRights)
    router.register_endpoint("documents", DocumentsForMediaRights)


@hooks.register("register_admin_urls")
def editor_guide_url():
    return [path("guide/", editor_guide, name="cms_editor_guide")]


@hooks.register("register_help_menu_item")
def vestnik_editor_guide():
    # A plain item, not Wagtail's dismissible one: no orange count on «Помощь».
    return GuideMenuItem(
        _("Editor's guide"),
        reverse("cms_editor_guide"),
        icon_name="help",
        order=1100,
        name="vestnik-editor-guide",
    )


@hooks.register("construct_help_menu")
def no_wagtail_release_notes_for_the_press_office(request, menu_items):
    """«Что нового в Wagtail 8.0» leads to Wagtail's English release notes, for the
    people who run the site, and kept an orange count on «Помощь» for every editor
    until dismissed: only administrators see it. Wagtail's «Руководство редактора»
    leads to its English guide for everyone, with the same count: Vestnik's own
    Russian guide (cms/editor_guide.py) takes its place."""
    menu_items[:] = [
        item
        for item in menu_items
        if item.name != "editor-guide"
        and (request.user.is_superuser or not item.name.startswith("whats-new"))
    ]


class BooleanFilterPill(BaseFilterAdapter):
    """An active yes/no filter's pill says what its radio buttons say
    («Отправлять новые материалы по умолчанию: Да»); Wagtail prints the value,
    «True»."""

    def get_active_filters(self):
        labels = dict(getattr(self.bound_field.field.widget, "choices", ()))
        label = labels.get("true" if self.value else "false")
        for pill in super().get_active_filters():
            yield pill._replace(value=str(label)) if label else pill


register_filter_adapter_class(django_filters.BooleanFilter, BooleanFilterPill)
