"""Replacements withdrawn after rounds 16–18 (commit 53a0976 and the ones after
it) that blind judges later accepted as correct Russian keeping the meaning
(bench/voice/README.md, «bench_judging:rounds16-20»), offered again by a click
in the contexts they were judged in and no wider (issue 13). Shown on sentences
other than the rounds'."""

from __future__ import annotations

import pytest

from tests.voice.fixes_eval import results


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("По итогам проверки в школе выданы рекомендации.", "По итогам"),
        (
            "По результатам выездной проверки управляющей компании выдано предписание.",
            "По результатам",
        ),
        ("По итогам заседания правления утверждён план работы на год.", "По итогам"),
        ("По итогам соревнований лучшим спортсменам вручены грамоты.", "По итогам"),
    ],
)
def test_in_the_outcome_of_a_check_a_meeting_or_a_competition(text, fragment):
    # «В итоге заседания / проверки / соревнований» was accepted blind in a20,
    # b07, c04, c38 and rejected by both judges of the unlisted sheet of
    # 8 December (e39, «В итоге заседания комиссии»): where judges disagree the
    # house gives advice, not a button. «После» is never offered for «по итогам»
    # (rounds 22 j08, 24 o19, 27 ac19, rejected blind).
    assert results(text, fragment) == []


def test_in_the_outcome_only_of_what_was_judged():
    # Nouns the judges did not see get «После» only, and a stretch of time
    # nothing («В итоге года» and «После года» both say something else).
    for text, fragment in (
        ("По итогам конкурса лучшим вручены грамоты.", "По итогам"),
        ("По результатам анализа обращений подготовлен доклад.", "По результатам"),
        ("По итогам встречи стороны подписали соглашение.", "По итогам"),
    ):
        assert not any("В итоге" in r for r in results(text, fragment)), text
    assert results("По итогам года выплаты выросли.", "По итогам") == []


def test_food_products_stay_products():
    # «еда» was restored after judges of rounds 16–20 accepted c05 «доставке
    # еды», then withdrawn again: the judges of the unlisted sheet
    # (tests/fixtures/voice/judged/unlisted-2026-12-07) rejected «доставка
    # еды» twice as colloquial (d31, i34). Judges disagreeing: no button.
    for text, fragment in (
        ("Волонтёры помогают с доставкой продуктов питания.", "продуктов питания"),
        (
            "Волонтёры купили продукты питания для многодетных семей.",
            "продукты питания",
        ),
        ("Цены на продукты питания выросли.", "продукты питания"),
    ):
        got = results(text, fragment)
        assert got, text
        assert not any(food in r for r in got for food in ("еда", "еды", "еду")), got


@pytest.mark.parametrize(
    "text, fragment, expected",
    [
        (
            "Министр совершил рабочую поездку в Юргу.",
            "рабочую поездку",
            "Министр совершил поездку в Юргу.",
        ),
        (
            "В рамках рабочей поездки в Беловский округ министр открыла центр.",
            "рабочей поездки",
            "В рамках поездки в Беловский округ министр открыла центр.",
        ),
        (
            "Глава района находится в рабочей поездке в Москве.",
            "рабочей поездке",
            "Глава района находится в поездке в Москве.",
        ),
        (
            "Итоги рабочей поездки обсудили на совещании.",
            "рабочей поездки",
            "Итоги поездки обсудили на совещании.",
        ),
    ],
)
def test_a_working_trip_is_a_trip(text, fragment, expected):
    # c25 «В рамках поездки в Юргинский округ».
    assert results(text, fragment) == [expected]


@pytest.mark.parametrize(
    "text, fragment, wanted",
    [
        (
            "Студентам, изъявившим желание пройти практику, выдадут направления.",
            "изъявившим желание",
            "Студентам, захотевшим пройти практику, выдадут направления.",
        ),
        (
            "Пенсионеры, изъявившие желание заниматься скандинавской ходьбой, "
            "получат палки.",
            "изъявившие желание",
            "Пенсионеры, захотевшие заниматься скандинавской ходьбой, получат палки.",
        ),
        (
            "Для граждан, изъявивших желание стать донорами, проведут лекцию.",
            "изъявивших желание",
            "Для граждан, захотевших стать донорами, проведут лекцию.",
        ),
        (
            "Всех изъявивших желание участвовать просим позвонить в центр.",
            "изъявивших желание",
            "Всех захотевших участвовать просим позвонить в центр.",
        ),
    ],
)
def test_those_who_expressed_a_wish_wanted(text, fragment, wanted):
    # c19 «захотевшим трудоустроиться»; «пожелавшим» stays the first button.
    got = results(text, fragment)
    assert len(got) == 2 and "пожелавш" in got[0] and got[1] == wanted, got


@pytest.mark.parametrize(
    "text, fragment, residents",
    [
        (
            "Для граждан с инвалидностью открыт новый пункт проката.",
            "граждан",
            "Для жителей с инвалидностью открыт новый пункт проката.",
        ),
        (
            "На работу устроены 85 граждан с инвалидностью.",
            "граждан",
            "На работу устроены 85 жителей с инвалидностью.",
        ),
        (
            "Из 300 участников 40 — граждане с инвалидностью.",
            "граждане",
            "Из 300 участников 40 — жители с инвалидностью.",
        ),
        (
            "Центр помогает гражданам с инвалидностью найти работу.",
            "гражданам",
            "Центр помогает жителям с инвалидностью найти работу.",
        ),
    ],
)
def test_citizens_with_a_disability_are_residents_too(text, fragment, residents):
    # b39 «из них 85 — жители с инвалидностью»; «люди» («человек» after a
    # number) stays the first button.
    got = results(text, fragment)
    assert len(got) == 2 and got[1] == residents, got


def test_one_citizen_with_a_disability_is_not_a_resident():
    # A single «гражданин» is never «житель» (judged blind: d25, d35, i02, i39).
    text = "Гражданину с инвалидностью положена компенсация."
    assert results(text, "Гражданину") == [
        "Человеку с инвалидностью положена компенсация."
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Семьи, имеющие трёх и более детей, получат сертификат.",
            "Семьи, имеющие трёх и больше детей, получат сертификат.",
        ),
        (
            "Льгота положена семьям, где трое и более детей.",
            "Льгота положена семьям, где трое и больше детей.",
        ),
        (
            "Путёвки получат пятеро и более победителей олимпиады.",
            "Путёвки получат пятеро и больше победителей олимпиады.",
        ),
        (
            "Для родителей четырёх и более детей открыта горячая линия.",
            "Для родителей четырёх и больше детей открыта горячая линия.",
        ),
    ],
)
def test_three_and_more_is_three_and_more_in_plain_words(text, expected):
    # b37 «трёх и больше детей» (a numeral in words before «и»).
    assert results(text, "более") == [expected]


def test_a_figure_and_more_stays():
    # «50 и больше лет», «10 и больше билетов» were not judged.
    for text in (
        "Чествовали пары, прожившие в браке 50 и более лет.",
        "Скидка положена при покупке 10 и более билетов.",
    ):
        assert results(text, "более") == [], text


@pytest.mark.parametrize(
    "text, fragment, children",
    [
        (
            "Несовершеннолетним в возрасте от 14 до 18 лет предоставляется "
            "бесплатный проезд.",
            "Несовершеннолетним",
            "Детям в возрасте от 14 до 18 лет предоставляется бесплатный проезд.",
        ),
        (
            "Несовершеннолетним от 14 до 18 лет предоставляется бесплатный проезд.",
            "Несовершеннолетним",
            "Детям от 14 до 18 лет предоставляется бесплатный проезд.",
        ),
        (
            "Несовершеннолетним в возрасте до 16 лет оказывается бесплатная "
            "юридическая помощь.",
            "Несовершеннолетним",
            "Детям в возрасте до 16 лет оказывается бесплатная юридическая помощь.",
        ),
        (
            "Для несовершеннолетних в возрасте от 14 до 18 лет открыта биржа труда.",
            "несовершеннолетних",
            "Для детей в возрасте от 14 до 18 лет открыта биржа труда.",
        ),
    ],
)
def test_minors_of_an_age_are_children_of_that_age(text, fragment, children):
    # c19 «Детям в возрасте от 14 до 18 лет»; «Подросткам» stays offered for
    # an age from 14, not «до 16 лет», which starts at birth
    # (test_fixes_remaining.py).
    got = results(text, fragment)
    assert children in got, got
    teens = any("одросткам" in r or "одростков" in r for r in got)
    assert teens == ("от 14" in text), got


def test_social_services_at_home_keep_their_words():
    # «соцобслуживание на дому» was restored after judges of rounds 16–20
    # accepted a33, then withdrawn again: a judge of the unlisted sheet
    # rejected e31 «на соцобслуживании на дому» as a colloquial cut of the
    # service's legal name. Judges disagreeing: advice only.
    for text in (
        "Специалисты ведут социальное обслуживание на дому 300 пожилых людей.",
        "Социальное обслуживание на дому получают 1200 пенсионеров района.",
    ):
        assert not any("соцобслуживан" in r for r in results(text)), text


def test_social_services_keep_their_words_in_names_and_statuses():
    # A name («отделение социального обслуживания на дому»: one judge rejected
    # the short form in a name, b16) and a status of the law («признанные
    # нуждающимися в социальном обслуживании») keep their words.
    for text in (
        "В отделении социального обслуживания на дому работают 12 человек.",
        "Заведующая отделением социального обслуживания на дому рассказала о работе.",
        "Граждане, признанные нуждающимися в социальном обслуживании на дому, "
        "получают услуги бесплатно.",
    ):
        assert not any("соцобслуживан" in r for r in results(text)), text


@pytest.mark.parametrize(
    "text, fragment, short",
    [
        (
            "Справку можно получить в управлении социальной защиты населения.",
            "управлении социальной защиты населения",
            "Справку можно получить в соцзащите.",
        ),
        (
            "Для оформления выплаты обратитесь в управление социальной защиты "
            "населения.",
            "управление социальной защиты населения",
            "Для оформления выплаты обратитесь в соцзащиту.",
        ),
        (
            "Сотрудники управления социальной защиты населения навестили ветерана.",
            "управления социальной защиты населения",
            "Сотрудники соцзащиты навестили ветерана.",
        ),
        (
            "Работники управления социальной защиты населения провели акцию.",
            "управления социальной защиты населения",
            "Работники соцзащиты провели акцию.",
        ),
    ],
)
def test_the_social_protection_office_where_one_goes_and_its_staff(
    text, fragment, short
):
    # a03 «в соцзащите по месту жительства», a10 «Специалистами соцзащиты»;
    # «управление соцзащиты» stays the first button.
    # Withdrawn after round 23 (l27: both short forms rejected blind).
    got = results(text, fragment)
    assert got == [] and short, got


def test_the_social_protection_office_elsewhere_keeps_its_head_noun():
    # Its head («начальник управления соцзащиты», e38), a subject or another
    # noun's genitive were not judged with the short name alone.
    for text, fragment in (
        (
            "Начальник управления социальной защиты населения ответил на вопросы.",
            "управления социальной защиты населения",
        ),
        (
            "Документы принимает управление социальной защиты населения.",
            "управление социальной защиты населения",
        ),
        (
            "На сайте управления социальной защиты населения опубликован график.",
            "управления социальной защиты населения",
        ),
    ):
        assert results(text, fragment) == []  # withdrawn after round 23 l27
