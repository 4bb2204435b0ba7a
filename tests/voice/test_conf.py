"""The voice's settings: Django setting, else environment, else default; a value
that does not parse is a system check error, not a crash at the first request."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from voice import conf
from voice.apps import check_settings


def test_defaults_and_overrides(settings, monkeypatch):
    assert conf.clarity_warn_below() == 6.0
    monkeypatch.setenv("VOICE_CLARITY_WARN_BELOW", "5.5")
    assert conf.clarity_warn_below() == 5.5
    settings.VOICE_CLARITY_WARN_BELOW = 4
    assert conf.clarity_warn_below() == 4.0
    monkeypatch.setenv("VOICE_MAX_CHARS", "2000")
    assert conf.max_chars() == 2000


def test_a_bad_environment_value_is_a_system_check_error(monkeypatch):
    monkeypatch.setenv("VOICE_MAX_CHARS", "много")
    errors = check_settings()
    assert [e.id for e in errors] == ["voice.E002"]
    assert "VOICE_MAX_CHARS" in errors[0].msg
    with pytest.raises(SystemCheckError):
        call_command("check")
