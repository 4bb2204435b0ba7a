"""One rule for every setting: Django setting, else environment variable, else default."""

from cms.env import setting


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
