"""Positions of the house standard that the blind judges overruled (issue 13,
bench/voice/README.md blocks bench_judging:rounds16-20 and
bench_judging:round21; tests/fixtures/voice/ANNOTATING.md): each shown on
sentences written for these tests, not taken from the set."""

from __future__ import annotations

from tests.voice.fixes_eval import results
from voice.checker import check


def findings_on(text: str, stem: str) -> list:
    """The findings whose marked words start with ``stem`` (any case)."""
    return [
        f
        for f in check(text, fixes=True).findings
        if text[f.start : f.end].lower().startswith(stem)
    ]


def test_the_status_of_the_poor_is_advice_only():
    # «малоимущие» is a legal status: «семьи с низким доходом» distorts it
    # (rejected: 19 d32, 21 i04). The word is flagged, its hint explains.
    for text in (
        "Малоимущим гражданам, проживающим в сельской местности, компенсируют "
        "расходы на газификацию.",
        "Ежемесячное пособие назначается малоимущей семье на каждого ребёнка "
        "до трёх лет.",
        "В прошлом году статус малоимущих получили две тысячи семей области.",
        "Социальный контракт заключают с малоимущими гражданами на срок до года.",
        "Дети из малоимущих и многодетных семей отдохнут в лагере бесплатно.",
    ):
        found = findings_on(text, "малоимущ")
        assert found, text
        for finding in found:
            assert finding.fixes == (), text
            assert "статус" in finding.hint
            assert "прожиточного минимума" in finding.hint
        assert not any("низким доход" in r for r in results(text)), text
