"""The embedded defaults of ``make run``: SQLite, filesystem broker, console e-mail."""

import os

from cms.env import env

from .base import *  # noqa: F403
from .base import CELERY_BEAT_SCHEDULE, INSTALLED_APPS, SECRET_KEY, STATIC_ROOT

DEBUG = env("DEBUG", True)
# A fixed key is fine for a local demo; production refuses to start without one.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The demo's own key: credentials of sandbox accounts only. Production must set its own.
FIELD_ENCRYPTION_KEY = (
    os.environ.get("FIELD_ENCRYPTION_KEY")
    or "ZGV2LW9ubHkta2V5LWZvci1zYW5kYm94LWRlbW8tMDA="
)

# The network emulator (sandbox/) answers at /sandbox/ on the same server, so the demo
# publishes somewhere real without touching a real network. It is installed here and in
# test.py only, never in production, right after syndication where it always was (its
# templates and translations keep their precedence).
INSTALLED_APPS = [*INSTALLED_APPS]
INSTALLED_APPS.insert(INSTALLED_APPS.index("syndication") + 1, "sandbox")
SANDBOX_ENABLED = env("SANDBOX_ENABLED", True)
_SITE = os.environ.get("VESTNIK_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", _SITE)
VK_API_URL = os.environ.get("VK_API_URL", f"{_SITE}/sandbox/vk/method/")
OK_API_URL = os.environ.get("OK_API_URL", f"{_SITE}/sandbox/ok/fb.do")
TELEGRAM_API_URL = os.environ.get("TELEGRAM_API_URL", f"{_SITE}/sandbox/telegram")
TELEGRAPH_API_URL = os.environ.get("TELEGRAPH_API_URL", f"{_SITE}/sandbox/telegraph")
LIVEJOURNAL_API_URL = os.environ.get(
    "LIVEJOURNAL_API_URL", f"{_SITE}/sandbox/livejournal/interface/xmlrpc"
)
GRAPH_API_URL = os.environ.get("GRAPH_API_URL", f"{_SITE}/sandbox/facebook/graph/v19.0")
# Instagram's own sandbox (production leaves it "" and shares GRAPH_API_URL).
INSTAGRAM_API_URL = os.environ.get(
    "INSTAGRAM_API_URL", f"{_SITE}/sandbox/instagram/graph/v19.0"
)
MAX_API_URL = os.environ.get("MAX_API_URL", f"{_SITE}/sandbox/max/")

# Demo readers comment under the sandbox posts, one comment at a time, so a fresh demo's
# moderation inbox fills as a real one would (sandbox/readers.py).
SANDBOX_DEMO_READERS_EVERY = float(os.environ.get("SANDBOX_DEMO_READERS_EVERY", "45"))
if SANDBOX_ENABLED and SANDBOX_DEMO_READERS_EVERY > 0:
    CELERY_BEAT_SCHEDULE = {
        **CELERY_BEAT_SCHEDULE,
        "sandbox-demo-readers": {
            "task": "sandbox.demo_reader_comment",
            "schedule": SANDBOX_DEMO_READERS_EVERY,
        },
    }

# Static files straight from the apps' folders, no collectstatic needed for the demo.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
