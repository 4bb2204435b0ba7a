"""Figures as a Russian reader expects them: «12 345», «4,2 %», «нет данных у сети»
where the network does not report the counter (never a 0 standing in for it), and a
label on a figure Vestnik counted itself."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from accounts_registry.networks import Network

from .. import collectors

register = template.Library()


def grouped(value: int) -> str:
    return f"{value:,}".replace(",", "\u00a0")


@register.filter
def figure(value):
    if value is None or value == "":
        return format_html(
            '<span class="results-na" title="{}">{}</span>',
            _("The network's API does not give this figure."),
            _("no data from the network"),
        )
    return grouped(int(value))


@register.simple_tag
def counted_mark(networks, metric):
    """A label after a figure that Vestnik counted for one of ``networks`` (a code or
    a list of codes) instead of the network reporting it."""
    codes = [networks] if isinstance(networks, str) else list(networks or ())
    ours = [code for code in codes if metric in collectors.counted(code)]
    if not ours:
        return ""
    # A sum over several networks holds the networks' figures and ours: say «of
    # which», not that the whole figure is ours.
    label = (
        _("counted by Vestnik")
        if len(ours) == len(codes)
        else _("incl. Vestnik's count")
    )
    return format_html(
        ' <small class="results-counted" title="{}">{}</small>',
        _("Counted by Vestnik: the comments its moderation inbox received under the "
          "post. The network does not report this figure."),
        label,
    )  # fmt: skip


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
