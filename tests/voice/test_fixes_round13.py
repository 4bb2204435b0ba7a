"""Rules added after fresh round 13's first score (issue 13), shown on sentences
other than the round's."""

from __future__ import annotations

from voice.checker import check


def results(text: str, fragment: str) -> list[str]:
    return [
        fix.apply(text)
        for finding in check(text, fixes=True).findings
        if text[finding.start : finding.end] == fragment
        for fix in finding.fixes
    ]


def test_a_name_fixed_by_law_is_not_rewritten():
    text = "Инспекторы по делам несовершеннолетних провели рейд."
    assert results(text, "несовершеннолетних") == []
    # Outside the name the word is still replaced.
    text = "Несовершеннолетним предоставляется бесплатный проезд."
    assert "Детям предоставляется бесплатный проезд." in results(
        text, "Несовершеннолетним"
    )


def test_help_is_not_followed_by_the_genitive_of_those_helped():
    text = "Министр рассказал о мерах поддержки ветеранов."
    assert "Министр рассказал о помощи ветеранов." not in results(
        text, "мерах поддержки"
    )
    text = "Министр рассказал о мерах поддержки."
    assert "Министр рассказал о помощи." in results(text, "мерах поддержки")
