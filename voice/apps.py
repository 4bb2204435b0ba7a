"""The style checker as a Django app of its own.

Being an app lets the voice carry its own admin wiring (``wagtail_hooks``), views,
static files, templates, template tags and translations without touching the
delivery engineer's ``syndication/wagtail_hooks.py``. It has no models; its engine,
``voice.checker``, imports no Django at all.
"""

from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _

from .conf import app_settings


class VoiceConfig(AppConfig):
    name = "voice"
    label = "voice"
    verbose_name = _("Style checker")

    def ready(self):
        checks.register(check_settings)


def check_settings(app_configs=None, **kwargs):
    """``voice.E002`` when a VOICE_… environment variable does not parse."""
    return app_settings.check(app_configs, **kwargs)
