"""Settings of the style checker, read in one place (``cms.env.AppSettings``).

Each value: ``settings.VOICE_…`` if set, else the environment variable of the same
name, else the default; read on every access, so ``override_settings`` in tests
works. ``VoiceConfig.ready`` registers the system check that reports a value that
does not parse.
"""

from cms.env import AppSettings, Setting


class VoiceSettings(AppSettings):
    prefix = "VOICE_"
    check_id = "voice"

    CLARITY_WARN_BELOW = Setting(
        6.0,
        doc="Below this clarity the editor is warned before submitting (never blocked).",
    )
    MAX_CHARS = Setting(
        100_000,
        doc="The panel checks a whole piece on every pause in typing; a larger "
        "request is refused rather than tying up a worker.",
    )


app_settings = VoiceSettings()


def clarity_warn_below() -> float:
    return float(app_settings.CLARITY_WARN_BELOW)


def max_chars() -> int:
    return int(app_settings.MAX_CHARS)
