"""«Руководство редактора»: the editor's day in Vestnik, in Russian, in the admin's
«Помощь» menu and on the dashboard, instead of Wagtail's English guide (an outside
site in English is no help to the press office)."""

from __future__ import annotations

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.menu import MenuItem

from .blocks import PieceStreamBlock


def block_names() -> str:
    """«Текст, Фото, …, Цитата»: the blocks as the «+» menu names them, so the guide
    never lists a block the editor does not have."""
    return ", ".join(str(b.label) for b in PieceStreamBlock().child_blocks.values())


def editor_guide(request):
    return TemplateResponse(
        request,
        "cms/admin/editor_guide.html",
        {
            "page_title": _("Editor's guide"),
            "header_icon": "help",
            "block_names": block_names(),
        },
    )


class GuideMenuItem(MenuItem):
    """Only for those who write or approve pieces (any page permission, as Wagtail's
    «Страницы»): the moderator, the keeper, the technician and the management have
    nothing to write."""

    def is_shown(self, request):
        return user_has_any_page_permission(request.user)
