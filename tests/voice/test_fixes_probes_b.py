"""One-click fixes checked on probe sentences of helper probe-b (issue 13):
official visits, events, volunteers, veterans and SVO families, employment,
disability, care at home, children's rest, warnings. Sentence in, the sentences
each fix leaves out, and what must not be offered."""

from __future__ import annotations

from tests.voice.fixes_eval import results


def test_an_agent_with_an_adjective_becomes_the_subject_whole():
    # «Социальными работниками» is the agent, not «работниками» alone (which
    # left «Социальными работники» and the fix withdrawn).
    text = "Социальными работниками осуществляется доставка продуктов на дом."
    assert results(text, "осуществляется доставка") == [
        "Социальные работники доставляют продукты на дом.",
        "Социальные работники привозят продукты на дом.",
    ]
    text = "Социальными работниками осуществляется выдача продуктов."
    assert results(text, "осуществляется выдача") == [
        "Социальные работники выдают продукты."
    ]
    # A noun with its genitive still works as before.
    text = "Специалистами отдела осуществляется выдача справок в рабочие дни."
    assert results(text, "осуществляется выдача") == [
        "Специалисты отдела выдают справки в рабочие дни."
    ]


def test_the_name_of_a_body_keeps_po_voprosam():
    # «комиссия по поводу адаптации» is not Russian: the words name the body.
    for text in (
        "Под председательством министра состоялось заседание межведомственной "
        "комиссии по вопросам социальной адаптации участников СВО.",
        "Совет по вопросам семейной политики рассмотрел предложения родителей.",
        "Заместитель губернатора по вопросам социальной политики провела приём.",
    ):
        assert results(text, "по вопросам") == [], text
    # A consultation «по вопросам субсидий» is still «по поводу субсидий».
    text = "Специалисты провели консультирование граждан по вопросам субсидий."
    assert (
        "Специалисты провели консультирование граждан по поводу субсидий."
        in results(text, "по вопросам")
    )


def test_an_instrumental_after_a_preposition_acts_on_nothing():
    # «с ограниченными возможностями здоровья» is no agent: it gave
    # «с ограниченными возможности здоровья проводят», now the plain active.
    text = "Для людей с ограниченными возможностями здоровья проводятся экскурсии."
    assert results(text, "проводятся") == [
        "Для людей с ограниченными возможностями здоровья проводят экскурсии."
    ]


def test_people_who_pose_as_someone_are_not_a_passive():
    text = "Данные мошенники представляются сотрудниками социальных служб."
    assert results(text, "представляются") == []
    # Papers handed in still are.
    text = "Сведения о доходах представляются заявителем в МФЦ."
    assert results(text, "представляются") == [
        "Сведения о доходах представляет заявитель в МФЦ."
    ]


def test_an_age_after_people_is_not_replaced_by_other_people():
    for text, fragment in (
        (
            "Волонтёры серебряного возраста провели мастер-класс для детей.",
            "серебряного возраста",
        ),
        (
            "Для жителей старшего поколения организованы экскурсии.",
            "старшего поколения",
        ),
    ):
        assert results(text, fragment) == [], text
