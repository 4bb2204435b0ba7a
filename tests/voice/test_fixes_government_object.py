"""«информировать/уведомлять» (accusative object) → «сообщать/рассказывать»
(dative object): the object is recased wherever it stands in the clause, before
the verb too, with its adjectives and participles (voice/checker/verbs.py
``_accusative_before``); a fix that would leave it accusative is not offered."""

from __future__ import annotations

from tests.voice.fixes_eval import results


def _clicks(text: str, fragment: str) -> list[str]:
    return results(text, fragment)


def test_the_motivating_sentence_recases_the_object_before_the_verb():
    text = "Заявителя информируют о принятом решении в течение пяти дней."
    out = _clicks(text, "информируют")
    assert out == ["Заявителю сообщают о принятом решении в течение пяти дней."]
    assert not any("Заявителя сообщают" in s for s in results(text))


def test_an_object_before_the_verb_with_its_adjectives():
    assert _clicks("Всех заявителей уведомляют о решении.", "уведомляют") == [
        "Всем заявителям сообщают о решении."
    ]
    assert _clicks("Новых получателей уведомляют об изменениях.", "уведомляют") == [
        "Новым получателям сообщают об изменениях."
    ]
    text = "Всех участников конкурса информируют о результатах по почте."
    assert _clicks(text, "информируют") == [
        "Всем участникам конкурса сообщают о результатах по почте."
    ]


def test_a_pronoun_object_before_the_verb():
    assert _clicks("Их уведомляют о решении.", "уведомляют") == [
        "Им сообщают о решении."
    ]


def test_the_subject_after_the_verb_stays_nominative():
    # «Граждан информируют сотрудники центра»: «сотрудники» is the subject,
    # «Граждан» the object (not «Граждан сообщают сотрудникам центра»).
    text = "Граждан информируют сотрудники центра о сроках."
    out = _clicks(text, "информируют")
    assert out
    assert all(s.startswith("Гражданам ") and "сотрудники центра" in s for s in out)


def test_a_passive_is_not_turned_into_a_broken_verb():
    text = "Заявитель информируется о принятом решении."
    for s in results(text):
        assert "сообщается" not in s and "рассказывается" not in s
        assert "Заявителя сообщают" not in s


def test_the_object_after_the_verb_is_still_recased():
    text = "Министерство информирует граждан о продлении приёма."
    out = _clicks(text, "информирует")
    assert "Министерство сообщает гражданам о продлении приёма." in out
    assert "Министерство рассказывает гражданам о продлении приёма." in out


def test_the_subject_before_the_verb_is_not_taken_for_the_object():
    text = "Министерство информирует о продлении приёма."
    assert "Министерство сообщает о продлении приёма." in _clicks(text, "информирует")


def test_an_object_before_an_aside_withdraws_the_swap():
    # «Заявителя, подавшего заявление, сообщают» leaves the object accusative;
    # it stands outside the verb's clause, so no swap is offered.
    text = "Заявителя, подавшего заявление, информируют о решении."
    assert not any("сообщают" in s or "рассказывают" in s for s in results(text))
    text = "Если документы приняты, заявителя информируют о решении."
    assert "Если документы приняты, заявителю сообщают о решении." in results(text)
