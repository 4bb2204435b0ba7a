"""One rule for every setting: Django setting, else environment variable, else default."""

import datetime as dt

import pytest
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from cms.conf import app_settings
from cms.env import AppSettings, Setting, env, setting


def test_a_django_setting_wins_over_the_environment(settings, monkeypatch):
    settings.VESTNIK_TEST_VALUE = 7
    monkeypatch.setenv("VESTNIK_TEST_VALUE", "9")
    assert setting("VESTNIK_TEST_VALUE", 1) == 7


def test_the_environment_is_parsed_as_the_default_is(monkeypatch):
    cases = [
        ("5", 1, 5),
        ("2.5", 1.0, 2.5),
        ("off", True, False),
        ("yes", False, True),
        ("3,1.5", (20, 1.0), (3, 1.5)),
        ("2026-01-03, 2026-01-04", (), ("2026-01-03", "2026-01-04")),
        ("https://sandbox.local/", "https://real/", "https://sandbox.local/"),
    ]
    for raw, default, expected in cases:
        monkeypatch.setenv("VESTNIK_TEST_VALUE", raw)
        assert setting("VESTNIK_TEST_VALUE", default) == expected, raw


def test_unset_or_empty_gives_the_default(monkeypatch):
    monkeypatch.delenv("VESTNIK_TEST_VALUE", raising=False)
    assert setting("VESTNIK_TEST_VALUE", (5.0, 30.0)) == (5.0, 30.0)
    monkeypatch.setenv("VESTNIK_TEST_VALUE", " ")
    assert setting("VESTNIK_TEST_VALUE", 4) == 4


def test_a_value_that_does_not_parse_names_the_variable(monkeypatch):
    monkeypatch.setenv("VESTNIK_TEST_VALUE", "many")
    with pytest.raises(ImproperlyConfigured, match="VESTNIK_TEST_VALUE"):
        setting("VESTNIK_TEST_VALUE", 3)
    monkeypatch.setenv("VESTNIK_TEST_VALUE", "perhaps")
    with pytest.raises(ImproperlyConfigured, match="yes/no"):
        setting("VESTNIK_TEST_VALUE", True)


def test_the_settings_modules_read_the_environment_with_the_same_rules(monkeypatch):
    monkeypatch.setenv("VESTNIK_TEST_VALUE", "a.example, b.example")
    assert env("VESTNIK_TEST_VALUE", ["localhost"]) == ["a.example", "b.example"]
    monkeypatch.setenv("VESTNIK_TEST_VALUE", "0")
    assert env("VESTNIK_TEST_VALUE", True) is False
    monkeypatch.delenv("VESTNIK_TEST_VALUE")
    assert env("VESTNIK_TEST_VALUE", 8) == 8


class ExampleSettings(AppSettings):
    prefix = "EXAMPLE_"
    check_id = "example"

    LIMIT = Setting(5)
    PACE = Setting((20, 1.0))
    HOSTS = Setting(["localhost"])
    ENABLED = Setting(False)
    DAYS_OFF = Setting((), item=dt.date.fromisoformat)
    API_KEY = Setting(required=True, secret=True, doc="The key the network issued.")

    @property
    def LIMIT_TWICE(self):
        return self.LIMIT * 2


class StricterSettings(ExampleSettings):
    LIMIT = Setting(1)


@pytest.fixture
def example(monkeypatch):
    for name in ("LIMIT", "PACE", "HOSTS", "ENABLED", "DAYS_OFF", "API_KEY"):
        monkeypatch.delenv(f"EXAMPLE_{name}", raising=False)
    return ExampleSettings()


def test_app_settings_give_defaults_then_environment_then_django(example, monkeypatch):
    assert (example.LIMIT, example.PACE, example.HOSTS) == (5, (20, 1.0), ["localhost"])
    monkeypatch.setenv("EXAMPLE_LIMIT", "7")
    monkeypatch.setenv("EXAMPLE_PACE", "3, 0.5")
    monkeypatch.setenv("EXAMPLE_HOSTS", "a,b")
    monkeypatch.setenv("EXAMPLE_ENABLED", "yes")
    monkeypatch.setenv("EXAMPLE_DAYS_OFF", "2026-01-09,2026-12-31")
    assert example.LIMIT == 7
    assert example.PACE == (3, 0.5)
    assert example.HOSTS == ["a", "b"]
    assert example.ENABLED is True
    assert (dt.date(2026, 1, 9), dt.date(2026, 12, 31)) == example.DAYS_OFF
    assert example.LIMIT_TWICE == 14
    with override_settings(EXAMPLE_LIMIT=11):
        # Read at access time: a test's override is seen by an object made before it.
        assert example.LIMIT == 11
        assert example.LIMIT_TWICE == 22
    assert example.LIMIT == 7


def test_a_subclass_overrides_a_default_and_inherits_the_rest(example):
    stricter = StricterSettings()
    assert stricter.LIMIT == 1
    assert stricter.PACE == (20, 1.0)
    assert set(StricterSettings.declared()) == set(ExampleSettings.declared())


def test_a_missing_required_setting_is_named_on_read_and_by_the_check(example):
    with pytest.raises(ImproperlyConfigured, match="EXAMPLE_API_KEY"):
        _ = example.API_KEY
    [error] = example.check()
    assert error.id == "example.E001"
    assert "EXAMPLE_API_KEY" in error.msg
    assert error.hint == "The key the network issued."


def test_the_check_passes_once_the_key_is_set_either_way(example, monkeypatch):
    monkeypatch.setenv("EXAMPLE_API_KEY", "k-123")
    assert example.check() == []
    assert example.API_KEY == "k-123"
    monkeypatch.delenv("EXAMPLE_API_KEY")
    with override_settings(EXAMPLE_API_KEY="k-456"):
        assert example.check() == []


def test_the_check_names_a_bad_environment_value_without_quoting_secrets(
    example, monkeypatch
):
    monkeypatch.setenv("EXAMPLE_LIMIT", "lots")
    monkeypatch.setenv("EXAMPLE_API_KEY", "k-123")
    monkeypatch.setenv("EXAMPLE_DAYS_OFF", "2026-13-45")
    errors = example.check()
    assert sorted(error.id for error in errors) == ["example.E002", "example.E002"]
    messages = " ".join(error.msg for error in errors)
    assert "EXAMPLE_LIMIT ('lots')" in messages
    assert "EXAMPLE_DAYS_OFF" in messages


def test_a_secret_that_does_not_parse_is_not_quoted(monkeypatch):
    class Secretive(AppSettings):
        prefix = "EXAMPLE_"
        PIN = Setting(0, secret=True)

    monkeypatch.setenv("EXAMPLE_PIN", "s3cr3t-not-a-number")
    with pytest.raises(ImproperlyConfigured) as raised:
        _ = Secretive().PIN
    assert "EXAMPLE_PIN" in str(raised.value)
    assert "s3cr3t" not in str(raised.value)


def test_a_registered_check_runs_with_djangos_system_checks(example, monkeypatch):
    registry = checks.registry.CheckRegistry()
    monkeypatch.setattr(checks, "register", registry.register)
    example.register_check()
    [error] = registry.run_checks()
    assert error.id == "example.E001" and "EXAMPLE_API_KEY" in error.msg


def test_the_site_apps_settings_pass_their_check():
    assert app_settings.check() == []
    assert app_settings.DJANGO_ADMIN is False
