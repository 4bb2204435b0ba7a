"""Settings of the style checker, read in one place.

Each value: ``settings.NAME`` if set, else the environment variable ``NAME``, else
the default. Read lazily (functions), so ``override_settings`` in tests works.
"""

from cms.env import setting

DEFAULTS = {
    # Below this clarity the editor is warned before submitting (never blocked).
    "VOICE_CLARITY_WARN_BELOW": 6.0,
    # The panel checks a whole piece on every pause in typing; a larger request is
    # refused rather than tying up a worker.
    "VOICE_MAX_CHARS": 100_000,
}


def get(name: str):
    return setting(name, DEFAULTS[name])


def clarity_warn_below() -> float:
    return float(get("VOICE_CLARITY_WARN_BELOW"))


def max_chars() -> int:
    return int(get("VOICE_MAX_CHARS"))
