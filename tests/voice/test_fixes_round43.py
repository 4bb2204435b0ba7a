"""Fixes blind judges rejected on fresh rounds 43–44 (issue 13, «One-click
fixes whose result is not an expected sentence» of bench_fixes.py --quick),
fixed as classes of error: each class is shown on the motivating sentence, on
sentences of its own, and on a sentence where a correct fix is still offered
(tests/fixtures/voice/ANNOTATING.md, house standard)."""

from __future__ import annotations

import pytest

from tests.voice.fixes_eval import none_contain, results


# 1. as11: an action noun turned into its verb leaves «для» + the people it
# is done for, whom the verb governs directly («консультируют беженцев»).
@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "Для беженцев проводится консультирование по вопросам оформления "
            "документов, назначения пособий и трудоустройства.",
            "консультируют",
        ),
        (
            "Для пожилых граждан осуществляется консультирование по вопросам пенсий.",
            "консультируют",
        ),
        (
            "Для семей с детьми осуществляется консультирование по вопросам льгот.",
            "консультируют",
        ),
    ],
)
def test_no_verb_leaving_dlya_people(text, word):
    none_contain(text, word)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Проводится консультирование беженцев по вопросам пособий.",
            "Консультируют беженцев по вопросам пособий.",
        ),
        (
            "Для детей проводятся экскурсии по музею.",
            "Для детей проводят экскурсии по музею.",
        ),
    ],
)
def test_verb_still_offered_without_dlya_or_with_its_own_verb(text, wanted):
    assert wanted in results(text)


# 2. at20: «состояться» → «пройти» where the subject is a dummy noun
# («прошло проведение концерта») says the same thing twice.
@pytest.mark.parametrize(
    "text",
    [
        "В рамках празднования Дня пожилых людей в доме-интернате состоялось "
        "проведение концерта с участием воспитанников.",
        "В пятницу состоится организация выставки.",
        "Вчера состоялось осуществление приёма граждан.",
    ],
)
def test_no_proshlo_with_a_dummy_subject(text):
    none_contain(text, "прош")
    none_contain(text, "пройд")


def test_proshlo_still_offered_for_an_event():
    assert "В пятницу в центре прошёл концерт." in results(
        "В пятницу в центре состоялся концерт."
    )
    assert (
        "В рамках проведения Декады инвалидов в центрах пройдут концерты."
        in results("В рамках проведения Декады инвалидов в центрах состоятся концерты.")
    )


# 3. as15: ОВЗ is not disability; the replacement is advice only.
@pytest.mark.parametrize(
    "text",
    [
        "Проведение областной спартакиады среди лиц с ограниченными "
        "возможностями здоровья запланировано на сентябрь.",
        "Для лиц с ограниченными возможностями здоровья открыт новый кружок.",
        "Центр принимает лиц с ограниченными возможностями здоровья.",
    ],
)
def test_ovz_is_not_disability(text):
    none_contain(text, "инвалидност")


def test_ovz_unwrap_still_offered():
    assert (
        "Спартакиада среди лиц с ограниченными возможностями здоровья "
        "запланирована на сентябрь."
    ) in results(
        "Проведение спартакиады среди лиц с ограниченными возможностями "
        "здоровья запланировано на сентябрь."
    )


# 4. as27: «приоритетное право» is a legal term (the right to go first).
@pytest.mark.parametrize(
    "text",
    [
        "Приоритетное право на прохождение переобучения предоставляется "
        "женщинам, находящимся в отпуске по уходу за ребёнком.",
        "Многодетные семьи имеют приоритетное право на получение участка.",
        "Ветеранам предоставлено приоритетное право на путёвки.",
    ],
)
def test_no_glavnoe_pravo(text):
    none_contain(text, "лавное право")


def test_glavny_still_offered_elsewhere():
    assert "Главным направлением остаётся поддержка семей." in results(
        "Приоритетным направлением остаётся поддержка семей."
    )


# 5. as03, at18: judges disagree on «льгота» for «мера поддержки»: advice only.
@pytest.mark.parametrize(
    "text",
    [
        "Данная мера поддержки направлена на повышение уровня доходов граждан.",
        "Министр подчеркнула, что данная мера поддержки является востребованной.",
        "Меры социальной поддержки предоставляются ветеранам.",
    ],
)
def test_no_lgota_for_mera_podderzhki(text):
    none_contain(text, "льгот")


def test_pomoshch_still_offered():
    assert "Данная помощь направлена на повышение доходов." in results(
        "Данная мера поддержки направлена на повышение доходов."
    )
