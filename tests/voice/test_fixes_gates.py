"""Gates on one-click fixes that the by-kind replay of first-sight scores found
wrong on unseen text (issue 13, bench/voice/by_kind.py): each gate is shown on
the analyst's probe sentences where it applies, on sentences written for it,
and on sentences where the fix must still be offered, so that a gate that
blocks too much fails here too."""

from __future__ import annotations

import re

from tests.voice.fixes_eval import results
from voice.checker.grammar import inflect, readings


def _active(text: str, fragment: str) -> list[str]:
    """The sentences a click on the passive verb ``fragment`` leaves."""
    return results(text, fragment)


# G6: «лучшие», «старейшие» are forms of «хороший», «старый»; recased, they
# must stay superlatives.


def test_a_superlative_stays_one_when_recased():
    for word, wanted, form in (
        ("лучшие", {"accs", "plur", "anim"}, "лучших"),
        ("старейшие", {"datv", "plur"}, "старейшим"),
        ("лучший", {"accs", "sing", "anim", "masc"}, "лучшего"),
        ("новейшее", {"ablt", "sing", "neut"}, "новейшим"),
        ("крупнейшие", {"gent", "plur"}, "крупнейших"),
    ):
        reading = next(r for r in readings(word) if r.pos == "ADJF")
        assert inflect(reading, wanted) == form, word


def test_a_superlative_subject_stays_one_in_the_active():
    cases = {
        # the analyst's probe: «Старых жителей села пригласили» was offered
        "Старейшие жители села приглашены на праздник.": (
            "приглашены",
            "Старейших жителей села пригласили на праздник.",
        ),
        "Лучшие ученики школы были приглашены на приём к губернатору.": (
            "приглашены",
            "Лучших учеников школы пригласили на приём к губернатору.",
        ),
        "Лучший волонтёр года награждён дипломом.": (
            "награждён",
            "Лучшего волонтёра года наградили дипломом.",
        ),
        "Старейшие жительницы района приглашены на концерт.": (
            "приглашены",
            "Старейших жительниц района пригласили на концерт.",
        ),
        "Лучших выпускников колледжа пригласят на работу.": None,
        # an adjective that is no degree of another keeps working as before
        "Младшие школьники были приглашены на праздник.": (
            "приглашены",
            "Младших школьников пригласили на праздник.",
        ),
    }
    for text, expected in cases.items():
        found = results(text)
        assert not any(w in r for r in found for w in ("Хорош", "хорош", "Стары")), text
        if expected is not None:
            fragment, fixed = expected
            assert results(text, fragment) == [fixed], text


# G1: a short participle of state is no passive act: «расположен», «предназначен»,
# and «открыт/закрыт» with opening hours after it.


def test_a_state_is_not_turned_into_an_act():
    for text in (
        # the analyst's probes
        "Музей открыт ежедневно с 10 до 19 часов.",
        "Центр социального обслуживания открыт с 9 до 18 часов.",
        "Пункт выдачи расположен на первом этаже здания администрации.",
        "Министерство расположено по адресу: улица Ленина, 5.",
        "Участок предназначен для строительства детского сада.",
        "Выставка открыта до конца месяца.",
        "Бассейн открыт для пенсионеров по вторникам и четвергам.",
        "Горячая линия открыта круглосуточно.",
        "Центр занятости расположен в здании бывшего универмага.",
        "Программа предназначена для семей с детьми-инвалидами.",
        # written for the gate
        "Консультационный пункт открыт по субботам с 10 утра.",
        "Каток в парке открыт ежедневно до 22 часов.",
        "Библиотека открыта по будням с 9:00.",
        "Пункт временного размещения расположен в здании школы.",
        "Спортзал был расположен в подвале.",
        "Пособие предназначено для семей с низким доходом.",
    ):
        found = results(text)
        assert not any(
            w in r for r in found for w in ("открыли", "закрыли", "расположили")
        ), text
        assert not any("предназначили" in r for r in found), text


def test_an_opening_or_closing_act_keeps_its_fix():
    cases = {
        # the analyst's probes
        "Новый корпус больницы открыт в Заречном районе.": (
            "Новый корпус больницы открыли в Заречном районе."
        ),
        "В посёлке открыта новая библиотека.": "В посёлке открыли новую библиотеку.",
        # written for the gate: a place, a date, «был», an actor
        "В Заречном районе открыт новый центр для пожилых людей.": (
            "В Заречном районе открыли новый центр для пожилых людей."
        ),
        "Новая поликлиника открыта в понедельник.": (
            "Новую поликлинику открыли в понедельник."
        ),
        "Новый детский сад был открыт 1 сентября.": (
            "Новый детский сад открыли 1 сентября."
        ),
        "Филиал центра был открыт в прошлом году.": (
            "Филиал центра открыли в прошлом году."
        ),
        "Центр открыт губернатором 5 мая.": "Центр открыл губернатор 5 мая.",
    }
    for text, fixed in cases.items():
        assert fixed in results(text), text


# G2: an actor joined to another («губернатором и ветеранами») or followed by
# its name («министром Ивановым») is not turned into the subject alone.


def test_two_actors_are_not_split():
    for text in (
        # the analyst's probes
        "Памятник был открыт губернатором и ветеранами.",
        "Выставка была открыта министром культуры и главой города.",
        "Проект был поддержан губернатором и депутатами областного совета.",
        "Концерт был подготовлен воспитанниками центра и их наставниками.",
        "Соглашение подписано министром и ректором университета.",
        "Решение было поддержано депутатами и общественниками.",
        "Награды были вручены министром и главой района.",
        # written for the gate
        "Проверка проведена специалистами министерства и сотрудниками прокуратуры.",
        "Министром и губернатором подписано соглашение о сотрудничестве.",
        "Сотрудниками полиции и волонтёрами проведена проверка адресов.",
        "Заявления рассматриваются комиссией, а не специалистами отдела.",
        "Выдача справок производится специалистами МФЦ, а не сотрудниками "
        "министерства.",
        "Награды вручены министром Ивановым.",
        "Подарки детям были вручены Дедом Морозом и Снегурочкой.",
    ):
        assert results(text) == [], text


def test_a_single_actor_keeps_its_fix():
    cases = {
        "Приём документов осуществляется специалистами отдела.": (
            "Документы принимают специалисты отдела."
        ),
        "Сотрудниками отдела проведена проверка условий.": (
            "Сотрудники отдела проверили условия."
        ),
        "Памятник был открыт губернатором в День Победы.": (
            "Памятник открыл губернатор в День Победы."
        ),
        # «и» inside the actor's own genitive, or starting another clause
        "Проверка проведена специалистами министерства труда и занятости.": (
            "Проверку провели специалисты министерства труда и занятости."
        ),
        "Обращения граждан рассматриваются специалистами отдела и в выходные "
        "дни.": "Обращения граждан рассматривают специалисты отдела и в выходные дни.",
        "Заявление было рассмотрено комиссией, и семье назначили выплату.": (
            "Заявление рассмотрела комиссия, и семье назначили выплату."
        ),
    }
    for text, fixed in cases.items():
        assert fixed in results(text), text


# G10: «либо» joins two predicates as «или» does; neither is made active alone.


def test_either_or_predicates_are_not_split():
    for text in (
        # round 21, i20
        "Ежемесячная денежная компенсация расходов на оплату жилищно-коммунальных "
        "услуг перечисляется на счёт получателя в кредитной организации либо "
        "доставляется через отделение почтовой связи.",
        # written for the gate
        "Пособие перечисляется на банковскую карту либо выплачивается через "
        "почтовое отделение.",
        "Заявление подаётся лично либо направляется по почте.",
        "Документы принимаются в МФЦ либо направляются через портал госуслуг.",
        "Справка выдаётся в день обращения либо направляется по электронной почте.",
        "Выплата назначается с месяца обращения либо продлевается на следующий год.",
    ):
        found = results(text)
        assert not any(
            w in r
            for r in found
            for w in ("перечисляют", "доставляют", "выплачивают", "подают")
        ), text
        # Whole words: «принимаются» and «направляются» of the sentence itself
        # stay in any other fix («либо» → «или»).
        assert not any(
            re.search(rf"\b{w}\b", r)
            for r in found
            for w in ("направляют", "принимают", "выдают")
        ), text
        assert not any(w in r for r in found for w in ("назначают", "продлевают")), text


def test_either_or_between_other_words_keeps_the_fix():
    cases = {
        "Выплата перечисляется на карту «Мир» либо на счёт в банке.": (
            "Выплату перечисляют на карту «Мир» либо на счёт в банке."
        ),
        "Справка выдаётся в день обращения.": "Справку выдают в день обращения.",
    }
    for text, fixed in cases.items():
        assert fixed in results(text), text


# G4: a noun swap that changes gender or number is not offered while a later
# word may be a short or past form agreeing with the old noun.


def test_a_new_noun_does_not_leave_its_predicate_disagreeing():
    for text, fragment in (
        # the analyst's probe: «Цель по рождаемости в этом году достигнут»
        ("Целевой показатель по рождаемости в этом году достигнут.", "Цель"),
        # written for the gate: «достигнут» is also «they will reach»; a
        # predicate after a «где» clause is beyond the subject's own clause
        ("Целевой показатель на 2024 год достигнут полностью.", "Цель"),
        ("Целевой показатель по вводу жилья достигнут на 104 процента.", "Цель"),
        ("Целевой показатель по газификации в прошлом году не достигнут.", "Цель"),
        ("Дворовая территория у дома, где живут ветераны, благоустроена.", "Двор"),
        ("Дворовая территория, где гуляют дети, полностью обновлена.", "Двор"),
    ):
        assert not any(r.startswith(fragment) for r in results(text)), text


def test_a_new_noun_with_a_predicate_that_still_agrees_keeps_its_fix():
    cases = {
        "Дворовая территория нуждается в ремонте.": "Двор нуждается в ремонте.",
        "Дворовая территория станет местом отдыха для жителей.": (
            "Двор станет местом отдыха для жителей."
        ),
        # a later plural predicate is another subject's
        "Дворовая территория дома № 5 требует ремонта, хотя подъезды "
        "отремонтированы.": "Двор дома № 5 требует ремонта, хотя подъезды "
        "отремонтированы.",
        "Мера социальной поддержки, введённая в прошлом году, продлена.": (
            "Помощь, введённая в прошлом году, продлена."
        ),
        "Рабочая встреча, запланированная на пятницу, перенесена.": (
            "Встреча, запланированная на пятницу, перенесена."
        ),
    }
    for text, fixed in cases.items():
        assert fixed in results(text), text


# G9: one «населённый пункт» may be a town, and so may one of many: since round
# 29 (ae17, rejected by both blind judges: «в отдалённых сёлах» narrows the
# meaning) no number of it becomes «сёла», «посёлки»; the hint gives the advice.


def test_a_single_settlement_is_not_made_a_village():
    for text in (
        # the analyst's probe
        "В каждом населённом пункте района установлены контейнеры для раздельного "
        "сбора мусора.",
        # written for the gate
        "В населённом пункте открыт фельдшерско-акушерский пункт.",
        "Населённый пункт газифицирован в прошлом году.",
        "Жители отдалённого населённого пункта получили доступ к интернету.",
        "Автобус будет ходить до населённого пункта три раза в неделю.",
        "Для этого населённого пункта закуплен новый автобус.",
    ):
        assert all("населённ" in r.lower() for r in results(text)), text


def test_settlements_in_the_plural_are_not_made_villages_either():
    for text in (
        "В 12 населённых пунктах района установлены контейнеры.",
        "Населённые пункты района газифицированы.",
        "Жители отдалённых населённых пунктов получили доступ к интернету.",
        "Мобильная бригада объехала все населённые пункты округа.",
    ):
        assert all("населённ" in r.lower() for r in results(text)), text


# Found while probing the gates: «более» that makes a comparative is not
# «больше».


def test_more_before_an_adjective_or_adverb_is_no_amount():
    for text in (
        "Более крупные семьи получат дополнительную выплату.",
        "Волонтёры стали более активно помогать пожилым людям.",
        "Для более точного расчёта нужна справка о доходах.",
        "Теперь заявление можно подать более простым способом.",
        "Услуги стали более доступными для жителей сёл.",
    ):
        assert not any("больше" in r.lower() for r in results(text)), text


def test_more_before_an_amount_keeps_its_fix():
    cases = {
        "Выплату получили более 300 семей.": "Выплату получили больше 300 семей.",
        "Заявление рассматривается не более 10 дней.": (
            "Заявление рассматривается не больше 10 дней."
        ),
        "Помощь получили более половины обратившихся.": (
            "Помощь получили больше половины обратившихся."
        ),
        "Ремонт длился более месяца.": "Ремонт длился больше месяца.",
    }
    for text, fixed in cases.items():
        assert fixed in results(text), text


# Found while probing the gates: a subject shared with a second predicate is
# not dropped by the action-noun fix, nor hidden by «даже» or «не».


def test_a_shared_subject_keeps_both_predicates():
    for text in (
        "Проверка проведена прокуратурой района и завершена в срок.",
        "Выдача наборов осуществляется в МФЦ и продлится до конца месяца.",
        "Доставка продуктов осуществляется волонтёрами и оплачивается из бюджета.",
        "Целевой показатель по занятости в этом году достигнут и даже превышен.",
        "Заявление принято, но не рассмотрено.",
        "Документы приняты и не возвращаются заявителю.",
        "Справка выдаётся в МФЦ и даже направляется по почте.",
    ):
        assert results(text) == [], text


def test_a_single_predicate_keeps_the_action_fix():
    cases = {
        "Приём документов осуществляется специалистами отдела.": (
            "Документы принимают специалисты отдела."
        ),
        "Выдача справок осуществляется в МФЦ, и заявителю не нужно ехать в "
        "министерство.": "Справки выдают в МФЦ, и заявителю не нужно ехать в "
        "министерство.",
        "Оплата проезда к месту лечения и обратно производится за счёт средств "
        "федерального бюджета.": "Проезд к месту лечения и обратно оплачивают за "
        "счёт средств федерального бюджета.",
    }
    for text, fixed in cases.items():
        assert fixed in results(text), text
