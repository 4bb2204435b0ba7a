"""Settings of the accounts registry, read in one place (``cms.env.AppSettings``).

Each value: ``settings.REGISTRY_…`` if set, else the environment variable of the same
name (the README documents them as such), else the default; read on every access, so
``override_settings`` and ``monkeypatch.setenv`` work. ``AccountsRegistryConfig.ready``
registers the system check that names an environment value that does not parse.
"""

import zoneinfo

from cms.env import AppSettings, Setting


def _time_zone(raw: str) -> str:
    name = raw.strip()
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"not an IANA time zone: {exc}") from exc
    return name


class RegistrySettings(AppSettings):
    prefix = "REGISTRY_"
    check_id = "accounts_registry"

    TIME_ZONE = Setting(
        "Asia/Novokuznetsk",
        parse=_time_zone,
        doc="The order counts the 10 days in the press office's own calendar "
        "(Kuzbass), whatever time zone the server runs in.",
    )
    REPORT_DEADLINE_DAYS = Setting(
        10, doc="Days to report a created or deleted account."
    )
    REMINDER_DAYS = Setting(
        (5, 1),
        doc="Reminders go out this many days before the due date (and once more "
        "when overdue), e.g. «5,1».",
    )
    DASHBOARD_DUE_SOON_DAYS = Setting(3, doc="The dashboard lists reports due so soon.")
    EXPIRY_WARNING_DAYS = Setting(
        7, doc="A token expiring within this many days is reported as a problem."
    )
    REMINDER_LANGUAGE = Setting(
        "ru", doc="Reminders are read by people in the press office: in Russian."
    )
    REQUIRE_OTP = Setting(
        True,
        doc="TOTP is required for the keeper and the technical officer (they hold the "
        "accounts' keys). A local demo may switch it off with 0; enrolled users "
        "still verify.",
    )


app_settings = RegistrySettings()

# Group names are data (shown to users as they are), created by a data migration.
KEEPER_GROUP = "Хранитель реестра"
TECH_GROUP = "Технический специалист"
CREDENTIAL_GROUPS = (KEEPER_GROUP, TECH_GROUP)
