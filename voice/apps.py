"""The style checker as a Django app of its own.

Being an app lets the voice carry its own admin wiring (``wagtail_hooks``), views,
static files, templates, template tags and translations without touching the
delivery engineer's ``syndication/wagtail_hooks.py``. It has no models.
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VoiceConfig(AppConfig):
    name = "voice"
    label = "voice"
    verbose_name = _("Style checker")
