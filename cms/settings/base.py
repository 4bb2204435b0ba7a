"""Settings shared by every environment.

Everything that differs between machines is read from the environment here, in one place; the
``dev``, ``test`` and ``production`` modules only change defaults. The README's configuration
table lists every variable read below.
"""

from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF
from django.utils.translation import gettext_lazy as _

from cms.env import env, parse

CMS_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = CMS_DIR.parent
VAR_DIR = Path(env("VESTNIK_VAR_DIR", str(BASE_DIR / "var")))
# Runtime state of the embedded defaults (SQLite, broker files, media) lives here.
VAR_DIR.mkdir(parents=True, exist_ok=True)


SECRET_KEY = env("SECRET_KEY", "")
DEBUG = env("DEBUG", False)
ALLOWED_HOSTS = env("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS", [])
# The local emulator of the networks' APIs (sandbox/) is a dev/test app: only dev.py and
# test.py install it and read SANDBOX_ENABLED; production has neither the app nor its URLs.
SANDBOX_ENABLED = False

INSTALLED_APPS = [
    "cms",
    "accounts_registry",
    "syndication",
    "voice",
    "moderation",
    "results",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Wagtail's status panel says when a piece went to review with humanize's
    # naturaltime: without the app its Russian catalogue is not loaded («58 seconds ago»).
    "django.contrib.humanize",
    # Vestnik's own door (accounts registry issue): TOTP and login throttling.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Network webhooks (/hooks/) go straight to their views from here: the rest of
    # the chain is for people (moderation/webhooks/middleware.py, issue 11.8).
    "moderation.webhooks.middleware.WebhookMiddleware",
    # The same content security policy in every environment, so the tests and the
    # demo see what production sends (issue 12.11).
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # No LocaleMiddleware: the press office works in Russian whatever language the
    # browser asks for (a default Chromium asks for en-US). A user who wants the admin
    # in English picks it in their Wagtail profile (WAGTAILADMIN_PERMITTED_LANGUAGES).
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts_registry.two_factor.RequireOTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # «Публикация запланирована: …» after approving from the dashboard (after the
    # messages middleware, so the message is stored with the response).
    "syndication.middleware.ApprovalPlanMessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses logins of a locked-out name+address before any check.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = env("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts_registry/lockout.html"
OTP_TOTP_ISSUER = env("WAGTAIL_SITE_NAME", "Вестник")

# Content security policy (django-csp). No inline script runs: every script is a file
# of this origin (Wagtail's own inline initialisations are replaced by data attributes
# that cms/static/cms/admin/inline-init.js reads, see cms/templates/wagtailadmin/), or
# carries the request's nonce where inline code is unavoidable. Inline styles stay
# allowed (Wagtail's admin and the sandbox's walls set style attributes); they cannot
# run code. CSP_FRAME_SRC lists the hosts of embedded video, if any.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        # 'report-sample': a violation report quotes the start of the blocked code.
        "script-src": [SELF, NONCE, "'report-sample'"],
        # Inline event handlers: none, except the exact no-op "return;" that Wagtail's
        # image cropper (Jcrop) sets on a detached element to probe touch support.
        "script-src-attr": [
            "'unsafe-hashes'",
            "'sha256-i+qr4lq34KgNHiW62lWi9aInEBwiEOrfCzaNPCvkqD8='",
        ],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, *env("CSP_FRAME_SRC", [])],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [CMS_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# SQLite under var/ by default, so a fresh clone needs no database server. The web process
# and the Celery worker write to it at the same time: WAL and IMMEDIATE transactions make
# SQLite wait for the lock instead of failing with "database is locked".
DEFAULT_DATABASE_URL = f"sqlite:///{VAR_DIR / 'vestnik.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", DEFAULT_DATABASE_URL), conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", _("Russian")), ("en", _("English"))]
TIME_ZONE = "Asia/Novokuznetsk"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
STATIC_URL = env("STATIC_URL", "/static/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = env("MEDIA_URL", "/media/")
# Files only some staff may read (the sent 10-day letter): outside MEDIA_ROOT, never
# served by a web server, read through a view that checks permission (cms/private_files.py).
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "cms.private_files.PrivateFileStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "vestnik@localhost")

# Every handler gets the redaction filter, also those that Django, Celery and gunicorn
# create themselves: some APIs put tokens in URLs, webhook senders secrets in headers.
LOGGING_CONFIG = "cms.log_filters.configure_logging"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    },
    "filters": {"redact_secrets": {"()": "cms.log_filters.RedactSecrets"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact_secrets"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's default logging gives «django» a console handler of its own (and
        # mail to ADMINS, which would quote the request): none here, its lines go up
        # to the root's handler, once.
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        "django.db.backends": {"level": "WARNING"},
        # runserver's request log (Django's own handler would bypass the redaction).
        "django.server": {
            "handlers": ["console"],
            "level": "INFO",
            "propagate": False,
        },
        # Wagtail runs its index updates as django-tasks; one INFO line per save is noise.
        "django_tasks": {"level": "WARNING"},
    },
}

# --- Wagtail -----------------------------------------------------------------------------

WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", "Вестник")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("ru", "Русский"), ("en", "English")]
WAGTAIL_USER_TIME_ZONES = ["Asia/Novokuznetsk"]
# Wagtail's date and time pickers in the Russian format (дд.мм.гггг чч:мм); ISO input
# is still accepted.
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
# Wagtail's autosave off (issue 17): on a new piece it created pages from a title alone
# (two drafts the editor never meant to keep), and it answered 400 while blocks were
# half-filled, the normal state of a draft. Drafts are saved with «Сохранить черновик»;
# Wagtail still warns before leaving a page with unsaved changes.
WAGTAIL_AUTOSAVE_INTERVAL = 0
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "gif",
    "mp4",
    "webm",
    "odt",
    "pdf",
    "xlsx",
    "zip",
]
# Documents are read through Wagtail's view, which checks a collection's privacy; the
# front server refuses /media/documents/ (deploy/nginx/vestnik-media.conf), which would
# bypass it (issue 12.4).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# No SVG: an SVG is a document that can carry a script (issue 12.1). Uploaded files are
# also served with a sandboxing CSP (cms/media.py), for files uploaded before.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# A ministry's admin works in a closed network and sends nothing abroad (issue 15):
# no avatars from gravatar.com (they would send every user's e-mail hash) and no update
# check against releases.wagtail.org, unless a deployment turns them on.
WAGTAIL_GRAVATAR_PROVIDER_URL = env("WAGTAIL_GRAVATAR_PROVIDER_URL", "") or None
_update_check = env("WAGTAIL_ENABLE_UPDATE_CHECK", "off")  # on, off or lts
WAGTAIL_ENABLE_UPDATE_CHECK = (
    "lts" if _update_check.lower() == "lts" else parse(_update_check, False)
)
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True

# --- Celery ------------------------------------------------------------------------------
# The embedded default broker is kombu's filesystem transport: the web process, the worker
# and beat exchange messages through files under var/, so the demo needs no server.
# Production sets CELERY_BROKER_URL to Redis.

CELERY_BROKER_URL = env("CELERY_BROKER_URL", "filesystem://")
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = VAR_DIR / "broker"
    for _sub in ("out", "processed", "control"):
        (_broker_dir / _sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "out"),
        "data_folder_out": str(_broker_dir / "out"),
        "processed_folder": str(_broker_dir / "processed"),
        # Broadcast (remote control) files; kombu's default is ./control in the CWD.
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", "") or None
CELERY_TASK_IGNORE_RESULT = CELERY_RESULT_BACKEND is None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# The webhook batch has a queue (and a Procfile process, «ingest») of its own: a network
# action waiting out a rate limit in a ``worker`` must not hold comments back.
CELERY_TASK_ROUTES = {
    "moderation.tasks.process_webhook_events": {"queue": "webhooks"},
}
# The webhook batch runs every second; its routine «sent/received/succeeded» lines are
# left out of the worker's and beat's logs (cms/quiet_ticks.py). LOG_EVERY_TICK=1
# shows them again, for a technician following the batch.
LOG_EVERY_TICK = env("LOG_EVERY_TICK", False)
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    # Wagtail's own scheduled publishing ("go live at"), every minute.
    "wagtail-publish-scheduled": {
        "task": "cms.tasks.publish_scheduled_pages",
        "schedule": crontab(),
    },
    # Accounts registry: reminders of the 10-day reports (each sent once) and the
    # hourly health check of every account's token.
    "registry-report-reminders": {
        "task": "accounts_registry.send_report_reminders",
        "schedule": crontab(minute=0, hour="9-17"),
    },
    "registry-check-accounts": {
        "task": "accounts_registry.check_accounts",
        "schedule": crontab(minute=17),
    },
    "registry-refresh-tokens": {
        "task": "accounts_registry.refresh_tokens",
        "schedule": crontab(minute="*/10"),
    },
    # Syndication: hand due deliveries to workers and recover those of dead workers.
    "syndication-dispatch": {
        "task": "syndication.tasks.dispatch_due_deliveries",
        "schedule": 30.0,
    },
    # Moderation: the webhook events stored by their requests are handled here, in
    # batches (moderation/webhooks/batch.py, issue 11.8): a comment reaches the inbox
    # about a second after the network sent it. A tick left waiting behind a busy
    # worker is dropped: the next one takes the same rows.
    "moderation-webhook-events": {
        "task": "moderation.tasks.process_webhook_events",
        "schedule": 1.0,
        "options": {"expires": 10},
    },
    # Moderation: deletes and bans whose undo window ended in a closed browser.
    "moderation-send-due-actions": {
        "task": "moderation.tasks.send_due_actions",
        "schedule": 30.0,
    },
    # Moderation: poll recent posts for comments the webhooks missed.
    "moderation-fetch-comments": {
        "task": "moderation.tasks.fetch_comments",
        "schedule": 300.0,
    },
    # Results: observe the posts and accounts that are due (results/collect.py), and
    # delete observations older than 13 months once a night.
    "results-collect": {
        "task": "results.collect",
        "schedule": 300.0,
    },
    "results-prune": {
        "task": "results.prune",
        "schedule": crontab(minute=40, hour=3),
    },
}

# --- Accounts registry -------------------------------------------------------------------
# One or more Fernet keys, comma-separated, newest first (see accounts_registry/crypto.py).
FIELD_ENCRYPTION_KEY = env("FIELD_ENCRYPTION_KEY", "")
