"""Fixes both blind judges rejected in fresh round 31 (issue 13), fixed as
classes of error: the object after an adverbial now takes the accusative when
a verbal noun becomes a verb; the others are withdrawn to advice (the finding
and its hint stay). Every class is shown on the round's sentence, on sentences
of its own, and on a sentence where a correct fix is still offered, so the
gate is not too wide (tests/fixtures/voice/ANNOTATING.md, house standard)."""

from __future__ import annotations

import pytest

from tests.voice.fixes_eval import none_contain, results


# 1. ag33: «доставляют на дом продуктов питания»: the genitive object after an
# adverbial stayed genitive. It is recased, or no button is offered.
@pytest.mark.parametrize(
    "text",
    [
        "Социальными работниками производится доставка на дом продуктов питания, "
        "лекарственных препаратов и предметов первой необходимости по заявкам "
        "обслуживаемых граждан.",
        "Доставка на дом продуктов питания производится социальными работниками.",
        "Специалистами производится выплата в срок пособий семьям.",
    ],
)
def test_no_genitive_object_after_an_aside(text):
    for wrong in ("на дом продуктов", "в срок пособий", "доставляют на дом продуктов"):
        assert not any(wrong in r and "производится" not in r for r in results(text)), (
            results(text)
        )


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Социальными работниками производится доставка на дом продуктов и лекарств.",
            "Социальные работники доставляют на дом продукты и лекарства.",
        ),
        (
            "Специалистами производится выплата в срок пособий семьям.",
            "Специалисты выплачивают в срок пособия семьям.",
        ),
        (
            "Специалистами центра производится выдача бесплатно лекарственных "
            "препаратов.",
            "Специалисты центра выдают бесплатно лекарственные препараты.",
        ),
    ],
)
def test_object_after_an_aside_is_recased(text, wanted):
    assert wanted in results(text)


# 2. ag27: removing «в заключении» leaves «помощь соглашений»: no removal of a
# noun whose genitive follows.
@pytest.mark.parametrize(
    "text",
    [
        "В рамках акции «Тёплый дом» гражданам старшего возраста, имеющим "
        "задолженность за электроэнергию, оказывается помощь в заключении "
        "соглашений о реструктуризации долга.",
        "Юристы оказывают содействие в заключении договоров найма.",
        "В заключение семинара участникам вручили сертификаты.",
    ],
)
def test_no_removal_leaving_a_genitive(text):
    for wrong in ("помощь соглашений", "содействие договоров", "Семинара"):
        assert not any(wrong in r for r in results(text)), results(text)


def test_removal_stays_where_nothing_hangs():
    assert "Участники получили сертификаты." in results(
        "В заключение участники получили сертификаты."
    )


# 3. ag05: help is rendered, «оказывают», never «дают» (v23's «помощь дают»
# was accepted once; round 31 rejected it).
@pytest.mark.parametrize(
    "text",
    [
        "Бесплатная юридическая помощь предоставляется малоимущим гражданам по "
        "вопросам, связанным с назначением пенсий, пособий и иных социальных "
        "выплат.",
        "Психологическая поддержка предоставляется семьям участников СВО.",
        "Семьям предоставляется содействие в трудоустройстве.",
    ],
)
def test_no_giving_help(text):
    none_contain(text, "дают")


def test_things_are_still_given():
    assert "Путёвки дают многодетным семьям." in results(
        "Путёвки предоставляются многодетным семьям."
    )


# 4. ag09: no replacement whose words the sentence already says.
@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            "В целях чествования представителей старшего поколения в Международный "
            "день пожилых людей в учреждениях социального обслуживания будут "
            "проведены концерты, выставки и праздничные чаепития.",
            "чествования пожилых людей",
        ),
        (
            "Для представителей старшего поколения ко Дню пожилых людей "
            "подготовлен концерт.",
            "Для пожилых людей",
        ),
    ],
)
def test_no_replacement_said_already(text, wrong):
    none_contain(text, wrong)


def test_replacement_stays_where_not_said():
    assert "В целях чествования пожилых людей проводятся концерты." in results(
        "В целях чествования представителей старшего поколения проводятся концерты."
    )
