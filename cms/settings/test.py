"""Settings for the test suite. DATABASE_URL and CELERY_BROKER_URL still apply, so the same
suite runs on SQLite with an in-memory broker and, in CI, on PostgreSQL with Redis."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES, INSTALLED_APPS

SECRET_KEY = "test-secret-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "memory://")
CELERY_BROKER_TRANSPORT_OPTIONS = {}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": ""}  # in memory
# The sandbox is served over real HTTP by pytest-django's live_server, Django's
# development server: a thread per client connection, alive as long as the client
# keeps the connection open. With production's persistent connections (60 s) each
# such thread kept a PostgreSQL session open past the last test, and the test
# database could not be dropped («is being accessed by other users»). Django
# advises against persistent connections on the development server.
DATABASES["default"]["CONN_MAX_AGE"] = 0
FIELD_ENCRYPTION_KEY = "dGVzdC1vbmx5LWtleS1mb3ItdGhlLXRlc3Qtc3VpdGU="
# The network emulator (sandbox/) is installed here and in dev.py only, never in
# production, right after syndication where it always was (its templates and
# translations keep their precedence).
INSTALLED_APPS = [*INSTALLED_APPS]
INSTALLED_APPS.insert(INSTALLED_APPS.index("syndication") + 1, "sandbox")
# Tests point the API base URLs at pytest-django's live_server with override_settings.
SANDBOX_ENABLED = True
# Uploaded files of one test run go to a throwaway folder, never into var/.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="vestnik-test-media-"))
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="vestnik-test-private-"))
# Django's test client logs in without a request, which django-axes refuses; the
# throttling test turns it back on with override_settings.
AXES_ENABLED = False
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="vestnik-test-static-"))
WHITENOISE_USE_FINDERS = True
# The live server's threads share one in-memory SQLite connection: the sandbox pushes its
# webhook events in the request's own thread, never in a background one that could overlap
# the next test's queries. (tests/moderation/test_demo_loop.py covers the threaded path.)
SANDBOX_CALLBACK_INLINE = True

# Each xdist worker (and the Celery workers it starts, which inherit the variable)
# keeps its own rate-limit keys when the pass shares one Redis.
RATE_LIMIT_NAMESPACE = f"vestnik-test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
# Webhook events are handled in their request (not stored for the beat's batch), so a
# test sees the inbox item when the POST returns; tests/moderation/test_webhook_batch.py
# turns the batch on.
MODERATION_WEBHOOKS_DEFERRED = False
