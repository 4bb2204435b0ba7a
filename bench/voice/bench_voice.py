"""Throughput and latency of the style checker (issue 6).

Run from the repository root:  .venv/bin/python bench/voice/bench_voice.py

- throughput: paragraphs of ~500 characters per second in one process, with a
  cold word cache (cleared before the pass) and a warm one;
- piece: time of one ``check()`` of a ~5,000-character piece, cold and warm.

The texts are the development set in tests/fixtures/voice/pairs.json: each
paragraph is a press release followed by its plain rewrite (~500 characters).
"""

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from syndication.voice import check  # noqa: E402
from syndication.voice.morph import analyzer, word_info  # noqa: E402
from syndication.voice.rules import load_rulebook  # noqa: E402

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


def throughput(paras: list[str], cold: bool) -> float:
    """Paragraphs per second; the best of ROUNDS passes over all paragraphs."""
    rates = []
    for _ in range(ROUNDS):
        if cold:
            word_info.cache_clear()
        start = time.perf_counter()
        for para in paras:
            check(para)
        rates.append(len(paras) / (time.perf_counter() - start))
    return max(rates) if not cold else statistics.median(rates)


def piece_ms(text: str, cold: bool) -> float:
    times = []
    for _ in range(ROUNDS * 4):
        if cold:
            word_info.cache_clear()
        start = time.perf_counter()
        check(text)
        times.append((time.perf_counter() - start) * 1000)
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
        "throughput_cold_per_s": round(throughput(paras, cold=True), 1),
        "throughput_warm_per_s": round(throughput(paras, cold=False), 1),
        "piece_chars": len(text),
        "piece_cold_ms": round(piece_ms(text, cold=True), 1),
        "piece_warm_ms": round(piece_ms(text, cold=False), 1),
    }
    print(json.dumps(results, indent=2))
    out = Path(__file__).parent / f"results-{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
