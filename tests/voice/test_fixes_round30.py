"""Fixes both blind judges rejected in fresh round 30 (issue 13), fixed as
classes of error: the verbal noun «обучение» now becomes its own verb
«обучить»; the others are withdrawn to advice (the finding and its hint stay).
Every class is shown on the round's sentence, on sentences of its own, and on a
sentence where a correct fix is still offered, so the gate is not too wide
(tests/fixtures/voice/ANNOTATING.md, house standard)."""

from __future__ import annotations

import pytest

from tests.voice.fixes_eval import none_contain, results


# 1. af10: «проведено обучение 240 сотрудников» → «научили» is colloquial and
# claims a result; the noun's own verb is «обучать/обучить».
@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "С целью повышения профессиональной компетентности специалистов по "
            "социальной работе проведено обучение 240 сотрудников учреждений "
            "социального обслуживания.",
            "обучили 240 сотрудников",
        ),
        (
            "В прошлом году проведено обучение 35 социальных работников.",
            "В прошлом году обучили 35 социальных работников.",
        ),
        (
            "Центр проводит обучение приёмных родителей.",
            "Центр обучает приёмных родителей.",
        ),
    ],
)
def test_training_becomes_its_own_verb(text, wanted):
    offered = none_contain(text, "научил")
    assert any(wanted in r for r in offered), offered
    assert not any(" учат " in r or "учит " in r for r in offered), offered


# 2. af20: «по оздоровлению детей» → «по отдыху детей»: rest is not health care.
@pytest.mark.parametrize(
    "text",
    [
        "Мероприятия по оздоровлению детей, находящихся в трудной жизненной "
        "ситуации, осуществляются за счёт средств областного бюджета в объёме 85 "
        "миллионов рублей.",
        "Министерство закупило 300 путёвок в целях оздоровления детей.",
        "Летом в лагерях прошло оздоровление 500 детей.",
    ],
)
def test_no_rest_for_health_care(text):
    none_contain(text, "отдых")


def test_other_fixes_stay_beside_health_care():
    text = "Министерство закупило 300 путёвок в целях оздоровления детей."
    assert any(
        r.startswith("Министерство закупило 300 путёвок для") for r in results(text)
    )


# 3. af15: what a competition decides is no entitlement: no «положен».
@pytest.mark.parametrize(
    "text",
    [
        "Субсидии из областного бюджета предоставляются социально ориентированным "
        "некоммерческим организациям на конкурсной основе по результатам оценки "
        "заявок экспертной комиссией.",
        "Субсидии предоставляются организациям, прошедшим конкурсный отбор.",
        "Гранты предоставляются некоммерческим организациям по результатам конкурса.",
    ],
)
def test_no_entitlement_by_competition(text):
    none_contain(text, "положен")


def test_payment_is_still_due():
    text = "Ежемесячная выплата предоставляется семьям с детьми."
    assert "Ежемесячная выплата положена семьям с детьми." in results(text)


# 4. af09: «проекты в сфере социальной поддержки» → «проекты в социальной
# поддержке»: after a noun «в сфере» is not simply dropped.
@pytest.mark.parametrize(
    "text",
    [
        "Министерством принято решение о предоставлении грантов некоммерческим "
        "организациям, реализующим проекты в сфере социальной поддержки граждан "
        "старшего поколения.",
        "Специалисты в сфере социальной защиты прошли аттестацию.",
        "Подписано соглашение о сотрудничестве в сфере социальной поддержки семей.",
    ],
)
def test_no_bare_in_after_noun(text):
    offered = results(text)
    assert all("в сфере" in r for r in offered), offered


def test_sphere_after_verb_still_fixed():
    text = "Многие волонтёры работают в сфере здравоохранения."
    assert "Многие волонтёры работают в здравоохранении." in results(text)


# 5. af25: loss or destruction by an event has no agent; the active invents one.
@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "Гражданам, чьё имущество было утрачено вследствие чрезвычайной "
            "ситуации, выплата компенсации производится при наличии заключения "
            "комиссии об утрате имущества.",
            "утратили",
        ),
        ("Жильё было уничтожено в результате пожара.", "уничтожили"),
        ("Документы были утрачены при переезде.", "утратили"),
    ],
)
def test_no_agent_for_loss(text, word):
    none_contain(text, word)


def test_repair_is_still_made_active():
    text = "Дорога была отремонтирована в прошлом году."
    assert "Дорогу отремонтировали в прошлом году." in results(text)


# 6. af11: a noun swap that changes number leaves the participle agreeing with
# the old noun hanging: «мер поддержки, предоставленных» → «помощи,
# предоставленных».
@pytest.mark.parametrize(
    "text",
    [
        "Ежегодный отчёт министерства содержит сведения об объёмах финансирования "
        "мер социальной поддержки, предоставленных жителям области в отчётном "
        "периоде.",
        "Отчёт содержит данные о мерах социальной поддержки, предоставленных "
        "ветеранам.",
        "Семьи получают меры социальной поддержки, положенные по закону.",
    ],
)
def test_no_hanging_participle_after_swap(text):
    none_contain(text, "помощ")  # «льготы» is advice since rounds 43–44


# 7. «льготы» are «предоставляют», never «оказывают»: where «оказать/оказывать»
# or its participle governs or qualifies «меры поддержки» in the clause, the
# «льготы» alternative is withdrawn («о льготах, оказанных», «оказываются
# льготы»); «помощь», which is «оказывают», may stay.
@pytest.mark.parametrize(
    "text",
    [
        "Отчёт содержит сведения о мерах социальной поддержки, оказанных ветеранам.",
        "Ветеранам оказываются меры поддержки.",
        "Меры социальной поддержки, оказываемые ветеранам, расширены.",
    ],
)
def test_no_benefits_rendered(text):
    none_contain(text, "льгот")


def test_benefits_are_advice_since_round_43():
    # Judges disagree on «льготы» for «меры поддержки» (as03, at18): advice only.
    none_contain("Ветеранам предоставляются меры социальной поддержки.", "льгот")
