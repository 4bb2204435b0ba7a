"""The «Стиль» panel's round trip for a ~5,000-character piece (issue 6: < 150 ms).

Run from the repository root:  .venv/bin/python bench/voice/bench_roundtrip.py [--write]

What is timed is what the panel waits for after a pause in typing: JSON-encode the
fields, POST them to /admin/voice/check/ through Django's test client (URL routing,
every middleware, Wagtail's admin-access check, CSRF, the session), check every
field, build and encode the JSON answer, and decode it. The piece is split into
fields as an editor writes it: a title, a lead and ~500-character text blocks.

- cold: every cache is cleared before each request (a fresh process);
- new text: the words are known but no sentence has been checked (a new piece);
- re-check: nothing is cleared, as after a pause in typing, when most sentences
  have not changed since the last check;
- checker: ``check_fields`` with its fixes alone, to show the HTTP overhead.

It uses a throwaway SQLite file (VOICE_BENCH_DB, default under /tmp), never var/.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
DB = os.environ.get("VOICE_BENCH_DB", "/tmp/vestnik-bench-voice.sqlite3")
os.environ["DATABASE_URL"] = f"sqlite:///{DB}"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from bench.voice.report import machine, machine_line, write_block  # noqa: E402
from voice.checker import check_fields, clear_caches  # noqa: E402

PAIRS = ROOT / "tests" / "fixtures" / "voice" / "pairs.json"
PIECE_CHARS = 5000
RUNS = 20


def piece_fields() -> dict[str, str]:
    pairs = json.loads(PAIRS.read_text(encoding="utf-8"))["pairs"]
    fields = {"title": "Выплаты семьям с детьми выросли", "lead": pairs[0]["plain"]}
    total, index = len(fields["lead"]), 0
    for pair in pairs[1:]:
        for text in (pair["press_release"], pair["plain"]):
            if total >= PIECE_CHARS:
                return fields
            fields[f"body-{index}"] = text
            total += len(text)
            index += 1
    return fields


def client() -> Client:
    if not Path(DB).exists():
        call_command("migrate", verbosity=0, interactive=False)
    User = get_user_model()
    user = User.objects.filter(username="bench").first() or (
        User.objects.create_superuser("bench", "bench@example.org", "bench")
    )
    c = Client(enforce_csrf_checks=True)
    c.force_login(user)
    c.get(reverse("wagtailadmin_home"))  # the csrftoken cookie, as in the editor
    return c


STATES = ("cold", "new text", "re-check")


def forget(state: str) -> None:
    if state != "re-check":
        clear_caches(words=state == "cold")


def round_trip_ms(c: Client, body: str, token: str, state: str) -> tuple[float, float]:
    times = []
    for _ in range(RUNS):
        forget(state)
        start = time.perf_counter()
        payload = json.dumps(json.loads(body), ensure_ascii=False)  # the panel encodes
        response = c.post(
            reverse("voice_check"),
            data=payload,
            content_type="application/json",
            headers={"X-CSRFToken": token},
        )
        data = json.loads(response.content)  # the panel decodes
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200 and data["fields"], response.status_code
    return statistics.median(times), max(times)


def checker_ms(fields: dict[str, str], state: str) -> float:
    times = []
    for _ in range(RUNS):
        forget(state)
        start = time.perf_counter()
        check_fields(fields, fixes=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def markdown(results: dict, command: str) -> str:
    rows = [
        "| state | round trip median / max, ms | checker with fixes alone, ms |",
        "| --- | --- | --- |",
    ]
    for state in STATES:
        rows.append(
            f"| {state} | {results[f'round_trip_{state}_median_ms']} / "
            f"{results[f'round_trip_{state}_max_ms']} | "
            f"{results[f'checker_only_{state}_median_ms']} |"
        )
    return "\n".join(
        [
            machine_line(command, results["machine"]),
            "",
            f"A piece of {results['piece_chars']:,} characters in {results['fields']} "
            f"fields, {results['findings']} findings, "
            f"{results['response_bytes']:,} bytes of JSON; the first request of the "
            f"process took {results['first_request_ms']} ms (dictionaries, rules, "
            f"imports). {RUNS} requests per state.",
            "",
            *rows,
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--write", action="store_true", help="rewrite this script's block of README.md"
    )
    args = parser.parse_args()
    fields = piece_fields()
    c = client()
    token = c.cookies["csrftoken"].value
    body = json.dumps({"fields": fields, "offsets": "utf16"}, ensure_ascii=False)
    start = time.perf_counter()
    first = c.post(
        reverse("voice_check"),
        data=body,
        content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    first_ms = (time.perf_counter() - start) * 1000
    findings = sum(len(f["findings"]) for f in first.json()["fields"].values())
    results = {
        "machine": machine(),
        "piece_chars": sum(map(len, fields.values())),
        "fields": len(fields),
        "findings": findings,
        "response_bytes": len(first.content),
        "first_request_ms": round(first_ms, 1),
    }
    for state in STATES:
        median, worst = round_trip_ms(c, body, token, state)
        results[f"round_trip_{state}_median_ms"] = round(median, 1)
        results[f"round_trip_{state}_max_ms"] = round(worst, 1)
        results[f"checker_only_{state}_median_ms"] = round(checker_ms(fields, state), 1)
    print(json.dumps(results, indent=2, ensure_ascii=False))
    out = (
        Path(__file__).parent
        / f"results-roundtrip-{time.strftime('%Y%m%dT%H%M%S')}.json"
    )
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    if args.write:
        write_block(
            "bench_roundtrip",
            markdown(results, "bench/voice/bench_roundtrip.py --write"),
        )


if __name__ == "__main__":
    main()
