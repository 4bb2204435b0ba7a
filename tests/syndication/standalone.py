"""Run the render outside the project: the render bench and the pure render tests.

Rendering needs Django only for translations and date formats. When no settings are
configured (a bare ``python bench/...`` run), configure the minimum; inside the project
(pytest-django, manage.py) the real settings are already there and nothing changes.
"""

from __future__ import annotations

from pathlib import Path


def configure_standalone() -> None:
    import django
    from django.conf import settings

    if settings.configured:
        return
    settings.configure(
        USE_I18N=True,
        USE_TZ=True,
        LANGUAGE_CODE="ru",
        TIME_ZONE="Asia/Novokuznetsk",
        LOCALE_PATHS=[Path(__file__).resolve().parents[2] / "syndication" / "locale"],
    )
    django.setup()
