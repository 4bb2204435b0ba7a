"""The poll block's «Голосовать здесь»: the site's poll template (cms/templates/cms/
blocks/poll.html) loads this library, so the site's Python reads nothing of
syndication's records (syndication sits above the site)."""

from django import template

from syndication.exceptions import UnknownNetwork
from syndication.models import Delivery
from syndication.networks import get_network, registry, rendering_codes

register = template.Library()


@register.simple_tag(takes_context=True)
def poll_places(context) -> list[tuple[str, str]]:
    """Where a reader votes: the piece's sent posts with the native poll, as
    (network name, post address), one per account."""
    page = context.get("page")
    if page is None or not getattr(page, "pk", None):
        return []
    # Only posts that carry the poll natively (a network with a native poll limit);
    # MAX and the blogs send it as text with the piece's link, so linking them from
    # here would send a reader in a circle.
    native = [code for code in rendering_codes() if _native_poll(code)]

    sent = (
        Delivery.objects.filter(
            page_id=page.pk,
            action=Delivery.Action.PUBLISH,
            status=Delivery.Status.SENT,
            account__network__in=native,
        )
        .exclude(remote_url="")
        .select_related("account")
        .order_by("account__network", "account_id", "-sent_at")
    )
    places, seen = [], set()
    for delivery in sent:
        if delivery.account_id in seen:
            continue
        seen.add(delivery.account_id)
        places.append(
            (str(registry.name_of(delivery.account.network)), delivery.remote_url)
        )
    return places


def _native_poll(code) -> bool:
    try:
        return get_network(code).native_poll_max() > 0
    except UnknownNetwork:  # a feed (Dzen) renders no posts of its own
        return False
