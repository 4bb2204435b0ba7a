"""bench/voice/judging.py: the blind judging sheet of the one-click fixes' misses
and its scoring (issue 13)."""

from __future__ import annotations

import json
import re

import pymorphy3
import pytest

from bench.voice import judging, report
from tests.voice.fixes_eval import _norm, expected_results

BLOCK = """`bench/voice/bench_fixes.py --write --first-score 7` — 2026-12-07 01:56 UTC.

Fresh round 7: 2 sentences, **50.0 % (2 of 4)** of the one-click fixes correct.

- wrong: s01 «В рамках» → Во время конкурса «Лучший социальный работник» наградили.
- wrong: s02 «конкурса «Лучший работник»» → В рамках «Лучшего работника» наградили.
- not offered: s01 «победителями признаны»
"""

SENTENCES = [
    {
        "id": "s01",
        "text": "В рамках конкурса «Лучший социальный работник» наградили.",
        "fixes": [
            ["В рамках", "На", "Во время"],
            ["социальный работник", "соцработник"],
        ],
        "fresh": 7,
    },
    {
        "id": "s02",
        "text": "В рамках конкурса «Лучший работник» наградили.",
        "fixes": [["В рамках", "На"]],
        "fresh": 7,
    },
    {
        "id": "s03",
        "text": "Принято решение о продлении бесплатного горячего питания детям.",
        "fixes": [
            [
                "Принято решение о продлении бесплатного горячего питания",
                "Решили продлить бесплатное горячее питание",
                "Решено продлить бесплатное горячее питание",
            ],
            ["детям", "для детей"],
        ],
        "later": [["детям", "ребятам"]],
        "fresh": 7,
    },
    {
        "id": "o01",
        "text": "Другая выплата производится семьям.",
        "fixes": [["производится семьям", "положена семьям"]],
        "fresh": 8,
    },
]


@pytest.fixture(scope="module")
def morph():
    return pymorphy3.MorphAnalyzer()


def test_a_block_gives_its_score_and_misses():
    block = judging.parse_block(BLOCK)
    assert (block["correct"], block["offered"]) == (2, 4)
    assert block["misses"] == [
        {
            "id": "s01",
            "fragment": "В рамках",
            "result": "Во время конкурса «Лучший социальный работник» наградили.",
        },
        {
            "id": "s02",
            "fragment": "конкурса «Лучший работник»",
            "result": "В рамках «Лучшего работника» наградили.",
        },
    ]


def test_a_block_whose_misses_do_not_add_up_is_refused():
    with pytest.raises(ValueError, match="1 «- wrong:» lines for 2 misses"):
        judging.parse_block(BLOCK.replace("- wrong: s01", "- seen: s01"))


def test_round_16_block_is_read_from_the_readme():
    block = judging.round_block(16)
    assert (block["correct"], block["offered"]) == (86, 98)
    assert len(block["misses"]) == 12
    assert block["misses"][0]["id"] == "a03"


def test_uninflected_puts_every_word_in_its_dictionary_form(morph):
    assert (
        judging.uninflected("Решили продлить бесплатное горячее питание,", morph)
        == "Решить продлить бесплатный горячий питание,"
    )
    assert judging.uninflected("в МФЦ по месту жительства", morph) == (
        "в МФЦ по место жительство"
    )


def _sheet(morph, seed=judging.SEED):
    blocks = {7: judging.parse_block(BLOCK)}
    return judging.build_sheet(blocks, SENTENCES, morph, seed)


def test_the_sheet_mixes_misses_and_controls_of_the_round(morph):
    items, key = _sheet(morph)
    kinds = [key[str(i["number"])]["kind"] for i in items]
    assert kinds.count("miss") == 2
    assert kinds.count("positive") == 2
    assert kinds.count("negative") == 1
    assert [i["number"] for i in items] == list(range(1, len(items) + 1))
    assert {k["round"] for k in key.values()} == {7}  # o01 is round 8: never drawn
    by_id = {s["id"]: s for s in SENTENCES}
    for item in items:
        entry = key[str(item["number"])]
        assert set(item) == {"number", "before", "after"}  # the kind stays in the key
        assert item["before"] == by_id[entry["id"]]["text"]
        if entry["kind"] == "positive":
            listed = expected_results(by_id[entry["id"]])
            assert _norm(item["after"]) in set().union(*listed)
    pairs = [(i["before"], i["after"]) for i in items]
    assert len(set(pairs)) == len(pairs)


def test_the_order_follows_the_seed(morph):
    assert _sheet(morph) == _sheet(morph)
    orders = {
        tuple(k["kind"] + k["id"] for k in _sheet(morph, seed)[1].values())
        for seed in range(6)
    }
    assert len(orders) > 1


def test_negative_controls_are_uninflected_and_not_listed(morph):
    _, negative = judging.controls(SENTENCES, morph)
    assert negative
    by_id = {s["id"]: s for s in SENTENCES}
    for entry in negative:
        item = by_id[entry["id"]]
        listed = [
            news for fragment, *news in item["fixes"] if fragment == entry["fragment"]
        ][0]
        source = next(
            new
            for new in listed
            if judging.one_word_uninflected(new, morph) == entry["replacement"]
        )
        words = judging.WORD.findall(source)
        bare = judging.WORD.findall(entry["replacement"])
        differ = [(w, b) for w, b in zip(words, bare, strict=True) if w != b]
        assert len(differ) == 1  # one bare word, the rest as the writer had it
        word, lemma = differ[0]
        assert lemma.lower() == morph.parse(word)[0].normal_form
        assert lemma[:1].isupper() == word[:1].isupper()
        assert judging.changed_words(item["text"], entry["after"]) <= 4
        assert _norm(entry["after"]) not in judging.listed(item)
        assert entry["after"] == item["text"].replace(
            entry["fragment"], entry["replacement"], 1
        )
    # «На» is its own dictionary form: no control from it
    assert "На" not in {e["replacement"] for e in negative}
    assert any(e["replacement"] == "для ребёнок" for e in negative)


def test_a_negative_control_equal_to_a_listed_result_is_skipped(morph):
    item = {
        "id": "z01",
        "text": "Помощь оказана детям.",
        "fixes": [["оказана детям", "оказана ребятам"]],
        "later": [["оказана детям", "оказать ребятам"]],
        "fresh": 7,
    }
    _, negative = judging.controls([item], morph)
    assert negative == []


def test_marks_frame_the_changed_words_in_both_sentences():
    before, after = judging.marked(
        "Семьи, имеющие трёх и более детей, вправе.",
        "Семьи, в которых трое и более детей, вправе.",
    )
    assert before == "Семьи, ⟦имеющие трёх⟧ и более детей, вправе."
    assert after == "Семьи, ⟦в которых трое⟧ и более детей, вправе."
    before, after = judging.marked("не превышает минимум", "не превышают минимум")
    assert (before, after) == ("не ⟦превышает⟧ минимум", "не ⟦превышают⟧ минимум")
    assert judging.marked(
        "единовременной материальной помощи", "единовременной помощи"
    )[1] == ("единовременной ⟦⟧помощи")


def test_the_sheet_md_gives_the_criterion_and_hides_the_kind(morph):
    items, _ = _sheet(morph)
    text = judging.sheet_markdown(items)
    assert text.startswith("# Лист оценки правок")
    assert judging.CRITERION in text
    assert len(re.findall(r"^## \d+$", text, re.M)) == len(items)
    assert text.count("Было: ") == text.count("Стало: ") == len(items)
    for word in ("miss", "positive", "negative", "контрол", "s01", "s02", "s03"):
        assert word not in text


def test_sheet_command_writes_three_files_once(tmp_path, monkeypatch):
    out = tmp_path / "judged"
    judging.main(["sheet", "--rounds", "16", "--out", str(out)])
    sheet = json.loads((out / "sheet.json").read_text(encoding="utf-8"))
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    assert key["strict"] == {"16": {"correct": 86, "offered": 98}}
    kinds = [k["kind"] for k in key["items"].values()]
    assert (kinds.count("miss"), kinds.count("positive"), kinds.count("negative")) == (
        12,
        12,
        6,
    )
    assert len(sheet["items"]) == len(key["items"]) == 30
    assert "Стало:" in (out / "sheet.md").read_text(encoding="utf-8")
    with pytest.raises(SystemExit, match="already holds a sheet"):
        judging.main(["sheet", "--rounds", "16", "--out", str(out)])


KEY = {
    "rounds": [7, 8],
    "strict": {"7": {"correct": 8, "offered": 10}, "8": {"correct": 5, "offered": 6}},
    "items": {
        "1": {"kind": "miss", "round": 7, "id": "s01", "fragment": "a"},
        "2": {"kind": "miss", "round": 7, "id": "s02", "fragment": "b"},
        "3": {"kind": "miss", "round": 8, "id": "o01", "fragment": "c"},
        "4": {"kind": "positive", "round": 7, "id": "s01", "fragment": "d"},
        "5": {"kind": "positive", "round": 8, "id": "o01", "fragment": "e"},
        "6": {"kind": "negative", "round": 7, "id": "s03", "fragment": "f"},
    },
}


def _verdicts(oks: dict[str, bool]) -> dict:
    return {n: {"ok": ok, "why": "" if ok else f"плохо {n}"} for n, ok in oks.items()}


VERDICTS = {
    "A": _verdicts(
        {"1": True, "2": True, "3": False, "4": True, "5": True, "6": False}
    ),
    "B": _verdicts(
        {"1": True, "2": False, "3": False, "4": False, "5": True, "6": True}
    ),
}


def test_a_miss_counts_only_when_every_judge_accepts_it():
    result = judging.score(KEY, VERDICTS)
    assert result["accepted"] == ["1"]
    assert result["rejected"] == ["2", "3"]
    assert result["rounds"]["7"] == {
        "correct": 8,
        "offered": 10,
        "misses": 2,
        "accepted": 1,
        "judged_correct": 9,
    }
    assert result["rounds"]["8"]["judged_correct"] == 5
    assert result["rounds"]["all"] == {
        "correct": 13,
        "offered": 16,
        "misses": 3,
        "accepted": 1,
        "judged_correct": 14,
    }


def test_each_judge_is_calibrated_on_the_controls():
    result = judging.score(KEY, VERDICTS)
    assert result["judges"]["A"] == {
        "positive_accepted": [2, 2],
        "negative_rejected": [1, 1],
        "misses_accepted": [2, 3],
    }
    assert result["judges"]["B"]["positive_accepted"] == [1, 2]
    assert result["judges"]["B"]["negative_rejected"] == [0, 1]
    agreement = result["agreement"]
    assert (agreement["all_agree"], agreement["misses"]) == (2, 3)
    # A: yes yes no, B: yes no no → observed 2/3, chance 2/3·1/3 + 1/3·2/3 = 4/9
    assert agreement["kappa"] == {"A–B": 0.4}


def test_a_missing_verdict_stops_the_scoring():
    short = {
        "A": VERDICTS["A"],
        "B": {n: v for n, v in VERDICTS["B"].items() if n != "5"},
    }
    with pytest.raises(SystemExit, match=r"judge B gave no verdict on items \['5'\]"):
        judging.score(KEY, short)


def test_the_block_lists_accepted_and_rejected_misses_with_reasons():
    sheet = {
        "items": [
            {"number": int(n), "before": "до", "after": f"после {n}"}
            for n in KEY["items"]
        ]
    }
    result = judging.score(KEY, VERDICTS)
    text = judging.score_markdown(result, KEY, sheet, VERDICTS, "judging.py score")
    assert "| 7 | 8 of 10 (80.0 %) | 2 | 1 | **9 of 10 (90.0 %)** |" in text
    assert "| all | 13 of 16 (81.2 %) | 3 | 1 | **14 of 16 (87.5 %)** |" in text
    assert "| B | 1 of 2 (50.0 %) | 0 of 1 (0.0 %) | 1 of 3 (33.3 %) |" in text
    accepted = text.split("Misses accepted by all judges:")[1].split("Misses rejected")[
        0
    ]
    assert "- 7 s01 «a» → после 1" in accepted
    assert "s02" not in accepted
    assert "- 7 s02 «b» → после 2 — B: плохо 2" in text
    assert "- 8 o01 «c» → после 3 — A: плохо 3; B: плохо 3" in text
    assert "Cohen's κ A–B 0.4" in text


def test_score_command_writes_its_block(tmp_path, monkeypatch):
    readme = tmp_path / "README.md"
    name = f"bench_judging:{tmp_path.name}"
    readme.write_text(
        f"before\n<!-- {name}:begin -->\nold\n<!-- {name}:end -->\nafter\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(report, "README", readme)
    sheet = {
        "items": [
            {"number": int(n), "before": "до", "after": f"после {n}"}
            for n in KEY["items"]
        ]
    }
    (tmp_path / "key.json").write_text(json.dumps(KEY), encoding="utf-8")
    (tmp_path / "sheet.json").write_text(json.dumps(sheet), encoding="utf-8")
    paths = []
    for judge, given in VERDICTS.items():
        paths.append(tmp_path / f"{judge}.json")
        paths[-1].write_text(json.dumps(given), encoding="utf-8")
    judging.main(
        ["score", "--dir", str(tmp_path), "--verdicts", *map(str, paths), "--write"]
    )
    text = readme.read_text(encoding="utf-8")
    assert text.startswith(f"before\n<!-- {name}:begin -->\n`bench/voice/judging")
    assert "old" not in text
    assert "**14 of 16 (87.5 %)**" in text
    assert text.endswith(f"<!-- {name}:end -->\nafter\n")


def test_the_readme_has_a_judging_block_for_each_judged_sheet():
    # raises SystemExit when the markers are gone
    # (an --unlisted sheet's block is optional: it has no first score to judge)
    for folder in sorted((judging.ROOT / "tests/fixtures/voice/judged").iterdir()):
        key = json.loads((folder / "key.json").read_text(encoding="utf-8"))
        if not key.get("unlisted"):
            judging.block_text(f"bench_judging:{folder.name}")


def test_controls_are_no_bigger_than_a_one_click_fix(morph):
    # s03's whole-clause rewrite (six words) would stand out among misses of one
    # or two words; it is not drawn, its «для детей» is.
    positive, _ = judging.controls(SENTENCES, morph)
    afters = {e["after"] for e in positive}
    assert "Решили продлить бесплатное горячее питание детям." not in afters
    assert (
        "Принято решение о продлении бесплатного горячего питания для детей." in afters
    )
    assert all(
        judging.changed_words(
            e["after"].replace(e["replacement"], e["fragment"]), e["after"]
        )
        <= judging.CONTROL_MAX_WORDS
        for e in positive
    )
