"""Production: PostgreSQL, Redis, WhiteNoise, secure cookies. Everything comes from the
environment; missing essentials stop the process at start-up rather than at first use."""

from django.core.exceptions import ImproperlyConfigured

from cms.env import env

from .base import *  # noqa: F403
from .base import CELERY_BROKER_URL, DATABASES, STORAGES

DEBUG = False

SECRET_KEY = env("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if not env("DATABASE_URL", ""):
    raise ImproperlyConfigured("DATABASE_URL (PostgreSQL) must be set in production.")
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured(
        "Production runs on PostgreSQL: set a postgres:// DATABASE_URL."
    )
if not CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
    raise ImproperlyConfigured(
        "Production uses Redis: set CELERY_BROKER_URL=redis://..."
    )

STORAGES = {
    **STORAGES,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
# Wagtail's page preview shows the site in a same-origin frame, so SAMEORIGIN (not DENY) is
# deliberate.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
SESSION_COOKIE_AGE = env("SESSION_COOKIE_AGE", 8 * 3600)
# Behind the reverse proxy (SECURE_PROXY_SSL_HEADER above), django-axes must count failed
# logins per client address, not per proxy address.
AXES_IPWARE_PROXY_COUNT = env("AXES_PROXY_COUNT", 1)
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
CSRF_COOKIE_SAMESITE = SESSION_COOKIE_SAMESITE = "Lax"

from .base import FIELD_ENCRYPTION_KEY  # noqa: E402

if not FIELD_ENCRYPTION_KEY:
    raise ImproperlyConfigured("FIELD_ENCRYPTION_KEY must be set in production.")
