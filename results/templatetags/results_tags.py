"""Figures as a Russian reader expects them: «12 345», «4,2 %», and «—» with an
explanation where the network does not report the counter."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from accounts_registry.networks import Network

register = template.Library()


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", "\u00a0")


@register.filter
def figure(value):
    if value is None or value == "":
        return format_html(
            '<span class="results-na" title="{}">—</span>',
            _("the network does not report it"),
        )
    return grouped(int(value))


@register.filter
def percent(value):
    if value is None or value == "":
        return format_html(
            '<span class="results-na" title="{}">—</span>',
            _("no views to divide by"),
        )
    return f"{value:.1f}".replace(".", ",") + "\u00a0%"


@register.filter
def signed(value):
    if value is None or value == "":
        return ""
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    return f"{sign}{grouped(abs(int(value)))}"


@register.filter
def network_name(code):
    return str(dict(Network.choices).get(code, code))
