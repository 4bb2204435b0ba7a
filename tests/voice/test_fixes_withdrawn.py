"""Lexical replacements withdrawn after the first scores of fresh rounds 16–18
(issue 13): careful annotators rejected them as changing the meaning, so they are
no longer one-click fixes (the finding and its hint stay), or are offered only
where they are safe. Shown on sentences other than the rounds'."""

from __future__ import annotations

import pytest

from tests.voice.fixes_eval import results
from voice.checker import check


def hint_of(text: str, fragment: str) -> str:
    found = [
        f for f in check(text, fixes=True).findings if text[f.start : f.end] == fragment
    ]
    assert found, fragment
    return found[0].hint


def test_results_of_other_things_are_after_them_not_in_their_outcome():
    # a20, b07, c04, c38: round 17 and 18's writers rejected «В итоге проверки»,
    # blind judges accepted it (tests/voice/test_fixes_restored.py); with nouns
    # they did not judge nothing is offered: «После» says only when, not the
    # outcome, after an analysis (round 24 o19) and after an event alike
    # (round 27 ac19).
    assert results("По итогам конкурса выданы дипломы.", "По итогам") == []
    assert (
        results("По результатам анализа выданы рекомендации.", "По результатам") == []
    )


@pytest.mark.parametrize(
    "text, fragment, hint_word",
    [
        # b11, a20: «материальная помощь» is not any help.
        ("Семье оказана материальная помощь.", "материальная помощь", "деньги"),
        # b13, a20: a term of the law (ФЗ-442), flagged with a hint only.
        (
            "Помощь получили семьи, находящиеся в трудной жизненной ситуации.",
            "трудной жизненной ситуации",
            "закона",
        ),
        # c13, c15, c23: institutions are not all «центры».
        (
            "Руководители учреждений социального обслуживания провели совещание.",
            "учреждений социального обслуживания",
            "дом-интернат",
        ),
        # b16: the abbreviation in a body's name.
        (
            "Открыто здание комплексного центра социального обслуживания населения.",
            "центра социального обслуживания",
            "не сокращайте",
        ),
        # c09: a decision to increase is not «рост».
        (
            "Губернатор подписал указ об увеличении пособия.",
            "увеличении",
            "глаголом",
        ),
        # c33: monitoring is not a check.
        (
            "Специалисты подвели итоги мониторинга цен на лекарства.",
            "мониторинга",
            "следили",
        ),
        # c25: «условия проживания» («рабочая поездка» is a click again).
        (
            "Комиссия оценила условия проживания в доме-интернате.",
            "условия проживания",
            "условия жизни",
        ),
        # b06: «активное участие» → «участие» loses what the text says.
        (
            "Студенты приняли активное участие в субботнике.",
            "активное участие",
            "сделал",
        ),
        # b24: «в последнее время» is not «недавно».
        (
            "В последнее время участились звонки мошенников.",
            "В последнее время",
            "срок",
        ),
        # c10: «в присутствии главы» → «при главе».
        (
            "Ключи вручили в присутствии главы района.",
            "в присутствии",
            "кто что делал",
        ),
    ],
)
def test_withdrawn_replacements_stay_advice(text, fragment, hint_word):
    assert results(text, fragment) == []
    assert hint_word in hint_of(text, fragment)


def test_food_products_are_products_not_food():
    # c05: «еда» was withdrawn, restored where one pair of blind judges
    # accepted it and withdrawn again where another pair rejected it
    # (test_fixes_restored.py): «продукты» only.
    text = "Цены на продукты питания выросли."
    assert results(text, "продукты питания") == ["Цены на продукты выросли."]


def test_activity_is_not_work_where_work_is_already_said():
    # b15: «работа … одно из направлений работы» repeats itself.
    text = "Эта работа входит в число направлений деятельности управления."
    assert results(text, "деятельности") == []
    # Elsewhere «деятельность» is still «работа».
    text = "Проверка выявила нарушения в деятельности управляющей компании."
    assert results(text, "деятельности") == [
        "Проверка выявила нарушения в работе управляющей компании."
    ]


def test_more_in_a_counted_range_stays():
    # «двух или более» is a range, not «больше»; «50 и больше лет» was never
    # judged. (Blind judges accepted b37 «трёх и больше детей»: offered again,
    # tests/voice/test_fixes_restored.py.)
    for text in (
        "Семьи, воспитывающие двух или более детей, получат сертификат.",
        "Чествовали пары, прожившие в браке 50 и более лет.",
    ):
        assert results(text, "более") == [], text
    # Before a number «более» is still «больше».
    text = "В акции участвовали более 300 волонтёров."
    assert results(text, "более") == ["В акции участвовали больше 300 волонтёров."]


def test_housing_is_not_a_flat():
    # b28: «квартира» withdrawn, «жильё» kept.
    text = "Компенсация расходов на содержание жилого помещения выросла."
    assert results(text, "жилого помещения") == [
        "Компенсация расходов на содержание жилья выросла."
    ]


def test_a_centre_for_minors_keeps_its_name():
    # c20: «социально-реабилитационный центр для несовершеннолетних» is a kind
    # of institution, not «центр для детей».
    text = "Воспитанники центра для несовершеннолетних поставили спектакль."
    assert results(text, "несовершеннолетних") == []


def test_from_the_budget_only_where_paying():
    # b17: «из областного бюджета … приобретено 14 единиц» was rejected.
    text = "За счёт средств областного бюджета приобретено 14 автобусов."
    assert not any(" из " in r.lower() for r in results(text, "За счёт средств"))
    text = "Оплата проезда производится за счёт средств областного бюджета."
    assert "Оплата проезда производится из областного бюджета." in results(
        text, "за счёт средств"
    )
    # «из средств бюджета» likewise.
    text = "Из средств областного бюджета приобретено 14 автобусов."
    assert results(text, "Из средств") == []


def test_citizens_of_a_status_are_people_not_residents():
    # u01, u18, b39 rejected «жители» for people defined by a status; rounds 11,
    # 14 and 16 had accepted «безработным жителям»: contested, so «люди» only.
    # (Blind judges accepted b39 «жители с инвалидностью»: offered again,
    # tests/voice/test_fixes_restored.py.)
    for text, fragment, people in (
        (
            "Пособие назначается гражданам, признанным безработными.",
            "гражданам",
            "Пособие назначается людям, признанным безработными.",
        ),
        (
            "Сиделки ухаживают за тяжелобольными гражданами.",
            "гражданами",
            "Сиделки ухаживают за тяжелобольными людьми.",
        ),
    ):
        assert results(text, fragment) == [people], text
    # Where residence is what defines them, «жители» would say it twice
    # (round 25 aa14, aa40, rejected blind: tests/voice/test_fixes_round25.py);
    # «люди» stays, and «жители» where nothing else defines them.
    text = "Гражданам, проживающим в сёлах, доставят уголь."
    assert results(text, "Гражданам") == ["Людям, проживающим в сёлах, доставят уголь."]
    text = "Гражданам старше 70 лет доставят уголь."
    assert "Жителям старше 70 лет доставят уголь." in results(text, "Гражданам")


def test_monitoring_done_is_not_checking():
    # Like «мониторинг» → «проверка» (c33): «провели мониторинг» is not
    # «проверили», and «проводят мониторинг цен» was «следят цен».
    text = "Специалисты проводят мониторинг цен на продукты."
    assert results(text, "проводят мониторинг") == [
        "Специалисты следят за ценами на продукты."
    ]
    text = "Министерство провело мониторинг цен на лекарства."
    assert results(text, "провело мониторинг") == []
    assert "собрали" in hint_of(text, "провело мониторинг")
