"""No secret reaches a log line, whichever handler writes it (issue 12.5).

Unit cases for each kind of secret the filter knows, then the real processes: the dev
server (``runserver``: its request log and Django's own «Not Found»/«Internal Server
Error» lines), gunicorn with the repository's ``gunicorn.conf.py`` (the access log), and
a Celery worker's logging (which replaces the root logger's handlers)."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from cms.log_filters import RedactSecrets, every_handler, redact

ROOT = Path(__file__).resolve().parents[2]
BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
OK_SECRET = "ok-webhook-secret-4f9a2c"
HEADER_SECRET = "tg-header-secret-77aa"
ACCESS_TOKEN = "vk1.a.b968da509bb76866c35425099bc0989a5ec3b32997d5"
SECRETS = (BOT_TOKEN.split(":")[1], OK_SECRET, HEADER_SECRET, ACCESS_TOKEN)


@pytest.mark.parametrize(
    "line",
    [
        f'"POST /sandbox/telegram/bot{BOT_TOKEN}/sendMessage HTTP/1.1" 200 512',
        f'"POST /hooks/ok/minsoc-ok/{OK_SECRET}/ HTTP/1.1" 200 0',
        f"Not Found: /hooks/ok/minsoc-ok/{OK_SECRET}/",
        f"GET https://api.vk.ru/method/wall.post?v=5.199&access_token={ACCESS_TOKEN}",
        f"POST /fb.do body: method=mediatopic.post&sig={OK_SECRET}&application_key=x",
        f"X-Telegram-Bot-Api-Secret-Token: {HEADER_SECRET}",
        f"{{'Authorization': 'Bearer {ACCESS_TOKEN}', 'Accept': '*/*'}}",
        f"'HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN': '{HEADER_SECRET}'",
        f'{{"access_token": "{ACCESS_TOKEN}", "expires_in": 0}}',
        f"Cookie: sessionid={OK_SECRET}; csrftoken=x",
    ],
)
def test_each_kind_of_secret_is_redacted(line):
    cleaned = redact(line)
    assert not any(secret in cleaned for secret in SECRETS), cleaned
    assert "***" in cleaned


def test_what_is_not_a_secret_stays_readable():
    line = '"GET /admin/pages/12/edit/?next=/admin/ HTTP/1.1" 200 "Mozilla/5.0"'
    assert redact(line) == line
    assert redact("delivery 12 sent to vk:123456") == "delivery 12 sent to vk:123456"
    # The account is named, only the secret segment goes.
    assert redact(f"/hooks/ok/minsoc-ok/{OK_SECRET}/") == "/hooks/ok/minsoc-ok/***/"
    assert redact("/hooks/vk/minsoc-vk/") == "/hooks/vk/minsoc-vk/"


def test_every_handler_of_every_logger_filters():
    ours = [
        handler
        for handler in every_handler()
        # pytest's capture handlers are the test runner's, not the product's; a
        # NullHandler writes nothing.
        if not type(handler).__module__.startswith("_pytest")
        and not isinstance(handler, logging.NullHandler)
    ]
    assert ours
    for handler in ours:
        assert any(isinstance(f, RedactSecrets) for f in handler.filters), handler
    # Django's default console handler on «django» is gone: one line per event.
    assert logging.getLogger("django").handlers == []


def test_a_handler_added_later_writes_no_secret_either():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)  # no filter: a library's own handler
    logger = logging.getLogger("some.library.added.later")
    logger.addHandler(handler)
    try:
        logger.warning("calling /bot%s/getMe", BOT_TOKEN)
        try:
            raise ConnectionError(f"url: /hooks/ok/minsoc-ok/{OK_SECRET}/")
        except ConnectionError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)
    written = stream.getvalue()
    assert "/bot123456789:***/getMe" in written and "ConnectionError" in written
    assert not any(secret in written for secret in SECRETS)


# --- the real processes ------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def dev_environment(tmp_path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO")}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        VESTNIK_VAR_DIR=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        CELERY_BROKER_URL="memory://",
        PYTHONUNBUFFERED="1",
    )
    return env


def secret_requests(base: str) -> None:
    """Requests whose address or headers carry a secret; the answers do not matter
    (the database is empty, so some are errors: their log lines are checked too)."""
    requests = [
        urllib.request.Request(f"{base}/sandbox/telegram/bot{BOT_TOKEN}/getMe"),
        urllib.request.Request(
            f"{base}/hooks/ok/minsoc-ok/{OK_SECRET}/",
            data=b"{}",
            headers={"Content-Type": "application/json"},  # else 415 before the DB
            method="POST",
        ),
        urllib.request.Request(
            f"{base}/no-such-page/?access_token={ACCESS_TOKEN}",
            headers={"Referer": f"{base}/hooks/ok/minsoc-ok/{OK_SECRET}/"},
        ),
        urllib.request.Request(
            f"{base}/hooks/telegram/minsoc-tg/",
            data=b"{}",
            headers={
                "X-Telegram-Bot-Api-Secret-Token": HEADER_SECRET,
                "Content-Type": "application/json",
            },
            method="POST",
        ),
    ]
    for request in requests:
        with contextlib.suppress(urllib.error.HTTPError):
            urllib.request.urlopen(request, timeout=90).close()


def wait_until_listening(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stdout.read())
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"nothing listens on {port}")


def serve_and_collect(command: list[str], port: int, env: dict) -> str:
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_until_listening(port, process)
        secret_requests(f"http://127.0.0.1:{port}")
        time.sleep(0.5)  # the last log lines are written after the answer
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    return output


@pytest.mark.slow
@pytest.mark.same_in_every_pass
def test_the_dev_server_logs_no_secret(tmp_path):
    port = free_port()
    command = [
        sys.executable,
        "manage.py",
        "runserver",
        f"127.0.0.1:{port}",
        "--noreload",
        "--skip-checks",
    ]
    output = serve_and_collect(command, port, dev_environment(tmp_path))
    assert "/sandbox/telegram/bot123456789:***/getMe" in output, output
    assert "/hooks/ok/minsoc-ok/***/" in output
    for secret in SECRETS:
        assert secret not in output
    # Each «Not Found»/error line once: Django's own console handler no longer
    # prints a second, unfiltered copy.
    assert output.count("Internal Server Error: /hooks/ok/minsoc-ok/***/") == 1


@pytest.mark.slow
@pytest.mark.same_in_every_pass
def test_gunicorns_access_and_error_logs_carry_no_secret(tmp_path):
    port = free_port()
    command = [
        str(Path(sys.executable).parent / "gunicorn"),
        "cms.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "1",
        "--access-logfile",
        "-",
    ]
    # gunicorn reads ./gunicorn.conf.py (the repository's) by itself.
    output = serve_and_collect(command, port, dev_environment(tmp_path))
    access = [
        line for line in output.splitlines() if '"GET ' in line or '"POST ' in line
    ]
    assert len(access) >= 4, output
    assert any("/hooks/ok/minsoc-ok/***/" in line for line in access)
    assert any("/bot123456789:***/getMe" in line for line in access)
    assert any("access_token=***" in line for line in access)
    for secret in SECRETS:
        assert secret not in output


@pytest.mark.slow
@pytest.mark.same_in_every_pass
def test_a_celery_workers_log_handlers_redact(tmp_path):
    code = (
        "import logging, django; django.setup();"
        "from cms.celery import app;"
        "app.log.setup(loglevel='INFO', redirect_stdouts=False);"
        f"logging.getLogger('syndication').warning('GET /bot{BOT_TOKEN}/getMe');"
        "from celery.utils.log import get_task_logger;"
        f"get_task_logger('syndication.tasks').error('access_token={ACCESS_TOKEN}')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=dev_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "/bot123456789:***/getMe" in output and "access_token=***" in output
    for secret in SECRETS:
        assert secret not in output
