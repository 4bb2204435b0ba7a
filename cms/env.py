"""One way to read an app's settings (architecture.md, convention 6; issue 16.5).

Every value: the Django setting if set, else the environment variable of the same name,
else the default. Read at attribute access, never at import, so ``override_settings``
and ``monkeypatch.setenv`` work in tests and an operator can set any documented name
either way. This is django-allauth's ``AppSettings`` pattern with the environment added.

An app declares its settings once, in its ``conf.py``::

    from cms.env import AppSettings, Setting


    class ModerationSettings(AppSettings):
        prefix = "MODERATION_"
        check_id = "moderation"

        URGENT_HOURS = Setting(4.0, doc="Response target for urgent items, in hours.")
        WORKING_DAY = Setting((9, 18))
        EXTRA_DAYS_OFF = Setting((), item=datetime.date.fromisoformat)
        OK_APP_KEY = Setting(required=True, secret=True)


    app_settings = ModerationSettings()

and reads ``app_settings.URGENT_HOURS`` (Django setting or environment variable
``MODERATION_URGENT_HOURS``). ``app_settings.register_check()`` in the app's ``ready()``
makes ``manage.py check`` name every required key that is missing and every
environment value that does not parse (``moderation.E001``, ``moderation.E002``).

Environment strings are parsed as the default's type: ``int``, ``float``, ``bool``
(1/0, true/false, yes/no, on/off), ``tuple``/``list`` (comma-separated, each item as the
default's item at that position, e.g. ``"3,1.5"`` for ``(20, 1.0)``); ``item=`` or
``parse=`` say it where the default cannot (an empty tuple, ``None``). Values set in
Django settings are Python values already and are returned as they are.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

TRUE = frozenset({"1", "true", "yes", "on"})
FALSE = frozenset({"0", "false", "no", "off"})

# A required setting has no default; reading it while unset is an ImproperlyConfigured.
REQUIRED: Any = object()


class InvalidValue(ValueError):
    """An environment string that is not a value of the setting's type."""


def _bool(raw: str) -> bool:
    word = raw.strip().lower()
    if word in TRUE:
        return True
    if word in FALSE:
        return False
    raise InvalidValue("not a yes/no value (1/0, true/false, yes/no, on/off)")


def _scalar(kind: type | Callable[[str], Any]) -> Callable[[str], Any]:
    if kind is bool:
        return _bool
    if kind is str:
        return str.strip
    return kind


def parse(raw: str, default: Any, *, item: Callable[[str], Any] | None = None) -> Any:
    """``raw`` (an environment string) as a value of ``default``'s type."""
    if isinstance(default, tuple | list | frozenset | set):
        parts = [part.strip() for part in raw.split(",") if part.strip()]
        if item is not None:
            kinds = [item] * len(parts)
        else:
            # (calls, seconds) = (3, 1.0): each part as its own default's type; a
            # sequence of another length takes the first item's type for every part.
            kinds = [type(value) for value in default]
            if len(kinds) != len(parts):
                kinds = [kinds[0] if kinds else str] * len(parts)
        try:
            values = [
                _scalar(kind)(part) for kind, part in zip(kinds, parts, strict=True)
            ]
        except (TypeError, ValueError) as exc:
            raise InvalidValue(f"not a comma-separated list: {exc}") from exc
        return type(default)(values)
    if item is not None:
        kind = item
    elif default is None:
        kind = str
    else:
        kind = type(default)
    try:
        return _scalar(kind)(raw)
    except InvalidValue:
        raise
    except (TypeError, ValueError) as exc:
        raise InvalidValue(f"not a {getattr(kind, '__name__', kind)}") from exc


def setting(name: str, default: Any) -> Any:
    """One setting read by name: Django setting, else environment, else ``default``.

    Kept for the conf modules that have not moved to ``AppSettings`` yet."""
    if hasattr(settings, name):
        return getattr(settings, name)
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return parse(raw, default)
    except InvalidValue as exc:
        raise ImproperlyConfigured(f"Environment variable {name}: {exc}.") from exc


def env(name: str, default: Any, *, item: Callable[[str], Any] | None = None) -> Any:
    """The environment variable ``name`` parsed as ``default``'s type, else ``default``.

    For the Django settings modules (``cms/settings/``), which are where Django settings
    come from and so cannot consult them."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return parse(raw, default, item=item)
    except InvalidValue as exc:
        raise ImproperlyConfigured(f"Environment variable {name}: {exc}.") from exc


class Setting:
    """One declared setting of an ``AppSettings`` class.

    ``default``: the value when neither Django settings nor the environment set it
    (``REQUIRED`` when there is none). ``item``: the type (a callable taking a string)
    of each item of a sequence, or of the value when the default cannot tell it.
    ``parse``: a callable taking the whole environment string, when even that is not
    enough. ``secret``: never quote the value in an error. ``doc``: what it is for.
    """

    def __init__(
        self,
        default: Any = REQUIRED,
        *,
        required: bool = False,
        item: Callable[[str], Any] | None = None,
        parse: Callable[[str], Any] | None = None,
        secret: bool = False,
        doc: str = "",
    ):
        self.default = REQUIRED if required else default
        self.item = item
        self.custom_parse = parse
        self.secret = secret
        self.doc = doc
        self.attribute = ""

    def __set_name__(self, owner: type, attribute: str) -> None:
        self.attribute = attribute

    def __get__(self, instance: AppSettings | None, owner: type) -> Any:
        if instance is None:
            return self
        return instance.read(self)

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    def from_environment(self, name: str, raw: str) -> Any:
        try:
            if self.custom_parse is not None:
                return self.custom_parse(raw)
            default = None if self.required else self.default
            return parse(raw, default, item=self.item)
        except (TypeError, ValueError) as exc:
            shown = "" if self.secret else f" ({raw!r})"
            raise ImproperlyConfigured(
                f"Environment variable {name}{shown}: {exc}."
            ) from exc


class AppSettings:
    """The settings of one app, read lazily (allauth's ``AppSettings`` pattern).

    A subclass sets ``prefix`` (prepended to every attribute name to give the setting's
    and the environment variable's name, e.g. ``"MODERATION_"``), ``check_id`` (the
    app label used in system check ids) and declares each setting as a ``Setting``
    class attribute. Plain properties may combine settings (e.g. a URL that falls back
    to another one)."""

    prefix = ""
    check_id = "settings"

    def name(self, attribute: str) -> str:
        """The Django setting's and the environment variable's name."""
        return f"{self.prefix}{attribute}"

    def read(self, declared: Setting) -> Any:
        name = self.name(declared.attribute)
        if hasattr(settings, name):
            return getattr(settings, name)
        raw = os.environ.get(name)
        if raw is not None and raw.strip() != "":
            return declared.from_environment(name, raw)
        if declared.required:
            raise ImproperlyConfigured(
                f"{name} is required: set it in the Django settings or the environment."
            )
        return declared.default

    @classmethod
    def declared(cls) -> dict[str, Setting]:
        """Every ``Setting`` of this class and its bases, by attribute name."""
        found: dict[str, Setting] = {}
        for klass in reversed(cls.__mro__):
            for attribute, value in vars(klass).items():
                if isinstance(value, Setting):
                    found[attribute] = value
        return found

    def check(self, app_configs=None, **kwargs) -> list[checks.CheckMessage]:
        """A Django system check: ``E001`` per missing required key, ``E002`` per
        environment value that does not parse. ``register_check()`` registers it."""
        messages: list[checks.CheckMessage] = []
        for attribute, declared in self.declared().items():
            name = self.name(attribute)
            try:
                self.read(declared)
            except ImproperlyConfigured as exc:
                missing = declared.required and not _is_set(name)
                messages.append(
                    checks.Error(
                        f"{name} is not set." if missing else str(exc),
                        hint=declared.doc or None,
                        id=f"{self.check_id}.{'E001' if missing else 'E002'}",
                    )
                )
        return messages

    def register_check(self) -> None:
        """Add ``check`` to Django's system checks (call it in the app's ``ready()``)."""

        # A plain function: Django's registry sets attributes on what it registers,
        # which a bound method cannot take.
        def app_settings_check(app_configs=None, **kwargs):
            return self.check(app_configs, **kwargs)

        checks.register(app_settings_check)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} prefix={self.prefix!r}>"


def _is_set(name: str) -> bool:
    raw = os.environ.get(name)
    return hasattr(settings, name) or (raw is not None and raw.strip() != "")
