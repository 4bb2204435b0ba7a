"""Network codes: the same codes are used in the CSV import, on the command line, in settings
and in ``syndication.networks``. The registry only needs their names and legal status."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Network(models.TextChoices):
    VK = "vk", _("VKontakte")
    OK = "ok", _("Odnoklassniki")
    TELEGRAM = "telegram", _("Telegram")
    MAX = "max", _("MAX")
    FACEBOOK = "facebook", _("Facebook")
    INSTAGRAM = "instagram", _("Instagram")
    WORDPRESS = "wordpress", _("WordPress")
    LIVEJOURNAL = "livejournal", _("LiveJournal")
    TELEGRAPH = "telegraph", _("Telegraph")
    DZEN = "dzen", _("Dzen")


# Meta Platforms was recognised as extremist in Russia on 21.03.2022 and both networks are
# blocked: accounts there are kept in the register but excluded from every default.
RESTRICTED_NETWORKS = frozenset({Network.FACEBOOK, Network.INSTAGRAM})
