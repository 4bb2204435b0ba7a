"""The region's clock: one time zone and one name for it, on the site and in every post.

Kuzbass (Kemerovo oblast) keeps UTC+7 all year; the tz database names its zone after
Novokuznetsk. Readers know it as Kemerovo time: the site's live broadcast and poll blocks
and every network's copy of a piece (the WordPress copy included) say the same words."""

from zoneinfo import ZoneInfo

from django.utils.translation import gettext_lazy as _

REGION_TZ = ZoneInfo("Asia/Novokuznetsk")
REGION_TIME_NAME = _("Kemerovo time, UTC+7")
