"""Fixes the blind judges of fresh rounds 39–40 rejected (issue 13), fixed as
classes: the motivating sentence, sentences of our own, and a sentence where a
correct fix is still offered (tests/fixtures/voice/ANNOTATING.md)."""

from __future__ import annotations

import pytest

from tests.voice.fixes_eval import results


# ap07: «осуществляется модернизация учреждений …, включающая ремонт» →
# «модернизируют учреждения …, включающая»: the participle (or «который»)
# after the rebuilt phrase agreed with the verbal noun the fix removes and now
# agrees with nothing. The rewrite is withdrawn.
@pytest.mark.parametrize(
    "text",
    [
        "В рамках реализации национального проекта «Семья» осуществляется "
        "модернизация учреждений социального обслуживания, включающая капитальный "
        "ремонт зданий и закупку оборудования.",
        "В области осуществляется проверка учреждений социального обслуживания, "
        "проводимая прокуратурой.",
        "В центре осуществляется поиск волонтёров, который продлится до осени.",
    ],
)
def test_no_verb_that_leaves_a_participle_of_the_removed_noun(text):
    offered = results(text)
    assert not any(
        word in new
        for new in offered
        for word in ("модернизируют", "проверяют", "ищут")
    ), offered


def test_verb_whose_participle_agrees_with_the_kept_noun_stays():
    text = (
        "В области осуществляется проверка учреждений, оказывающих социальные услуги."
    )
    assert "В области проверяют учреждения, оказывающие социальные услуги." in results(
        text
    )


# ao39: «оказана помощь в виде продуктовых наборов» → «помогли в виде
# продуктовых наборов»: what the help took the shape of hangs on the noun.
@pytest.mark.parametrize(
    "text",
    [
        "Семьям с детьми специалистами отделения срочного социального обслуживания "
        "была оказана помощь в виде продуктовых наборов и одежды.",
        "Специалистами была оказана помощь в виде продуктовых наборов.",
        "Семьям была оказана помощь в форме денежной выплаты.",
        "Пострадавшим была оказана помощь в размере десяти тысяч рублей.",
    ],
)
def test_no_help_verb_before_in_form_of(text):
    offered = results(text)
    assert not any("помогли" in new for new in offered), offered


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Специалистами была оказана помощь семьям, пострадавшим от пожара.",
            "Специалисты помогли семьям, пострадавшим от пожара.",
        ),
        (
            # the sum measures the kept object «стипендию», not the verb
            "Студентам осуществляется выплата стипендии в размере пяти тысяч рублей.",
            "Студентам выплачивают стипендию в размере пяти тысяч рублей.",
        ),
    ],
)
def test_verb_without_a_dangling_in_form_of_stays(text, expected):
    assert expected in results(text)


# ap30: «в адрес Министерства труда» → «в министерство труда»: a word the
# replacement carries over keeps the capital it had mid-sentence.
@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        (
            "Информация о ходе реализации региональной программы модернизации "
            "социальных учреждений ежеквартально направляется в адрес Министерства "
            "труда и социальной защиты Российской Федерации.",
            "в адрес Министерства",
            "Информация о ходе реализации региональной программы модернизации "
            "социальных учреждений ежеквартально направляется в Министерство труда "
            "и социальной защиты Российской Федерации.",
        ),
        (
            "Документы переданы в адрес Министерства социальной защиты.",
            "в адрес Министерства",
            "Документы переданы в Министерство социальной защиты.",
        ),
        (
            "Обращение направлено в адрес Министерства социальной политики.",
            "в адрес Министерства",
            "Обращение направлено в Министерство социальной политики.",
        ),
        (
            "Отчёт направлен в адрес министерства.",
            "в адрес министерства",
            "Отчёт направлен в министерство.",
        ),
    ],
)
def test_carried_word_keeps_its_capital(text, fragment, expected):
    assert results(text, fragment) == [expected]
