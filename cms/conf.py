"""Settings of the site app (``cms``), read through the shared app-settings pattern
(``cms/env.py``): the Django setting, else the environment variable, else the default."""

from __future__ import annotations

from cms.env import AppSettings, Setting


class CmsSettings(AppSettings):
    prefix = "VESTNIK_"
    check_id = "cms"

    DJANGO_ADMIN = Setting(
        False,
        doc="Serve Django's own admin at /django-admin/ (off: Wagtail's admin at "
        "/admin/ is the product's; Django's is a second door for superusers).",
    )


app_settings = CmsSettings()
