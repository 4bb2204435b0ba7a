"""Statistics benchmark (issue 18).

1. *Collection round*: 500 posts sent in the last 48 hours across 20 accounts (8 VK
   communities with an admin's user token — the strictest limit, 3 calls/s — 4 OK
   groups (one group.getStatTopic call per topic), 4 MAX channels, 4 Telegram channels
   whose comments are counted from the inbox; 25 posts each), all due. One round
   (``results.collect.run_round``, what the Celery beat task runs) against the sandbox
   served as a separate process (``python -m sandbox.serve``), which enforces VK's and
   MAX's limits itself and counts every rate-limit answer it gives.
   Targets: **zero rate-limit answers** and **at most 60 s of worker time** (the wall
   time of the round: a worker is busy while the limiter paces its calls).
2. *Period view*: 100 000 post observations (2 000 posts x 50) in the database; the
   «Результаты» period view for the last 30 days, rendered through Django's test client
   as a superuser, and ``queries.period`` alone. Target: **< 300 ms** (median).

    .venv/bin/python bench/results/bench_collect.py [--write]

A throwaway SQLite database in --workdir; the database rate limiter (the demo's).
``--write`` puts the printed block into bench/results/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.sandbox_process import free_port, wait_for  # noqa: E402

README = Path(__file__).with_name("README.md")
LINES: list[str] = []


def say(line: str = "") -> None:
    print(line, flush=True)
    LINES.append(line)


def machine() -> str:
    cpus = os.cpu_count()
    return f"{platform.machine()}, {cpus} CPUs, Python {platform.python_version()}"


def load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def make_posts(now, accounts, per_account: int):
    """``per_account`` sent posts on each account, spread over the last 48 hours, each
    with its sandbox post (VK wall post, MAX channel message) and its delivery."""
    from wagtail.models import Page

    from sandbox.models import SandboxAccount, SandboxPost
    from syndication.models import Delivery

    root = Page.get_first_root_node()
    home = root.add_child(instance=Page(title="Bench", slug=f"bench-{now:%H%M%S}"))
    pages = [
        home.add_child(instance=Page(title=f"Материал {n}", slug=f"p{n}"))
        for n in range(per_account)
    ]
    for account in accounts:
        sandbox = SandboxAccount.objects.get(
            network=account.network, external_id=account.external_id
        )
        for number, page in enumerate(pages):
            sent = now - timedelta(hours=47 * number / per_account, minutes=5)
            post = SandboxPost.objects.create(
                account=sandbox, remote_id=sandbox.next_id(), text=page.title
            )
            SandboxPost.objects.filter(pk=post.pk).update(created_at=sent)
            remote = str(post.remote_id)
            if account.network == "max":
                from sandbox.networks.max import mid_of

                remote = mid_of(sandbox, post.remote_id)
            Delivery.objects.create(
                page=page, account=account, status="sent", sent_at=sent,
                remote_ref={"ids": [remote]},
            )  # fmt: skip


def collection_round(port: int) -> bool:
    import requests
    from django.utils import timezone

    from results import collect
    from results.models import PostObservation
    from sandbox.demo import create_account

    accounts = []
    for n in range(8):
        accounts.append(
            create_account("vk", str(810000 + n), f"VK {n}", token_type="user")
        )
    for n in range(4):
        accounts.append(create_account("ok", str(820000 + n), f"OK {n}"))
        accounts.append(create_account("max", str(-71000000000000 - n), f"MAX {n}"))
        accounts.append(create_account("telegram", f"@bench_tg_{n}", f"TG {n}"))
    now = timezone.now()
    make_posts(now, accounts, 25)
    say(
        "collection round: 500 posts (VK 200, OK 100, MAX 100, Telegram 100) "
        "on 20 accounts"
    )
    say(f"load average {load()} before the round")
    requests.delete(f"http://127.0.0.1:{port}/sandbox/faults/api/", timeout=10)
    wall, cpu = time.perf_counter(), time.process_time()
    report = collect.run_round()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    status = requests.get(f"http://127.0.0.1:{port}/sandbox/faults/api/", timeout=10)
    status = status.json()
    rejected = status["rate_limited"]
    say(f"round: {report}")
    say(f"observations written: {PostObservation.objects.count()}")
    say(f"worker time (wall) {wall:.1f} s, CPU of the worker {cpu:.1f} s")
    say(f"rate-limit answers from the sandbox: {rejected}")
    say(f"errors: {report.errors or 'none'}")
    ok = (
        rejected == 0
        and wall <= 60
        and report.posts_observed == 500
        and report.accounts_observed == 20
    )
    say(f"collection round: {'PASS' if ok else 'FAIL'} (targets: 0 answers, <= 60 s)")
    return ok


def period_view(repeat: int) -> bool:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.utils import timezone

    from accounts_registry.models import Account
    from results import periods, queries
    from results.models import PostObservation, PostTracking
    from syndication.models import Delivery

    now = timezone.now()
    accounts = list(Account.objects.filter(network__in=["vk", "max"]))
    pages = list(Delivery.objects.values_list("page", flat=True).distinct())
    trackings, deliveries = [], []
    for n in range(2000):
        account = accounts[n % len(accounts)]
        sent = now - timedelta(days=30 * n / 2000)
        deliveries.append(
            Delivery(page_id=pages[n % len(pages)], account=account, status="sent",
                     sent_at=sent, action="edit", remote_ref={"ids": [str(n)]})
        )  # fmt: skip
    Delivery.objects.bulk_create(deliveries, batch_size=500)
    for n, delivery in enumerate(Delivery.objects.filter(action="edit")):
        trackings.append(
            PostTracking(delivery=delivery, page_id=delivery.page_id,
                         account_id=delivery.account_id,
                         network=accounts[n % len(accounts)].network,
                         sent_at=delivery.sent_at, views=100 + n, likes=n % 50,
                         comments=n % 7, observed_at=now)
        )  # fmt: skip
    PostTracking.objects.bulk_create(trackings, batch_size=500)
    observations = [
        PostObservation(tracking=t, observed_at=t.sent_at + timedelta(hours=h),
                        views=10 * h, likes=h // 3, comments=h // 10)
        for t in PostTracking.objects.filter(delivery__action="edit")
        for h in range(50)
    ]  # fmt: skip
    PostObservation.objects.bulk_create(observations, batch_size=2000)
    total = PostObservation.objects.count()
    user = get_user_model().objects.create_superuser("bench", "b@example.org", "x")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    start, end = periods.last_days(30)
    client.get("/admin/results/")  # warm up: templates, translations
    views, cpus, queries_only = [], [], []
    for _ in range(repeat):
        began, cpu = time.perf_counter(), time.process_time()
        response = client.get("/admin/results/")
        views.append((time.perf_counter() - began) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
        assert response.status_code == 200, response.status_code
        began = time.perf_counter()
        queries.period(start, end)
        queries_only.append((time.perf_counter() - began) * 1000)
    posts = queries.period(start, end).total.posts
    say()
    say(f"period view: {total} observations, {posts} posts in the last 30 days")
    say(f"load average {load()}")
    say(
        f"GET /admin/results/: median {statistics.median(views):.0f} ms, "
        f"max {max(views):.0f} ms, CPU median {statistics.median(cpus):.0f} ms "
        f"({repeat} runs)"
    )
    say(f"queries.period alone: median {statistics.median(queries_only):.0f} ms")
    ok = statistics.median(views) < 300
    say(f"period view: {'PASS' if ok else 'FAIL'} (target: median < 300 ms)")
    return ok


def write_readme(command: str) -> None:
    block = "\n".join(
        [
            "<!-- bench-results:begin (written by bench_collect.py --write) -->",
            f"Recorded {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by "
            f"`{command}` on {machine()}:",
            "",
            *[f"    {line}" if line else "" for line in LINES],
            "<!-- bench-results:end -->",
        ]
    )
    text = README.read_text(encoding="utf-8")
    text = re.sub(
        r"<!-- bench-results:begin.*?<!-- bench-results:end -->",
        lambda _m: block, text, flags=re.S,
    )  # fmt: skip
    README.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--write", action="store_true", help="update README.md")
    parser.add_argument(
        "--workdir", default=str(Path(tempfile.gettempdir()) / "vestnik-bench-results")
    )
    args = parser.parse_args()
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "bench.sqlite3").unlink(missing_ok=True)
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "VESTNIK_VAR_DIR": str(workdir),
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "SANDBOX_ENABLED": "1",
        "VK_API_URL": f"http://127.0.0.1:{port}/sandbox/vk/method/",
        "TELEGRAM_API_URL": f"http://127.0.0.1:{port}/sandbox/telegram",
        "MAX_API_URL": f"http://127.0.0.1:{port}/sandbox/max/",
        "OK_API_URL": f"http://127.0.0.1:{port}/sandbox/ok/fb.do",
        "RATE_LIMIT_REDIS_URL": "",
        "CELERY_BROKER_URL": "memory://",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], check=True, env=env)

    import django

    django.setup()
    server = subprocess.Popen(
        [sys.executable, "-m", "sandbox.serve", f"127.0.0.1:{port}"],
        env=env, stdout=subprocess.DEVNULL, stderr=(workdir / "server.log").open("w"),
    )  # fmt: skip
    try:
        wait_for(port)
        ok = collection_round(port)
        ok = period_view(args.repeat) and ok
    finally:
        server.terminate()
        server.wait(10)
    if args.write:
        write_readme("bench_collect.py --write")
    print(json.dumps({"ok": ok}))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
