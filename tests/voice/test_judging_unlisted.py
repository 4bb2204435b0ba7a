"""bench/voice/judging.py sheet --unlisted and accept: blind judging of the
current engine's unlisted results, and writing what every judge accepted into
the set's «later» lists (issue 13). The engine is replaced by a stub list of
results, so that the tests say exactly which fixes are misses."""

from __future__ import annotations

import json

import pytest

from bench.voice import accept, judging, report
from tests.voice import fixes_eval
from tests.voice.fixes_eval import Offered

ABOUT = "Synthetic set for the tests of judging.py accept."

SENTENCES = [
    {
        "id": "u01",
        "text": "Гражданам оказана помощь в рамках программы.",
        "fixes": [["Гражданам", "Людям"], ["в рамках программы", "по программе"]],
        "fresh": 30,
    },
    {
        "id": "u02",
        "text": "В связи с ремонтом здания приём ведётся в школе.",
        "fixes": [["В связи с ремонтом", "Из-за ремонта"]],
        "later": [["приём ведётся", "принимают"]],
        "fresh": 30,
    },
    {
        "id": "u03",
        "text": "Данная выплата производится семьям.",
        "fixes": [["Данная", "Эта"], ["производится семьям", "положена семьям"]],
    },
    {
        "id": "u04",
        "text": "Мероприятие проводится ежегодно.",
        "fixes": [["проводится", "проходит"]],
        "fresh": 31,
    },
]

# What the stub engine offers: (finding's fragment, sentence after the fix).
ENGINE = {
    "u01": [
        ("Гражданам", "Людям оказана помощь в рамках программы."),  # listed
        ("в рамках программы", "Гражданам оказана помощь по программе."),  # listed
        ("в рамках", "Гражданам оказана помощь программы."),
        ("рамках", "Гражданам оказана помощь программы."),  # the same result again
    ],
    "u02": [
        ("В связи с ремонтом", "Из-за ремонта здания приём ведётся в школе."),
        ("В связи с ремонтом", "Из-за ремонтом здания приём ведётся в школе."),
        ("приём ведётся", "В связи с ремонтом здания принимают в школе."),  # later
    ],
    "u03": [("Данная", "Выплата производится семьям.")],
    "u04": [("проводится ежегодно", "Мероприятие проходит каждый год.")],
}
UNLISTED = {
    ("u01", "Гражданам оказана помощь программы."),
    ("u02", "Из-за ремонтом здания приём ведётся в школе."),
    ("u03", "Выплата производится семьям."),
    ("u04", "Мероприятие проходит каждый год."),
}


@pytest.fixture
def fixes_set(tmp_path, monkeypatch):
    """A synthetic fixes.json in its format, read by load_set and accept."""
    path = tmp_path / "fixes.json"
    path.write_text(
        accept.dumps({"_about": ABOUT, "sentences": SENTENCES}), encoding="utf-8"
    )
    monkeypatch.setattr(fixes_eval, "FIXES_SET", path)
    texts = {s["text"]: s["id"] for s in SENTENCES}

    def offered(text: str) -> list[Offered]:
        return [Offered(*fix) for fix in ENGINE[texts[text]]]

    monkeypatch.setattr(fixes_eval, "offered_fixes", offered)
    return path


def _unlisted_sheet(tmp_path, *parts: str):
    out = tmp_path / "unlisted"
    argv = ["sheet", "--unlisted", "--out", str(out)]
    judging.main(argv + (["--parts", *parts] if parts else []))
    key = json.loads((out / "key.json").read_text(encoding="utf-8"))
    sheet = json.loads((out / "sheet.json").read_text(encoding="utf-8"))
    return out, key, sheet


def _misses(key: dict, sheet: dict) -> set[tuple[str, str]]:
    return {
        (key["items"][str(i["number"])]["id"], i["after"])
        for i in sheet["items"]
        if key["items"][str(i["number"])]["kind"] == "miss"
    }


def test_the_misses_are_the_fixes_bench_fixes_reports_wrong(fixes_set, tmp_path):
    wrong = fixes_eval.evaluate(fixes_eval.load_set())["wrong"]
    assert {(w["id"], w["result"]) for w in wrong} == UNLISTED
    assert len(wrong) == 5  # u01's result twice: judged once
    out, key, sheet = _unlisted_sheet(tmp_path)
    assert _misses(key, sheet) == UNLISTED
    assert (key["unlisted"], key["wrong"], key["misses"]) == (True, 5, 4)
    assert key["sentences"] == 4 and key["parts"] == []
    assert key["commit"] == report.machine()["commit"] and key["commit"]
    assert "rounds" not in key and "strict" not in key
    kinds = [k["kind"] for k in key["items"].values()]
    assert kinds.count("positive") == 4 and kinds.count("negative") == 2
    by_id = {s["id"]: s for s in SENTENCES}
    for item in sheet["items"]:
        entry = key["items"][str(item["number"])]
        assert set(item) == {"number", "before", "after"}
        assert item["before"] == by_id[entry["id"]]["text"]
        assert entry["round"] == by_id[entry["id"]].get("fresh")
        listed = accept.listed(by_id[entry["id"]])
        is_listed = fixes_eval._norm(item["after"]) in listed
        assert is_listed == (entry["kind"] == "positive")
    text = (out / "sheet.md").read_text(encoding="utf-8")
    assert text.startswith("# Лист оценки правок")
    for word in ("miss", "positive", "negative", "u01", "u04"):
        assert word not in text


def test_parts_take_rounds_and_ids(fixes_set, tmp_path):
    _, key, sheet = _unlisted_sheet(tmp_path, "30", "u04")
    assert _misses(key, sheet) == UNLISTED - {("u03", "Выплата производится семьям.")}
    assert key["parts"] == ["30", "u04"] and key["sentences"] == 3
    assert {k["id"] for k in key["items"].values()} <= {"u01", "u02", "u04"}


def test_unlisted_sheet_refusals(fixes_set, tmp_path):
    _unlisted_sheet(tmp_path)
    with pytest.raises(SystemExit, match="already holds a sheet"):
        _unlisted_sheet(tmp_path)
    with pytest.raises(SystemExit, match=r"neither a fresh round nor .*\['u99', '7'\]"):
        judging.main(
            ["sheet", "--unlisted", "--parts", "u99", "7", "--out", str(tmp_path / "x")]
        )
    with pytest.raises(SystemExit):  # argparse: --parts goes with --unlisted
        judging.main(["sheet", "--rounds", "16", "--parts", "u01", "--out", "y"])
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(
    ("text", "result", "pair"),
    [
        (
            "Гражданам оказана помощь в рамках программы.",
            "Гражданам оказана помощь программы.",
            ["в рамках ", ""],
        ),
        (
            "Мероприятие проводится ежегодно.",
            "Мероприятие проходит каждый год.",
            ["проводится ежегодно", "проходит каждый год"],
        ),
        # within a word: the whole word is the fragment
        ("Доход не превышает минимум.", "Доход не превышают минимум.", None),
        # «помощь» is found first elsewhere: one more word makes it the right one
        (
            "Нужна помощь и ещё помощь.",
            "Нужна помощь и ещё поддержка.",
            ["ещё помощь", "ещё поддержка"],
        ),
        # a pure insertion has no fragment: the word before it becomes one
        (
            "Выплата назначена.",
            "Выплата назначена быстро.",
            ["назначена", "назначена быстро"],
        ),
        ("Приём ведётся.", "Принимают.", ["Приём ведётся", "Принимают"]),
    ],
)
def test_later_pair_reproduces_the_result(text, result, pair):
    got = accept.later_pair(text, result)
    assert text.replace(*got, 1) == result
    assert got == (pair or ["превышает", "превышают"])


def _judge(key: dict, sheet: dict, accepted_by: dict[str, set[str]]) -> dict:
    """Verdicts of judges A and B: controls right, misses as ``accepted_by`` says
    (sentence id → the judges who accept its miss)."""
    verdicts = {"A": {}, "B": {}}
    for number, entry in key["items"].items():
        for judge, given in verdicts.items():
            ok = (
                judge in accepted_by[entry["id"]]
                if entry["kind"] == "miss"
                else entry["kind"] == "positive"
            )
            given[number] = {"ok": ok, "why": "" if ok else f"{judge}: плохо"}
    return verdicts


def _verdict_files(out, verdicts) -> list[str]:
    paths = []
    for judge, given in verdicts.items():
        paths.append(str(out / f"verdicts-{judge}.json"))
        (out / f"verdicts-{judge}.json").write_text(json.dumps(given), "utf-8")
    return paths


ACCEPTED_BY = {"u01": {"A", "B"}, "u02": {"A"}, "u03": set(), "u04": {"A", "B"}}


def test_accept_writes_exactly_the_accepted_later_lines(fixes_set, tmp_path, capsys):
    out, key, sheet = _unlisted_sheet(tmp_path)
    paths = _verdict_files(out, _judge(key, sheet, ACCEPTED_BY))
    before = fixes_set.read_text(encoding="utf-8").splitlines(keepends=True)
    capsys.readouterr()
    judging.main(["accept", "--dir", str(out), "--verdicts", *paths])
    printed = capsys.readouterr().out
    after = fixes_set.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(after) == len(before)
    changed = {n for n, (a, b) in enumerate(zip(before, after, strict=True)) if a != b}
    assert changed == {1, 3, 6}  # the «_about», u01 and u04
    assert after[1] == (' "_about": "' + ABOUT + " " + accept.ABOUT_JUDGED + '",\n')
    assert after[3] == (
        '  {"id": "u01", "text": "Гражданам оказана помощь в рамках программы.", '
        '"fixes": [["Гражданам", "Людям"], ["в рамках программы", "по программе"]], '
        '"fresh": 30, "later": [["в рамках ", ""]]},\n'
    )
    assert after[6] == (
        '  {"id": "u04", "text": "Мероприятие проводится ежегодно.", '
        '"fixes": [["проводится", "проходит"]], "fresh": 31, '
        '"later": [["проводится ежегодно", "проходит каждый год"]]}\n'
    )
    assert "+ u01 later [«в рамках », «»] → Гражданам оказана помощь программы." in (
        printed
    )
    assert "2 added to «later», 0 already listed" in printed
    # the two results now count as correct; the rejected ones stay misses
    wrong = fixes_eval.evaluate(fixes_eval.load_set())["wrong"]
    assert {(w["id"], w["result"]) for w in wrong} == {
        ("u02", "Из-за ремонтом здания приём ведётся в школе."),
        ("u03", "Выплата производится семьям."),
    }
    # again: nothing to add, the file and its «_about» untouched
    written = fixes_set.read_bytes()
    judging.main(["accept", "--dir", str(out), "--verdicts", *paths])
    assert "0 added to «later», 2 already listed" in capsys.readouterr().out
    assert fixes_set.read_bytes() == written


def test_accept_appends_to_a_later_list_and_skips_a_listed_result(
    fixes_set, tmp_path, capsys
):
    out, key, sheet = _unlisted_sheet(tmp_path)
    paths = _verdict_files(out, _judge(key, sheet, {**ACCEPTED_BY, "u02": {"A", "B"}}))
    data = json.loads(fixes_set.read_text(encoding="utf-8"))
    # u01's result listed meanwhile, through another fragment
    data["sentences"][0]["later"] = [["в рамках программы", "программы"]]
    fixes_set.write_text(accept.dumps(data), encoding="utf-8")
    judging.main(["accept", "--dir", str(out), "--verdicts", *paths, "--dry-run"])
    printed = capsys.readouterr().out
    assert "2 added to «later», 1 already listed" in printed
    assert "--dry-run: nothing written" in printed
    assert json.loads(fixes_set.read_text(encoding="utf-8")) == data
    judging.main(["accept", "--dir", str(out), "--verdicts", *paths])
    u02 = json.loads(fixes_set.read_text(encoding="utf-8"))["sentences"][1]
    assert u02["later"] == [
        ["приём ведётся", "принимают"],
        ["В связи с", "Из-за"],
    ]


def test_accept_refusals(fixes_set, tmp_path):
    with pytest.raises(SystemExit, match="holds no key.json"):
        judging.main(["accept", "--dir", str(tmp_path), "--verdicts", "A.json"])
    out, key, sheet = _unlisted_sheet(tmp_path)
    verdicts = _judge(key, sheet, ACCEPTED_BY)
    short = {"A": verdicts["A"], "B": dict(list(verdicts["B"].items())[1:])}
    original = fixes_set.read_bytes()
    with pytest.raises(SystemExit, match="judge verdicts-B gave no verdict"):
        judging.main(
            ["accept", "--dir", str(out), "--verdicts", *_verdict_files(out, short)]
        )
    paths = _verdict_files(out, verdicts)
    # the judged sentence was edited in the set since: the pair would be wrong
    data = json.loads(original)
    data["sentences"][3]["text"] = "Мероприятие проводится ежегодно летом."
    fixes_set.write_text(accept.dumps(data), encoding="utf-8")
    with pytest.raises(SystemExit, match="u04: the set's sentence is not the one"):
        judging.main(["accept", "--dir", str(out), "--verdicts", *paths])
    # not one entry per line: rewriting it would touch lines nobody judged
    fixes_set.write_text(json.dumps(json.loads(original)), encoding="utf-8")
    with pytest.raises(SystemExit, match="not in its one-entry-per-line format"):
        judging.main(["accept", "--dir", str(out), "--verdicts", *paths])
    assert fixes_set.read_text(encoding="utf-8") == json.dumps(json.loads(original))


def test_score_of_an_unlisted_sheet(fixes_set, tmp_path, monkeypatch, capsys):
    out, key, sheet = _unlisted_sheet(tmp_path)
    paths = _verdict_files(out, _judge(key, sheet, ACCEPTED_BY))
    readme = tmp_path / "README.md"
    readme.write_text("no block here\n", encoding="utf-8")
    monkeypatch.setattr(report, "README", readme)
    capsys.readouterr()
    judging.main(["score", "--dir", str(out), "--verdicts", *paths])
    text = capsys.readouterr().out
    assert (f"Unlisted one-click fixes of the engine at commit {key['commit']}") in text
    assert "on the whole set (4 sentences): 5 fixes, 4 distinct results." in text
    assert "Accepted by all judges: **2 of 4 (50.0 %)**" in text
    assert "rejected by at least one: 2 of 4 (50.0 %)" in text
    assert "| verdicts-A | 4 of 4 (100.0 %) | 2 of 2 (100.0 %) | 3 of 4 (75.0 %) |" in (
        text
    )
    assert "- u01 «" in text and "strict" not in text
    assert "- u03 «Данная» → Выплата производится семьям. — verdicts-A: A: плохо" in (
        text
    )
    with pytest.raises(SystemExit, match="no <!-- bench_judging:unlisted:begin/end"):
        judging.main(["score", "--dir", str(out), "--verdicts", *paths, "--write"])
    assert readme.read_text(encoding="utf-8") == "no block here\n"
    name = "bench_judging:unlisted"
    readme.write_text(f"<!-- {name}:begin -->\n<!-- {name}:end -->\n", "utf-8")
    judging.main(["score", "--dir", str(out), "--verdicts", *paths, "--write"])
    assert "**2 of 4 (50.0 %)**" in readme.read_text(encoding="utf-8")


def test_the_about_sentence_is_appended_once():
    data = {"_about": ABOUT, "sentences": json.loads(json.dumps(SENTENCES))}
    for sid, result in sorted(UNLISTED):
        text = next(s["text"] for s in SENTENCES if s["id"] == sid)
        accept.add_later(data, [{"id": sid, "before": text, "result": result}])
    assert data["_about"] == f"{ABOUT} {accept.ABOUT_JUDGED}"
    assert accept.add_later(data, []) == []
    assert data["_about"].count(accept.ABOUT_JUDGED) == 1
