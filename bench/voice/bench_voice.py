"""Throughput and latency of the style checker (issue 6).

Run from the repository root:  .venv/bin/python bench/voice/bench_voice.py

- throughput: paragraphs of ~500 characters per second in one process, with a
  cold word cache (cleared before each pass) and a warm one;
- piece: time of one ``check()`` of a ~5,000-character piece, cold and warm;
- each by wall clock and by this process's CPU time.

The texts are the development set in tests/fixtures/voice/pairs.json: each
paragraph is a press release followed by its plain rewrite (~500 characters).
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from voice.checker import check  # noqa: E402
from voice.checker.morph import analyzer, word_info  # noqa: E402
from voice.checker.rules import load_rulebook  # noqa: E402

PAIRS = ROOT / "tests" / "fixtures" / "voice" / "pairs.json"
PIECE_CHARS = 5000
ROUNDS = 5


def paragraphs() -> list[str]:
    pairs = json.loads(PAIRS.read_text(encoding="utf-8"))["pairs"]
    return [f"{p['press_release']} {p['plain']}" for p in pairs]


def piece(paras: list[str]) -> str:
    text = ""
    for para in paras:
        if len(text) >= PIECE_CHARS:
            break
        text += para + "\n\n"
    return text.strip()


def throughput(paras: list[str], cold: bool, clock) -> float:
    """Paragraphs per second: median of ROUNDS passes over all paragraphs."""
    rates = []
    for _ in range(ROUNDS):
        if cold:
            word_info.cache_clear()
        start = clock()
        for para in paras:
            check(para)
        rates.append(len(paras) / (clock() - start))
    return statistics.median(rates)


def piece_ms(text: str, cold: bool, clock) -> float:
    """Milliseconds for one check of the piece: median of ROUNDS * 4 runs."""
    times = []
    for _ in range(ROUNDS * 4):
        if cold:
            word_info.cache_clear()
        start = clock()
        check(text)
        times.append((clock() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    start = time.perf_counter()
    analyzer()
    load_rulebook()
    startup_ms = (time.perf_counter() - start) * 1000
    paras = paragraphs()
    text = piece(paras)
    check(text)  # first call: lazy imports
    results = {
        "startup_ms": round(startup_ms, 1),
        "paragraphs": len(paras),
        "paragraph_chars_mean": round(statistics.mean(map(len, paras))),
        "piece_chars": len(text),
        "load_average_1min": round(os.getloadavg()[0], 2),
    }
    # Wall clock is what a user waits; CPU time of this process is less
    # disturbed by other work on a shared machine.
    for label, clock in (("wall", time.perf_counter), ("cpu", time.process_time)):
        for cold in (True, False):
            state = "cold" if cold else "warm"
            rate = throughput(paras, cold, clock)
            results[f"throughput_{state}_{label}_per_s"] = round(rate, 1)
            results[f"piece_{state}_{label}_ms"] = round(piece_ms(text, cold, clock), 1)
    print(json.dumps(results, indent=2))
    out = Path(__file__).parent / f"results-{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
