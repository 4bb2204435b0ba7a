"""Fixes both blind judges rejected in fresh round 28 (issue 13), fixed as
classes of error: each is either rebuilt correctly or withdrawn to advice (the
finding and its hint stay). Every class is shown on the round's sentence, on
sentences of its own, and on a sentence where a correct fix is still offered,
so the gate is not too wide."""

from __future__ import annotations

import pytest

from tests.voice.fixes_eval import none_contain, results


# 1. ad25: «предоставляется временное проживание» → «положено временное
# проживание» turns a service provided into an entitlement. «положен» is
# offered only for a whitelist of payments and benefits (grammar.json noun
# classes «положенное», «положенное_натурой»).
@pytest.mark.parametrize(
    "text",
    [
        "Женщинам, пострадавшим от домашнего насилия, в кризисном центре "
        "оказывается психологическая и юридическая помощь, а также "
        "предоставляется временное проживание.",
        "Пострадавшим предоставляется временное проживание в кризисном центре.",
        "Семьям предоставляется консультирование по вопросам опеки.",
        "Ветеранам предоставляется сопровождение при посещении поликлиники.",
    ],
)
def test_due_only_for_payments_and_benefits(text):
    none_contain(text, "положен")


@pytest.mark.parametrize(
    "text, fixed",
    [
        (
            "Многодетным семьям предоставляется ежемесячная выплата.",
            "Многодетным семьям положена ежемесячная выплата.",
        ),
        (
            "Ветеранам предоставляется льгота по оплате жилья.",
            "Ветеранам положена льгота по оплате жилья.",
        ),
    ],
)
def test_due_still_offered_for_a_payment(text, fixed):
    assert fixed in results(text)


# 2. ad21: «предоставляется койко-место, горячее питание и помощь» →
# «положен койко-место, …»: a coordinated subject would need agreement with
# all its members; no «положен» button («дают» may stay).
@pytest.mark.parametrize(
    "text",
    [
        "Лицам без определённого места жительства в социальной гостинице "
        "предоставляется койко-место, горячее питание и помощь в "
        "восстановлении документов.",
        "Многодетным семьям предоставляется ежемесячная выплата и компенсация "
        "расходов на проезд.",
        "Пенсионерам предоставляется бесплатный проезд, а также компенсация.",
    ],
)
def test_no_due_for_a_coordinated_subject(text):
    none_contain(text, "положен")


def test_give_stays_for_a_coordinated_subject():
    text = (
        "Лицам без определённого места жительства в социальной гостинице "
        "предоставляется койко-место, горячее питание и помощь в "
        "восстановлении документов."
    )
    assert (
        "Лицам без определённого места жительства в социальной гостинице дают "
        "койко-место, горячее питание и помощь в восстановлении документов."
    ) in results(text)
    # One benefit alone is still «положено».
    text = "Учащимся из многодетных семей предоставляется бесплатное питание."
    assert "Учащимся из многодетных семей положено бесплатное питание." in results(text)


# 3. ad09: «несовершеннолетних детей» → «детей» drops the qualifier. The
# phrase stays a rule of its own, with advice only, so that «несовершеннолетний»
# → «ребёнок» never makes «детей детей».
@pytest.mark.parametrize(
    "text",
    [
        "Одиноким матерям, воспитывающим несовершеннолетних детей, "
        "предоставляется ежемесячное пособие на ребёнка при условии, что "
        "среднедушевой доход семьи не превышает прожиточного минимума.",
        "Опекунам несовершеннолетних детей производится выплата.",
        "В семьях воспитываются несовершеннолетние дети.",
    ],
)
def test_minor_children_keep_their_qualifier(text):
    offered = results(text)
    assert all("несовершеннолетн" in r for r in offered), offered
    assert not any("детей детей" in r or "дети дети" in r for r in offered)


def test_minor_alone_still_offered():
    assert "Ребёнок доставлен в отдел полиции." in results(
        "Несовершеннолетний доставлен в отдел полиции."
    )


# 4. ad28: «осуществляющим деятельность по оказанию помощи» → «работающим по
# оказанию помощи» is unnatural: no «работать» before «по».
@pytest.mark.parametrize(
    "text",
    [
        "Постановлением правительства области утверждён порядок предоставления "
        "субсидий некоммерческим организациям, осуществляющим деятельность по "
        "оказанию помощи жертвам домашнего насилия.",
        "Центр осуществляет деятельность по профилактике безнадзорности.",
        "Организации, осуществляющие деятельность по защите прав детей, "
        "получат гранты.",
    ],
)
def test_no_work_before_by_an_action(text):
    none_contain(text, "работа")


@pytest.mark.parametrize(
    "text, fixed",
    [
        (
            "Субсидии получают организации, осуществляющие деятельность в сфере "
            "культуры.",
            "Субсидии получают организации, работающие в сфере культуры.",
        ),
        ("Фонд осуществляет деятельность.", "Фонд работает."),
    ],
)
def test_work_stays_elsewhere(text, fixed):
    assert fixed in results(text)


# 5. ad15: «дети из которых обучаются» → «детей из которых обучают»: said of a
# person, «обучаться» is to study, not a passive.
@pytest.mark.parametrize(
    "text",
    [
        "Право на компенсацию имеют семьи, признанные малоимущими, дети из "
        "которых обучаются в общеобразовательных организациях области.",
        "Студенты обучаются на бюджетной основе.",
        "Дети обучаются плаванию в бассейне.",
    ],
)
def test_study_is_no_passive_of_a_person(text):
    none_contain(text, "обучают ")


def test_study_still_offered_for_a_thing():
    text = "Персонал учреждения обучается правилам пожарной безопасности."
    assert "Персонал учреждения обучают правилам пожарной безопасности." in results(
        text
    )
    # The other fix of the round's sentence stays.
    text = (
        "Право на компенсацию имеют семьи, признанные малоимущими, дети из "
        "которых обучаются в общеобразовательных организациях области."
    )
    assert (
        "Право на компенсацию имеют семьи, признанные малоимущими, дети из "
        "которых обучаются в школах области."
    ) in results(text)


# 6. «предоставляется бесплатный проезд, а также компенсация» → «дают
# бесплатный проезд, а также компенсация»: a member joined by «, а также»
# («а также», «, а также и») changes case with the object before it, or the
# fix is not offered when it may start a clause of its own.
class TestAlsoJoinedObject:
    @pytest.mark.parametrize(
        "text, fixed",
        [
            (
                "Пенсионерам предоставляется бесплатный проезд, а также "
                "компенсация расходов на связь.",
                "Пенсионерам дают бесплатный проезд, а также компенсацию "
                "расходов на связь.",
            ),
            (
                "Заявителю выдаётся справка, а также копия решения.",
                "Заявителю выдают справку, а также копию решения.",
            ),
            (
                "Заявителю выдаётся справка, а также и копия решения.",
                "Заявителю выдают справку, а также и копию решения.",
            ),
        ],
    )
    def test_member_recased(self, text, fixed):
        offered = results(text)
        assert fixed in offered, offered
        # No fix leaves the member in the nominative after an active verb.
        assert not any(
            "дают " in r and ("а также компенсация" in r or "а также копия" in r)
            for r in offered
        ), offered

    @pytest.mark.parametrize(
        "text, wrong",
        [
            (
                "Пенсионерам предоставляется бесплатный проезд, а также "
                "компенсация выплачивается ежемесячно.",
                "Пенсионерам дают бесплатный проезд",
            ),
            (
                "Заявителю выдаётся справка, а также копия, заверенная нотариусом.",
                "выдают справку",
            ),
        ],
    )
    def test_no_fix_when_member_may_start_a_clause(self, text, wrong):
        none_contain(text, wrong)

    def test_list_after_also_recased_whole(self):
        text = "Заявителю выдаётся справка, а также копия решения и выписка."
        assert "Заявителю выдают справку, а также копию решения и выписку." in (
            results(text)
        )
