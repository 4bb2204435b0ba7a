"""Blind judging of the one-click fixes the annotation did not accept (issue 13).

Run from the repository root:

    .venv/bin/python bench/voice/judging.py sheet --rounds 16 17 --out DIR
    .venv/bin/python bench/voice/judging.py score --dir DIR --verdicts A.json B.json
    .venv/bin/python bench/voice/judging.py score --dir DIR --verdicts … --write

The strict first score of a fresh round counts a fix as correct only when the
sentence it leaves is one the round's writer listed, and writers' lists are
incomplete. ``sheet`` puts every miss of the given rounds (read from their
first-score blocks in bench/voice/README.md) before judges who do not know which
items are misses: in a seeded random order, mixed with positive controls (results
the writer listed) and negative controls (a listed replacement with one of its
words pasted in its dictionary form, the failure issue 13 was filed about), all of
no more words than a one-click fix changes. DIR gets
sheet.md and sheet.json for the judges and key.json for the scorer.

``score`` reads each judge's verdicts ({"<number>": {"ok": true, "why": "…"}}),
counts a miss as correct only when every judge accepted it, and reports the
judged first score beside the strict one, with each judge's calibration on the
controls and the judges' agreement on the misses. ``--write`` puts that into the
bench_judging:<DIR's name> block of README.md; nothing in that block is typed
by hand.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
from pathlib import Path

import pymorphy3

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.voice.bench_fixes import FIRST_SCORE  # noqa: E402
from bench.voice.report import block_text, machine, machine_line, write_block  # noqa: E402
from tests.voice.fixes_eval import _norm, expected_results, load_set  # noqa: E402

SEED = 13
KINDS = ("miss", "positive", "negative")

# «- wrong: a20 «По итогам» → В итоге заседания …». The fragment may hold «»
# itself (names of programmes), so it runs to the last «» → » of the line.
MISS = re.compile(r"^- wrong: (\S+) «(.*)» → (.*)$", re.M)
WORD = re.compile(r"[А-Яа-яЁёA-Za-z0-9]+(?:-[А-Яа-яЁёA-Za-z0-9]+)*")

CRITERION = (
    "Предложение после правки — грамотный, естественный русский язык "
    "(согласование, управление, пунктуация, заглавные буквы) и смысл исходного "
    "не изменился и не потерян."
)

INSTRUCTIONS = f"""# Лист оценки правок

**Критерий.** {CRITERION}

**Как оценивать.**

- В каждом пункте два предложения: «Было» — исходное, «Стало» — то же предложение
  после одной правки. Изменённая часть отмечена скобками ⟦ ⟧ в обоих предложениях;
  скобки — только разметка, в тексте их нет. Пустые скобки ⟦⟧ значат, что здесь
  слова удалены или вставлены.
- Ответ «да», если предложение «Стало» целиком отвечает критерию; иначе «нет».
  Правка не обязана быть лучшей из возможных и не обязана нравиться: оценивается
  только, грамотно ли и естественно ли звучит предложение и сохранён ли смысл.
- Смысл изменён или потерян, если после правки другое действующее лицо, другой
  предмет, число, срок, условие, или пропало уточнение, которое было важно в исходном.
- Оценивайте каждый пункт отдельно. Одно исходное предложение может встретиться
  несколько раз с разными правками. Пункты перемешаны, номера ничего не значат.
- Оценивайте сами, не сверяясь с другими оценщиками и с материалами проекта.
- Ответ — файл JSON, по записи на каждый номер:
  `{{"1": {{"ok": true, "why": ""}}, "2": {{"ok": false, "why": "…"}}}}`.
  При «нет» в "why" коротко напишите, что не так (например: «не согласовано:
  „строят пяти центров“»).
"""


def parse_block(text: str) -> dict:
    """The strict first score and the misses of one first-score block."""
    found = FIRST_SCORE.search(text)
    if found is None:
        raise ValueError("no «X of Y» first score in the block")
    correct, offered = int(found.group(1)), int(found.group(2))
    misses = [
        {"id": m.group(1), "fragment": m.group(2), "result": m.group(3).strip()}
        for m in MISS.finditer(text)
    ]
    if len(misses) != offered - correct:
        raise ValueError(
            f"{len(misses)} «- wrong:» lines for {offered - correct} misses "
            f"({correct} of {offered})"
        )
    return {"correct": correct, "offered": offered, "misses": misses}


def round_block(round_: int) -> dict:
    return parse_block(block_text(f"bench_fixes:first-score-{round_}"))


def uninflected(phrase: str, morph: pymorphy3.MorphAnalyzer) -> str:
    """``phrase`` with every word in its dictionary form, capital letters kept."""

    def lemma(match: re.Match) -> str:
        word = match.group(0)
        normal = morph.parse(word)[0].normal_form
        if len(word) > 1 and word.isupper():  # МФЦ, СВО
            return normal.upper()
        return normal[:1].upper() + normal[1:] if word[:1].isupper() else normal

    return WORD.sub(lemma, phrase)


def one_word_uninflected(phrase: str, morph: pymorphy3.MorphAnalyzer) -> str:
    """``phrase`` with its first word that has another dictionary form put in it.

    One bare word in an otherwise right sentence («жителям, признанным
    безработный») is the slip a careless reader passes over; a whole phrase of
    dictionary forms would be a control no judge could fail.
    """
    for match in WORD.finditer(phrase):
        bare = uninflected(match.group(0), morph)
        if _norm(bare) != _norm(match.group(0)):
            return phrase[: match.start()] + bare + phrase[match.end() :]
    return phrase


def changed_words(before: str, after: str) -> int:
    """How many words of ``after`` differ from ``before`` (the marked part)."""
    head, tail = changed_span(before, after)
    return len(WORD.findall(after[head : len(after) - tail]))


# Misses are one-click fixes of a few words; controls are drawn from results of
# the same size, so that the size of a change does not tell the judge its kind.
CONTROL_MAX_WORDS = 4


def _listed(item: dict) -> set[str]:
    """Every result the set accepts for ``item`` (ё read as е)."""
    groups = [
        *expected_results(item),
        *expected_results(item, "later"),
        *expected_results(item, "added"),
    ]
    return set().union(*groups)


def controls(sentences: list[dict], morph) -> tuple[list[dict], list[dict]]:
    """Candidate positive and negative controls from the writer's «fixes»."""
    positive, negative = [], []
    for item in sentences:
        text, listed = item["text"], _listed(item)
        for fragment, *replacements in item["fixes"]:
            if fragment not in text:
                continue
            for new in replacements:
                entry = {"id": item["id"], "fragment": fragment, "replacement": new}
                after = text.replace(fragment, new, 1)
                if changed_words(text, after) > CONTROL_MAX_WORDS:
                    continue
                positive.append({**entry, "after": after})
                bare = one_word_uninflected(new, morph)
                after = text.replace(fragment, bare, 1)
                if (
                    _norm(bare) != _norm(new)
                    and after != text
                    and _norm(after) not in listed
                ):
                    negative.append({**entry, "replacement": bare, "after": after})
    return positive, negative


def _pick(rng: random.Random, pool: list[dict], k: int, seen: set) -> list[dict]:
    """Up to ``k`` of ``pool`` at random, none whose (before, after) is in ``seen``."""
    fresh, keys = [], set()
    for entry in pool:
        pair = (entry["before"], _norm(entry["after"]))
        if pair not in seen and pair not in keys:
            keys.add(pair)
            fresh.append(entry)
    chosen = rng.sample(fresh, min(k, len(fresh)))
    seen.update((e["before"], _norm(e["after"])) for e in chosen)
    return chosen


def build_sheet(
    blocks: dict[int, dict], sentences: list[dict], morph, seed: int = SEED
) -> tuple[list[dict], dict]:
    """Items for the judges (number, before, after) and the key (number → kind…).

    Per round: every miss, as many positive controls and half as many negative
    ones, drawn at random from that round's sentences.
    """
    rng = random.Random(seed)
    by_id = {s["id"]: s for s in sentences}
    entries = []
    for round_, block in sorted(blocks.items()):
        seen: set = set()
        for miss in block["misses"]:
            before = by_id[miss["id"]]["text"]
            entries.append({"kind": "miss", "round": round_, "before": before} | miss)
            seen.add((before, _norm(miss["result"])))
        ones = [s for s in sentences if s.get("fresh") == round_]
        positive, negative = controls(ones, morph)
        for kind, pool, k in (
            ("positive", positive, len(block["misses"])),
            ("negative", negative, round(len(block["misses"]) / 2)),
        ):
            pool = [
                {"kind": kind, "round": round_, "before": by_id[e["id"]]["text"]} | e
                for e in pool
            ]
            entries += _pick(rng, pool, k, seen)
    rng.shuffle(entries)
    items, key = [], {}
    for number, entry in enumerate(entries, 1):
        after = entry.get("result") or entry["after"]
        items.append({"number": number, "before": entry["before"], "after": after})
        key[str(number)] = {
            "kind": entry["kind"],
            "round": entry["round"],
            "id": entry["id"],
            "fragment": entry["fragment"],
            **({"replacement": entry["replacement"]} if "replacement" in entry else {}),
        }
    return items, key


def _letter(ch: str) -> bool:
    return ch.isalnum() or ch == "-"


def changed_span(before: str, after: str) -> tuple[int, int]:
    """Lengths of the common head and tail of two sentences, cut at whole words."""
    limit = min(len(before), len(after))
    head = 0
    while head < limit and before[head] == after[head]:
        head += 1
    while (
        head > 0
        and _letter(before[head - 1])
        and (
            (head < len(before) and _letter(before[head]))
            or (head < len(after) and _letter(after[head]))
        )
    ):
        head -= 1
    tail = 0
    while tail < limit - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    while (
        tail > 0
        and _letter(before[len(before) - tail])
        and (
            (len(before) - tail > head and _letter(before[len(before) - tail - 1]))
            or (len(after) - tail > head and _letter(after[len(after) - tail - 1]))
        )
    ):
        tail -= 1
    return head, tail


def marked(before: str, after: str) -> tuple[str, str]:
    """Both sentences with the changed part between ⟦ ⟧."""
    head, tail = changed_span(before, after)

    def mark(text: str) -> str:
        end = len(text) - tail
        return f"{text[:head]}⟦{text[head:end]}⟧{text[end:]}"

    return mark(before), mark(after)


def sheet_markdown(items: list[dict]) -> str:
    parts = [INSTRUCTIONS]
    for item in items:
        before, after = marked(item["before"], item["after"])
        parts.append(
            f"## {item['number']}\n\nБыло: {before}\n\nСтало: {after}\n\nОтвет: да / нет\n"
        )
    return "\n".join(parts)


def write_sheet(rounds: list[int], out: Path, seed: int) -> dict:
    if (out / "key.json").exists():
        raise SystemExit(f"{out} already holds a sheet: choose another --out")
    blocks = {r: round_block(r) for r in rounds}
    items, key = build_sheet(blocks, load_set(), pymorphy3.MorphAnalyzer(), seed)
    out.mkdir(parents=True, exist_ok=True)
    (out / "sheet.md").write_text(sheet_markdown(items), encoding="utf-8")
    sheet = {"criterion": CRITERION, "items": items}
    strict = {
        str(r): {k: b[k] for k in ("correct", "offered")} for r, b in blocks.items()
    }
    _dump(out / "sheet.json", sheet)
    _dump(
        out / "key.json",
        {"seed": seed, "rounds": rounds, "strict": strict, "items": key},
    )
    counts = {kind: sum(1 for k in key.values() if k["kind"] == kind) for kind in KINDS}
    return counts


def _dump(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")


def load_verdicts(path: Path) -> dict[str, dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    for number, verdict in data.items():
        if not isinstance(verdict.get("ok"), bool):
            raise SystemExit(f"{path}: item {number} has no true/false «ok»")
    return data


def _share(k: int, n: int) -> str:
    return f"{k} of {n} ({100 * k / n:.1f} %)" if n else "—"


def _kappa(a: list[bool], b: list[bool]) -> float | None:
    """Cohen's kappa of two judges' yes/no on the same items."""
    n = len(a)
    if not n:
        return None
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pa, pb = sum(a) / n, sum(b) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if chance == 1 else round((observed - chance) / (1 - chance), 2)


def score(key: dict, verdicts: dict[str, dict[str, dict]]) -> dict:
    """Strict and judged first scores per round, and the judges' calibration."""
    items = key["items"]
    for judge, given in verdicts.items():
        missing = sorted(set(items) - set(given), key=int)
        if missing:
            raise SystemExit(f"judge {judge} gave no verdict on items {missing}")
    misses = sorted((n for n in items if items[n]["kind"] == "miss"), key=int)
    accepted = [n for n in misses if all(v[n]["ok"] for v in verdicts.values())]
    rounds = {}
    for round_ in key["rounds"]:
        strict = key["strict"][str(round_)]
        ones = [n for n in misses if items[n]["round"] == round_]
        good = sum(1 for n in accepted if items[n]["round"] == round_)
        rounds[str(round_)] = {
            **strict,
            "misses": len(ones),
            "accepted": good,
            "judged_correct": strict["correct"] + good,
        }
    rounds["all"] = {
        k: sum(r[k] for r in rounds.values())
        for k in ("correct", "offered", "misses", "accepted", "judged_correct")
    }
    judges = {}
    for judge, given in verdicts.items():
        of = {kind: [n for n in items if items[n]["kind"] == kind] for kind in KINDS}
        judges[judge] = {
            "positive_accepted": [
                sum(given[n]["ok"] for n in of["positive"]),
                len(of["positive"]),
            ],
            "negative_rejected": [
                sum(not given[n]["ok"] for n in of["negative"]),
                len(of["negative"]),
            ],
            "misses_accepted": [
                sum(given[n]["ok"] for n in of["miss"]),
                len(of["miss"]),
            ],
        }
    agree = sum(1 for n in misses if len({v[n]["ok"] for v in verdicts.values()}) == 1)
    kappas = {
        f"{a}–{b}": _kappa(
            [verdicts[a][n]["ok"] for n in misses],
            [verdicts[b][n]["ok"] for n in misses],
        )
        for a, b in itertools.combinations(verdicts, 2)
    }
    return {
        "rounds": rounds,
        "judges": judges,
        "agreement": {"all_agree": agree, "misses": len(misses), "kappa": kappas},
        "accepted": accepted,
        "rejected": [n for n in misses if n not in accepted],
    }


def score_markdown(
    result: dict, key: dict, sheet: dict, verdicts: dict, command: str
) -> str:
    items = key["items"]
    afters = {str(i["number"]): i["after"] for i in sheet["items"]}
    rows = [
        "| fresh round | strict first score | misses | accepted by all judges "
        "| judged first score |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, r in result["rounds"].items():
        rows.append(
            f"| {name} | {_share(r['correct'], r['offered'])} | {r['misses']} | "
            f"{r['accepted']} | **{_share(r['judged_correct'], r['offered'])}** |"
        )
    calibration = [
        "| judge | positive controls accepted | negative controls rejected "
        "| misses accepted |",
        "| --- | --- | --- | --- |",
    ]
    for judge, j in result["judges"].items():
        calibration.append(
            f"| {judge} | {_share(*j['positive_accepted'])} | "
            f"{_share(*j['negative_rejected'])} | {_share(*j['misses_accepted'])} |"
        )
    agreement = result["agreement"]
    kappas = "; ".join(
        f"Cohen's κ {pair} {'—' if k is None else k}"
        for pair, k in agreement["kappa"].items()
    )
    lines = [
        machine_line(command, machine()),
        "",
        f"Judges: {', '.join(verdicts)}; sheet, key and verdicts in "
        f"{key.get('dir', 'the --dir')}.",
        "",
        *rows,
        "",
        *calibration,
        "",
        f"Agreement on the misses: all judges gave the same verdict on "
        f"{_share(agreement['all_agree'], agreement['misses'])}"
        + (f"; {kappas}." if kappas else "."),
        "",
        "Misses accepted by all judges:",
        "",
    ]

    def line(n: str) -> str:
        k = items[n]
        return f"- {k['round']} {k['id']} «{k['fragment']}» → {afters[n]}"

    lines += [line(n) for n in result["accepted"]] or ["- none"]
    lines += ["", "Misses rejected by at least one judge, with the reasons:", ""]
    for n in result["rejected"]:
        reasons = "; ".join(
            f"{judge}: {v[n].get('why') or 'no reason given'}"
            for judge, v in verdicts.items()
            if not v[n]["ok"]
        )
        lines.append(f"{line(n)} — {reasons}")
    if not result["rejected"]:
        lines.append("- none")
    return "\n".join(lines)


def _rel(path: Path) -> str:
    path = path.resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sheet = sub.add_parser("sheet", help="build a blind judging sheet and its key")
    sheet.add_argument("--rounds", type=int, nargs="+", required=True)
    sheet.add_argument("--out", type=Path, required=True)
    sheet.add_argument("--seed", type=int, default=SEED)
    scoring = sub.add_parser("score", help="score the judges' verdicts")
    scoring.add_argument("--dir", type=Path, required=True)
    scoring.add_argument("--verdicts", type=Path, nargs="+", required=True)
    scoring.add_argument(
        "--write",
        action="store_true",
        help="write the bench_judging:<DIR's name> block of README.md",
    )
    args = parser.parse_args(argv)
    if args.command == "sheet":
        counts = write_sheet(args.rounds, args.out, args.seed)
        print(f"{_rel(args.out)}: sheet.md, sheet.json, key.json; items: {counts}")
        return
    key = json.loads((args.dir / "key.json").read_text(encoding="utf-8"))
    key["dir"] = _rel(args.dir)
    sheet_data = json.loads((args.dir / "sheet.json").read_text(encoding="utf-8"))
    verdicts = {path.stem: load_verdicts(path) for path in args.verdicts}
    if len(verdicts) != len(args.verdicts):
        parser.error("two verdict files share a name: name each after its judge")
    result = score(key, verdicts)
    command = (
        f"bench/voice/judging.py score --dir {_rel(args.dir)} --verdicts "
        + " ".join(_rel(p) for p in args.verdicts)
        + (" --write" if args.write else "")
    )
    block = score_markdown(result, key, sheet_data, verdicts, command)
    print(block)
    if args.write:
        # One block per judged sheet, named after its folder: a later judging
        # (the next round) does not overwrite an earlier one.
        write_block(f"bench_judging:{args.dir.name}", block)


if __name__ == "__main__":
    main()
