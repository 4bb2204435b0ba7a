"""Webhook ingest benchmark (issue 5): VK Callback API POSTs over HTTP -> stored and
classified in PostgreSQL. Target: >= 300 events/s, p99 < 100 ms.

    .venv/bin/python bench/moderation/bench_ingest.py [--events 3000]
        [--concurrency 8] [--workers 2] [--threads 4] [--database URL]

Starts gunicorn (gthread workers, the production server) on a free port with the
bench database, then POSTs ``--events`` distinct ``wall_reply_new`` events (a mix of
clean, spam, insult and obscene texts; 5 % of them sent twice, as VK retries) from
``--concurrency`` client threads on keep-alive connections. The client runs on the same
machine and takes CPU from the server. After the run it checks that every distinct event
is stored exactly once and classified. Prints one JSON line of results."""

from __future__ import annotations

import argparse
import http.client
import json
import os
import queue
import random
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchlib import (
    DEFAULT_PG,
    ROOT,
    bench_env,
    ensure_database,
    free_port,
    percentile,
    setup_django,
)

TEXTS = [
    "Когда начнут выплачивать пособие на третьего ребёнка?",
    "Спасибо за разъяснение, очень помогли!",
    "Заработок от 100000 в день! Пиши в вотсап +79991234567 bit.ly/xx",
    "Ты дебил, а не чиновник",
    "бл*ть опять ничего не работает",
    "Подскажите адрес МФЦ в Новокузнецке, пожалуйста",
    "Переходи по ссылке, скидки 90% только сегодня!!! 🔥🔥🔥🔥🔥",
    "А почему в нашем районе до сих пор не убрали снег?",
]
SECRET = "bench-secret-0123456789"


def prepare(slug: str):
    from accounts_registry.models import Account
    from moderation.models import InboxItem, WebhookEndpoint, WebhookEvent

    account, _ = Account.objects.get_or_create(
        network="vk", external_id="777000", defaults={"name": "Bench VK", "slug": slug}
    )
    WebhookEndpoint.objects.update_or_create(
        account=account, defaults={"secret": SECRET, "confirmation_code": "bench"}
    )
    InboxItem.objects.filter(account=account).delete()
    WebhookEvent.objects.filter(account=account).delete()
    return account


def events(count: int, replay_share: float, prefix: str = "bench", first: int = 1):
    rng = random.Random(5)
    bodies = []
    for number in range(first, first + count):
        body = {
            "type": "wall_reply_new",
            "group_id": 777000,
            "event_id": f"{prefix}-{number}",
            "v": "5.199",
            "secret": SECRET,
            "object": {
                "id": number,
                "from_id": rng.randint(1, 50_000),
                "date": 1764300000 + number,
                "text": f"{rng.choice(TEXTS)} #{number}",
                "post_id": rng.randint(1, 40),
                "owner_id": -777000,
            },
        }
        bodies.append(json.dumps(body, ensure_ascii=False).encode())
    replays = rng.sample(bodies, int(count * replay_share))
    mixed = bodies + replays
    rng.shuffle(mixed)
    return mixed


def wait_ready(port: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("POST", "/hooks/vk/none/", body=b"{}")
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not start")


def client(port, path, jobs: queue.Queue, latencies: list, failures: list):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Content-Type": "application/json", "Connection": "keep-alive"}
    while True:
        try:
            body = jobs.get_nowait()
        except queue.Empty:
            return
        started = time.perf_counter()
        try:
            conn.request("POST", path, body=body, headers=headers)
            response = conn.getresponse()
            answer = response.read()
        except (OSError, http.client.HTTPException) as exc:
            failures.append(repr(exc))
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        latencies.append(time.perf_counter() - started)
        if response.status != 200 or answer != b"ok":
            failures.append(f"{response.status} {answer[:80]!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--database", default=os.environ.get("BENCH_PG", DEFAULT_PG))
    args = parser.parse_args()

    ensure_database(args.database)
    env = bench_env(args.database)
    setup_django(env)
    account = prepare("bench-vk")
    bodies = events(args.events, 0.05)

    port = free_port()
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "cms.wsgi:application",
         "--bind", f"127.0.0.1:{port}", "--workers", str(args.workers),
         "--worker-class", "gthread", "--threads", str(args.threads),
         "--keep-alive", "30", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        wait_ready(port)
        path = f"/hooks/vk/{account.slug}/"
        # Warm-up: each worker loads the classifier's dictionaries once.
        warm: queue.Queue = queue.Queue()
        for body in events(40, 0.0, prefix="warm", first=900_001):
            warm.put(body)
        client(port, path, warm, [], [])
        jobs: queue.Queue = queue.Queue()
        for body in bodies:
            jobs.put(body)
        latencies: list[float] = []
        failures: list[str] = []
        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        threads = [
            threading.Thread(
                target=client, args=(port, path, jobs, latencies, failures)
            )
            for _ in range(args.concurrency)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    # CPU the server used (master and workers, warm-up and start-up included):
    # a measure of the cost per event that does not depend on the machine's load.
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    server_cpu = (children.ru_utime - children_before.ru_utime) + (
        children.ru_stime - children_before.ru_stime
    )

    from moderation.models import InboxItem

    warm_ids = [str(n) for n in range(900_001, 900_041)]
    stored = InboxItem.objects.filter(account=account).exclude(remote_id__in=warm_ids)
    distinct = args.events
    result = {
        "requests": len(bodies),
        "distinct_events": distinct,
        "stored": stored.count(),
        "classified": stored.exclude(label="").count(),
        "failures": len(failures),
        "seconds": round(elapsed, 3),
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 1),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 1),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 1),
        "max_ms": round(max(latencies) * 1000, 1) if latencies else 0,
        "server_cpu_s": round(server_cpu, 2),
        "server_cpu_ms_per_request_upper_bound": round(
            server_cpu * 1000 / len(bodies), 2
        ),
        "concurrency": args.concurrency,
        "server": f"gunicorn gthread {args.workers}x{args.threads}",
        "loadavg_1min_before": round(load_before, 2),
        "loadavg_1min_after": round(os.getloadavg()[0], 2),
    }
    print(json.dumps(result))
    if failures:
        print("first failures:", failures[:5], file=sys.stderr)
    return 0 if not failures and result["stored"] == distinct else 1


if __name__ == "__main__":
    sys.exit(main())
