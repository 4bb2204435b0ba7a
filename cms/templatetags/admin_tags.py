"""Small helpers of the admin's own templates."""

from django import template
from wagtail.admin.auth import user_has_any_page_permission

register = template.Library()


@register.simple_tag(takes_context=True)
def can_explore_pages(context) -> bool:
    """Whether the user may open any page: the same test as Wagtail's «Страницы» menu
    item, so the dashboard offers the page search exactly to those it would answer."""
    return user_has_any_page_permission(context["request"].user)
