"""Vestnik's own door: TOTP required for the keeper and technical officer, login
throttling, and production settings that pass `check --deploy` with a CSP."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from .conftest import make_user

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def current_code(device) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def test_keeper_without_2fa_is_sent_to_setup_and_can_enrol(client, keeper):
    client.force_login(keeper)
    response = client.get("/admin/accounts_registry/account/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/registry/2fa/setup/")
    page = client.get(response["Location"])
    assert b"<svg" in page.content and "обязательна" in page.content.decode()
    device = TOTPDevice.objects.get(user=keeper, confirmed=False)
    wrong = client.post("/admin/registry/2fa/setup/", {"token": "000000"})
    assert wrong.status_code == 200 and not TOTPDevice.objects.get().confirmed
    # django-otp throttles after a failure (1 s, doubling); the test does not wait.
    device.refresh_from_db()
    device.throttle_reset()
    done = client.post(
        "/admin/registry/2fa/setup/",
        {"token": current_code(device), "next": "/admin/accounts_registry/account/"},
    )
    assert (
        done.status_code == 302
        and done["Location"] == "/admin/accounts_registry/account/"
    )
    assert client.get("/admin/accounts_registry/account/").status_code == 200


def test_enrolled_user_must_verify_each_session(client, tech):
    device = TOTPDevice.objects.create(user=tech, name="t", confirmed=True)
    client.force_login(tech)
    response = client.get("/admin/")
    assert response["Location"].startswith("/admin/registry/2fa/verify/")
    client.post("/admin/registry/2fa/verify/", {"token": current_code(device)})
    assert client.get("/admin/").status_code == 200


def test_editor_without_device_is_not_forced(client, django_user_model):
    editor = make_user(django_user_model, "ed", "Editors")
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200


def test_requirement_can_be_switched_off_for_a_demo(client, keeper, monkeypatch):
    # The README's way: an environment variable, read at request time.
    monkeypatch.setenv("REGISTRY_REQUIRE_OTP", "0")
    client.force_login(keeper)
    assert client.get("/admin/").status_code == 200


def test_public_site_is_not_affected(client, keeper):
    client.force_login(keeper)
    response = client.get("/rss/")
    assert response.status_code == 200


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_failed_logins_are_throttled(client, django_user_model):
    make_user(django_user_model, "victim")
    for _ in range(3):
        response = client.post(
            "/admin/login/", {"username": "victim", "password": "wrong"}
        )
    assert response.status_code == 429
    assert "Слишком много" in response.content.decode()
    # Even the right password is refused while locked out.
    locked = client.post(
        "/admin/login/", {"username": "victim", "password": "pw-123456!"}
    )
    assert locked.status_code == 429


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_correct_login_below_the_limit_passes(client, django_user_model):
    make_user(django_user_model, "fine")
    client.post("/admin/login/", {"username": "fine", "password": "wrong"})
    ok = client.post("/admin/login/", {"username": "fine", "password": "pw-123456!"})
    assert ok.status_code == 302


def production_env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO")}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="k" * 20 + "-production-secret-of-sufficient-length-0123456789",
        DATABASE_URL="postgres://vestnik:pw@127.0.0.1:5432/vestnik",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
        FIELD_ENCRYPTION_KEY="dGVzdC1vbmx5LWtleS1mb3ItdGhlLXRlc3Qtc3VpdGU=",
        ALLOWED_HOSTS="vestnik.example.ru",
    )
    return env


def test_check_deploy_is_clean_with_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_sends_csp_hsts_and_secure_cookies():
    # The manifest storage needs collectstatic; the plain storage is enough here.
    code = (
        "import django; django.setup();"
        "from django.conf import settings as s;"
        "from django.test import Client, override_settings;"
        "plain = {**s.STORAGES, 'staticfiles': {'BACKEND':"
        " 'django.contrib.staticfiles.storage.StaticFilesStorage'}};"
        "o = override_settings(STORAGES=plain); o.enable();"
        "r = Client().get('/django-admin/login/', secure=True,"
        " HTTP_HOST='vestnik.example.ru');"
        "print(r.headers.get('Content-Security-Policy'));"
        "print(r.headers.get('Strict-Transport-Security'));"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        # Django's admin login is a page that needs no database; it is off by default.
        env={**production_env(), "VESTNIK_DJANGO_ADMIN": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stderr
    assert "object-src 'none'" in lines[0] and "frame-ancestors 'self'" in lines[0]
    assert lines[1].startswith("max-age=31536000")
    assert lines[2] == "True True True"
