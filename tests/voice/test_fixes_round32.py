"""Fixes blind judges rejected on fresh rounds (issue 13, «One-click fixes whose
result is not an expected sentence» of bench_fixes.py --quick), fixed as
classes of error: each class is shown on the motivating sentence, on sentences
of its own, and on a sentence where a correct fix is still offered, so the
gate is not too wide (tests/fixtures/voice/ANNOTATING.md, house standard)."""

from __future__ import annotations

import re

import pytest

from tests.voice.fixes_eval import results

_RESIDENTS = re.compile(r"\b[Жж]ител(и|ей|ям|ями|ях)\b")


def _none_contain(text: str, word: str) -> list[str]:
    offered = results(text)
    assert not any(word in r for r in offered), offered
    return offered


# 1. ah02: a single «гражданин» named as the actor of a passive (or what one
# becomes) is the applicant of the law: not «человеком».
@pytest.mark.parametrize(
    "text",
    [
        "Заявление о распоряжении средствами регионального материнского капитала "
        "может быть подано гражданином через многофункциональный центр или портал "
        "государственных услуг.",
        "Договор подписан пожилым гражданином в присутствии социального работника.",
        "Гражданином подаётся заявление в управление социальной защиты.",
        "Согласие на обработку данных даётся гражданином письменно.",
    ],
)
def test_no_person_for_the_actor_of_a_passive(text):
    _none_contain(text, "человеком")


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Перерасчёт производится Социальным фондом после достижения "
            "гражданином возраста 80 лет.",
            "Перерасчёт производится Социальным фондом после достижения "
            "человеком возраста 80 лет.",
        ),
        (
            "Социальный работник ухаживает за пожилым гражданином.",
            "Социальный работник ухаживает за пожилым человеком.",
        ),
        (
            "Заявление подаётся гражданином лично.",
            "Заявление подаёт гражданин лично.",
        ),
    ],
)
def test_person_stays_elsewhere(text, wanted):
    assert wanted in results(text)


# 2. ah28 and ad32: «жители» for people defined as having no place of
# residence, or as candidates trained under the law, is wrong; «люди» stays.
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Для граждан, освободившихся из исправительных учреждений и не имеющих "
            "определённого места жительства, предусмотрено временное проживание в "
            "центре социальной адаптации.",
            "Для людей, освободившихся из исправительных учреждений и не имеющих "
            "определённого места жительства, предусмотрено временное проживание в "
            "центре социальной адаптации.",
        ),
        (
            "Гражданам, не имеющим места жительства, помогают оформить документы.",
            "Людям, не имеющим места жительства, помогают оформить документы.",
        ),
        (
            "Пункт обогрева работает для граждан без определённого места жительства.",
            "Пункт обогрева работает для людей без определённого места жительства.",
        ),
        (
            "Граждане, прошедшие подготовку, продолжают получать консультационную "
            "поддержку специалистов службы сопровождения замещающих семей.",
            "Люди, прошедшие подготовку, продолжают получать консультационную "
            "поддержку специалистов службы сопровождения замещающих семей.",
        ),
        (
            "Граждане, прошедшие подготовку в школе приёмных родителей, могут "
            "взять ребёнка в семью.",
            "Люди, прошедшие подготовку в школе приёмных родителей, могут "
            "взять ребёнка в семью.",
        ),
    ],
)
def test_no_residents_without_a_residence(text, kept):
    offered = results(text)
    assert not any(_RESIDENTS.search(r) for r in offered), offered
    assert kept in offered


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Гражданам, зарегистрированным по месту жительства в области, положена "
            "выплата.",
            "Жителям, зарегистрированным по месту жительства в области, положена "
            "выплата.",
        ),
        (
            "Граждане, прошедшие вакцинацию, получили сертификаты.",
            "Жители, прошедшие вакцинацию, получили сертификаты.",
        ),
    ],
)
def test_residents_stay_where_they_live(text, wanted):
    assert wanted in results(text)


# 3. ai30: «орган местного самоуправления» after a legal act or power is a term
# of law (council, head or administration): not «администрация».
@pytest.mark.parametrize(
    "text",
    [
        "Основанием для заключения договора социального найма является решение "
        "органа местного самоуправления о предоставлении жилья.",
        "Выплата назначается по решению органов местного самоуправления.",
        "Вопрос отнесён к полномочиям органов местного самоуправления.",
        "Порядок утверждён постановлением органа местного самоуправления.",
    ],
)
def test_no_administration_for_the_body_of_law(text):
    _none_contain(text, "администрац")


def test_administration_stays_elsewhere():
    assert (
        "Участники встречи обсудили вопросы взаимодействия администраций и "
        "общественных организаций."
        in results(
            "Участники встречи обсудили вопросы взаимодействия органов местного "
            "самоуправления и общественных организаций."
        )
    )


# 4. ah07: «с участием X» → «с X» only after something people do together
# («встреча», «мероприятие», «праздник»); elsewhere «с губернатором» reads as
# the actor or a companion of the verb.
@pytest.mark.parametrize(
    "text",
    [
        "В городе Энске с участием губернатора области состоялось торжественное "
        "открытие нового комплексного центра социального обслуживания населения.",
        "Открытие центра прошло с участием главы района.",
        "С участием волонтёров проведена уборка территории.",
        "Новый корпус открыт с участием министра социальной защиты.",
    ],
)
def test_no_with_for_a_participant_of_no_joint_event(text):
    for wrong in ("с губернатором", "с главой", "С волонтёрами", "с министром"):
        assert not any(wrong in r for r in results(text)), results(text)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "В районах области состоится ряд торжественных мероприятий с участием "
            "ветеранов отрасли.",
            "В районах области состоится ряд торжественных мероприятий с ветеранами "
            "отрасли.",
        ),
        (
            "Состоялась встреча с участием губернатора и ветеранов.",
            "Состоялась встреча с губернатором и ветеранами.",
        ),
        (
            "В библиотеке прошёл праздник с участием детей из многодетных семей.",
            "В библиотеке прошёл праздник с детьми из многодетных семей.",
        ),
    ],
)
def test_with_stays_after_a_joint_event(text, wanted):
    assert wanted in results(text)


# 5. aj30: an action noun with no object made the verb leaves «в размере …»
# measuring nothing: «выплачивают в размере 400 тысяч рублей».
@pytest.mark.parametrize(
    "text",
    [
        "Пострадавшим в результате аварии горнякам, находящимся на лечении в "
        "медицинских организациях, выплата производится в размере 400 тысяч рублей.",
        "Семьям погибших производится выплата в размере одного миллиона рублей.",
        "Выплата будет произведена в сумме 50 тысяч рублей.",
        "Ветеранам ежемесячно производится доплата в размере 1000 рублей.",
    ],
)
def test_no_sum_left_measuring_nothing(text):
    for wrong in ("выплачивают в", "выплатят в", "доплачивают в"):
        assert not any(wrong in r.lower() for r in results(text)), results(text)


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "Лицам, осуществляющим уход за инвалидами, ежемесячно производится "
            "выплата компенсации в размере 1200 рублей.",
            "Лицам, осуществляющим уход за инвалидами, ежемесячно выплачивают "
            "компенсацию в размере 1200 рублей.",
        ),
        (
            "Выплата производится на основании заявления гражданина.",
            "Выплачивают на основании заявления гражданина.",
        ),
    ],
)
def test_verb_stays_with_its_object(text, wanted):
    assert wanted in results(text)
