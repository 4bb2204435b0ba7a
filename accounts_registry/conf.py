"""Settings of the accounts registry, read in one place with their defaults."""

import os

from django.conf import settings

# The order counts the 10 days in the press office's own calendar (Kuzbass), whatever
# time zone the server runs in.
REGISTRY_TIME_ZONE = getattr(settings, "REGISTRY_TIME_ZONE", "Asia/Novokuznetsk")
REPORT_DEADLINE_DAYS = getattr(settings, "REGISTRY_REPORT_DEADLINE_DAYS", 10)
# Reminders go out this many days before the due date (and once more when overdue).
REMINDER_DAYS = tuple(getattr(settings, "REGISTRY_REMINDER_DAYS", (5, 1)))
DASHBOARD_DUE_SOON_DAYS = getattr(settings, "REGISTRY_DASHBOARD_DUE_SOON_DAYS", 3)
# A token expiring within this many days is reported as a problem.
EXPIRY_WARNING_DAYS = getattr(settings, "REGISTRY_EXPIRY_WARNING_DAYS", 7)

# Group names are data (shown to users as they are), created by a data migration.
KEEPER_GROUP = "Хранитель реестра"
TECH_GROUP = "Технический специалист"
CREDENTIAL_GROUPS = (KEEPER_GROUP, TECH_GROUP)
# Reminders are read by people in the press office: always in Russian.
REMINDER_LANGUAGE = getattr(settings, "REGISTRY_REMINDER_LANGUAGE", "ru")
# TOTP is required for the two groups above (they hold the accounts' keys). A local demo
# may switch the requirement off with REGISTRY_REQUIRE_OTP=0; enrolled users still verify.
REQUIRE_OTP = getattr(
    settings,
    "REGISTRY_REQUIRE_OTP",
    os.environ.get("REGISTRY_REQUIRE_OTP", "1").strip().lower()
    not in {"0", "false", "no"},
)
