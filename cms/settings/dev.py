"""The embedded defaults of ``make run``: SQLite, filesystem broker, console e-mail."""

import os

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool

DEBUG = env_bool("DEBUG", True)
# A fixed key is fine for a local demo; production refuses to start without one.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# The demo's own key: credentials of sandbox accounts only. Production must set its own.
FIELD_ENCRYPTION_KEY = (
    os.environ.get("FIELD_ENCRYPTION_KEY")
    or "ZGV2LW9ubHkta2V5LWZvci1zYW5kYm94LWRlbW8tMDA="
)
