"""Blind judging of the one-click fixes the annotation did not accept (issue 13).

Run from the repository root:

    .venv/bin/python bench/voice/judging.py sheet --rounds 16 17 --out DIR
    .venv/bin/python bench/voice/judging.py sheet --unlisted --out DIR [--parts 21 a03]
    .venv/bin/python bench/voice/judging.py score --dir DIR --verdicts A.json B.json
    .venv/bin/python bench/voice/judging.py score --dir DIR --verdicts … --write
    .venv/bin/python bench/voice/judging.py accept --dir DIR --verdicts A.json B.json

The strict first score of a fresh round counts a fix as correct only when the
sentence it leaves is one the round's writer listed, and writers' lists are
incomplete. ``sheet`` puts every miss of the given rounds (read from their
first-score blocks in bench/voice/README.md) before judges who do not know which
items are misses: in a seeded random order, mixed with positive controls (results
the writer listed) and negative controls (a listed replacement with one of its
words pasted in its dictionary form, the failure issue 13 was filed about), all of
no more words than a one-click fix changes. DIR gets
sheet.md and sheet.json for the judges and key.json for the scorer.

``sheet --unlisted`` takes as misses instead the current engine's one-click
fixes whose result the set does not list (the «wrong:» lines of
bench_fixes.py), on the whole set or the given fresh rounds and sentence ids,
each distinct result once, with controls drawn from the same sentences; key.json
records the commit the engine was at.

``score`` reads each judge's verdicts ({"<number>": {"ok": true, "why": "…"}}),
counts a miss as correct only when every judge accepted it, and reports the
judged first score beside the strict one (an --unlisted sheet has none: the
misses accepted and rejected), with each judge's calibration on the controls and
the judges' agreement on the misses. ``--write`` puts that into the
bench_judging:<DIR's name> block of README.md; nothing in that block is typed
by hand.

``accept`` adds every miss all judges accepted to its sentence's «later» list
in tests/fixtures/voice/fixes.json (bench/voice/accept.py), so that the set
counts it correct from then on.
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

from bench.voice import accept  # noqa: E402
from bench.voice.accept import listed  # noqa: E402
from bench.voice.bench_fixes import FIRST_SCORE, _committed  # noqa: E402
from bench.voice.report import block_text, machine, machine_line, write_block  # noqa: E402
from bench.voice.spans import changed_span  # noqa: E402
from tests.voice import fixes_eval  # noqa: E402
from tests.voice.fixes_eval import _norm, evaluate, load_set  # noqa: E402

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


def controls(sentences: list[dict], morph) -> tuple[list[dict], list[dict]]:
    """Candidate positive and negative controls from the writer's «fixes»."""
    positive, negative = [], []
    for item in sentences:
        text, known = item["text"], listed(item)
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
                    and _norm(after) not in known
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
    groups = [
        (
            [{"round": round_} | miss for miss in block["misses"]],
            [s for s in sentences if s.get("fresh") == round_],
        )
        for round_, block in sorted(blocks.items())
    ]
    return _assemble(groups, sentences, morph, seed)


def _assemble(
    groups: list[tuple[list[dict], list[dict]]], sentences: list[dict], morph, seed
) -> tuple[list[dict], dict]:
    """The sheet of ``groups`` (misses, the sentences their controls come from)."""
    rng = random.Random(seed)
    by_id = {s["id"]: s for s in sentences}
    entries = []
    for misses, ones in groups:
        seen: set = set()
        for miss in misses:
            before = by_id[miss["id"]]["text"]
            entries.append({"kind": "miss", "before": before} | miss)
            seen.add((before, _norm(miss["result"])))
        positive, negative = controls(ones, morph)
        for kind, pool, k in (
            ("positive", positive, len(misses)),
            ("negative", negative, round(len(misses) / 2)),
        ):
            pool = [
                {
                    "kind": kind,
                    "round": by_id[e["id"]].get("fresh"),
                    "before": by_id[e["id"]]["text"],
                }
                | e
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


def selected(sentences: list[dict], parts: list[str] | None) -> list[dict]:
    """The sentences of the given fresh rounds («16») and ids («a03»); all if none."""
    if not parts:
        return sentences
    rounds = {str(s["fresh"]) for s in sentences if s.get("fresh")}
    ids = {s["id"] for s in sentences}
    unknown = [p for p in parts if p not in rounds and p not in ids]
    if unknown:
        raise SystemExit(f"--parts: neither a fresh round nor a sentence id: {unknown}")
    return [s for s in sentences if s["id"] in parts or str(s.get("fresh")) in parts]


def unlisted_misses(sentences: list[dict]) -> tuple[list[dict], int]:
    """The engine's one-click fixes whose result the set does not list — the
    «wrong:» lines of bench_fixes.py — each distinct result of a sentence once,
    and how many fixes that was."""
    wrong = evaluate(sentences)["wrong"]
    misses, seen = [], set()
    for w in wrong:
        pair = (w["id"], _norm(w["result"]))
        if pair not in seen:
            seen.add(pair)
            misses.append(w)
    return misses, len(wrong)


def build_unlisted_sheet(
    sentences: list[dict], morph, seed: int = SEED
) -> tuple[list[dict], dict, int]:
    """The sheet of the unlisted results on ``sentences``, controls drawn from
    the same sentences; and how many fixes left those results."""
    misses, wrong = unlisted_misses(sentences)
    by_id = {s["id"]: s for s in sentences}
    misses = [{"round": by_id[m["id"]].get("fresh")} | m for m in misses]
    items, key = _assemble([(misses, sentences)], sentences, morph, seed)
    return items, key, wrong


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


def _refuse_a_judged_folder(out: Path) -> None:
    if (out / "key.json").exists():
        raise SystemExit(f"{out} already holds a sheet: choose another --out")


def _write_files(out: Path, items: list[dict], key: dict) -> dict:
    out.mkdir(parents=True, exist_ok=True)
    (out / "sheet.md").write_text(sheet_markdown(items), encoding="utf-8")
    _dump(out / "sheet.json", {"criterion": CRITERION, "items": items})
    _dump(out / "key.json", key)
    return {
        kind: sum(1 for k in key["items"].values() if k["kind"] == kind)
        for kind in KINDS
    }


def write_sheet(rounds: list[int], out: Path, seed: int) -> dict:
    _refuse_a_judged_folder(out)
    blocks = {r: round_block(r) for r in rounds}
    items, key = build_sheet(blocks, load_set(), pymorphy3.MorphAnalyzer(), seed)
    strict = {
        str(r): {k: b[k] for k in ("correct", "offered")} for r, b in blocks.items()
    }
    key = {"seed": seed, "rounds": rounds, "strict": strict, "items": key}
    return _write_files(out, items, key)


def write_unlisted_sheet(parts: list[str] | None, out: Path, seed: int) -> dict:
    _refuse_a_judged_folder(out)
    sentences = selected(load_set(), parts)
    items, key, wrong = build_unlisted_sheet(sentences, pymorphy3.MorphAnalyzer(), seed)
    misses = sum(1 for k in key.values() if k["kind"] == "miss")
    key = {
        "seed": seed,
        "unlisted": True,
        "parts": parts or [],
        # The misses are what the engine offered at this commit; «clean» says
        # whether the engine and the set were as committed then.
        "commit": machine()["commit"],
        "clean": _committed(),
        "sentences": len(sentences),
        "wrong": wrong,
        "misses": misses,
        "items": key,
    }
    return _write_files(out, items, key)


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
    for round_ in key.get("rounds", ()):  # an --unlisted sheet has no strict score
        strict = key["strict"][str(round_)]
        ones = [n for n in misses if items[n]["round"] == round_]
        good = sum(1 for n in accepted if items[n]["round"] == round_)
        rounds[str(round_)] = {
            **strict,
            "misses": len(ones),
            "accepted": good,
            "judged_correct": strict["correct"] + good,
        }
    if rounds:
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


def _rounds_table(rounds: dict) -> list[str]:
    rows = [
        "| fresh round | strict first score | misses | accepted by all judges "
        "| judged first score |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, r in rounds.items():
        rows.append(
            f"| {name} | {_share(r['correct'], r['offered'])} | {r['misses']} | "
            f"{r['accepted']} | **{_share(r['judged_correct'], r['offered'])}** |"
        )
    return rows


def _unlisted_summary(result: dict, key: dict) -> list[str]:
    """An --unlisted sheet has no strict score to put the judged one beside: the
    misses are the engine's unlisted results at the sheet's commit."""
    parts = ", ".join(key["parts"]) if key["parts"] else "the whole set"
    misses = len(result["accepted"]) + len(result["rejected"])
    clean = "" if key.get("clean", True) else " (with uncommitted changes)"
    return [
        f"Unlisted one-click fixes of the engine at commit {key['commit']}{clean} "
        f"on {parts} ({key['sentences']} sentences): {key['wrong']} fixes, "
        f"{misses} distinct results. Accepted by all judges: "
        f"**{_share(len(result['accepted']), misses)}**; rejected by at least "
        f"one: {_share(len(result['rejected']), misses)}."
    ]


def score_markdown(
    result: dict, key: dict, sheet: dict, verdicts: dict, command: str
) -> str:
    items = key["items"]
    afters = {str(i["number"]): i["after"] for i in sheet["items"]}
    rows = (
        _unlisted_summary(result, key)
        if key.get("unlisted")
        else _rounds_table(result["rounds"])
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
        where = k["id"] if key.get("unlisted") else f"{k['round']} {k['id']}"
        return f"- {where} «{k['fragment']}» → {afters[n]}"

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


def accepted_misses(key: dict, sheet: dict, verdicts: dict) -> list[dict]:
    """The misses every judge accepted: id, item number, sentence and result."""
    by_number = {str(i["number"]): i for i in sheet["items"]}
    return [
        {
            "id": key["items"][n]["id"],
            "number": n,
            "before": by_number[n]["before"],
            "result": by_number[n]["after"],
        }
        for n in score(key, verdicts)["accepted"]
    ]


def run_accept(folder: Path, key: dict, sheet: dict, verdicts: dict, dry: bool) -> None:
    """Add the accepted misses to «later» in fixes.json and print what was added."""
    misses = accepted_misses(key, sheet, verdicts)
    path = fixes_eval.FIXES_SET
    data = accept.load(path)
    added = accept.add_later(data, misses)
    for a in added:
        fragment, replacement = a["pair"]
        print(f"+ {a['id']} later [«{fragment}», «{replacement}»] → {a['result']}")
    print(
        f"{_rel(folder)}: {len(misses)} misses accepted by all judges; "
        f"{len(added)} added to «later», {len(misses) - len(added)} already listed"
    )
    if added and not dry:
        path.write_text(accept.dumps(data), encoding="utf-8")
        print(f"written: {_rel(path)}")
    elif added:
        print("--dry-run: nothing written")


def _load_judged(parser, folder: Path, paths: list[Path]):
    if not (folder / "key.json").exists():
        raise SystemExit(f"{folder} holds no key.json: not a judging sheet")
    key = json.loads((folder / "key.json").read_text(encoding="utf-8"))
    key["dir"] = _rel(folder)
    sheet_data = json.loads((folder / "sheet.json").read_text(encoding="utf-8"))
    verdicts = {path.stem: load_verdicts(path) for path in paths}
    if len(verdicts) != len(paths):
        parser.error("two verdict files share a name: name each after its judge")
    return key, sheet_data, verdicts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sheet = sub.add_parser("sheet", help="build a blind judging sheet and its key")
    source = sheet.add_mutually_exclusive_group(required=True)
    source.add_argument("--rounds", type=int, nargs="+")
    source.add_argument(
        "--unlisted",
        action="store_true",
        help="the current engine's fixes whose result the set does not list",
    )
    sheet.add_argument(
        "--parts",
        nargs="+",
        metavar="ROUND_OR_ID",
        help="with --unlisted: only these fresh rounds («21») and sentence ids",
    )
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
    accepting = sub.add_parser(
        "accept", help="add the misses every judge accepted to «later» in fixes.json"
    )
    accepting.add_argument("--dir", type=Path, required=True)
    accepting.add_argument("--verdicts", type=Path, nargs="+", required=True)
    accepting.add_argument(
        "--dry-run", action="store_true", help="print what would be added only"
    )
    args = parser.parse_args(argv)
    if args.command == "sheet":
        if args.parts and not args.unlisted:
            parser.error("--parts goes with --unlisted")
        if args.unlisted:
            counts = write_unlisted_sheet(args.parts, args.out, args.seed)
        else:
            counts = write_sheet(args.rounds, args.out, args.seed)
        print(f"{_rel(args.out)}: sheet.md, sheet.json, key.json; items: {counts}")
        return
    key, sheet_data, verdicts = _load_judged(parser, args.dir, args.verdicts)
    if args.command == "accept":
        run_accept(args.dir, key, sheet_data, verdicts, args.dry_run)
        return
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
        marker = f"bench_judging:{args.dir.name}"
        try:
            block_text(marker)
        except SystemExit:
            raise SystemExit(
                f"bench/voice/README.md has no <!-- {marker}:begin/end --> markers: "
                "nothing written (add them where the block belongs)"
            ) from None
        write_block(marker, block)


if __name__ == "__main__":
    main()
