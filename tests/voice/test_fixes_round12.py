"""Rules added after fresh round 12's first score (issue 13), shown on sentences
other than the round's."""

from __future__ import annotations

from tests.voice.fixes_eval import results
from voice.checker import check


def test_an_occasion_is_not_a_cause():
    text = "Выплата назначается в связи с рождением ребёнка."
    assert results(text, "в связи с") == []
    text = "В связи с юбилеем ветерану вручили подарок."
    assert results(text, "В связи с") == []
    # A cause keeps its fix.
    text = "В связи с ремонтом здания приём переносится."
    assert results(text, "В связи с") == ["Из-за ремонта здания приём переносится."]


def test_vedomstvo_is_named_by_the_author_not_guessed():
    text = "Сведения есть в распоряжении ведомства."
    finding = next(
        f
        for f in check(text, fixes=True).findings
        if f.start == text.index("ведомства")
    )
    assert finding.fixes == ()
    assert "министерство" in finding.hint


def test_collective_with_its_members_after_it_is_not_replaced():
    text = "Компенсация положена льготным категориям граждан."
    assert results(text, "льготным категориям") == []
    text = "Компенсация положена льготным категориям."
    assert results(text, "льготным категориям") == ["Компенсация положена льготникам."]


def test_words_whose_plain_form_depends_on_what_is_meant_are_advice():
    # «координирует» is not «руководит»; «жизнедеятельность учреждения» is its
    # work, not its «жизнь».
    for text, word in (
        ("Министерство координирует работу штабов.", "координирует"),
        ("Жизнедеятельность учреждения обеспечена.", "Жизнедеятельность"),
    ):
        assert results(text, word) == []
