"""Settings of the results app, read in one place (``cms.env.AppSettings``)."""

from datetime import timedelta

from cms.env import AppSettings, Setting


class ResultsSettings(AppSettings):
    prefix = "RESULTS_"
    check_id = "results"

    EARLY_HOURS = Setting(
        48, doc="For this many hours after a post is sent it is observed often."
    )
    EARLY_EVERY_MINUTES = Setting(
        60, doc="How often a post is observed in its first EARLY_HOURS."
    )
    LATE_EVERY_MINUTES = Setting(
        24 * 60, doc="How often a post is observed after EARLY_HOURS."
    )
    TRACK_DAYS = Setting(30, doc="A post is observed for this many days, then kept.")
    ACCOUNT_EVERY_MINUTES = Setting(
        6 * 60, doc="How often each account's audience is observed."
    )
    KEEP_DAYS = Setting(
        396, doc="Observations older than this (13 months) are deleted."
    )
    RATE_SHARE = Setting(
        0.5,
        doc="Statistics take at most this share of a token's rate, and never wait "
        "in the shared limiter's queue, so a publication is never delayed by them.",
    )
    MAX_WAIT_SECONDS = Setting(
        0.5,
        doc="If the shared limiter cannot give a statistics call a turn within this "
        "time, the account's round stops and resumes next round.",
    )
    BATCH = Setting(
        1000,
        doc="At most this many posts are observed in one round (oldest due first); "
        "enough for every post of a busy office's 48-hour window in one round.",
    )


app_settings = ResultsSettings()


def early_window() -> timedelta:
    return timedelta(hours=int(app_settings.EARLY_HOURS))


def early_every() -> timedelta:
    return timedelta(minutes=int(app_settings.EARLY_EVERY_MINUTES))


def late_every() -> timedelta:
    return timedelta(minutes=int(app_settings.LATE_EVERY_MINUTES))


def track_for() -> timedelta:
    return timedelta(days=int(app_settings.TRACK_DAYS))


def account_every() -> timedelta:
    return timedelta(minutes=int(app_settings.ACCOUNT_EVERY_MINUTES))


def keep_for() -> timedelta:
    return timedelta(days=int(app_settings.KEEP_DAYS))
