"""Writing judged results into the evaluation set's «later» lists (issue 13).

``judging.py accept`` decides which misses every judge accepted; this module
turns each into a [fragment, replacement] pair that reproduces exactly the
judged sentence and writes it into tests/fixtures/voice/fixes.json, whose
one-entry-per-line layout is kept so that the diff shows only the entries that
gained a result.
"""

from __future__ import annotations

import json
from pathlib import Path

from bench.voice.spans import changed_span, word_char
from tests.voice.fixes_eval import _norm, expected_results

# Appended to the set's «_about», once: from now on «later» no longer means
# «offered by the engine and added by whoever was improving it».
ABOUT_JUDGED = (
    "Since blind judging began, 'later' entries are added only from it "
    "(bench/voice/judging.py accept: results every judge of a blind sheet "
    "accepted; the judged folder under tests/fixtures/voice/judged is named in "
    "the commit), never by those who build the engine."
)


def _widen(text: str, start: int, end: int, left: bool) -> tuple[int, int]:
    """The span grown by the next whole word (and what separates it) on one side."""
    if left and start > 0:
        while start > 0 and not word_char(text[start - 1]):
            start -= 1
        while start > 0 and word_char(text[start - 1]):
            start -= 1
    elif not left and end < len(text):
        while end < len(text) and not word_char(text[end]):
            end += 1
        while end < len(text) and word_char(text[end]):
            end += 1
    return start, end


def later_pair(text: str, result: str) -> list[str]:
    """[fragment, replacement] with ``text.replace(fragment, replacement, 1) ==
    result``: the changed words, widened a word at a time while the fragment is
    empty (a pure insertion) or first found elsewhere in the sentence."""
    if text == result:
        raise ValueError("the result is the sentence itself")
    head, tail = changed_span(text, result)
    start, end = head, len(text) - tail
    left = True
    while True:
        fragment = text[start:end]
        replacement = result[start : len(result) - (len(text) - end)]
        if fragment and text.replace(fragment, replacement, 1) == result:
            return [fragment, replacement]
        if start == 0 and end == len(text):  # only an empty sentence gets here
            raise ValueError(f"no fragment of «{text}» gives «{result}»")
        widened = _widen(text, start, end, left)
        if widened == (start, end):
            widened = _widen(text, start, end, not left)
        start, end = widened
        left = not left


def listed(item: dict) -> set[str]:
    """Every result the set accepts for ``item`` (ё read as е)."""
    groups = [
        *expected_results(item),
        *expected_results(item, "later"),
        *expected_results(item, "added"),
    ]
    return set().union(*groups)


def dumps(data: dict) -> str:
    """fixes.json as it is kept: the «_about», then one sentence per line."""
    entries = ",\n".join(
        "  " + json.dumps(item, ensure_ascii=False) for item in data["sentences"]
    )
    about = json.dumps(data["_about"], ensure_ascii=False)
    return f'{{\n "_about": {about},\n "sentences": [\n{entries}\n ]\n}}\n'


def load(path: Path) -> dict:
    raw = path.read_text(encoding="utf-8")
    data = json.loads(raw)
    if set(data) != {"_about", "sentences"} or dumps(data) != raw:
        # Rewriting it would touch lines no judge decided on.
        raise SystemExit(f"{path} is not in its one-entry-per-line format")
    return data


def add_later(data: dict, accepted: list[dict]) -> list[dict]:
    """Add each accepted {id, before, result} to its sentence's «later» list,
    unless the set lists it already; returns what was added."""
    by_id = {item["id"]: item for item in data["sentences"]}
    added = []
    for miss in accepted:
        item = by_id.get(miss["id"])
        if item is None:
            raise SystemExit(f"{miss['id']} is no longer in the set")
        if item["text"] != miss["before"]:
            raise SystemExit(
                f"{miss['id']}: the set's sentence is not the one judged: "
                f"«{item['text']}» ≠ «{miss['before']}»"
            )
        if _norm(miss["result"]) in listed(item):
            continue
        pair = later_pair(item["text"], miss["result"])
        if item["text"].replace(*pair, 1) != miss["result"]:
            raise AssertionError(f"{pair} does not give «{miss['result']}»")
        item.setdefault("later", []).append(pair)
        added.append({**miss, "pair": pair})
    if added and ABOUT_JUDGED not in data["_about"]:
        data["_about"] = f"{data['_about']} {ABOUT_JUDGED}"
    return added
