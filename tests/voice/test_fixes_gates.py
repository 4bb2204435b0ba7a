"""Gates on one-click fixes that the by-kind replay of first-sight scores found
wrong on unseen text (issue 13, bench/voice/by_kind.py): each gate is shown on
the analyst's probe sentences where it applies, on sentences written for it,
and on sentences where the fix must still be offered, so that a gate that
blocks too much fails here too."""

from __future__ import annotations

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
