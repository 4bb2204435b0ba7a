"""How good and how many are the one-click fixes of the style checker (issue 13).

Run from the repository root:

    .venv/bin/python bench/voice/bench_fixes.py            # print the figures
    .venv/bin/python bench/voice/bench_fixes.py --write    # and rewrite README.md

On the evaluation set tests/fixtures/voice/fixes.json (our own sentences in the
style of government press releases, each with the expected sentence after each
fix) it applies every one-click fix the checker offers, alone, and counts it
correct when the sentence it leaves is one of the expected ones. It reports:

- the share of correct one-click fixes (target: at least 95 %);
- fixes offered per sentence: buttons, and findings with at least one button;
- how many of the expected fixes were offered;
- paragraphs per second of the checker with its fixes, on the ~500-character
  paragraphs of tests/fixtures/voice/pairs.json (target: at least 500).

``--write`` replaces the block between this script's markers in
bench/voice/README.md with the figures, the machine and the date; nothing in
that block is typed by hand.
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.voice.report import (  # noqa: E402
    README,
    block_text,
    machine,
    machine_line,
    write_block,
)
from tests.voice.fixes_eval import evaluate, load_set  # noqa: E402
from voice.checker import check, clear_caches  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "voice"
ROUNDS = 15


def paragraphs() -> list[str]:
    pairs = json.loads((FIXTURES / "pairs.json").read_text(encoding="utf-8"))
    return [f"{p['press_release']} {p['plain']}" for p in pairs["pairs"]]


def throughput(paras: list[str], fixes: bool, state: str, clock) -> float:
    """Paragraphs per second: median of ROUNDS passes over all paragraphs.

    ``cold``: every cache cleared before each pass, as in a fresh process;
    ``new text``: words known, every sentence new to the checker (a long-running
    server on new pieces); ``re-check``: nothing cleared, as when the editor panel
    checks a piece again after a pause in typing and most sentences are unchanged.
    """
    rates = []
    for _ in range(ROUNDS):
        if state == "cold":
            clear_caches()
        elif state == "new text":
            clear_caches(words=False)
        gc.collect()  # garbage of the last pass is not this pass's cost
        start = clock()
        for para in paras:
            check(para, fixes=fixes)
        rates.append(len(paras) / (clock() - start))
    return round(statistics.median(rates), 1)


STATES = ("cold", "new text", "re-check")


# The parts of the evaluation set reported apart. «before 13» are the sentences
# the figures before issue 13 were measured on, so the number of fixes offered
# can be compared with them; «fresh N» were written after the engine and
# committed before it first ran on them (round N), one part per round the set
# holds, so a new round needs no change here.
def parts(sentences: list[dict]) -> dict:
    rounds = sorted({s["fresh"] for s in sentences if s.get("fresh")})
    return {
        "dev": lambda s: not s.get("holdout") and not s.get("fresh"),
        "holdout": lambda s: bool(s.get("holdout")),
        "before 13": lambda s: not s.get("fresh"),
        **{f"fresh {n}": (lambda s, n=n: s.get("fresh") == n) for n in rounds},
        "all": lambda s: True,
    }


def measure(timing: bool = True) -> dict:
    sentences = load_set()
    check("Прогрев.", fixes=True)  # dictionaries and rule files, paid once per process
    results = {"machine": machine(), "parts": list(parts(sentences))}
    for name, keep in parts(sentences).items():
        results[name] = evaluate([s for s in sentences if keep(s)])
    if not timing:
        return results
    paras = paragraphs()
    results["paragraphs"] = len(paras)
    results["paragraph_chars_mean"] = round(statistics.mean(map(len, paras)))
    speed = {}
    for label, clock in (("wall", time.perf_counter), ("cpu", time.process_time)):
        for fixes in (False, True):
            for state in STATES:
                key = f"{'fixes' if fixes else 'scores'} {state} {label}"
                speed[key] = throughput(paras, fixes, state, clock)
    results["paragraphs_per_s"] = speed
    return results


def _share(part: dict) -> str:
    if part["correct_share"] is None:
        return "—"
    return (
        f"{100 * part['correct_share']:.1f} % ({part['correct']} of {part['offered']})"
    )


def markdown(results: dict, command: str) -> str:
    rows = [
        "| set | sentences | correct one-click fixes | of them only through "
        "«later» / «added» | buttons per sentence "
        "| findings with a fix per sentence | expected fixes offered |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name in results["parts"]:
        part = results[name]
        rows.append(
            f"| {name} | {part['sentences']} | {_share(part)} | "
            f"{part['correct_by_later_entries']} / {part['correct_by_added_entries']} | "
            f"{part['buttons_per_sentence']} | {part['findings_with_fix_per_sentence']} "
            f"| {part['expected_offered']} of {part['expected']} |"
        )
    speed = results["paragraphs_per_s"]
    table = [
        f"Paragraphs per second, {results['paragraphs']} paragraphs of "
        f"~{results['paragraph_chars_mean']} characters (median of {ROUNDS} passes; "
        "wall clock, and CPU time of the process in brackets):",
        "",
        "| checker | cold | new text | re-check |",
        "| --- | --- | --- | --- |",
    ]
    for kind, label in (
        ("scores", "findings and scores"),
        ("fixes", "with every fix built"),
    ):
        cells = [
            f"{speed[f'{kind} {state} wall']} ({speed[f'{kind} {state} cpu']})"
            for state in STATES
        ]
        table.append(f"| {label} | " + " | ".join(cells) + " |")
    wrong = results["all"]["wrong"]
    lines = [
        machine_line(command, results["machine"]),
        "",
        *rows,
        "",
        *table,
        "",
    ]
    if wrong:
        lines.append("One-click fixes whose result is not an expected sentence:")
        lines.append("")
        for w in wrong:
            lines.append(f"- {w['id']} «{w['fragment']}» → {w['result']}")
    else:
        lines.append("Every one-click fix left an expected sentence.")
    return "\n".join(lines)


def first_score_markdown(results: dict, command: str, round_: int) -> str:
    """The block that keeps the first score of fresh round ``round_``."""
    part = results[f"fresh {round_}"]
    lines = [
        machine_line(command, results["machine"]),
        "",
        f"Fresh round {round_}: {part['sentences']} sentences, "
        f"**{_share(part)}** of the one-click fixes correct, "
        f"{part['buttons_per_sentence']} buttons and "
        f"{part['findings_with_fix_per_sentence']} findings with a fix per sentence, "
        f"{part['expected_offered']} of {part['expected']} expected fixes offered.",
        "",
    ]
    lines += [
        f"- wrong: {w['id']} «{w['fragment']}» → {w['result']}" for w in part["wrong"]
    ]
    lines += [f"- not offered: {m['id']} «{m['fragment']}»" for m in part["missed"]]
    return "\n".join(lines)


# «**91.4 % (53 of 58)**» in a round's block; round 1's block is the whole table,
# whose «fresh» row holds it.
FIRST_SCORE = re.compile(
    r"(?:\*\*|^\| fresh \| \d+ \| )[\d.,]+ % \((\d+) of (\d+)\)", re.M
)
ROUND_BLOCK = re.compile(r"<!-- bench_fixes:first-score-(\d+):begin -->")


def pooled_first_scores_markdown() -> str:
    """The first scores of every fresh round, read from their blocks and summed, so
    the pooled figure is written by a command and not added up by hand."""
    rounds = sorted(int(n) for n in ROUND_BLOCK.findall(README.read_text("utf-8")))
    rows, correct, offered = [], 0, 0
    for round_ in rounds:
        found = FIRST_SCORE.search(block_text(f"bench_fixes:first-score-{round_}"))
        if found is None:
            continue  # the round's block is not written yet
        good, total = int(found.group(1)), int(found.group(2))
        rows.append(f"| {round_} | {good} of {total} | {100 * good / total:.1f} % |")
        correct, offered = correct + good, offered + total
    share = f"{100 * correct / offered:.1f} %"
    return "\n".join(
        [
            "`bench/voice/bench_fixes.py --write --pool` — the first-score blocks "
            "above, summed (target: 95 %).",
            "",
            "| fresh round | first score | share |",
            "| --- | --- | --- |",
            *rows,
            f"| all | {correct} of {offered} | {share} |",
        ]
    )


def _committed() -> bool:
    """Whether the engine and the evaluation set are as committed (HEAD)."""
    status = subprocess.run(
        ["git", "status", "--porcelain", "--", "voice", "tests/fixtures/voice"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return not status.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--write", action="store_true", help="rewrite the results block of README.md"
    )
    parser.add_argument(
        "--quick", action="store_true", help="skip the timing (while developing)"
    )
    parser.add_argument(
        "--missed", action="store_true", help="also list expected fixes not offered"
    )
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="write into the block of the figures before issue 13 instead",
    )
    parser.add_argument(
        "--first-score",
        type=int,
        metavar="N",
        help="write the first score of fresh round N into its own block (once, "
        "before any change to the engine after the round was committed)",
    )
    parser.add_argument(
        "--pool",
        action="store_true",
        help="with --write: sum the fresh rounds' first scores into their block",
    )
    args = parser.parse_args()
    if args.pool:
        if not args.write:
            parser.error("--pool goes with --write")
        block = pooled_first_scores_markdown()
        print(block)
        write_block("bench_fixes:pooled", block)
        return
    if args.write and args.quick and not args.first_score:
        parser.error("--write needs the timing: drop --quick")
    if args.first_score:
        marker = f"bench_fixes:first-score-{args.first_score}"
        if not args.write:
            parser.error("--first-score goes with --write")
        if block_text(marker).strip():
            parser.error(
                f"the first score of round {args.first_score} is already written"
            )
        if not _committed():
            parser.error("commit the engine and the evaluation set first")
    results = measure(timing=not args.quick)
    summary = {k: v for k, v in results.items() if k not in results["parts"]}
    for name in results["parts"]:
        summary[name] = {
            k: v for k, v in results[name].items() if k not in ("wrong", "missed")
        }
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    for w in results["all"]["wrong"]:
        print(f"wrong: {w['id']} «{w['fragment']}» → {w['result']}")
    if args.missed:
        for m in results["all"]["missed"]:
            print(f"missed: {m['id']} «{m['fragment']}»")
    if args.first_score:
        command = f"bench/voice/bench_fixes.py --write --first-score {args.first_score}"
        block = first_score_markdown(results, command, args.first_score)
        write_block(f"bench_fixes:first-score-{args.first_score}", block)
    elif args.write:
        command = "bench/voice/bench_fixes.py --write" + (
            " --baseline" if args.baseline else ""
        )
        marker = "bench_fixes:baseline" if args.baseline else "bench_fixes:results"
        write_block(marker, markdown(results, command))


if __name__ == "__main__":
    main()
