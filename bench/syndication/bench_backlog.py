"""Backlog benchmark (issue 3, bench 3): N queued API calls on one VK community token
limited to 20 requests/s, against the sandbox run in a separate process
(``python -m sandbox.serve``, a threaded WSGI server).

Target: achieved rate >= 90 % of the limit, and zero rate-limit errors returned by the
sandbox (which enforces VK's 20 calls/s per community token itself).

    .venv/bin/python bench/syndication/bench_backlog.py [--calls 200] [--workers 8]
                                                       [--redis redis://127.0.0.1:6379/0]

Uses a throwaway SQLite database (migrated on first use, kept in --workdir for the next
run). Worker threads stand in for Celery worker processes: every call goes through
``syndication.ratelimit`` (the database backend, or Redis with --redis)."""

from __future__ import annotations

import argparse
import os
import queue
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--redis", default="", help="Redis URL for the limiter")
    parser.add_argument(
        "--workdir", default=str(Path(tempfile.gettempdir()) / "vestnik-bench-backlog")
    )
    args = parser.parse_args()

    port = free_port()
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "VESTNIK_VAR_DIR": str(workdir),
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "SANDBOX_ENABLED": "1",
        "VK_API_URL": f"http://127.0.0.1:{port}/sandbox/vk/method/",
        "RATE_LIMIT_REDIS_URL": args.redis,
        "CELERY_BROKER_URL": "memory://",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], check=True, env=env)

    import django

    django.setup()
    from sandbox.demo import create_account
    from sandbox.models import SandboxPost
    from syndication.api import RateLimited, get_client

    account = create_account("vk", "900900", "Bench community", token_type="community")
    SandboxPost.objects.filter(account__external_id="900900").delete()
    server = subprocess.Popen(
        [sys.executable, "-m", "sandbox.serve", f"127.0.0.1:{port}"],
        env=env, stdout=subprocess.DEVNULL, stderr=(workdir / "server.log").open("w"),
    )  # fmt: skip
    try:
        wait_for(port)
        return run(args, account, get_client, RateLimited, SandboxPost, port)
    finally:
        server.terminate()
        server.wait(10)


def wait_for(port: int) -> None:
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the sandbox did not start")


def max_in_window(stamps: list[float], window: float) -> int:
    stamps = sorted(stamps)
    return max(
        (sum(1 for t in stamps[i:] if t < s + window) for i, s in enumerate(stamps)),
        default=0,
    )


def run(args, account, get_client, RateLimited, SandboxPost, port) -> int:
    import requests

    from syndication import conf, ratelimit

    jobs: queue.Queue[int] = queue.Queue()
    for number in range(args.calls):
        jobs.put(number)
    rate_errors, other_errors, lock = [], [], threading.Lock()
    turns = []  # when the limiter let each call go (client side)
    acquire = ratelimit.acquire

    def recording_acquire(*args, **kwargs):
        waited = acquire(*args, **kwargs)
        with lock:
            turns.append(time.monotonic())
        return waited

    ratelimit.acquire = recording_acquire

    def worker():
        client = get_client(account)  # one session per worker, like a process
        while True:
            try:
                number = jobs.get_nowait()
            except queue.Empty:
                return
            try:
                client.call(
                    "wall.post",
                    owner_id=-900900,
                    from_group=1,
                    message=f"Backlog post {number}",
                )
            except RateLimited as exc:
                with lock:
                    rate_errors.append(str(exc))
            except Exception as exc:  # counted and reported
                with lock:
                    other_errors.append(repr(exc))

    threads = [threading.Thread(target=worker) for _ in range(args.workers)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    posted = SandboxPost.objects.filter(account__external_id="900900").count()
    status = requests.get(
        f"http://127.0.0.1:{port}/sandbox/faults/api/", timeout=10
    ).json()
    achieved = args.calls / elapsed
    backend = type(ratelimit.backend()).__name__
    print(f"limiter backend      {backend}, safety {conf.get('RATE_LIMIT_SAFETY')}")
    print(f"calls                {args.calls} with {args.workers} workers")
    print(f"elapsed              {elapsed:.2f} s")
    print(
        f"achieved rate        {achieved:.2f} req/s = {achieved / 20 * 100:.1f} % of 20 req/s"
    )
    print(f"posts on the sandbox {posted}")
    print(f"limiter turns        at most {max_in_window(turns, 1.0)} in any 1 s window")
    print(
        f"rate-limit errors    {len(rate_errors)} (sandbox counted {status['rate_limited']})"
    )
    print(f"other errors         {len(other_errors)} {other_errors[:3]}")
    ok = (
        achieved >= 18 and not rate_errors and not other_errors and posted == args.calls
    )
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
