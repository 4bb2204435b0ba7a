"""Rules added after fresh round 11's first score (issue 13): each is general,
shown here on sentences other than the round's."""

from __future__ import annotations

from tests.voice.fixes_eval import results
from voice.checker import check


def test_participle_keeps_its_voice_when_it_agrees_with_a_new_noun():
    # Was «проведённого мониторинга» → «проведённой проверки», withdrawn
    # after round 18 (c33: monitoring is not a check).
    text = "Благодаря оказанному содействию семья получила жильё."
    assert "Благодаря оказанной помощи семья получила жильё." in results(
        text, "содействию"
    )


def test_collective_category_is_replaced_by_the_plural():
    text = "Меры поддержки положены гражданам, относящимся к льготной категории."
    assert results(text, "льготной категории") == [
        "Меры поддержки положены гражданам, относящимся к льготникам."
    ]


def test_a_right_is_given_not_due():
    text = "Ветеранам предоставляется право бесплатного проезда."
    assert results(text, "предоставляется") == [
        "Ветеранам дают право бесплатного проезда."
    ]


def test_no_one_click_fix_inside_quotation_marks():
    text = "В районе работает клуб «Старшее поколение»."
    assert results(text, "Старшее поколение") == []
    finding = next(
        f for f in check(text, fixes=True).findings if f.start == text.index("Старшее")
    )
    assert finding.hint  # the finding stays, as advice


def test_v_vide_is_advice_only():
    text = "Семьи получат помощь в виде продуктовых наборов."
    assert results(text, "в виде") == []


def test_living_quarters_are_housing_not_a_house():
    text = "Компенсация расходов на оплату жилого помещения выросла."
    # «квартиры» is no longer offered: housing is not always a flat (b28).
    assert results(text, "жилого помещения") == [
        "Компенсация расходов на оплату жилья выросла.",
    ]


def test_participle_after_a_comma_must_agree_with_a_shorter_replacement():
    text = "Специалисты обследовали жилые помещения, пострадавшие от пожара."
    assert not any("жильё, пострадавшие" in r for r in results(text, "жилые помещения"))


def test_adverbial_instrumental_is_not_another_actor():
    text = "Выплата пособия производится путём перечисления на карту."
    assert "Пособие выплачивают путём перечисления на карту." in results(
        text, "производится"
    )


def test_new_phrase_rules():
    assert results(
        "Специалисты провели консультирование родителей.", "провели консультирование"
    ) == ["Специалисты проконсультировали родителей."]
    assert results(
        "Идёт приём заявлений на предоставление субсидии.", "на предоставление"
    ) == ["Идёт приём заявлений на субсидию."]
    assert results(
        "Клуб открыт для людей старшего возраста.", "людей старшего возраста"
    ) == ["Клуб открыт для пожилых людей."]
    # «рабочая поездка» → «поездка»: advice only after round 18 (c25), a click
    # again since blind judges accepted c25 (test_fixes_restored.py).
    assert results(
        "Во время рабочей поездки губернатор посетил школу.", "рабочей поездки"
    ) == ["Во время поездки губернатор посетил школу."]


def test_a_legal_status_is_not_rewritten_beside_another_adjective():
    # «малоимущие» is a status of the law (judged blind, round 21 i04): no
    # click, whether or not another adjective shares its noun.
    text = "Подарки вручили детям из многодетных и малоимущих семей."
    assert results(text, "малоимущих") == []
    text = "Подарки вручили детям из малоимущих семей."
    assert results(text, "малоимущих") == []
