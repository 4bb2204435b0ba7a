"""Rules added after fresh round 13's first score (issue 13), shown on sentences
other than the round's."""

from __future__ import annotations

from tests.voice.fixes_eval import results
from voice.checker import check


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


def test_terms_keep_their_words():
    for text, word in (
        ("Иностранные граждане могут получить патент.", "граждане"),
        ("Выплата положена гражданам Российской Федерации.", "гражданам"),
        ("Юридическим лицам нужно подать отчёт.", "лицам"),
        ("Субсидии положены субъектам малого предпринимательства.", "субъектам"),
        ("Участники программы приобрели навыки работы.", "приобрели"),
        ("Исполнение бюджета составило 98 процентов.", "Исполнение"),
        ("Центр содействия семейному воспитанию принял детей.", "содействия"),
    ):
        assert results(text, word) == [], text
    # The same words elsewhere are still replaced.
    assert "Выплата положена людям." in results(
        "Выплата положена гражданам.", "гражданам"
    )
    assert "Семья купила квартиру." in results("Семья приобрела квартиру.", "приобрела")


def test_realise_a_project_is_carry_out_not_make():
    text = "Министерство реализовало проект поддержки семей."
    assert results(text, "реализовало") == [
        "Министерство выполнило проект поддержки семей."
    ]


def test_services_are_not_given_and_papers_are_presented():
    assert results("Центр предоставляет социальные услуги.", "предоставляет") == []
    assert "Заявитель представляет сведения о доходах." in results(
        "Заявитель предоставляет сведения о доходах.", "предоставляет"
    )


def test_to_be_located_is_stands_only_under_control():
    for text, word in (
        ("Пункт выдачи находится на первом этаже.", "находится"),
        ("Пострадавшие находятся в больнице.", "находятся"),
        ("Центр располагается в здании школы.", "располагается"),
    ):
        assert results(text, word) == [], text
    text = "Вопрос находится на особом контроле министерства."
    assert results(text, "находится") == [
        "Вопрос стоит на особом контроле министерства."
    ]


def test_reflexive_verbs_that_are_not_passive_keep_their_voice():
    for text, word in (
        ("Пенсионеры жалуются на высокие цены.", "жалуются"),
        ("Число обращений постепенно снижается.", "снижается"),
        ("Действие сертификата распространяется на всю страну.", "распространяется"),
        ("Эта категория относится к льготникам.", "относится"),
    ):
        assert results(text, word) == [], text
        assert not any(
            f.category == "passive_voice" for f in check(text, fixes=True).findings
        ), text


def test_citizens_rights_and_call_up_are_legal_terms():
    for text in (
        "Права граждан на социальное обеспечение гарантированы.",
        "Призыв граждан на военную службу начнётся 1 апреля.",
    ):
        assert results(text, "граждан") == [], text


def test_an_aside_replaced_by_an_adverb_loses_its_comma():
    text = "Как правило, выплата поступает за три дня."
    assert results(text, "Как правило") == ["Обычно выплата поступает за три дня."]
    # A comma that opens the next aside stays.
    text = "В настоящее время, по данным министерства, выплату получили 500 семей."
    assert results(text, "В настоящее время") == [
        "Сейчас, по данным министерства, выплату получили 500 семей."
    ]


def test_subject_after_an_intransitive_phrase_is_not_made_an_object():
    text = "С 1 января вступили в силу изменения в порядок назначения пособий."
    assert results(text, "вступили в силу") == [
        "С 1 января начали действовать изменения в порядок назначения пособий."
    ]
    # The object of a removed action noun still turns accusative.
    text = "Сейчас ведётся работа по подготовке документов."
    assert "Сейчас готовят документы." in results(text, "ведётся работа")


def test_the_housing_queue_of_the_law_keeps_its_words():
    text = "Семьи, нуждающиеся в жилых помещениях, получат сертификаты."
    assert results(text, "жилых помещениях") == []
