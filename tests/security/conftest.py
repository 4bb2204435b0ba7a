"""Helpers shared by the security tests."""

from __future__ import annotations

import importlib
from contextlib import contextmanager

from django.test import override_settings
from django.urls import clear_url_caches

import cms.urls


@contextmanager
def urls_built_with(**overrides):
    """cms/urls.py reads DEBUG and VESTNIK_DJANGO_ADMIN when it is imported: rebuild it
    under ``overrides``, and again as it was afterwards."""
    try:
        with override_settings(**overrides):
            importlib.reload(cms.urls)
            clear_url_caches()
            yield
    finally:
        importlib.reload(cms.urls)
        clear_url_caches()
