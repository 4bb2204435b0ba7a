"""One-click fixes leave correct Russian (issue 13): inflected replacements,
rebuilt constructions, verified before they are offered."""

from __future__ import annotations

import re

import pytest

from tests.voice.fixes_eval import load_set, results
from voice.checker import check, fix_all
from voice.checker.morph import normalize, word_info
from voice.checker.rules import load_rulebook
from voice.checker.templates import parse_suggestion

ISSUE_LEAD = (
    "В целях осуществления мероприятий по обеспечению предоставления мер социальной "
    "поддержки гражданам министерством осуществляется работа по проведению выплат."
)


@pytest.mark.parametrize(
    "text, fragment, expected",
    [
        # The failures the issue lists, each now inflected for its place.
        (
            "Выплату назначают гражданам старше 80 лет.",
            "гражданам",
            "Выплату назначают людям старше 80 лет.",
        ),
        (
            "Размер единовременного пособия вырос.",
            "единовременного",
            "Размер разового пособия вырос.",
        ),
        (
            "Принесите необходимую справку.",
            "необходимую",
            "Принесите нужную справку.",
        ),
        (
            "Для данного решения нужна справка.",
            "данного",
            "Для этого решения нужна справка.",
        ),
        (
            "В связи с ремонтом здания приём переносится.",
            "В связи с",
            "Из-за ремонта здания приём переносится.",
        ),
        (
            "Справка является обязательным условием выплаты.",
            "является обязательным",
            "Справка — обязательное условие выплаты.",
        ),
        (
            "В МФЦ осуществляется выдача справок.",
            "осуществляется выдача",
            "В МФЦ выдают справки.",
        ),
        (
            "Уведомляем, что приём переносится.",
            "Уведомляем",
            "Сообщаем, что приём переносится.",
        ),
        # Verb phrases: tense, person, number and aspect carry over.
        (
            "Министерство осуществляет приём заявлений.",
            "осуществляет приём",
            "Министерство принимает заявления.",
        ),
        (
            "Ветераны приняли участие в параде.",
            "приняли участие",
            "Ветераны участвовали в параде.",
        ),
        (
            "Ветераны примут участие в параде.",
            "примут участие",
            "Ветераны будут участвовать в параде.",
        ),
        (
            "Граждане, проживающие в сёлах, получат выплату.",
            "проживающие",
            "Граждане, живущие в сёлах, получат выплату.",
        ),
        (
            "Мероприятие состоится в мае.",
            "состоится",
            "Мероприятие пройдёт в мае.",
        ),
        # An instrumental actor becomes the subject and the verb agrees with it.
        (
            "Специалистами центра оказывается помощь ветеранам.",
            "оказывается помощь",
            "Специалисты центра помогают ветеранам.",
        ),
        # A preposition that governs another case rebuilds its noun phrase.
        (
            "Семьи живут на территории Кемеровской области.",
            "на территории",
            "Семьи живут в Кемеровской области.",
        ),
        (
            "Работы идут в соответствии с планом.",
            "в соответствии с",
            "Работы идут по плану.",
        ),
        # «в целях» + a verbal noun → «чтобы» + infinitive, with the comma it needs.
        (
            "Министерство закупило путёвки в целях снижения нагрузки на семьи.",
            "в целях",
            "Министерство закупило путёвки, чтобы снизить нагрузку на семьи.",
        ),
        # Noun-first passive with a dummy verb: the action noun becomes the verb.
        (
            "Приём документов осуществляется в МФЦ.",
            "осуществляется",
            "Документы принимают в МФЦ.",
        ),
        # A fix at the start of a sentence starts with a capital letter.
        (
            "Данный проект важен. Конечно, выплата будет.",
            "Конечно",
            "Данный проект важен. Выплата будет.",
        ),
        (
            "Выплата, как известно, будет.",
            "как известно",
            "Выплата будет.",
        ),
    ],
)
def test_fix_is_inflected_for_its_place(text, fragment, expected):
    assert expected in results(text, fragment)


def test_passive_turned_active():
    assert "Решение приняла комиссия." in results("Решение принято комиссией.")
    assert "Выплату назначают семьям." in results("Выплата назначается семьям.")


def test_alternatives_are_several_buttons_each_inflected():
    # A voucher may be given as well as due; a payment is only due, a
    # service only given (test_fixes_due.py).
    text = "Данная путёвка предоставляется семьям."
    assert set(results(text, "предоставляется")) == {
        "Данную путёвку дают семьям.",
        "Данная путёвка положена семьям.",
    }
    # «люди» and «человек» both give «людям»: one button, not two.
    assert results("Выплату назначают гражданам.", "гражданам") == [
        "Выплату назначают людям.",
        "Выплату назначают жителям.",
    ]


def test_the_issue_lead_gets_only_correct_fixes():
    offered = results(ISSUE_LEAD)
    assert sorted(offered) == sorted(
        [
            ISSUE_LEAD.replace("В целях осуществления", "Для осуществления"),
            ISSUE_LEAD.replace("мер социальной поддержки", "помощи"),
            ISSUE_LEAD.replace("гражданам", "людям"),
            ISSUE_LEAD.replace("гражданам", "жителям"),
            # The dummy «проведение» goes, «выплат» takes its case.
            ISSUE_LEAD.replace("по проведению выплат", "по выплатам"),
        ]
    )
    # «Мероприятие» keeps its advice in the hint; nothing is pasted into the text.
    report = check(ISSUE_LEAD, fixes=True)
    events = next(
        f for f in report.findings if ISSUE_LEAD[f.start : f.end] == "мероприятий"
    )
    assert events.fixes == () and "концерт" in events.hint
    assert not any("назовите" in r.lower() for r in offered)


def test_a_fix_that_breaks_government_is_withdrawn_and_advice_stays_in_the_hint():
    # «потому что» cannot take «ремонтом»; «из-за» can, rebuilt.
    text = "В связи с ремонтом здания приём переносится."
    assert not any("потому что" in r for r in results(text))
    # «обеспечить жителей водой» never becomes «дать жителей водой»: both
    # objects are rebuilt («дать жителям воду») or there is no button.
    text = "Губернатор поручил обеспечить жителей водой."
    finding = next(
        f for f in check(text, fixes=True).findings if f.category == "government"
    )
    assert [fix.apply(text) for fix in finding.fixes] == [
        "Губернатор поручил дать жителям воду."
    ]
    # Where the dictionary has two plurals («лагеря», «лагери») nothing is guessed.
    text = "Проведена проверка детских лагерей."
    assert not any("лагер" in r and "проверили" in r for r in results(text))
    # A word rule without a fix that fits keeps its words as advice in the hint.
    text = "Приём граждан осуществляется в течение месяца."
    hint = next(
        f.hint for f in check(text, fixes=True).findings if f.category == "time_filler"
    )
    assert "за месяц" in hint


def test_a_fix_the_checker_would_flag_is_not_offered():
    # «предоставляется» → «предоставляют» is still bureaucratese: no such button.
    text = "Данная мера предоставляется семьям."
    assert not any("предоставляют" in r for r in results(text))
    # «обеспечения» → «чтобы обеспечить»: flagged as well, only «для» is offered.
    text = "В целях обеспечения безопасности детей проводится акция."
    assert not any("обеспечить" in r for r in results(text))


def test_no_offered_fix_brings_in_flagged_words():
    """The words a fix puts in never carry a clarity remark, so a fix cannot raise
    the score with text the checker itself would mark (issue 13)."""
    book = load_rulebook()
    for item in load_set():
        text = item["text"]
        old_lemmas = {
            lemma
            for word in re.findall(r"[А-Яа-яЁё-]+", text)
            for lemma in _lemmas(word)
        }
        findings = check(text, fixes=True).findings
        for finding in findings:
            for fix in finding.fixes:
                fixed = fix.apply(text)
                end = fix.start + len(fix.text)
                # A remark on words around the fix that they already had is not
                # brought in by it: «произведена единовременная выплата» →
                # «произведена разовая выплата» keeps the weak-verb remark on
                # «произведена … выплата» (ac10). A remark on the replaced words
                # alone still counts.
                had = {
                    f.category
                    for f in findings
                    if f.start < fix.end
                    and f.end > fix.start
                    and (f.start < fix.start or f.end > fix.end)
                }
                shift = end - fix.end
                for remark in check(fixed).findings:
                    if book.categories[remark.category].score != "clarity":
                        continue
                    if remark.end <= fix.start or remark.start >= end:
                        continue
                    if remark.category in had:
                        continue
                    # A remark the text already made on the words outside the
                    # fix, only widened over it: «осуществляется на бесплатной
                    # основе по предварительной записи» → «осуществляется
                    # бесплатно по … записи» now meets «осуществ* … запись»,
                    # but «осуществляется» was flagged already (ak28).
                    if any(
                        f.category == remark.category
                        and (
                            (f.start < fix.start and f.end > remark.start)
                            or (f.end > fix.end and f.start < remark.end - shift)
                        )
                        for f in findings
                    ):
                        continue
                    words = re.findall(
                        r"[А-Яа-яЁё-]+", fixed[remark.start : remark.end]
                    )
                    new = [w for w in words if not _lemmas(w) & old_lemmas]
                    assert not new, (item["id"], fixed, remark.category, new)


def _lemmas(word: str) -> set[str]:
    return set(word_info(normalize(word)).lemmas)


def test_fix_all_applies_every_fix_in_turn():
    text = (
        "Данная мера предоставляется гражданам. В связи с ремонтом приём переносится."
    )
    fixed = fix_all(text)
    assert fixed != text
    assert "Данная" not in fixed and "гражданам" not in fixed and "В связи" not in fixed
    assert fix_all("В Кемерове открыли каток.") == "В Кемерове открыли каток."


def test_every_suggestion_is_text_to_insert():
    """Rule files hold text to put in, never advice: advice lives in hints."""
    advice = re.compile(r"назовите|какие|каких|кто именно|сколько|\?|…|\.\.\.", re.I)
    for rule in load_rulebook().rules:
        for template in parse_suggestion(rule.suggestion):
            assert template.kind in {
                "words",
                "delete",
                "dash",
                "purpose",
                "action",
                "unwrap",
                "relative",
                "valency",
                "after",
            }
            assert not advice.search(template.source), (rule.pattern.source, template)
            assert "," not in template.source, (rule.pattern.source, template)


def test_scores_do_not_depend_on_fixes():
    for with_fixes in (True, False):
        report = check(ISSUE_LEAD, fixes=with_fixes)
        assert (report.clarity, report.readability) == (
            check(ISSUE_LEAD).clarity,
            check(ISSUE_LEAD).readability,
        )
    assert all(
        f.fixes == () and f.suggestion is None for f in check(ISSUE_LEAD).findings
    )


# Errors the first score of fresh round 2 showed (bench/voice/README.md).


def test_a_participle_after_the_noun_changes_case_with_it():
    text = "Выплата производится на основании заявления, поданного через портал."
    assert results(text, "на основании") == [
        "Выплата производится по заявлению, поданному через портал."
    ]


def test_a_fix_leaving_the_participle_behind_is_withdrawn():
    text = "Выплата производится на основании заявления, поданного через портал."
    for result in results(text):
        assert "заявлению, поданного" not in result


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "В рамках акции волонтёры развезли наборы.",
            ["Во время акции волонтёры развезли наборы."],
        ),
        (
            "В рамках национального проекта открыли школу.",
            ["По национальному проекту открыли школу."],
        ),
        # Neither a plan nor an event: advice only.
        ("В рамках работы комиссии обсудили тарифы.", []),
    ],
)
def test_in_the_frame_of_becomes_po_or_vo_vremya_by_meaning(text, expected):
    assert results(text, text.split()[0] + " рамках") == expected


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("Центр помог в трудоустройстве 120 жителям.", "трудоустройстве"),
        ("Проживание в гостинице оплачивают организаторы.", "Проживание"),
    ],
)
def test_a_word_whose_plain_synonym_changes_the_meaning_is_advice(text, fragment):
    found = [
        f for f in check(text, fixes=True).findings if text[f.start : f.end] == fragment
    ]
    assert found and not found[0].fixes
    assert "«" in found[0].hint  # the advice names the plain wording


def test_an_address_to_citizens_becomes_residents_never_people():
    text = "Уважаемые граждане, информируем вас о переносе приёма."
    assert "Уважаемые жители, информируем вас о переносе приёма." in results(text)
    assert not any(r.startswith("Уважаемые люди") for r in results(text))


# Errors the first score of fresh round 3 showed (bench/voice/README.md).


def test_a_passive_made_active_puts_its_subject_in_the_accusative():
    text = "Информация о ремонте будет доведена до сведения жителей."
    assert "Информацию о ремонте сообщат жителям." in results(text)
    assert not any(r.startswith("Информация о ремонте сообщат") for r in results(text))


def test_a_new_verb_before_o_must_take_it():
    assert results("Комиссия приняла решение о выплате.", "приняла решение") == []
    assert "Министерство сообщает гражданам о новых правилах." in results(
        "Министерство информирует граждан о новых правилах.", "информирует"
    )


def test_a_compound_preposition_needs_a_noun_to_govern():
    assert results("В период с 1 по 15 июня идёт запись.", "В период") == []
    assert results("В период летних каникул лагеря работают.", "В период") == [
        "Во время летних каникул лагеря работают."
    ]


def test_since_the_moment_of_becomes_after():
    text = "Пособие выплачивают в течение 10 дней с момента обращения."
    assert results(text, "с момента") == [
        "Пособие выплачивают в течение 10 дней после обращения."
    ]


# Errors the first score of fresh round 4 showed (bench/voice/README.md).


def test_a_perfective_reflexive_verb_is_not_a_passive():
    text = "Количество обращений снизилось на 20 процентов."
    assert not [
        f for f in check(text, fixes=True).findings if f.category == "passive_voice"
    ]
    assert not any("снизили" in r for r in results(text))
    # The imperfective passive still is one.
    assert "Пособие выплачивают в течение месяца." in results(
        "Пособие выплачивается в течение месяца."
    )


def test_a_participle_of_purpose_is_not_made_active():
    assert not any(
        "направили" in r for r in results("Эти меры направлены на поддержку семей.")
    )
    assert "Деньги направили на ремонт кровли." in results(
        "Деньги направлены на ремонт кровли."
    )


# Errors the first score of fresh round 5 showed (bench/voice/README.md).


def test_a_preposition_of_the_removed_noun_withdraws_the_verb():
    assert results("Сотрудники центра проводят консультации для родителей.") == []


def test_current_becomes_this_only_before_a_word_of_time():
    assert results("Ремонт пройдёт в III квартале текущего года.", "текущего") == [
        "Ремонт пройдёт в III квартале этого года."
    ]
    text = "Текущий ремонт кровли запланирован на май."
    finding = next(f for f in check(text, fixes=True).findings if f.start == 0)
    assert not finding.fixes and "Например" not in finding.hint


def test_a_future_passive_infinitive_becomes_they_will():
    text = "С 1 июня будет осуществляться выплата пособий."
    assert "С 1 июня будут выплачивать пособия." in results(text)
    assert not any("будет выплачивать" in r for r in results(text))
    assert results("Может осуществляться запись по телефону.") == []


def test_dummy_verbs_with_registration_and_departure():
    assert "Записывают детей в кружки." in results(
        "Осуществляется запись детей в кружки."
    )
    assert "Бригада выехала в село." in results("Бригада осуществила выезд в село.")


def test_a_perfective_dummy_verb_is_caught_like_the_imperfective():
    assert "Специалисты проверили условия жизни ветеранов." in results(
        "Специалисты осуществили проверку условий жизни ветеранов."
    )


def test_the_aspect_partner_of_the_rules_beats_a_dictionary_homonym():
    assert results("Администрация осуществила закупку автобусов.") == [
        "Администрация купила автобусы."
    ]


def test_settlements_get_no_village_button():
    # «населённые пункты» → «сёла», «посёлки» narrows the meaning (round 29
    # ae17, rejected blind): the finding stays, as advice only.
    text = "Для жителей отдалённых населённых пунктов организован выезд бригад."
    assert results(text, "населённых пунктов") == []


def test_the_usual_plural_of_two_the_dictionary_gives():
    # «лагеря» (camps), not the political «лагери»; no other tie is guessed.
    text = "Проведена проверка детских лагерей."
    assert "Проверили детские лагеря." in results(text)
    assert not any("лагери" in r for r in results(text))


def test_during_a_gathering_becomes_at_it():
    # «на» + prepositional only before a gathering one is at (grammar.json «сбор»).
    assert "На заседании комиссии рассмотрели заявки." in results(
        "В ходе заседания комиссии рассмотрели заявки.", "В ходе"
    )
    assert results("В ходе визита губернатор осмотрел школу.", "В ходе") == [
        "Во время визита губернатор осмотрел школу."
    ]


def test_papers_are_handed_in_and_other_things_given():
    # «представить @документ»: before papers, the verb «предоставить» stands for,
    # offered first; then «подать». «дать справку» is colloquial and vague
    # (judged blind, round 21 i16), never offered.
    assert results(
        "Заявитель должен предоставить справку о доходах.", "предоставить"
    ) == [
        "Заявитель должен представить справку о доходах.",
        "Заявитель должен подать справку о доходах.",
    ]
    assert results("Центр предоставит семьям бесплатные путёвки.") == [
        "Центр даст семьям бесплатные путёвки."
    ]


def test_social_protection_of_the_population_goes_whole():
    # «Соцзащитой населения» kept a word that belonged to the replaced name.
    assert (
        results(
            "Органами социальной защиты населения принято решение.",
            "Органами социальной защиты населения",
        )
        == []
    )  # withdrawn: a body's name is not shortened (round 23 l27, l34)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Нужно предоставить пакет документов.",
            "Нужно предоставить документы.",
        ),
        (
            "Прошло более 200 спортивных мероприятий.",
            "Прошло более 200 соревнований.",
        ),
        (
            "Ветераны пришли на торжественное мероприятие.",
            "Ветераны пришли на праздник.",
        ),
        ("Просим учесть, что приём закрыт.", "Напоминаем, что приём закрыт."),
        (
            "Осуществляется модернизация системы освещения.",
            "Модернизируют систему освещения.",
        ),
        # «вестись» ends in «-сь», and is the passive of «вести» all the same.
        ("Сейчас ведётся приём заявок.", "Сейчас принимают заявки."),
        # «занятия» might hang on «карантином»; nothing else can be the subject.
        (
            "В связи с карантином занятия в секциях приостановлены.",
            "В связи с карантином занятия в секциях приостановили.",
        ),
    ],
)
def test_fixes_the_eighth_round_showed_missing(text, expected):
    assert expected in results(text)


def test_living_conditions_stay_advice():
    # «проживание» alone stays advice, and since rounds 17–18 «условия проживания»
    # too: in a home or a hostel «условия жизни» is not what is meant (c25).
    assert results("Проверили условия проживания в общежитии.") == []


def test_an_object_before_the_verb_is_told_by_the_only_possible_subject():
    # «работники» cannot be accusative, so «продукты питания» is the object
    # (s65; «еду» is no longer offered: test_fixes_restored.py).
    text = "Продукты питания доставляют социальные работники."
    assert "Продукты доставляют социальные работники." in results(text)
    # Both could be the subject: the singular «еда» is not guessed.
    assert results("Продукты питания доставляют машины.", "Продукты питания") == [
        "Продукты доставляют машины."
    ]


def test_an_adverbial_instrumental_is_not_the_actor():
    # Round 10 (v01): «сроком» says for how long, not who concludes the contract.
    text = "Социальный контракт заключается сроком на один год."
    assert "Социальный контракт заключает срок на один год." not in results(text)
    assert not any("заключает срок" in r for r in results(text))


def test_obliged_is_not_a_hidden_actor():
    # Round 10 (v15): «обязаны» means "must"; «их обязали» says someone just did.
    text = "Получатели пособия обязаны сообщать об изменении дохода семьи."
    assert not any("обязали" in r for r in results(text))
    found = check(text).findings
    # Not a passive; the word rule «обязаны» → «должны» (plain wording) may flag it.
    assert not [
        f
        for f in found
        if text[f.start : f.end] == "обязаны" and f.category == "passive_voice"
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Round 10: the constructions it showed the checker had no rule for.
        (
            "Договор заключается сроком на пять лет.",
            "Договор заключается на пять лет.",
        ),
        (
            "Жители, изъявившие желание участвовать, записываются у старосты.",
            "Жители, пожелавшие участвовать, записываются у старосты.",
        ),
        (
            "Новости публикуют средства массовой информации.",
            "Новости публикуют СМИ.",
        ),
        (
            "Заявителю следует предварительно записаться.",
            "Заявителю следует заранее записаться.",
        ),
        (
            "Документы принимают в порядке живой очереди.",
            "Документы принимают по очереди.",
        ),
        (
            "Заявления принимают не позднее 1 марта.",
            "Заявления принимают не позже 1 марта.",
        ),
        (
            "Документы принимают при предъявлении паспорта.",
            "Документы принимают по паспорту.",
        ),
        (
            "В период с 1 по 10 июня открыта запись в лагеря.",
            "С 1 по 10 июня открыта запись в лагеря.",
        ),
    ],
)
def test_fixes_the_tenth_round_showed_missing(text, expected):
    assert expected in results(text)


def test_a_minor_given_something_is_a_plural_dative():
    # «Несовершеннолетним» reads as a plural dative or a singular instrumental;
    # a verb of giving in the sentence tells which, and only then is it replaced.
    text = (
        "Несовершеннолетним, оставшимся без попечения родителей, "
        "предоставляется бесплатный проезд."
    )
    # («Подросткам» is no longer offered without a teen age: test_fixes_remaining.py)
    assert "Детям, оставшимся без попечения родителей, " in " ".join(
        results(text, "Несовершеннолетним")
    )
    assert results("Несовершеннолетним совершена кража.", "Несовершеннолетним") == []
