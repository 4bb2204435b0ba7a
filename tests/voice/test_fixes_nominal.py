"""One-click fixes that turn a hidden action back into a verb (voice/checker/
nominal.py and action_fix): «работа по X», «планируется X», a dummy noun that
goes, and a dummy verb in the short passive with its auxiliary."""

from __future__ import annotations

import pytest

from voice.checker import check


def results(text: str) -> set[str]:
    return {
        fix.apply(text)
        for finding in check(text, fixes=True).findings
        for fix in finding.fixes
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        # An active dummy verb keeps its tense, gender and aspect.
        (
            "Администрация района провела работу по благоустройству дворов.",
            "Администрация района благоустроила дворы.",
        ),
        (
            "Волонтёры проводят работу по подготовке подарков.",
            "Волонтёры готовят подарки.",
        ),
        # A passive one turns active: 3rd person plural, or the actor named in
        # the instrumental becomes the subject.
        (
            "В настоящий момент ведётся работа по подготовке документов.",
            "В настоящий момент готовят документы.",
        ),
        (
            "Министерством проведена работа по актуализации списков получателей.",
            "Министерство обновило списки получателей.",
        ),
        (
            "Администрацией района проведена работа по установке детских площадок.",
            "Администрация района установила детские площадки.",
        ),
    ],
)
def test_work_on_an_action_becomes_the_verb(text, expected):
    assert expected in results(text)


def test_work_without_an_action_noun_is_left_as_advice():
    text = "Администрация района провела работу с населением."
    assert not any("работ" not in r for r in results(text))


def test_planned_action_becomes_an_infinitive():
    text = "В этом году планируется приобретение 15 автобусов для школ."
    found = results(text)
    assert "В этом году планируют купить 15 автобусов для школ." in found
    # The plain active rewrite is still offered next to it.
    assert "В этом году планируют приобретение 15 автобусов для школ." in found


def test_planned_action_with_an_actor_is_not_rebuilt():
    text = "Министерством планируется приобретение автобусов."
    assert not any("купить" in r for r in results(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "В связи с проведением ремонтных работ подача воды будет прекращена.",
            "В связи с ремонтными работами подача воды будет прекращена.",
        ),
        # With the preposition's own fix: «В связи с» → «Из-за», then «проведения» goes.
        (
            "В связи с проведением ремонтных работ подача воды будет прекращена.",
            "Из-за ремонтных работ подача воды будет прекращена.",
        ),
        # A subject: the predicate agrees with the new head.
        (
            "Проведение ремонта запланировано на май.",
            "Ремонт запланирован на май.",
        ),
        (
            "Информация о сроках проведения ремонта появится позже.",
            "Информация о сроках ремонта появится позже.",
        ),
    ],
)
def test_dummy_noun_goes_and_its_dependant_takes_its_case(text, expected):
    assert expected in results(text)


@pytest.mark.parametrize(
    "text, absent",
    [
        # «в целях» needs an action.
        (
            "Акция организована в целях проведения просветительской работы.",
            "Акция организована в целях просветительской работы.",
        ),
        # «помогли в проведении акции» → «помогли в акции» says less.
        (
            "Волонтёры помогли в проведении акции.",
            "Волонтёры помогли в акции.",
        ),
        # An adjective would be left without its noun.
        (
            "Своевременное проведение ремонта запланировано на май.",
            "Своевременное ремонт запланирован на май.",
        ),
    ],
)
def test_dummy_noun_stays_where_its_removal_breaks_the_sentence(text, absent):
    assert absent not in results(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Выплаты будут произведены до конца месяца.", "Выплатят до конца месяца."),
        (
            "Приобретение оборудования произведено за счёт гранта.",
            "Оборудование купили за счёт гранта.",
        ),
        (
            "В текущем месяце будет произведена индексация пенсий.",
            "В текущем месяце проиндексируют пенсии.",
        ),
    ],
)
def test_short_passive_dummy_verb_gives_way_to_the_action(text, expected):
    assert expected in results(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Меры положены гражданам, проживающим в сельской местности.",
            "Меры положены гражданам, которые живут в сельской местности.",
        ),
        (
            "Жители, проживающие в зоне подтопления, получат помощь.",
            "Жители, которые живут в зоне подтопления, получат помощь.",
        ),
        (
            "Пенсионерке, проживающей в селе, привезли дрова.",
            "Пенсионерке, которая живёт в селе, привезли дрова.",
        ),
        # The copula and the agent noun become one verb with its object.
        (
            "Гражданам, являющимся получателями пенсии, нужно сообщить о переезде.",
            "Гражданам, которые получают пенсию, нужно сообщить о переезде.",
        ),
        (
            "Гражданам, являющимся получателями пенсии, нужно сообщить о переезде.",
            "Гражданам, получающим пенсию, нужно сообщить о переезде.",
        ),
    ],
)
def test_participle_after_a_comma_becomes_a_which_clause(text, expected):
    assert expected in results(text)


def test_which_clause_needs_a_noun_that_tells_the_reading():
    # «несовершеннолетним» is a plural dative or a singular instrumental.
    text = "Несовершеннолетним, проживающим в интернатах, положен проезд."
    assert not any("котор" in r for r in results(text))


def test_a_verb_with_two_objects_changes_both_cases():
    text = "Губернатор поручил обеспечить жителей качественной питьевой водой."
    assert "Губернатор поручил дать жителям качественную питьевую воду." in results(
        text
    )
    # Without the two objects there is nothing to rebuild: advice only.
    assert not any("дать" in r for r in results("Нужно обеспечить безопасность."))


def test_a_removed_noun_keeps_its_dependant_in_the_case_it_governs():
    # «благодарность всем» is a dative: «всем» is not «всё» in the instrumental.
    text = "Министерство выражает благодарность всем, кто помог."
    assert "Министерство благодарит всех, кто помог." in results(text)


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        (
            "Обучающиеся колледжа приняли участие в субботнике.",
            "Студенты колледжа приняли участие в субботнике.",
            "Школьники колледжа приняли участие в субботнике.",
        ),
        (
            "Обучающиеся школ района приняли участие в субботнике.",
            "Школьники школ района приняли участие в субботнике.",
            "Студенты школ района приняли участие в субботнике.",
        ),
    ],
)
def test_a_participle_used_as_a_noun_is_named_by_where_they_study(
    text, expected, absent
):
    found = results(text)
    assert expected in found
    assert absent not in found
    # Without a place of study there is no telling who they are.
    assert not any(
        "Студент" in r or "Школьник" in r
        for r in results("Обучающиеся получат стипендию.")
    )


# Errors the first score of fresh round 9 showed (bench/voice/README.md).


def test_a_coordinated_object_changes_case_with_the_first():
    text = "Специалистами центра осуществляется доставка продуктов и лекарств на дом."
    found = results(text)
    assert "Специалисты центра доставляют продукты и лекарства на дом." in found
    assert not any("продукты и лекарств " in r for r in found)


def test_due_to_whom_a_short_form_needs_a_recipient():
    # A voucher, not a service: the house standard keeps «услуга» from
    # «положена» whatever the recipient (test_fixes_due.py).
    assert not any(
        "положена" in r for r in results("Данная путёвка предоставляется бесплатно.")
    )
    assert "Данная путёвка положена семьям." in results(
        "Данная путёвка предоставляется семьям."
    )


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        (
            "Подать заявление на получение пособия можно в МФЦ.",
            "Подать заявление на пособие можно в МФЦ.",
            None,
        ),
        # What is «received» here is not what one applies for: no fix.
        (
            "Средства направлены на получение лицензии.",
            None,
            "Средства направлены на лицензию.",
        ),
        (
            "На базе школы открыт центр «Точка роста».",
            "В школе открыт центр «Точка роста».",
            None,
        ),
        (
            "Обращаем ваше внимание, что срок истекает.",
            "Напоминаем, что срок истекает.",
            None,
        ),
        # «напоминать» takes no «на»: withdrawn.
        (
            "Обращаем ваше внимание на сроки оплаты.",
            None,
            "Напоминаем на сроки оплаты.",
        ),
    ],
)
def test_rules_added_after_round_9(text, expected, absent):
    found = results(text)
    if expected:
        assert expected in found
    if absent:
        assert absent not in found


def test_an_untouched_prepositional_phrase_does_not_withdraw_a_fix():
    # «по предварительной записи»: the dictionary rates the dative of «записи»
    # as rare; the fix does not touch it, so it is not judged again.
    text = "Приём граждан по личным вопросам осуществляется по предварительной записи."
    assert "Граждан по личным вопросам принимают по предварительной записи." in results(
        text
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Выплата будет осуществлена в течение пяти рабочих дней.",
            "Выплата будет осуществлена за пять рабочих дней.",
        ),
        ("Решение примут в течение 10 дней.", "Решение примут за 10 дней."),
        # The counted noun changes number after «три» (round 21).
        ("Решение примут в течение 3 дней.", "Решение примут за 3 дня."),
    ],
)
def test_a_counted_span_after_a_finished_action_takes_za(text, expected):
    assert expected in results(text)


@pytest.mark.parametrize(
    "text",
    [
        "Поликлиника будет закрыта в течение недели.",  # a state, not an action
        "Ремонт кровли будет произведён в течение летнего периода.",
        "Справки выдают в течение пяти дней.",  # not a finished action
    ],
)
def test_za_is_not_offered_where_it_changes_the_sentence(text):
    assert not any(" за " in r for r in results(text))


def test_at_a_check_in_the_course_of_becomes_pri():
    found = results("В ходе проверки выявлено отсутствие документов.")
    assert "При проверке выявлено отсутствие документов." in found
    # Not before a visit: «при визите» is not how it is said.
    assert not any(
        r.startswith("При") for r in results("В ходе визита министр посетил центр.")
    )


def test_takes_place_becomes_will_be_only_in_the_future():
    assert "Мероприятие будет в актовом зале." in results(
        "Мероприятие состоится в актовом зале."
    )
    found = results("Заседание состоялось под председательством губернатора.")
    assert not any("было" in r for r in found)


def test_a_legal_status_adjective_stays_with_its_noun():
    # «семьям с низким доходом» blurs the status «малоимущие» (judged blind,
    # rounds 19 d32 and 21 i04): advice only, as a noun or an adjective.
    for text in (
        "Малоимущим семьям оказывают помощь.",
        "Выплаты малоимущим семьям выросли.",
        "Малоимущим оказывают помощь.",
    ):
        assert not any("доходом" in r for r in results(text)), text


def test_elderly_citizens_have_two_plain_names_each_inflected():
    found = results("Гражданам пожилого возраста помогают волонтёры.")
    assert "Пожилым людям помогают волонтёры." in found
    assert "Пожилым жителям помогают волонтёры." in found


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Специалисты центра оказывают помощь в оформлении документов.",
            "Специалисты центра помогают оформить документы.",
        ),
        (
            "Жителям района была оказана помощь в оформлении документов.",
            "Жителям района помогли оформить документы.",
        ),
        (
            "Многодетным семьям оказывается помощь в подготовке детей к школе.",
            "Многодетным семьям помогают подготовить детей к школе.",
        ),
    ],
)
def test_help_in_an_action_becomes_help_to_do_it(text, expected):
    assert expected in results(text)


def test_help_to_do_is_not_offered_with_a_verb_the_checker_flags():
    # «помогли провести акцию»: «провести акцию» is itself a finding.
    found = results("Волонтёры оказали содействие в проведении акции.")
    assert "Волонтёры помогли в проведении акции." in found
    assert "Волонтёры помогли провести акцию." not in found


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Для получения компенсации необходимо представить справку.",
            "Чтобы получить компенсацию, необходимо представить справку.",
        ),
        (
            "Для оформления пособия заявителю необходимо принести паспорт.",
            "Чтобы оформить пособие, заявителю необходимо принести паспорт.",
        ),
    ],
)
def test_for_getting_becomes_a_purpose_clause_closed_by_a_comma(text, expected):
    assert expected in results(text)


def test_for_getting_is_left_alone_without_a_predicate_to_close_it():
    found = results("Для получения компенсации жители обращаются в МФЦ.")
    assert not any(r.startswith("Чтобы") for r in found)
