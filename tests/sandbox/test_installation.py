"""The sandbox is a dev/test app: production settings neither install it nor serve its
URLs, the production apps migrate and rate-limit without it, and the dev and test
settings install it."""

from __future__ import annotations

import base64
import os
import secrets
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(Path(sys.executable))

# Stands for what production has, none of it reachable: a check must start without
# connecting anywhere (port 9 is "discard"; nothing listens there).
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "DATABASE_URL": "postgres://vestnik:dummy@127.0.0.1:9/vestnik",
    "CELERY_BROKER_URL": "redis://127.0.0.1:9/0",
    "FIELD_ENCRYPTION_KEY": base64.urlsafe_b64encode(os.urandom(32)).decode(),
    "ALLOWED_HOSTS": "vestnik.example.org",
}

PRODUCTION_PROBE = """
import django
django.setup()
from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse

from syndication.models import RateLimitBucket

assert "sandbox" not in settings.INSTALLED_APPS, settings.INSTALLED_APPS
assert not apps.is_installed("sandbox")
assert RateLimitBucket._meta.db_table == "sandbox_ratelimitbucket"
try:
    reverse("sandbox:index")
except NoReverseMatch:
    pass
else:
    raise AssertionError("production serves the sandbox's URLs")
# /sandbox/... are just paths: Wagtail's page serving answers them (a 404), or nothing.
for path in ("/sandbox/", "/sandbox/faults/", "/sandbox/vk/method/wall.post"):
    try:
        match = resolve(path)
    except Resolver404:
        continue
    assert match.url_name == "wagtail_serve", (path, match)
# Two strings of production code were translated only in the sandbox's catalog.
from django.utils import translation
with translation.override("ru"):
    assert translation.gettext("User id") == "ID пользователя"
    assert translation.gettext(
        "Reconnect the account: its access token no longer works."
    ).startswith("Переподключите")
print("production without the sandbox")
"""


def run(args, env, cwd=ROOT, timeout=900):
    # A clean environment, as a deployment has: nothing of this test run's own (the
    # browser tests' DJANGO_ALLOW_ASYNC_UNSAFE, the pass's DATABASE_URL, ...).
    basics = {
        k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "TMPDIR")
    }
    environment = {**basics, **env}
    return subprocess.run(
        args, cwd=cwd, env=environment, capture_output=True, text=True, timeout=timeout
    )


@pytest.mark.slow
@pytest.mark.same_in_every_pass
def test_production_settings_start_without_the_sandbox(tmp_path):
    env = {**PRODUCTION_ENV, "VESTNIK_VAR_DIR": str(tmp_path / "var")}
    # SANDBOX_ENABLED set by mistake changes nothing: the app is not installed.
    env["SANDBOX_ENABLED"] = "1"
    probe = run([PYTHON, "-c", PRODUCTION_PROBE], env)
    assert probe.returncode == 0, probe.stderr
    assert "production without the sandbox" in probe.stdout

    check = run([PYTHON, "manage.py", "check", "--deploy"], env)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "System check identified no issues" in check.stdout


SETTINGS_WITHOUT_SANDBOX = """
from cms.settings.test import *  # noqa: F403
from cms.settings.test import INSTALLED_APPS

INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "sandbox"]
"""

RATE_LIMIT_PROBE = """
import django
django.setup()
from django.db import connection

from syndication.models import RateLimitBucket
from syndication.ratelimit import DatabaseBackend

tables = connection.introspection.table_names()
assert [t for t in tables if t.startswith("sandbox_")] == ["sandbox_ratelimitbucket"], tables
wait = DatabaseBackend().take("probe", 2, 60.0)
assert wait == 0, wait
assert RateLimitBucket.objects.get(key="probe").stamps
print("rate limiter on its table")
"""


@pytest.mark.slow
@pytest.mark.same_in_every_pass
def test_production_apps_migrate_and_rate_limit_without_the_sandbox(tmp_path):
    """A database that never had the sandbox (a new production one) gets the rate
    limiter's table from syndication's own migration, and no sandbox table."""
    (tmp_path / "no_sandbox_settings.py").write_text(SETTINGS_WITHOUT_SANDBOX)
    env = {
        "DJANGO_SETTINGS_MODULE": "no_sandbox_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "VESTNIK_VAR_DIR": str(tmp_path / "var"),
    }
    migrate = run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
    assert migrate.returncode == 0, migrate.stderr
    probe = run([PYTHON, "-c", textwrap.dedent(RATE_LIMIT_PROBE)], env)
    assert probe.returncode == 0, probe.stderr
    assert "rate limiter on its table" in probe.stdout


def test_the_test_settings_install_and_serve_the_sandbox():
    assert apps.is_installed("sandbox")
    assert apps.get_app_config("sandbox").label == "sandbox"
    assert reverse("sandbox:index") == "/sandbox/"
    assert reverse("sandbox:oauth_token", args=["vk"]) == "/sandbox/oauth/vk/token"


def test_the_dev_settings_install_the_sandbox_after_syndication(tmp_path):
    probe = run(
        [PYTHON, "-c", "from django.conf import settings; a = settings.INSTALLED_APPS; "
         "print(a[a.index('syndication') + 1])"],
        {"DJANGO_SETTINGS_MODULE": "cms.settings.dev",
         "VESTNIK_VAR_DIR": str(tmp_path / "var")},
    )  # fmt: skip
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.strip() == "sandbox"
