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
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from voice.checker import check  # noqa: E402
from voice.checker.morph import word_info  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "voice"
README = Path(__file__).parent / "README.md"
ROUNDS = 5


@dataclass(frozen=True)
class Offered:
    fragment: str  # the words the finding marks
    result: str  # the sentence after this one fix


def _match_case(suggestion: str, original: str) -> str:
    """What the panel did before issue 13: capitalise like the replaced words."""
    first = original[:1]
    if first and first.isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def offered_fixes(text: str) -> list[Offered]:
    """Every one-click fix the checker offers for ``text``, each applied alone."""
    out = []
    for finding in check(text).findings:
        fragment = text[finding.start : finding.end]
        fixes = getattr(finding, "fixes", None)
        if fixes is not None:
            for fix in fixes:
                out.append(Offered(fragment, fix.apply(text)))
            continue
        # Before issue 13 the panel offered each «a; b» alternative of the rule as
        # a button that pasted it in place of the marked words.
        for alternative in (finding.suggestion or "").split(";"):
            if alternative.strip():
                new = _match_case(alternative.strip(), fragment)
                out.append(
                    Offered(fragment, text[: finding.start] + new + text[finding.end :])
                )
    return out


def _norm(text: str) -> str:
    return text.replace("ё", "е").replace("Ё", "Е")


def expected_results(item: dict) -> list[set[str]]:
    """Per expected fix, the sentences that count as its correct result."""
    text = item["text"]
    return [
        {_norm(text.replace(fragment, new, 1)) for new in replacements}
        for fragment, *replacements in item["fixes"]
    ]


def evaluate(sentences: list[dict]) -> dict:
    offered = correct = with_fix = 0
    expected = covered = 0
    wrong: list[dict] = []
    for item in sentences:
        groups = expected_results(item)
        accepted = set().union(*groups) if groups else set()
        fixes = offered_fixes(item["text"])
        results = {_norm(f.result) for f in fixes}
        offered += len(fixes)
        with_fix += len({f.fragment for f in fixes})
        for fix in fixes:
            if _norm(fix.result) in accepted:
                correct += 1
            else:
                wrong.append(
                    {"id": item["id"], "fragment": fix.fragment, "result": fix.result}
                )
        expected += len(groups)
        covered += sum(1 for group in groups if group & results)
    n = len(sentences)
    return {
        "sentences": n,
        "offered": offered,
        "correct": correct,
        "correct_share": round(correct / offered, 4) if offered else None,
        "buttons_per_sentence": round(offered / n, 2),
        "findings_with_fix_per_sentence": round(with_fix / n, 2),
        "expected": expected,
        "expected_offered": covered,
        "wrong": wrong,
    }


def paragraphs() -> list[str]:
    pairs = json.loads((FIXTURES / "pairs.json").read_text(encoding="utf-8"))
    return [f"{p['press_release']} {p['plain']}" for p in pairs["pairs"]]


def throughput(paras: list[str], cold: bool, clock) -> float:
    """Paragraphs per second with every fix built: median of ROUNDS passes."""
    rates = []
    for _ in range(ROUNDS):
        if cold:
            word_info.cache_clear()
        start = clock()
        for para in paras:
            check(para)
        rates.append(len(paras) / (clock() - start))
    return round(statistics.median(rates), 1)


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
    except OSError:
        commit = ""
    return {
        "date_utc": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "commit": commit,
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "pymorphy3": metadata.version("pymorphy3"),
        "load_average_1min": round(os.getloadavg()[0], 2),
    }


def measure() -> dict:
    data = json.loads((FIXTURES / "fixes.json").read_text(encoding="utf-8"))
    sentences = data["sentences"]
    check("Прогрев.")  # dictionaries and rule files, paid once per process
    results = {
        "machine": machine(),
        "all": evaluate(sentences),
        "dev": evaluate([s for s in sentences if not s.get("holdout")]),
        "holdout": evaluate([s for s in sentences if s.get("holdout")]),
    }
    paras = paragraphs()
    results["paragraphs"] = len(paras)
    results["paragraph_chars_mean"] = round(statistics.mean(map(len, paras)))
    for label, clock in (("wall", time.perf_counter), ("cpu", time.process_time)):
        for cold in (True, False):
            state = "cold" if cold else "warm"
            results[f"paragraphs_per_s_{state}_{label}"] = throughput(
                paras, cold, clock
            )
    return results


def _share(part: dict) -> str:
    if part["correct_share"] is None:
        return "—"
    return (
        f"{100 * part['correct_share']:.1f} % ({part['correct']} of {part['offered']})"
    )


def markdown(results: dict, command: str) -> str:
    m = results["machine"]
    rows = [
        "| set | sentences | correct one-click fixes | buttons per sentence "
        "| findings with a fix per sentence | expected fixes offered |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name in ("dev", "holdout", "all"):
        part = results[name]
        rows.append(
            f"| {name} | {part['sentences']} | {_share(part)} | "
            f"{part['buttons_per_sentence']} | {part['findings_with_fix_per_sentence']} "
            f"| {part['expected_offered']} of {part['expected']} |"
        )
    speed = (
        f"Checker with its fixes on {results['paragraphs']} paragraphs of "
        f"~{results['paragraph_chars_mean']} characters: "
        f"**{results['paragraphs_per_s_cold_wall']} paragraphs/s** cold, "
        f"{results['paragraphs_per_s_warm_wall']} warm (wall clock); CPU time of the "
        f"process: {results['paragraphs_per_s_cold_cpu']} cold, "
        f"{results['paragraphs_per_s_warm_cpu']} warm."
    )
    wrong = results["all"]["wrong"]
    lines = [
        f"`{command}` — {m['date_utc']}, commit {m['commit']}; {m['cpus']} CPUs "
        f"({m['cpu']}), Python {m['python']}, pymorphy3 {m['pymorphy3']}; "
        f"1-minute load average {m['load_average_1min']} at the start.",
        "",
        *rows,
        "",
        speed,
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


def write_readme(block: str, marker: str) -> None:
    begin, end = f"<!-- {marker}:begin -->", f"<!-- {marker}:end -->"
    text = README.read_text(encoding="utf-8")
    if begin not in text:
        raise SystemExit(f"{README} has no {begin} marker")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    README.write_text(f"{head}{begin}\n{block}\n{end}{tail}", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--write", action="store_true", help="rewrite the results block of README.md"
    )
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="write into the block of the figures before issue 13 instead",
    )
    args = parser.parse_args()
    results = measure()
    summary = {k: v for k, v in results.items() if k not in ("all", "dev", "holdout")}
    for name in ("dev", "holdout", "all"):
        summary[name] = {k: v for k, v in results[name].items() if k != "wrong"}
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    for w in results["all"]["wrong"]:
        print(f"wrong: {w['id']} «{w['fragment']}» → {w['result']}")
    if args.write:
        command = "bench/voice/bench_fixes.py --write" + (
            " --baseline" if args.baseline else ""
        )
        marker = "bench_fixes:baseline" if args.baseline else "bench_fixes:results"
        write_readme(markdown(results, command), marker)


if __name__ == "__main__":
    main()
