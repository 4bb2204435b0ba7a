"""The run command's processes (Procfile.dev: web, worker, beat) start on the embedded
defaults, serve the site and the admin, move a task through the filesystem broker, and stop
cleanly on Ctrl+C."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

pytestmark = [pytest.mark.slow, pytest.mark.same_in_every_pass]

SCHEDULE_AND_DISPATCH = """
import datetime as dt
from django.utils import timezone
from cms.models import NewsPage
from cms.tasks import publish_scheduled_pages
page = NewsPage.objects.get(slug="zimnie-vyplaty")
page.unpublish()
page.go_live_at = timezone.now() + dt.timedelta(seconds=2)
page.save_revision().publish()
assert not NewsPage.objects.get(pk=page.pk).live
import time; time.sleep(3)
publish_scheduled_pages.delay()
print(page.url)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def test_run_command_processes(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "VESTNIK_VAR_DIR": str(tmp_path / "var"),
        "PORT": str(port),
        "VESTNIK_SITE_URL": f"http://127.0.0.1:{port}",
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "PYTHONUNBUFFERED": "1",
    }
    for key in ("DATABASE_URL", "CELERY_BROKER_URL"):
        env.pop(key, None)  # the embedded defaults, exactly as `make run` uses them
    manage = [str(BIN / "python"), "manage.py"]
    subprocess.run(
        [*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    subprocess.run(
        [*manage, "load_demo"], cwd=ROOT, env=env, check=True, capture_output=True
    )

    log = (tmp_path / "honcho.log").open("w")
    honcho = subprocess.Popen(
        [str(BIN / "honcho"), "-f", "Procfile.dev", "start"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(lambda: get(base + "/") == 200, 60, "the web process")
        assert get(base + "/admin/login/") == 200

        # The worker picks up a task sent through the embedded broker.
        out = subprocess.run(
            [*manage, "shell", "-c", SCHEDULE_AND_DISPATCH],
            cwd=ROOT, env=env, check=True, capture_output=True, text=True,
        ).stdout.strip().splitlines()[-1]  # fmt: skip
        wait_for(lambda: get(base + out) == 200, 60, "the worker to publish the page")
    finally:
        honcho.send_signal(signal.SIGINT)
        try:
            code = honcho.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(honcho.pid, signal.SIGKILL)
            raise
        log.close()
    output = (tmp_path / "honcho.log").read_text()
    assert code in (0, 130, -signal.SIGINT), output
    # No process of the group survives the stop.
    leftover = subprocess.run(
        ["pgrep", "-g", str(honcho.pid)], capture_output=True, text=True
    )
    assert leftover.stdout.strip() == "", output
    for name in ("web", "worker", "beat"):
        assert f"{name}.1" in output
