"""Reading one setting: the Django setting if set, else the environment variable of the
same name, else the default — read at call time so ``override_settings`` works.

Every app's ``conf.py`` reads through ``setting()`` so the rule is the same everywhere
and an operator can set any documented name either way."""

from __future__ import annotations

import os

from django.conf import settings

TRUE = {"1", "true", "yes", "on"}


def setting(name: str, default):
    if hasattr(settings, name):
        return getattr(settings, name)
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return parse(raw, default)


def parse(raw: str, default):
    """``raw`` (an environment string) as the type of ``default``."""
    if isinstance(default, bool):
        return raw.strip().lower() in TRUE
    if isinstance(default, tuple | list):
        parts = [part.strip() for part in raw.split(",") if part.strip()]
        # (calls, seconds) = (3, 1.0): each part as its own default's type.
        kinds = [type(item) for item in default]
        if len(kinds) != len(parts):
            kinds = [kinds[0] if kinds else str] * len(parts)
        return type(default)(
            kind(part) for kind, part in zip(kinds, parts, strict=True)
        )
    if default is None:
        return raw
    return type(default)(raw)
