"""Positions of the house standard that the blind judges overruled (issue 13,
bench/voice/README.md blocks bench_judging:rounds16-20 and
bench_judging:round21; tests/fixtures/voice/ANNOTATING.md): each shown on
sentences written for these tests, not taken from the set."""

from __future__ import annotations

from tests.voice.fixes_eval import results
from voice.checker import check


def findings_on(text: str, stem: str) -> list:
    """The findings whose marked words start with ``stem`` (any case)."""
    return [
        f
        for f in check(text, fixes=True).findings
        if text[f.start : f.end].lower().startswith(stem)
    ]


def test_the_status_of_the_poor_is_advice_only():
    # «малоимущие» is a legal status: «семьи с низким доходом» distorts it
    # (rejected: 19 d32, 21 i04). The word is flagged, its hint explains.
    for text in (
        "Малоимущим гражданам, проживающим в сельской местности, компенсируют "
        "расходы на газификацию.",
        "Ежемесячное пособие назначается малоимущей семье на каждого ребёнка "
        "до трёх лет.",
        "В прошлом году статус малоимущих получили две тысячи семей области.",
        "Социальный контракт заключают с малоимущими гражданами на срок до года.",
        "Дети из малоимущих и многодетных семей отдохнут в лагере бесплатно.",
    ):
        found = findings_on(text, "малоимущ")
        assert found, text
        for finding in found:
            assert finding.fixes == (), text
            assert "статус" in finding.hint
            assert "прожиточного минимума" in finding.hint
        assert not any("низким доход" in r for r in results(text)), text


def test_a_single_citizen_is_a_person_never_a_resident():
    # One «гражданин» is a person in law: «жителя» changes who is meant
    # (rejected: 19 d25, d35, 21 i02, i39). «человек» reads naturally here.
    cases = {
        "Пожилому гражданину, проживающему одиноко, оказана помощь в уборке "
        "квартиры.": "Пожилому человеку, проживающему одиноко, оказана помощь "
        "в уборке квартиры.",
        "С гражданином, признанным безработным, заключается социальный "
        "контракт.": "С человеком, признанным безработным, заключается "
        "социальный контракт.",
        "Каждый гражданин, достигший 60 лет, может бесплатно посещать бассейн.": (
            "Каждый человек, достигший 60 лет, может бесплатно посещать бассейн."
        ),
        "Для получения выплаты гражданину нужно обратиться в МФЦ.": (
            "Для получения выплаты человеку нужно обратиться в МФЦ."
        ),
    }
    for text, fixed in cases.items():
        fragment = next(
            w.strip(",") for w in text.split() if w.lower().startswith("граждан")
        )
        assert results(text, fragment) == [fixed], text
        assert not any("жител" in r.lower() for r in results(text)), text


def test_a_citizen_named_keeps_his_title():
    # «Гражданину Сидорову» → «Человеку Сидорову» is not Russian: before a
    # name or an initial no noun replaces it; the hint says why.
    for text in (
        "Гражданину Сидорову вручили ключи от новой квартиры.",
        "Гражданин К. обратился в центр занятости с просьбой о помощи.",
    ):
        found = findings_on(text, "граждан")
        assert found and all(f.fixes == () for f in found), text
        assert "лицо по закону" in found[0].hint


def test_citizens_in_the_plural_are_still_people_or_residents():
    assert results("Граждане могут записаться на приём по телефону.", "Граждане") == [
        "Люди могут записаться на приём по телефону.",
        "Жители могут записаться на приём по телефону.",
    ]
    assert "Заявления жителей принимают в МФЦ." in results(
        "Заявления граждан принимают в МФЦ.", "граждан"
    )


def test_papers_are_submitted_never_given():
    # «дать документы» is colloquial and vague (rejected: 21 i16): papers are
    # «представить» (the legal word) or «подать».
    cases = {
        "Для назначения пособия заявителю нужно предоставить в соцзащиту "
        "декларацию о доходах.": [
            "Для назначения пособия заявителю нужно представить в соцзащиту "
            "декларацию о доходах.",
            "Для назначения пособия заявителю нужно подать в соцзащиту "
            "декларацию о доходах.",
        ],
        "Чтобы встать на учёт, необходимо предоставить копию трудовой книжки.": [
            "Чтобы встать на учёт, необходимо представить копию трудовой книжки.",
            "Чтобы встать на учёт, необходимо подать копию трудовой книжки.",
        ],
        "Студенты могут предоставить ходатайство о переводе на бюджетное место.": [
            "Студенты могут представить ходатайство о переводе на бюджетное место.",
            "Студенты могут подать ходатайство о переводе на бюджетное место.",
        ],
        "Родителям необходимо предоставить сведения о месте работы.": [
            "Родителям необходимо представить сведения о месте работы.",
            "Родителям необходимо подать сведения о месте работы.",
        ],
        # «подать отчёт» does not read well: the legal word only.
        "Опекун ежегодно предоставляет в орган опеки отчёт о расходовании "
        "средств подопечного.": [
            "Опекун ежегодно представляет в орган опеки отчёт о расходовании "
            "средств подопечного."
        ],
    }
    for text, fixed in cases.items():
        fragment = "предоставляет" if "Опекун" in text else "предоставить"
        assert results(text, fragment) == fixed, text


def test_papers_issued_or_named_before_the_verb_get_no_given():
    # Issued to someone, papers are neither «поданы» nor «представлены» to
    # them, and «дать справку» is what the judges rejected: no button. Named
    # before the verb, they are not «дать» either.
    for text in (
        "Сотрудники МФЦ предоставили заявителю справку о составе семьи.",
        "Медицинская организация предоставит пациенту выписку из истории болезни.",
        "Анкеты участников конкурса необходимо предоставить до 15 мая.",
        "Документы, подтверждающие доход, необходимо предоставить в течение месяца.",
        "Документы предоставляются в МФЦ по месту жительства.",
    ):
        found = findings_on(text, "предостав")
        assert found and all(f.fixes == () for f in found), text
    # A place, a voucher, a thing is still given.
    assert results(
        "Путёвку в лагерь можно предоставить ребёнку из многодетной семьи.",
        "предоставить",
    ) == ["Путёвку в лагерь можно дать ребёнку из многодетной семьи."]


def test_a_service_is_neither_given_nor_due():
    # «услуги дают» is wrong: «услуги оказывают или предоставляют» (rejected:
    # 21 i25). «оказывают услуги» is itself a weak verb the checker flags, so
    # no fix can make it: services get no button, the hint says «оказывают».
    for text in (
        "Социальные услуги на дому предоставляются инвалидам первой группы бесплатно.",
        "Услуги сиделки будут предоставлены семье в течение месяца.",
        "Государственная услуга предоставляется в электронном виде через портал.",
        "Услуги социального такси предоставляются пенсионерам старше 80 лет.",
        "Комплексный центр предоставил услуги 1200 пожилым жителям района.",
        "Данная услуга будет предоставляться всем семьям.",
    ):
        found = findings_on(text, "предостав")
        assert found and all(f.fixes == () for f in found), text
        assert any("оказывают" in f.hint for f in found), text
    # A place is still given.
    assert results("Семье предоставили место в детском саду.", "предоставили") == [
        "Семье дали место в детском саду."
    ]
