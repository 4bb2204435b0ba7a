"""Throughput and latency of the style checker (issue 6).

Run from the repository root:  .venv/bin/python bench/voice/bench_voice.py [--write]

- throughput: paragraphs of ~500 characters per second in one process, with a
  cold word cache (cleared before each pass) and a warm one; the sentence cache
  is cleared before every pass in both (bench_fixes.py times the re-check). A
  pass over the 60 paragraphs takes ~0.1 s, so one pass says little on a shared
  machine (441.8 and 656.6 cold on the same quiet machine): the figure is the
  median of PASSES passes, each with every cache cleared and garbage collected
  before it, and the spread of the middle half of the passes is shown with it;
- piece: time of one ``check()`` of a ~5,000-character piece, cold and warm;
- each by wall clock and by this process's CPU time.

The texts are the development set in tests/fixtures/voice/pairs.json: each
paragraph is a press release followed by its plain rewrite (~500 characters).
"""

import argparse
import gc
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.voice.report import machine, machine_line, write_block  # noqa: E402
from voice.checker import check, clear_caches  # noqa: E402
from voice.checker.morph import analyzer  # noqa: E402
from voice.checker.rules import load_rulebook  # noqa: E402

PAIRS = ROOT / "tests" / "fixtures" / "voice" / "pairs.json"
PIECE_CHARS = 5000
PASSES = 15


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


def throughput(paras: list[str], cold: bool, clock) -> list[float]:
    """Paragraphs per second of each of PASSES passes over all paragraphs."""
    rates = []
    for _ in range(PASSES):
        # Cold forgets every word analysed; warm keeps the words but not the
        # sentences, so each pass checks them again (a long-running server on
        # new text). Garbage left by the last pass is collected before timing.
        clear_caches(words=cold)
        gc.collect()
        start = clock()
        for para in paras:
            check(para)
        rates.append(len(paras) / (clock() - start))
    return rates


def piece_ms(text: str, cold: bool, clock) -> float:
    """Milliseconds for one check of the piece: median of PASSES * 2 runs."""
    times = []
    for _ in range(PASSES * 2):
        clear_caches(words=cold)
        gc.collect()
        start = clock()
        check(text)
        times.append((clock() - start) * 1000)
    return statistics.median(times)


def quartiles(values: list[float]) -> tuple[float, float]:
    q1, _, q3 = statistics.quantiles(values, n=4)
    return round(q1, 1), round(q3, 1)


def markdown(results: dict, command: str) -> str:
    rows = [
        "| state | paragraphs/s, wall (cpu) | middle half of the passes, wall (cpu) "
        "| 5,000-character piece, ms, wall (cpu) |",
        "| --- | --- | --- | --- |",
    ]
    for state in ("cold", "warm"):
        wall = results[f"throughput_{state}_wall_quartiles"]
        cpu = results[f"throughput_{state}_cpu_quartiles"]
        rows.append(
            f"| {state} | {results[f'throughput_{state}_wall_per_s']} "
            f"({results[f'throughput_{state}_cpu_per_s']}) | "
            f"{wall[0]}–{wall[1]} ({cpu[0]}–{cpu[1]}) | "
            f"{results[f'piece_{state}_wall_ms']} ({results[f'piece_{state}_cpu_ms']}) |"
        )
    return "\n".join(
        [
            machine_line(command, results["machine"]),
            "",
            f"{results['paragraphs']} paragraphs of ~{results['paragraph_chars_mean']} "
            f"characters; a {results['piece_chars']:,}-character piece; start-up "
            f"(dictionaries and rule files) {results['startup_ms']} ms. Medians of "
            f"{results['passes']} passes over the paragraphs, every cache (cold) or "
            "the sentences (warm) cleared before each.",
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
    start = time.perf_counter()
    analyzer()
    load_rulebook()
    startup_ms = (time.perf_counter() - start) * 1000
    paras = paragraphs()
    text = piece(paras)
    check(text)  # first call: lazy imports
    results = {
        "machine": machine(),
        "startup_ms": round(startup_ms, 1),
        "paragraphs": len(paras),
        "paragraph_chars_mean": round(statistics.mean(map(len, paras))),
        "piece_chars": len(text),
        "passes": PASSES,
    }
    # Wall clock is what a user waits; CPU time of this process is less
    # disturbed by other work on a shared machine.
    for label, clock in (("wall", time.perf_counter), ("cpu", time.process_time)):
        for cold in (True, False):
            state = "cold" if cold else "warm"
            rates = throughput(paras, cold, clock)
            results[f"throughput_{state}_{label}_per_s"] = round(
                statistics.median(rates), 1
            )
            results[f"throughput_{state}_{label}_quartiles"] = quartiles(rates)
            results[f"piece_{state}_{label}_ms"] = round(piece_ms(text, cold, clock), 1)
    print(json.dumps(results, indent=2, ensure_ascii=False))
    out = Path(__file__).parent / f"results-{time.strftime('%Y%m%dT%H%M%S')}.json"
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if args.write:
        write_block(
            "bench_voice", markdown(results, "bench/voice/bench_voice.py --write")
        )


if __name__ == "__main__":
    main()
