"""The development set: press releases score low on clarity, plain rewrites high,
and annotated sentences get exactly the expected categories."""

import json
from pathlib import Path

import pytest

from voice.checker import check

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "voice"
PAIRS = json.loads((FIXTURES / "pairs.json").read_text(encoding="utf-8"))["pairs"]
ANNOTATED = json.loads((FIXTURES / "annotated.json").read_text(encoding="utf-8"))[
    "sentences"
]

PRESS_RELEASE_MAX_CLARITY = 6.0
PLAIN_MIN_CLARITY = 8.0


def test_devset_is_big_enough_and_paired():
    assert len(PAIRS) >= 60
    ids = [p["id"] for p in PAIRS]
    assert len(set(ids)) == len(ids)
    for pair in PAIRS:
        assert pair["press_release"].strip() and pair["plain"].strip()
    assert len(ANNOTATED) >= 30


@pytest.mark.parametrize("pair", PAIRS, ids=[p["id"] for p in PAIRS])
def test_press_release_scores_low_and_plain_rewrite_high(pair):
    press = check(pair["press_release"])
    plain = check(pair["plain"])
    assert press.clarity <= PRESS_RELEASE_MAX_CLARITY, press.findings
    assert plain.clarity >= PLAIN_MIN_CLARITY, plain.findings


def test_plain_rewrites_read_easier_than_press_releases():
    for pair in PAIRS:
        press = check(pair["press_release"])
        plain = check(pair["plain"])
        assert plain.readability > press.readability, pair["id"]


@pytest.mark.parametrize("item", ANNOTATED, ids=[s["text"][:40] for s in ANNOTATED])
def test_annotated_sentence_categories(item):
    report = check(item["text"])
    assert report.categories() == set(item["categories"]), [
        (f.category, item["text"][f.start : f.end]) for f in report.findings
    ]
