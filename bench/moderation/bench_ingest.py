"""Webhook ingest benchmark (issues 5 and 11.8): VK Callback API and Telegram Bot API
comment events POSTed over HTTP to the production web server, stored and classified in
PostgreSQL. Target (issue 11.8): >= 500 events/s, p99 < 100 ms, nothing lost or doubled.

    .venv/bin/python bench/moderation/bench_ingest.py [--events 3000]
        [--concurrency 8] [--database URL] [--redis URL] [--write]

The server is started exactly as the Procfile's ``web`` line says (the command is read
from the Procfile, so it cannot drift), with the repository's gunicorn.conf.py and
``cms.settings.production`` on PostgreSQL and Redis; GUNICORN_WORKERS / GUNICORN_THREADS
in the environment change it as they would in production. Requests carry
``X-Forwarded-Proto: https`` as the front proxy adds it. ``--events`` distinct comment
events, half VK ``wall_reply_new`` and half Telegram discussion-group messages (a mix of
clean, spam, insult and obscene texts; 5 % of them sent twice, as the networks retry),
come from ``--concurrency`` client threads on keep-alive connections. The client runs on
the same machine and takes CPU from the server. After the run the script checks that
every distinct event is stored exactly once and classified. Prints one JSON line;
``--write`` also replaces the «ingest» block of bench/moderation/README.md.

VK and Telegram requests store the event and answer; the Procfile's ``ingest`` worker
(Celery, queue ``webhooks``) and ``beat`` (its tick every second) handle the stored
events in batches (moderation/webhooks/batch.py). The bench starts both from the
Procfile as well, runs them during the timed burst (they share the two cores with the
server), then waits until every event is handled and reports how long that took after
the last answer and the worker's CPU per event. The ``worker`` process is not started:
the rule actions it would send to the networks stay queued, and are deleted after the
run, so nothing reaches a network."""

from __future__ import annotations

import argparse
import base64
import http.client
import json
import os
import platform
import queue
import random
import resource
import runpy
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import redis

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from benchlib import DEFAULT_PG, ROOT, ensure_database, percentile, setup_django

from bench.sandbox_process import free_port, wait_for

README = Path(__file__).resolve().parent / "README.md"
START = "<!-- ingest-results: written by bench_ingest.py --write -->"
END = "<!-- /ingest-results -->"
DEFAULT_REDIS = "redis://127.0.0.1:6379/12"
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
# Fernet wants 32 bytes; this key encrypts the bench database's webhook secrets only.
BENCH_KEY = b"vestnik-bench-only-not-a-secret!"
VK_GROUP = 777000
TELEGRAM_GROUP = -1001777000
WARM_FIRST = 900_001
WARM_COUNT = 200


def procfile_command(name: str, port: int = 0) -> list[str]:
    """The Procfile's ``name`` line with $PORT filled in and the program (gunicorn,
    celery) taken from this virtualenv."""
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.startswith(f"{name}:"):
            words = shlex.split(line.split(":", 1)[1].replace("$PORT", str(port)))
            if words[0] in ("gunicorn", "celery"):
                words[0] = str(Path(sys.executable).parent / words[0])
            return words
    raise SystemExit(f"the Procfile has no {name} process")


def web_command(port: int) -> list[str]:
    return procfile_command("web", port)


QUEUES = ("celery", "webhooks")


def pending_events(accounts) -> int:
    from moderation.models import WebhookEvent

    return WebhookEvent.objects.filter(
        account__in=accounts.values(), processed_at__isnull=True
    ).count()


def wait_handled(accounts, timeout: float = 300.0) -> float:
    """Seconds until no stored event of the bench accounts waits for the batch."""
    started = time.perf_counter()
    while pending_events(accounts):
        if time.perf_counter() - started > timeout:
            raise SystemExit(f"events still waiting after {timeout:.0f} s")
        time.sleep(0.05)
    return time.perf_counter() - started


def server_config(env: dict) -> dict:
    """What gunicorn.conf.py resolves to in ``env`` (workers, threads, class)."""
    saved = dict(os.environ)
    os.environ.update(env)
    try:
        conf = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return {k: conf[k] for k in ("worker_class", "workers", "threads", "keepalive")}


def production_env(database_url: str, redis_url: str) -> dict:
    workdir = Path(tempfile.gettempdir()) / "vestnik-bench-ingest"
    workdir.mkdir(parents=True, exist_ok=True)
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "bench-only-secret-key-not-for-production-0123456789",
        "FIELD_ENCRYPTION_KEY": base64.urlsafe_b64encode(BENCH_KEY).decode(),
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": redis_url,
        "VESTNIK_VAR_DIR": str(workdir),
        "PYTHONPATH": str(ROOT),
    }


def prepare():
    from django.db import connection

    from accounts_registry.models import Account
    from moderation.models import InboxItem, WebhookEndpoint, WebhookEvent

    accounts = {}
    for network, external_id in (
        ("vk", str(VK_GROUP)),
        ("telegram", str(TELEGRAM_GROUP)),
    ):
        account, _ = Account.objects.get_or_create(
            network=network,
            external_id=external_id,
            defaults={"name": f"Bench {network}", "slug": f"bench-{network}"},
        )
        WebhookEndpoint.objects.update_or_create(
            account=account,
            defaults={"secret": SECRET, "confirmation_code": "bench", "enabled": True},
        )
        InboxItem.objects.filter(account=account).delete()
        WebhookEvent.objects.filter(account=account).delete()
        accounts[network] = account
    # The deletes above leave the planner's statistics describing rows that are gone
    # (it then scans the whole recent range for the duplicate check instead of
    # reading the newest rows by index); autovacuum would catch up on a live table.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE moderation_inboxitem")
        cursor.execute("ANALYZE moderation_webhookevent")
    return accounts


def vk_event(number: int, rng: random.Random, prefix: str) -> bytes:
    return json.dumps({
        "type": "wall_reply_new", "group_id": VK_GROUP, "event_id": f"{prefix}-{number}",
        "v": "5.199", "secret": SECRET,
        "object": {
            "id": number, "from_id": rng.randint(1, 50_000), "date": 1764300000 + number,
            "text": f"{rng.choice(TEXTS)} #{number}", "post_id": rng.randint(1, 40),
            "owner_id": -VK_GROUP,
        },
    }, ensure_ascii=False).encode()  # fmt: skip


def telegram_event(number: int, rng: random.Random) -> bytes:
    post = rng.randint(1, 40)
    return json.dumps({
        "update_id": number,
        "message": {
            "message_id": number, "date": 1764300000 + number,
            "chat": {"id": TELEGRAM_GROUP, "type": "supergroup", "title": "Обсуждение"},
            "from": {"id": rng.randint(1, 50_000), "first_name": "Читатель"},
            "reply_to_message": {
                "message_id": 500_000 + post, "is_automatic_forward": True,
                "forward_origin": {"message_id": post},
            },
            "text": f"{rng.choice(TEXTS)} #{number}",
        },
    }, ensure_ascii=False).encode()  # fmt: skip


def events(count: int, replay_share: float, prefix: str = "bench", first: int = 1):
    """``(network, body)`` pairs: odd numbers VK, even numbers Telegram."""
    rng = random.Random(5)
    bodies = []
    for number in range(first, first + count):
        if number % 2:
            bodies.append(("vk", vk_event(number, rng, prefix)))
        else:
            bodies.append(("telegram", telegram_event(number, rng)))
    replays = rng.sample(bodies, int(count * replay_share))
    mixed = bodies + replays
    rng.shuffle(mixed)
    return mixed


EXPECTED = {"vk": b"ok", "telegram": b"{}"}


def client(port, accounts, jobs: queue.Queue, latencies: list, failures: list):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    base = {
        "Content-Type": "application/json",
        "Connection": "keep-alive",
        # The front proxy's header: production settings redirect plain HTTP.
        "X-Forwarded-Proto": "https",
    }
    headers = {
        "vk": base,
        "telegram": {**base, "X-Telegram-Bot-Api-Secret-Token": SECRET},
    }
    while True:
        try:
            network, body = jobs.get_nowait()
        except queue.Empty:
            return
        path = f"/hooks/{network}/{accounts[network].slug}/"
        started = time.perf_counter()
        try:
            conn.request("POST", path, body=body, headers=headers[network])
            response = conn.getresponse()
            answer = response.read()
        except (OSError, http.client.HTTPException) as exc:
            failures.append(repr(exc))
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            continue
        latencies.append(time.perf_counter() - started)
        if response.status != 200 or answer != EXPECTED[network]:
            failures.append(f"{network} {response.status} {answer[:80]!r}")


def drive(port, accounts, items, concurrency: int):
    """POST ``items`` from ``concurrency`` threads; (latencies, failures, seconds)."""
    jobs: queue.Queue = queue.Queue()
    for item in items:
        jobs.put(item)
    latencies: list[float] = []
    failures: list[str] = []
    started = time.perf_counter()
    threads = [
        threading.Thread(
            target=client, args=(port, accounts, jobs, latencies, failures)
        )
        for _ in range(concurrency)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, failures, time.perf_counter() - started


def process_tree_cpu(root: int) -> float:
    """CPU seconds (user + system) of ``root`` and its children, read from /proc:
    the server's cost of the timed run alone, without start-up and warm-up."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    pids = [root]
    children = Path(f"/proc/{root}/task/{root}/children")
    if children.exists():
        pids += [int(pid) for pid in children.read_text().split()]
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def postgres_cpu() -> float:
    """CPU seconds of every PostgreSQL process on this machine (the bench's server
    processes among them; other users of the database add to it)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        name, rest = text.split("(", 1)[1].rsplit(")", 1)
        if name.startswith("postgres"):
            fields = rest.split()
            total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def commit() -> str:
    def git(*args):
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()

    dirty = git("status", "--porcelain", "--untracked-files=no")
    return git("rev-parse", "--short", "HEAD") + (
        " (uncommitted changes)" if dirty else ""
    )


def run(args) -> tuple[dict, list[str]]:
    ensure_database(args.database)
    env = production_env(args.database, args.redis)
    setup_django(env)
    accounts = prepare()
    bodies = events(args.events, 0.05)

    port = free_port()
    env["PORT"] = str(port)  # gunicorn.conf.py binds $PORT, as the platform sets it
    command = web_command(port)
    broker = redis.Redis.from_url(args.redis)
    broker.delete(*QUEUES)
    children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile() as errors, tempfile.TemporaryFile() as worker_log:
        # stdout is the access log (gunicorn.conf.py), written as in production.
        server = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=errors
        )
        helpers = [
            subprocess.Popen(
                procfile_command(name), cwd=ROOT, env=env,
                stdout=worker_log, stderr=worker_log,
            )
            for name in ("ingest", "beat")
        ]  # fmt: skip
        ingest = helpers[0]
        try:
            try:
                wait_for(port)
            except SystemExit:
                errors.seek(0)
                sys.stderr.write(errors.read().decode(errors="replace")[-3000:])
                raise
            # Warm-up from as many connections as the run: every worker and thread
            # loads the classifier's dictionaries and opens its database connection.
            warm = events(WARM_COUNT, 0.0, prefix="warm", first=WARM_FIRST)
            _, warm_failures, _ = drive(port, accounts, warm, args.concurrency)
            if warm_failures:
                errors.seek(0)
                sys.stderr.write(errors.read().decode(errors="replace")[-3000:])
                raise SystemExit(f"warm-up failed: {warm_failures[:3]}")
            try:
                wait_handled(accounts, timeout=120)
            except SystemExit:
                worker_log.seek(0)
                sys.stderr.write(worker_log.read().decode(errors="replace")[-3000:])
                raise
            load_before = os.getloadavg()[0]
            cpu_before = (
                process_tree_cpu(server.pid), postgres_cpu(),
                process_tree_cpu(ingest.pid),
            )  # fmt: skip
            client_before = time.process_time()
            latencies, failures, elapsed = drive(
                port, accounts, bodies, args.concurrency
            )
            client_cpu = time.process_time() - client_before
            run_cpu = process_tree_cpu(server.pid) - cpu_before[0]
            load_after = os.getloadavg()[0]
            # The batch finishes what the burst stored; PostgreSQL's CPU is counted
            # until then, as it serves both.
            try:
                drain = wait_handled(accounts)
            except SystemExit:
                worker_log.seek(0)
                sys.stderr.write(worker_log.read().decode(errors="replace")[-3000:])
                raise
            pg_cpu = postgres_cpu() - cpu_before[1]
            ingest_cpu = process_tree_cpu(ingest.pid) - cpu_before[2]
        finally:
            for process in (server, *helpers):
                process.terminate()
            for process in (server, *helpers):
                process.wait(timeout=30)
    # CPU the server, the ingest worker and beat used (warm-up and start-up
    # included): a measure of the cost per event that does not depend on the load.
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    server_cpu = (children.ru_utime - children_before.ru_utime) + (
        children.ru_stime - children_before.ru_stime
    )

    # The rule actions the run queued (no worker consumes them here) would pile up
    # in the bench's broker database run after run.
    actions_queued = broker.llen("celery")
    broker.delete(*QUEUES)

    from moderation.models import InboxItem, WebhookEvent

    warm_ids = {str(n) for n in range(WARM_FIRST, WARM_FIRST + WARM_COUNT)}
    stored = InboxItem.objects.filter(account__in=accounts.values()).exclude(
        remote_id__in=warm_ids
    )
    per_network = {
        network: stored.filter(account=account).count()
        for network, account in accounts.items()
    }
    config = server_config(env)
    result = {
        "requests": len(bodies),
        "distinct_events": args.events,
        "stored": stored.count(),
        "stored_vk": per_network["vk"],
        "stored_telegram": per_network["telegram"],
        "classified": stored.exclude(label="").count(),
        "events_set_aside": WebhookEvent.objects.filter(
            account__in=accounts.values(), failed=True
        ).count(),
        "rule_actions_queued": actions_queued,
        "handled_s_after_last_answer": round(drain, 2),
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
        "server_cpu_ms_per_request_in_run": round(run_cpu * 1000 / len(bodies), 2),
        "ingest_worker_cpu_ms_per_request": round(ingest_cpu * 1000 / len(bodies), 2),
        "postgres_cpu_ms_per_request_in_run": round(pg_cpu * 1000 / len(bodies), 2),
        "client_cpu_ms_per_request": round(client_cpu * 1000 / len(bodies), 2),
        "concurrency": args.concurrency,
        "server": (
            "{worker_class} {workers}x{threads}"
            if config["worker_class"] == "gthread"
            else "{worker_class} {workers}"
        ).format(**config),
        "command": " ".join(["gunicorn", *command[1:]]).replace(str(port), "$PORT"),
        "settings": env["DJANGO_SETTINGS_MODULE"],
        "loadavg_1min_before": round(load_before, 2),
        "loadavg_1min_after": round(load_after, 2),
    }
    return result, failures


def met(result: dict) -> bool:
    return (
        result["requests_per_s"] >= 500
        and result["p99_ms"] < 100
        and result["failures"] == 0
        and result["events_set_aside"] == 0
        and result["stored"] == result["distinct_events"] == result["classified"]
    )


def write_readme(args, result: dict) -> None:
    verdict = "met" if met(result) else "**not met**"
    extra = "".join(
        f" --{name} {getattr(args, name)}"
        for name, default in (("events", 3000), ("concurrency", 8))
        if getattr(args, name) != default
    )
    section = "\n".join([
        START,
        "### Webhook ingest at the production configuration (issue 11.8)",
        "",
        "Written by the command itself, not by hand:",
        "",
        "```",
        f".venv/bin/python bench/moderation/bench_ingest.py{extra} --write",
        "```",
        "",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
        f"- Commit: {commit()}",
        f"- Machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
        f"{platform.python_version()}; 1-minute load average "
        f"{result['loadavg_1min_before']} before the run, "
        f"{result['loadavg_1min_after']} after",
        f"- Server: `{result['command']}` (the Procfile's web line) with "
        f"gunicorn.conf.py → {result['server']}, `{result['settings']}`, "
        "PostgreSQL, Redis broker; the Procfile's `ingest` worker and `beat` "
        "handle the stored events during and after the burst",
        f"- Client: {result['concurrency']} threads on keep-alive connections, "
        f"{result['requests']} requests ({result['distinct_events']} distinct VK "
        "and Telegram comment events, the rest replays)",
        "",
        "| events/s | p50 ms | p95 ms | p99 ms | max ms | stored once / distinct |"
        " classified | failures | all handled after the last answer |"
        " CPU ms/request: server, ingest worker, PostgreSQL |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        f"| {result['requests_per_s']} | {result['p50_ms']} | {result['p95_ms']} | "
        f"{result['p99_ms']} | {result['max_ms']} | {result['stored']} / "
        f"{result['distinct_events']} | {result['classified']} | {result['failures']} "
        f"| {result['handled_s_after_last_answer']} s "
        f"| {result['server_cpu_ms_per_request_in_run']}, "
        f"{result['ingest_worker_cpu_ms_per_request']}, "
        f"{result['postgres_cpu_ms_per_request_in_run']} |",
        "",
        f"Target ≥ 500 events/s, p99 < 100 ms, nothing lost or doubled: {verdict}.",
        "",
        "```",
        json.dumps(result, ensure_ascii=False),
        "```",
        END,
    ])  # fmt: skip
    text = README.read_text()
    if START in text and END in text:
        before, rest = text.split(START, 1)
        text = before + section + rest.split(END, 1)[1]
    else:
        marker = "## Inbox list"
        before, after = text.split(marker, 1)
        text = before + section + "\n\n" + marker + after
    README.write_text(text)
    print(f"wrote the ingest block of {README.relative_to(ROOT)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=3000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--database", default=os.environ.get("BENCH_PG", DEFAULT_PG))
    parser.add_argument("--redis", default=os.environ.get("BENCH_REDIS", DEFAULT_REDIS))
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    result, failures = run(args)
    print(json.dumps(result, ensure_ascii=False))
    if failures:
        print("first failures:", failures[:5], file=sys.stderr)
    if args.write:
        write_readme(args, result)
    ok = not failures and result["stored"] == args.events == result["classified"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
