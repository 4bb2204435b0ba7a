"""The one-click fixes still wrong on the evaluation set after round 26, and two
kinds users met (issue 13), fixed as classes: each is rebuilt or withdrawn to
advice. Every class is shown on the set's sentence, on sentences of its own,
and on a sentence where a correct fix is still offered, so the gate is not too
wide. Blind verdicts: bench/voice/README.md; house positions:
tests/fixtures/voice/ANNOTATING.md."""

from __future__ import annotations

import pytest

from tests.voice.fixes_eval import results
from voice.checker import check


def _findings(text: str, fragment: str):
    return [
        f for f in check(text, fixes=True).findings if text[f.start : f.end] == fragment
    ]


# 1. x23: «льготные категории граждан» is the legal name of a group;
# «льготным категориям людей» reads oddly. «жителей» stays, and «людей»
# stays after other words («отдельных категорий людей»).
@pytest.mark.parametrize(
    "text",
    [
        "Компенсация расходов на газификацию домовладений предоставляется "
        "льготным категориям граждан.",
        "Бесплатный проезд сохранён для льготных категорий граждан.",
        "Списки льготной категории граждан обновляются ежемесячно.",
    ],
)
def test_no_people_in_privileged_categories(text):
    offered = results(text, "граждан")
    assert not any("людей" in r for r in offered), offered
    assert any("категори" in r and "жителей" in r for r in offered), offered


def test_people_still_offered_outside_the_term():
    offered = results(
        "Льготы предусмотрены для отдельных категорий граждан.", "граждан"
    )
    assert "Льготы предусмотрены для отдельных категорий людей." in offered


# 2. e22 (rejected blind) and a kind users met: «несовершеннолетние» are all
# under 18, «подростки» only the older ones. «Подросток» only where an age
# from 12 on follows; «ребёнок» stays everywhere.
@pytest.mark.parametrize(
    "text, fragment, children",
    [
        (
            "Всего в отчётном периоде было проведено 128 обследований условий жизни "
            "несовершеннолетних, состоящих на учёте.",
            "несовершеннолетних",
            "условий жизни детей, состоящих",
        ),
        (
            "Несовершеннолетним в возрасте от 7 до 17 лет предоставляется "
            "бесплатный проезд.",
            "Несовершеннолетним",
            "Детям в возрасте от 7 до 17 лет",
        ),
        (
            "Заявление может быть подано законным представителем несовершеннолетнего.",
            "несовершеннолетнего",
            "представителем ребёнка",
        ),
        (
            "Несовершеннолетним, оставшимся без попечения родителей, "
            "предоставляется бесплатный проезд.",
            "Несовершеннолетним",
            "Детям, оставшимся",
        ),
        (
            "Несовершеннолетним в возрасте до 16 лет оказывается бесплатная "
            "юридическая помощь.",
            "Несовершеннолетним",
            "Детям в возрасте до 16 лет",
        ),
    ],
)
def test_no_teenagers_for_all_minors(text, fragment, children):
    offered = results(text, fragment)
    assert not any("одрост" in r for r in offered), offered
    assert any(children in r for r in offered), offered


@pytest.mark.parametrize(
    "text, teens",
    [
        (
            "Несовершеннолетним в возрасте от 14 до 18 лет оказывается содействие "
            "в трудоустройстве.",
            "Подросткам в возрасте от 14 до 18 лет",
        ),
        (
            "Несовершеннолетним старше 14 лет выдаётся паспорт.",
            "Подросткам старше 14 лет",
        ),
        (
            "Несовершеннолетним в возрасте 15 лет выдаётся паспорт.",
            "Подросткам в возрасте 15 лет",
        ),
        (
            "Несовершеннолетним от 14 до 18 лет предоставляется бесплатный проезд.",
            "Подросткам от 14 до 18 лет",
        ),
    ],
)
def test_teenagers_still_offered_for_a_teen_age(text, teens):
    assert any(teens in r for r in results(text, "Несовершеннолетним"))


# 3. e39 (rejected blind): «программа социального сопровождения» names a kind
# of programme of the law on social services; «программа помощи» loses it. No
# click rewrites «социальное сопровождение» after such a noun; where it is
# the help one needs, it is still «помощь» or «поддержка».
@pytest.mark.parametrize(
    "text",
    [
        "По итогам заседания комиссии принято решение о включении ещё 15 семей в "
        "программу социального сопровождения.",
        "Семья включена в план социального сопровождения.",
        "Специалисты отделения социального сопровождения посетили 20 семей.",
        "С семьёй заключён договор о социальном сопровождении.",
    ],
)
def test_social_accompaniment_term_kept(text):
    fragment = next(
        text[f.start : f.end]
        for f in check(text).findings
        if "сопровожден" in text[f.start : f.end]
    )
    assert results(text, fragment) == []


def test_social_accompaniment_still_offered_as_help():
    text = (
        "По итогам проведённого мониторинга выявлено 14 семей, нуждающихся в "
        "социальном сопровождении."
    )
    offered = results(text, "социальном сопровождении")
    assert any("нуждающихся в помощи" in r for r in offered), offered


# 4. i38 (rejected blind): «в качестве меры» → «как мера» before its subject,
# beside a dative, reads as a case that does not agree. «как» + nominative is
# offered only where the subject it describes comes first in the clause.
@pytest.mark.parametrize(
    "text",
    [
        "Многодетным семьям в качестве меры социальной поддержки ежегодно "
        "производится выплата компенсации стоимости комплекта школьной формы на "
        "каждого обучающегося ребёнка.",
        "Ветеранам в качестве подарка вручены продуктовые наборы.",
        "В качестве поощрения победителям конкурса вручены дипломы.",
    ],
)
def test_as_not_offered_before_its_subject(text):
    assert not any(" как " in r or r.startswith("Как ") for r in results(text))


def test_as_still_offered_after_the_subject():
    text = "Ветераны приглашены на праздник в качестве почётных гостей."
    assert "Ветераны приглашены на праздник как почётные гости." in results(
        text, "в качестве"
    )


# 5. l18 (rejected blind: «изменён смысл срока»): «в течение десяти рабочих
# дней со дня регистрации» is a deadline counted from an event; «за десять
# рабочих дней» tells how long the work takes. Where the start is named, no
# «за»; a plain duration keeps it.
@pytest.mark.parametrize(
    "text",
    [
        "Решение о назначении пособия принимается в течение десяти рабочих дней "
        "со дня регистрации заявления и документов, необходимых для его "
        "назначения.",
        "Заявление рассматривается в течение пяти рабочих дней с даты поступления.",
        "Пособие будет выплачено в течение десяти рабочих дней после принятия решения.",
        "Выплата пособия будет осуществлена в течение десяти рабочих дней с момента "
        "принятия решения.",
    ],
)
def test_no_za_for_a_deadline_from_a_date(text):
    assert not any(" за " in r for r in results(text, "в течение"))
    hint = _findings(text, "в течение")[0].hint
    assert "оставьте как есть" in hint


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Заявление рассматривается в течение пяти рабочих дней.",
            "Заявление рассматривается за пять рабочих дней.",
        ),
        (
            "Справка будет выдана в течение трёх рабочих дней.",
            "Справка будет выдана за три рабочих дня.",
        ),
    ],
)
def test_za_still_offered_for_a_duration(text, expected):
    assert expected in results(text, "в течение")


# 6. A kind users met: services are not «дают». A consultation is held or
# given as a service («консультации проводят», «оказывают»), and so are care
# and patronage: no «дают», nor «положена» (ANNOTATING.md: a service is
# neither). A right, a voucher, a place are still «дают».
@pytest.mark.parametrize(
    "text",
    [
        "Консультация предоставляется бесплатно.",
        "Консультации предоставляются специалистами центра по телефону.",
        "Жителям предоставляется консультация юриста.",
        "Специалисты центра предоставляют консультации жителям.",
        "Центр предоставит консультацию по телефону.",
        "Консультирование предоставляется бесплатно.",
        "Пожилым людям предоставляется уход на дому.",
        "Семьям предоставляется социальный патронаж.",
        "Обучение предоставляется бесплатно.",
    ],
)
def test_services_are_not_given(text):
    offered = results(text)
    assert not any(
        w in r.lower().split() for r in offered for w in ("дают", "даст", "дают,")
    ), offered
    assert not any("положен" in r for r in offered), offered


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Путёвки предоставляются детям бесплатно.",
            "Путёвки дают детям бесплатно.",
        ),
        (
            "Право на льготу предоставляется ветеранам.",
            "Право на льготу дают ветеранам.",
        ),
        (
            "Обращаем внимание, что технические средства реабилитации "
            "предоставляются инвалидам бесплатно в соответствии с индивидуальной "
            "программой реабилитации.",
            "Обращаем внимание, что технические средства реабилитации дают "
            "инвалидам бесплатно в соответствии с индивидуальной программой "
            "реабилитации.",
        ),
    ],
)
def test_things_and_rights_still_given(text, expected):
    assert expected in results(text)


def test_advice_does_not_repeat_words_the_hint_already_quotes():
    """A withheld deadline fix: the hint says to keep «в течение … со дня …» and
    why «за десять дней» is wrong there, so it must not end «Например: «за»»."""
    from voice.checker import check

    text = (
        "Решение о назначении пособия принимается в течение десяти рабочих дней "
        "со дня регистрации заявления."
    )
    hint = next(
        f.hint
        for f in check(text, fixes=True).findings
        if text[f.start : f.end] == "в течение"
    )
    assert "оставьте как есть" in hint
    assert "Например" not in hint


def test_advice_still_names_a_word_the_hint_does_not():
    from voice.checker import check

    text = (
        "Многодетным семьям в качестве меры социальной поддержки ежегодно "
        "производится выплата компенсации."
    )
    hint = next(
        f.hint
        for f in check(text, fixes=True).findings
        if text[f.start : f.end] == "в качестве"
    )
    assert hint.endswith("Например: «как».")
