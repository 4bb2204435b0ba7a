"""Fixes blind judges rejected in fresh round 24 (bench/voice/README.md,
«bench_judging:round24»), gated narrowly: the finding and its advice stay,
no click rewrites the words (issue 13). Shown on sentences other than the
round's, with sentences where the fix is still offered."""

from __future__ import annotations

import pytest

from tests.voice.fixes_eval import results


# o25: «обращения граждан» is the term of the federal law on citizens'
# appeals (59-ФЗ): fixed_names. «приём граждан» is not gated: «приём
# жителей» was accepted in many annotated rounds (s03, g29, t01 …).
@pytest.mark.parametrize(
    "text",
    [
        "За неделю в министерство поступило 312 обращений граждан.",
        "Обращения граждан рассматриваются в течение 30 дней.",
        "Министр ответил на обращения граждан в прямом эфире.",
        "Порядок рассмотрения обращений граждан установлен законом.",
        "Жалобы и обращения граждан поступают на горячую линию.",
    ],
)
def test_citizens_after_an_appeal_stay(text):
    assert results(text, "граждан") == [], text


@pytest.mark.parametrize(
    "text, fragment, expected",
    [
        (
            "В центр занятости обратились 200 граждан.",
            "граждан",
            "В центр занятости обратились 200 человек.",
        ),
        (
            "Министр провёл личный приём граждан в Доме культуры.",
            "граждан",
            "Министр провёл личный приём жителей в Доме культуры.",
        ),
        (
            "Граждане могут направить обращение через портал госуслуг.",
            "Граждане",
            "Жители могут направить обращение через портал госуслуг.",
        ),
    ],
)
def test_citizens_elsewhere_still_get_a_fix(text, fragment, expected):
    # An appeal later in the clause is no term: «Жители могут направить
    # обращение» is plain Russian with the same meaning.
    assert expected in results(text, fragment), results(text, fragment)


# o19: «по итогам мониторинга выявлено» reports the outcome of the check;
# «после мониторинга» says only when, so checks are out of the «итоговое»
# class («после» for «по итогам»), events stay in it.
@pytest.mark.parametrize(
    "text, fragment",
    [
        ("По итогам мониторинга цен нарушений не выявлено.", "По итогам"),
        ("По результатам анализа обращений подготовлен доклад.", "По результатам"),
        (
            "По итогам рассмотрения заявления семье назначено пособие.",
            "По итогам",
        ),
        (
            "По результатам обследования условий жизни семье оказана помощь.",
            "По результатам",
        ),
        ("По итогам рейда выявлены пять нарушений.", "По итогам"),
        ("По итогам проведённой ревизии выявлена недостача.", "По итогам"),
    ],
)
def test_no_after_for_checks_whose_result_is_reported(text, fragment):
    assert not any(r.startswith("После") for r in results(text, fragment)), text


def test_in_the_outcome_of_a_check_is_advice():
    # «В итоге проверки» was judged both ways (accepted in rounds 16–18, «В итоге
    # заседания» rejected on the unlisted sheet of 8 December): advice only.
    assert results("По итогам проверки в школе выданы рекомендации.", "По итогам") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "По итогам конкурса лучшим вручены грамоты.",
            "После конкурса лучшим вручены грамоты.",
        ),
        (
            "По итогам форума подписаны три соглашения.",
            "После форума подписаны три соглашения.",
        ),
        (
            "По итогам встречи стороны договорились о сотрудничестве.",
            "После встречи стороны договорились о сотрудничестве.",
        ),
    ],
)
def test_after_an_event_is_no_longer_offered(text, expected):
    # Round 27 ac19 (rejected blind, as j08 and o19 before it): «после» says
    # only when, for events too; «по итогам» is never «после» now
    # (tests/voice/test_fixes_round27.py).
    assert expected not in results(text, "По итогам"), results(text, "По итогам")


def test_after_a_contest_selection_is_no_longer_offered():
    # «конкурсный отбор» was accepted once (round 22 j12); withdrawn with every
    # «после» for «по результатам» after round 27 ac19.
    text = "По результатам конкурсного отбора гранты получили 12 организаций."
    assert "После конкурсного отбора гранты получили 12 организаций." not in results(
        text, "По результатам"
    )


# o16: «со стороны волонтёров» names who acted; the active needs them as its
# subject, and «Со стороны волонтёров помогли» has none.
@pytest.mark.parametrize(
    "text, fragment",
    [
        (
            "Со стороны сотрудников центра оказана помощь 40 семьям.",
            "оказана помощь",
        ),
        (
            "Со стороны сотрудников министерства проведена проверка документов.",
            "проведена проверка",
        ),
        (
            "Со стороны социальных работников оказывается помощь пожилым людям.",
            "оказывается помощь",
        ),
        ("Со стороны волонтёров организована доставка лекарств.", "организована"),
        (
            "Со стороны центра занятости выплачивается пособие по безработице.",
            "выплачивается",
        ),
    ],
)
def test_no_active_while_the_agent_is_on_a_side(text, fragment):
    assert results(text, fragment) == [], text


@pytest.mark.parametrize(
    "text, fragment, expected",
    [
        (
            "Волонтёрами ресурсного центра оказана помощь 57 пожилым гражданам.",
            "оказана помощь",
            "Волонтёры ресурсного центра помогли 57 пожилым гражданам.",
        ),
        (
            "Центром занятости выплачивается пособие по безработице.",
            "выплачивается",
            "Центр занятости выплачивает пособие по безработице.",
        ),
    ],
)
def test_active_with_an_instrumental_agent_is_still_offered(text, fragment, expected):
    assert expected in results(text, fragment), results(text, fragment)
