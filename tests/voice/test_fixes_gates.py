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
