"""What happens next, in one sentence after «Опубликовать»:
«Публикация запланирована: ВКонтакте, Одноклассники, Telegram — сразу; MAX — 12.12 в 10:00»."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from syndication.models import Delivery
from syndication.networks import registry

# A delivery due within this is sent «сразу» (the next scheduler tick takes it).
AT_ONCE = timedelta(minutes=1)


def when_text(moment, now) -> str:
    if moment <= now + AT_ONCE:
        return _("at once")
    local = timezone.localtime(moment)
    return _("%(date)s at %(time)s") % {
        "date": local.strftime("%d.%m"),
        "time": local.strftime("%H:%M"),
    }


def plan_message(deliveries, now=None) -> str:
    """The planned deliveries, grouped by time, networks by name in registry order."""
    now = now or timezone.now()
    order = {code: index for index, code in enumerate(registry.codes())}
    groups: dict[str, list[str]] = {}
    firsts: dict[str, object] = {}
    for delivery in sorted(
        deliveries, key=lambda d: (d.scheduled_at, order.get(d.account.network, 99))
    ):
        when = when_text(delivery.scheduled_at, now)
        name = str(registry.name_of(delivery.account.network))
        names = groups.setdefault(when, [])
        firsts.setdefault(when, delivery.scheduled_at)
        if name not in names:
            names.append(name)
    if not groups:
        return _(
            "Nothing is planned for the social networks: no account is chosen "
            "for this piece."
        )
    parts = [f"{', '.join(names)} — {when}" for when, names in groups.items()]
    return _("Posting planned: %(plan)s.") % {"plan": "; ".join(parts)}


def planned_for(page):
    return (
        Delivery.objects.filter(
            page_id=page.pk,
            action=Delivery.Action.PUBLISH,
            status=Delivery.Status.SCHEDULED,
            revision_id=page.live_revision_id,
        )
        .select_related("account")
        .order_by("scheduled_at")
    )
