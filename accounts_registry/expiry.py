"""When a key stops working, said the way people say it: «истёк 3 дня назад»,
«истекает сегодня в 12:00», «истекает через 1 день». Days are calendar days in the
register's time zone: a key expiring the day after tomorrow at noon is «через 2 дня»
at 13:00 today too."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def days_to(expires, now=None) -> int:
    """Calendar days from today to the key's last day (negative once it is past)."""
    now = now or timezone.now()
    return (timezone.localdate(expires) - timezone.localdate(now)).days


def expiry_words(expires, now=None) -> str:
    now = now or timezone.now()
    days = days_to(expires, now)
    time = timezone.localtime(expires).strftime("%H:%M")
    if expires <= now:
        if days == 0:
            return _("expired today at %(time)s") % {"time": time}
        ago = -days
        return ngettext(
            "expired %(days)d day ago", "expired %(days)d days ago", ago
        ) % {"days": ago}
    if days == 0:
        return _("expires today at %(time)s") % {"time": time}
    return ngettext("expires in %(days)d day", "expires in %(days)d days", days) % {
        "days": days
    }
