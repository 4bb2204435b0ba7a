"""bench/voice/by_kind.py: every one-click fix falls in a kind named by the code
path that built it, and the per-kind counts add up to the bench's (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.voice import by_kind
from tests.voice.fixes_eval import evaluate, load_set
from voice.checker import fixes as fixes_module


@pytest.fixture(scope="module")
def whole_set():
    sentences = load_set()
    return sentences, by_kind.rows(sentences)


def test_every_fix_offered_on_the_set_has_a_kind(whole_set):
    _, found = whole_set
    assert found
    unrecorded = [(r.id, r.replaced, r.fix) for r in found if r.kind == "unrecorded"]
    assert unrecorded == []


def test_counts_are_the_bench_counts(whole_set):
    sentences, found = whole_set
    bench = evaluate(sentences)
    assert len(found) == bench["offered"]
    assert sum(r.correct for r in found) == bench["correct"]


def test_every_builder_fixes_py_calls_is_wrapped():
    """A builder added to fixes.py without a place in BUILDERS would leave its
    fixes «unrecorded» only on the sentences that reach it: name them all."""
    text = Path(fixes_module.__file__).read_text(encoding="utf-8")
    called = {
        name
        for name in dir(fixes_module)
        if name.endswith(("_fix", "_swap")) and f"{name}(" in text
    }
    assert called <= set(by_kind.BUILDERS)


def test_builders_are_restored_after_recording():
    # BUILDERS also names paths older engines had (the tool runs on old trees).
    present = [name for name in by_kind.BUILDERS if hasattr(fixes_module, name)]
    before = {name: getattr(fixes_module, name) for name in present}
    with by_kind.recording():
        assert fixes_module.word_swap is not before["word_swap"]
    assert {name: getattr(fixes_module, name) for name in present} == before


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Проверка проведена прокуратурой района.", "passive → active, actor named"),
        ("Пособие выплачивается ежемесячно.", "passive -ся → active, no actor"),
        (
            "Главной задачей центра является помощь пожилым людям.",
            "copula → dash (—)",
        ),
        (
            "Для оформления пособия необходимо обратиться в МФЦ.",
            "чтобы + infinitive",
        ),
        ("Деятельность штаба продлится до конца года.", "noun → other noun"),
        (
            "Гражданам, достигшим 80 лет, положена надбавка.",
            "«граждане» → люди/жители",
        ),
        ("Путёвка предоставляется бесплатно.", "verb swap, clause rebuilt"),
        ("В рамках проекта отремонтированы 12 школ.", "compound preposition swap"),
        ("Рабочая встреча прошла в центре.", "noun phrase shortened (words dropped)"),
    ],
)
def test_kinds_of_known_fixes(text, kind):
    found = {r.kind for r in by_kind.rows([{"id": "x", "text": text, "fixes": []}])}
    assert kind in found
