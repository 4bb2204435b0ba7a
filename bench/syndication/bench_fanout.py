"""Fan-out benchmark (issue 3, bench 2): one piece to 30 accounts (10 per network)
against the sandbox with 200 ms injected latency on every API call.

Target: the wall time of the whole fan-out is at most 1.5 x the slowest single
account's own chain of calls, i.e. deliveries run concurrently, not one after another.

    .venv/bin/python bench/syndication/bench_fanout.py [--per-network 10]
                                                      [--latency-ms 200]

The sandbox runs as a separate server (gunicorn, 3 processes x 16 threads, or
``--server runserver``) on a throwaway SQLite database (kept in --workdir). The baseline is measured first: for each network one account
alone, its delivery performed by itself (``dispatch.run_now`` with one thread) - the
chain of that account's calls (uploads, the post, follow-ups). Then the same piece goes
to all 3 x N accounts at once through the same ``run_now`` the ``syndicate --wait``
command uses, with one thread per delivery (Celery workers do the same in production).
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.sandbox_process import free_port, wait_for  # noqa: E402

NETWORKS = ("vk", "ok", "telegram")
CPU_SECONDS: list[float] = []  # CPU time of this process per timed run


def setup_env(workdir: Path, port: int, args) -> dict:
    site = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "VESTNIK_VAR_DIR": str(workdir),
        "DATABASE_URL": args.database_url or f"sqlite:///{workdir / 'bench.sqlite3'}",
        "RATE_LIMIT_REDIS_URL": args.redis,
        "SANDBOX_ENABLED": "1",
        "VESTNIK_SITE_URL": site,
        "VK_API_URL": f"{site}/sandbox/vk/method/",
        "OK_API_URL": f"{site}/sandbox/ok/fb.do",
        "TELEGRAM_API_URL": f"{site}/sandbox/telegram",
        "CELERY_BROKER_URL": "memory://",
        "LOG_LEVEL": "WARNING",
        "DEBUG": "1",  # runserver serves /media/ so the clients can fetch the photo
    }
    os.environ.update(env)
    return env


def make_piece(port: int, run_id: str):
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images import get_image_model
    from wagtail.models import Page, Site

    from cms.models import HomePage, NewsIndexPage, NewsPage

    buffer = io.BytesIO()
    PILImage.new("RGB", (800, 600), (40, 110, 170)).save(buffer, format="JPEG")
    image = get_image_model()(title="Фото", file=ImageFile(buffer, name="bench.jpg"))
    image.save()
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Главная", slug=f"home-{run_id}"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "127.0.0.1", "port": port, "root_page": home},
    )
    news = home.add_child(instance=NewsIndexPage(title="Новости", slug="news"))
    paragraphs = "".join(
        f"<p>Абзац {n}: выплаты проиндексированы, заявление подавать не нужно.</p>"
        for n in range(6)
    )
    page = news.add_child(
        instance=NewsPage(
            title="Пособие выросло",
            slug="posobie",
            lead="С 1 декабря пособие выросло на 8 %. Новую сумму начислят сами.",
            cover=image,
            body=[("text", paragraphs)],
        )
    )
    page.tags.add("соцзащита")
    page.save_revision().publish()
    return page


def warm_up(port: int) -> None:
    """Load the app in every server process/thread before anything is timed."""
    from concurrent.futures import ThreadPoolExecutor

    import requests

    def hit(_):
        requests.get(f"http://127.0.0.1:{port}/sandbox/", timeout=30)

    with ThreadPoolExecutor(32) as pool:
        list(pool.map(hit, range(96)))


def timed_run(ids, concurrency):
    from syndication.delivery import dispatch

    started, cpu = time.perf_counter(), time.process_time()
    done = dispatch.run_now(ids, concurrency=concurrency)
    CPU_SECONDS.append(time.process_time() - cpu)
    return time.perf_counter() - started, done


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-network", type=int, default=10)
    parser.add_argument("--latency-ms", type=int, default=200)
    parser.add_argument(
        "--server", choices=["gunicorn", "runserver"], default="gunicorn"
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--redis", default="", help="Redis URL for the rate limiter")
    parser.add_argument("--database-url", default="", help="default: SQLite in workdir")
    parser.add_argument(
        "--workdir", default=str(Path(tempfile.gettempdir()) / "vestnik-bench-fanout")
    )
    args = parser.parse_args()
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = setup_env(workdir, port, args)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], check=True, env=env)
    if args.server == "gunicorn":
        # Several processes, like production: the emulator must not be the bottleneck.
        command = [
            str(Path(sys.executable).parent / "gunicorn"), "cms.wsgi:application",
            "--bind", f"127.0.0.1:{port}", "--workers", "3", "--threads", "16",
            "--worker-class", "gthread",
        ]  # fmt: skip
    else:
        command = [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"]
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        import django

        django.setup()
        wait_for(port)
        return run(args, port)
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)


def run(args, port: int) -> int:
    from sandbox.demo import create_account
    from sandbox.models import SandboxFault, SandboxPost
    from syndication.delivery import scheduling
    from syndication.models import Delivery

    run_id = str(int(time.time()))
    page = make_piece(port, run_id)
    warm_up(port)
    SandboxFault.objects.all().delete()
    for network in NETWORKS:
        SandboxFault.objects.create(
            network=network, kind="latency", latency_ms=args.latency_ms, remaining=None
        )

    def account(network, n):
        external = {
            "vk": f"{7000 + n}{run_id[-4:]}",
            "ok": f"{8000 + n}{run_id[-4:]}",
            "telegram": f"@bench_{run_id}_{n}",
        }[network]
        # Wall photos are uploaded with a user token (VK refuses group auth there).
        extra = {"token_type": "user"} if network == "vk" else {}
        return create_account(
            network,
            external,
            f"Bench {network} {n}",
            enforce_rate_limits=False,
            **extra,
        )

    # Baseline: each network's chain alone.
    solo = {}
    for network in NETWORKS:
        delivery = scheduling.schedule_page(page, accounts=[account(network, 99)])[0]
        seconds, done = timed_run([delivery.pk], 1)
        solo[network] = (seconds, done[0])
    rounds = []
    for round_number in range(args.rounds):
        accounts = [
            account(n, 100 * round_number + i)
            for n in NETWORKS
            for i in range(args.per_network)
        ]
        ids = [d.pk for d in scheduling.schedule_page(page, accounts=accounts)]
        wall, done = timed_run(ids, len(ids))
        rounds.append(wall)
    wall = sorted(rounds)[len(rounds) // 2]  # the median round is reported

    slowest = max(seconds for seconds, _ in solo.values())
    sent = [d for d in done if d.status == Delivery.Status.SENT]
    posts = SandboxPost.objects.filter(
        account__external_id__in=[a.external_id for a in accounts], deleted=False
    )
    print(f"latency per API call  {args.latency_ms} ms")
    for network, (seconds, delivery) in solo.items():
        calls = delivery.attempt_log.get().request_summary.get("messages", [])
        print(
            f"solo {network:9} {seconds * 1000:7.0f} ms  {delivery.status}  "
            f"messages: {[m['method'] for m in calls]}"
        )
    print(f"fan-out accounts      {len(accounts)} ({args.per_network} per network)")
    print(f"load average          {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(
        f"fan-out wall time     {wall * 1000:.0f} ms (median of {len(rounds)} rounds: "
        f"{', '.join(f'{r * 1000:.0f}' for r in rounds)} ms)"
    )
    print(f"slowest solo chain    {slowest * 1000:.0f} ms")
    print(
        "CPU of this process   "
        + ", ".join(f"{c * 1000:.0f}" for c in CPU_SECONDS)
        + " ms (3 solo runs, then the fan-out rounds)"
    )
    spans = [
        (a.finished_at - a.started_at).total_seconds()
        for d in done
        for a in d.attempt_log.all()
        if a.finished_at
    ]
    if spans:
        print(
            f"chains in the fan-out min {min(spans) * 1000:.0f} ms, "
            f"max {max(spans) * 1000:.0f} ms"
        )
    print(f"ratio                 {wall / slowest:.2f} (target <= 1.5)")
    print(f"sent                  {len(sent)} / {len(done)}")
    print(f"accounts with posts   {posts.values('account').distinct().count()}")
    failures = [
        (d.account.network, d.status, d.last_error) for d in done if d not in sent
    ]
    if failures:
        print("not sent:", failures[:5])
    ok = wall <= 1.5 * slowest and len(sent) == len(done) == len(accounts)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
