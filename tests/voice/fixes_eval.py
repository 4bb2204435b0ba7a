"""Scoring the one-click fixes against the evaluation set (issue 13).

Shared by tests/voice/test_fixes_eval.py and bench/voice/bench_fixes.py. Each
fix the checker offers is applied alone; it is correct when the sentence it
leaves is one of the set's expected sentences for that sentence (ё read as е):
those of «fixes», written before the engine, of «later», added when the engine
offered them, or of «added», written later for constructions «fixes» missed but
before the engine offered them (the last two are counted apart).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from voice.checker import check

FIXES_SET = Path(__file__).resolve().parents[1] / "fixtures" / "voice" / "fixes.json"


@dataclass(frozen=True)
class Offered:
    fragment: str  # the words the finding marks
    result: str  # the sentence after this one fix


def load_set() -> list[dict]:
    return json.loads(FIXES_SET.read_text(encoding="utf-8"))["sentences"]


def offered_fixes(text: str) -> list[Offered]:
    """Every one-click fix the checker offers for ``text``, each applied alone."""
    return [
        Offered(text[finding.start : finding.end], fix.apply(text))
        for finding in check(text, fixes=True).findings
        for fix in finding.fixes
    ]


def results(text: str, fragment: str | None = None) -> list[str]:
    """The sentences each one-click fix leaves, for the finding on ``fragment``
    (every finding when None): the unit tests' view of what a click does."""
    return [
        fix.apply(text)
        for finding in check(text, fixes=True).findings
        if fragment is None or text[finding.start : finding.end] == fragment
        for fix in finding.fixes
    ]


def none_contain(text: str, word: str, fragment: str | None = None) -> list[str]:
    """Assert that no one-click fix (on ``fragment``, or on any finding) leaves a
    sentence with ``word`` in it; the fixes' results, for further checks."""
    offered = results(text, fragment)
    assert not any(word in r for r in offered), offered
    return offered


def _norm(text: str) -> str:
    return text.replace("ё", "е").replace("Ё", "Е")


def expected_results(item: dict, key: str = "fixes") -> list[set[str]]:
    """Per expected fix, the sentences that count as its correct result."""
    text = item["text"]
    return [
        {_norm(text.replace(fragment, new, 1)) for new in replacements}
        for fragment, *replacements in item.get(key, ())
    ]


def evaluate(sentences: list[dict]) -> dict:
    offered = correct = with_fix = 0
    expected = covered = later = added = 0
    wrong: list[dict] = []
    missed: list[dict] = []
    for item in sentences:
        groups = expected_results(item)
        accepted = set().union(*groups)
        later_ok = set().union(*expected_results(item, "later")) - accepted
        added_ok = set().union(*expected_results(item, "added")) - accepted - later_ok
        fixes = offered_fixes(item["text"])
        results = {_norm(f.result) for f in fixes}
        offered += len(fixes)
        with_fix += len({f.fragment for f in fixes})
        for fix in fixes:
            if _norm(fix.result) in accepted:
                correct += 1
            elif _norm(fix.result) in later_ok:
                correct += 1
                later += 1
            elif _norm(fix.result) in added_ok:
                correct += 1
                added += 1
            else:
                wrong.append(
                    {"id": item["id"], "fragment": fix.fragment, "result": fix.result}
                )
        expected += len(groups)
        covered += sum(1 for group in groups if group & results)
        for (fragment, *_), group in zip(item["fixes"], groups, strict=True):
            if not group & results:
                missed.append({"id": item["id"], "fragment": fragment})
    n = len(sentences)
    return {
        "sentences": n,
        "offered": offered,
        "correct": correct,
        "correct_share": round(correct / offered, 4) if offered else None,
        "correct_by_later_entries": later,
        "correct_by_added_entries": added,
        "buttons_per_sentence": round(offered / n, 2),
        "findings_with_fix_per_sentence": round(with_fix / n, 2),
        "expected": expected,
        "expected_offered": covered,
        "wrong": wrong,
        "missed": missed,
    }
