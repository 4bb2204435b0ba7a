"""Errors of fresh rounds 17 and 18's first scores (issue 13), fixed generally
and shown on sentences other than the rounds'."""

from __future__ import annotations

from tests.voice.fixes_eval import results


def test_names_of_institutions_fixed_by_law_are_kept_in_any_case():
    for text, word in (
        (
            "В социально-реабилитационном центре для несовершеннолетних "
            "прошёл праздник.",
            "несовершеннолетних",
        ),
        (
            "Воспитанники социально-реабилитационных центров для "
            "несовершеннолетних побывали в театре.",
            "несовершеннолетних",
        ),
        (
            "Сотрудники комплексного центра социального обслуживания населения "
            "поздравили ветеранов.",
            "социального обслуживания",
        ),
    ):
        assert results(text, word) == [], text
    # Outside the name the same words are still replaced.
    text = "Несовершеннолетним предоставляется бесплатный проезд."
    assert "Детям предоставляется бесплатный проезд." in results(
        text, "Несовершеннолетним"
    )
