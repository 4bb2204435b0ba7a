"""Which kinds of one-click fix are right how often (issue 13).

Run from the repository root:

    .venv/bin/python bench/voice/by_kind.py              # whole set and fresh rounds
    .venv/bin/python bench/voice/by_kind.py --wrong      # and every wrong fix by kind
    .venv/bin/python bench/voice/by_kind.py --json out.json  # every fix, for analysis

Each fix is put in a kind by the code path that built it: the builders that
``voice/checker/fixes.py`` calls (``word_swap``, ``phrase_swap``, ``dash_fix``,
``passive_fix`` …) are wrapped while the set is checked, so the kind is the
engine's own, not guessed from the text. A few paths are split where they do
different things: a preposition written with a case mark (``+р``: «по
вопросу оформления» → «об оформлении») apart from a compound preposition
swapped for a plain one (which may still govern another case: «в связи с
ремонтом» → «из-за ремонта»), a verb swapped in place apart from one whose
clause is rebuilt («услуга предоставляется» → «услугу дают»), the
passive rewrite with its actor named («Министерством приобретено» →
«Министерство приобрело») apart from the one without («выплату прекращают»),
«граждане» → «люди»/«жители» apart from other noun phrases. A fix is correct
by the rule of the bench (tests/voice/fixes_eval.py): the sentence it leaves
is one of the set's expected ones, ё read as е.

Nothing here is written to a README: the table is for deciding which kinds to
gate, and the figures belong in the commit or report that uses them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.voice.fixes_eval import _norm, expected_results, load_set  # noqa: E402
from voice.checker import check, clear_caches  # noqa: E402
from voice.checker import fixes as fixes_module  # noqa: E402
from voice.checker.grammar import is_preposition, readings  # noqa: E402

# Every function fixes.py calls that returns a Fix: the engine's code paths,
# with those older engines had («after_noun_fix», gone at a75738b), so the tool
# still runs in the trees of the rounds' first-score commits.
BUILDERS = (
    "word_swap",
    "phrase_swap",
    "noun_phrase_fix",
    "adjective_fix",
    "short_adjective_fix",
    "verb_fix",
    "short_form_fix",
    "valency_fix",
    "dash_fix",
    "purpose_fix",
    "delete_fix",
    "unwrap_fix",
    "unwrapped",
    "work_fix",
    "action_fix",
    "passive_fix",
    "planned_fix",
    "held_fix",
    "relative_fix",
    "after_noun_fix",
    "helped_to",
)

# The kind of each builder's fix, where one builder is one kind.
PLAIN_KINDS = {
    "word_swap": "word swap",
    "adjective_fix": "adjective swap",
    "short_adjective_fix": "adjective swap",
    "short_form_fix": "short participle → verb",
    "valency_fix": "verb with new government (+д)",
    "dash_fix": "copula → dash (—)",
    "purpose_fix": "чтобы + infinitive",
    "delete_fix": "removal (∅)",
    "unwrap_fix": "dummy noun removal (∅+)",
    "unwrapped": "dummy noun removal after another fix",
    "work_fix": "«работа по» → verb (+гл)",
    "planned_fix": "«планируется» → planned verb + infinitive",
    "held_fix": "«проводится» (an event) → «проходит»",
    "relative_fix": "participle → «который» clause",
    "after_noun_fix": "adjective → words after the noun (⇢)",
    "helped_to": "«помощь в» → «помогают» + infinitive",
}


@dataclass(frozen=True)
class Built:
    builder: str
    template: object  # the rule's Template, None for passive rewrites
    matched: frozenset[str]  # every lemma of the words the finding marks


@contextmanager
def recording():
    """While inside, every Fix the builders return is noted with its builder.

    The checker shifts a sentence's fixes to the sentence's place in the text,
    so a note is keyed by what the shift keeps: the inserted text and the length
    of the span it replaces."""
    notes: dict[tuple, Built] = {}
    saved = {}

    def wrap(name, builder):
        def noted(place, *args, **kwargs):
            fix = builder(place, *args, **kwargs)
            if fix is not None:
                template = next((a for a in args if hasattr(a, "kind")), None)
                lemmas = frozenset().union(
                    *(place.tokens[i].info.lemmas for i in place.matched)
                )
                notes[note_key(fix)] = Built(name, template, lemmas)
            return fix

        return noted

    for name in BUILDERS:
        builder = getattr(fixes_module, name, None)
        if builder is not None:
            saved[name] = builder
            setattr(fixes_module, name, wrap(name, builder))
    try:
        yield notes
    finally:
        for name, builder in saved.items():
            setattr(fixes_module, name, builder)


def note_key(fix) -> tuple:
    return fix.text, fix.end - fix.start


def kind_of(built: Built | None, category: str, text: str, fix) -> str:
    if built is None:
        return "unrecorded"
    name = built.builder
    if name in PLAIN_KINDS:
        return PLAIN_KINDS[name]
    template = built.template
    replaced = text[fix.start : fix.end]
    if name == "phrase_swap":
        if template is not None and template.complement_case:
            return "preposition with new case (+р)"
        if template is not None and len(template.literal) == len(template.words):
            return "exact words (=)"
        if is_preposition(_words(replaced)[0]):
            return "compound preposition swap"
        return "phrase swap"
    if name == "noun_phrase_fix":
        return _noun_phrase_kind(built, replaced, fix.text)
    if name == "verb_fix":
        if len(_words(replaced)) > 1:
            return "verb swap, clause rebuilt"
        return "verb swap in place"
    if name in ("passive_fix", "action_fix"):
        if category != "passive_voice":
            what = "dummy verb → verb (+гл)"
        elif name == "action_fix":
            what = "passive dummy verb → verb"
        else:
            what = (
                "passive -ся → active" if _reflexive(replaced) else "passive → active"
            )
        return f"{what}, {'actor named' if _actor_named(text, fix) else 'no actor'}"
    return name


def _words(text: str) -> list[str]:
    return [w.strip(".,:;«»()").lower() for w in text.split()] or [""]


def _lemmas(word: str) -> set[str]:
    return {r.lemma for r in readings(word)} | {word}


def _noun_phrase_kind(built: Built, replaced: str, new: str) -> str:
    if "гражданин" in built.matched:
        return "«граждане» → люди/жители"
    old_words, new_words = _words(replaced), _words(new)
    if any(w.startswith("соц") for w in new_words):
        return "noun phrase → «соц-» short name"
    old = set().union(*map(_lemmas, old_words))
    if len(new_words) < len(old_words) and all(_lemmas(w) & old for w in new_words):
        return "noun phrase shortened (words dropped)"
    if len(built.matched) == 1:
        return "noun → other noun"
    return "noun phrase → other words"


def _reflexive(replaced: str) -> bool:
    """A «-ся» passive («выплачивается»), not a short participle («выплачена»)."""
    return any(
        w.endswith(("ся", "сь")) and any(r.pos == "VERB" for r in readings(w))
        for w in _words(replaced)
    )


def _actor_named(text: str, fix) -> bool:
    """A noun in the instrumental among the replaced words is in the fix in the
    nominative: the actor became the subject («Министерством» → «Министерство»)."""
    new = _words(fix.text)
    for word in _words(text[fix.start : fix.end]):
        if word in new:
            continue
        if any(
            r.pos in ("NOUN", "NPRO")
            and r.has("ablt")
            and any(n.lemma == r.lemma for w in new for n in readings(w))
            for r in readings(word)
        ):
            return True
    return False


@dataclass(frozen=True)
class Row:
    id: str
    fresh: int | None
    category: str
    kind: str
    fragment: str
    replaced: str
    fix: str
    result: str
    correct: bool


def rows(sentences: list[dict]) -> list[Row]:
    out = []
    with recording() as notes:
        for item in sentences:
            text = item["text"]
            good = set()
            for key in ("fixes", "later", "added"):
                good |= set().union(*expected_results(item, key))
            clear_caches(words=False)  # a cached sentence would skip the builders
            for finding in check(text, fixes=True).findings:
                for fix in finding.fixes:
                    kind = kind_of(
                        notes.get(note_key(fix)), finding.category, text, fix
                    )
                    result = fix.apply(text)
                    out.append(
                        Row(
                            item["id"],
                            item.get("fresh"),
                            finding.category,
                            kind,
                            text[finding.start : finding.end],
                            text[fix.start : fix.end],
                            fix.text,
                            result,
                            _norm(result) in good,
                        )
                    )
            notes.clear()
    return out


def table(found: list[Row]) -> str:
    offered, correct = Counter(), Counter()
    for row in found:
        offered[row.kind] += 1
        correct[row.kind] += row.correct
    lines = [
        "| kind | offered | correct | precision |",
        "|---|---:|---:|---:|",
    ]
    for kind, n in sorted(offered.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"| {kind} | {n} | {correct[kind]} | {correct[kind] / n:.1%} |")
    total, right = sum(offered.values()), sum(correct.values())
    if total:
        lines.append(f"| all | {total} | {right} | {right / total:.1%} |")
    return "\n".join(lines)


def wrong_by_kind(found: list[Row]) -> str:
    grouped = defaultdict(list)
    for row in found:
        if not row.correct:
            grouped[row.kind].append(row)
    lines = []
    for kind in sorted(grouped):
        lines.append(f"\n{kind}:")
        lines += [
            f"- {r.id} «{r.replaced}» → «{r.fix}»: {r.result}" for r in grouped[kind]
        ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wrong", action="store_true", help="list the wrong fixes")
    parser.add_argument("--json", type=Path, help="write every fix to this file")
    parser.add_argument("--fresh", type=int, nargs="*", help="only these rounds")
    args = parser.parse_args()
    sentences = load_set()
    if args.fresh:
        sentences = [s for s in sentences if s.get("fresh") in args.fresh]
    found = rows(sentences)
    fresh = sum(1 for s in sentences if s.get("fresh"))
    parts = {
        f"whole set, {len(sentences)} sentences": found,
        f"fresh rounds, {fresh} sentences": [r for r in found if r.fresh],
    }
    for title, part in parts.items():
        print(f"\n{title}\n{table(part)}")
        if args.wrong:
            print(wrong_by_kind(part))
    if args.json:
        args.json.write_text(
            json.dumps([asdict(r) for r in found], ensure_ascii=False, indent=1),
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
