"""Integration tests run against PostgreSQL and Redis with real Celery worker processes.

They need DATABASE_URL=postgres://… and CELERY_BROKER_URL=redis://… (the second pass of
``make test`` sets both). Without them they are skipped, unless VESTNIK_REQUIRE_SERVICES=1.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(autouse=True)
def _require_services():
    engine = settings.DATABASES["default"]["ENGINE"]
    if (
        engine != "django.db.backends.postgresql"
        or not settings.CELERY_BROKER_URL.startswith("redis://")
    ):
        if os.environ.get("VESTNIK_REQUIRE_SERVICES") == "1":
            pytest.fail(
                "integration tests need DATABASE_URL=postgres://… and CELERY_BROKER_URL=redis://…"
            )
        pytest.skip("needs PostgreSQL and Redis (the second pass of `make test`)")


class WorkerProcess:
    """A `celery worker` subprocess on the test database and a queue of its own."""

    def __init__(self, queue: str, log_path: Path, concurrency: int = 1):
        db = connection.settings_dict
        self.queue = queue
        self.log_path = log_path
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            # The worker must see the test database, not the one DATABASE_URL names.
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
            "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        }
        self._log = log_path.open("w")
        self.process = subprocess.Popen(
            [
                str(BIN / "celery"), "-A", "cms", "worker", "--loglevel=INFO",
                "-Q", queue, "--concurrency", str(concurrency), "--pool", "prefork",
                "--without-gossip", "--without-mingle", "--hostname", f"{queue}@%h",
            ],
            cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        self.wait_ready()

    def wait_ready(self, timeout: float = 60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"worker exited early:\n{self.log()}")
            if " ready." in self.log():
                return
            time.sleep(0.3)
        raise RuntimeError(f"worker not ready in {timeout}s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text() if self.log_path.exists() else ""

    def kill(self):
        """SIGKILL the whole process group: the worker dies mid-task, as on a power cut."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()
        self._log.close()


@pytest.fixture
def start_worker(tmp_path, transactional_db):
    """Start real Celery workers: ``start_worker()`` returns a WorkerProcess."""
    workers: list[WorkerProcess] = []
    queue = f"itest-{uuid.uuid4().hex[:8]}"

    def start(concurrency: int = 1) -> WorkerProcess:
        worker = WorkerProcess(
            queue, tmp_path / f"worker-{len(workers)}.log", concurrency
        )
        workers.append(worker)
        return worker

    start.queue = queue
    yield start
    for worker in workers:
        worker.stop()
