"""«предоставляется» → «положен(а)» or «дают» (issue 13, house standard in
tests/fixtures/voice/ANNOTATING.md, last bullet): what one is entitled to (a
payment, a benefit, a measure of support) is «положено», never «дают»; a
right is given («дают»), never «положено»; a service is neither (round 21
i25, judged blind: «услуги оказывают или предоставляют»), so it gets no
button (tests/voice/test_fixes_house.py). Sentences of their own, not of the
evaluation set."""

import pytest

from tests.voice.fixes_eval import results


@pytest.mark.parametrize(
    "text, due",
    [
        (
            "Ежемесячное пособие предоставляется студенческим семьям.",
            "Ежемесячное пособие положено студенческим семьям.",
        ),
        (
            "Субсидия на ремонт крыши предоставляется владельцам частных домов.",
            "Субсидия на ремонт крыши положена владельцам частных домов.",
        ),
        (
            "Надбавка к пенсии предоставляется сельским пенсионерам.",
            "Надбавка к пенсии положена сельским пенсионерам.",
        ),
        (
            "Материальная помощь предоставляется погорельцам.",
            "Материальная помощь положена погорельцам.",
        ),
    ],
)
def test_a_payment_is_due_not_given(text, due):
    fixed = results(text)
    assert due in fixed
    assert not any(" дают " in f or " давать " in f for f in fixed), fixed


def test_a_payment_is_not_given_in_the_future_or_by_someone():
    assert not any(
        "давать" in f for f in results("Пособие будет предоставляться семьям.")
    )
    assert not any(
        "даёт" in f for f in results("Фонд предоставляет субсидию фермерам.")
    )


def test_help_is_not_given():
    # «помощь» is a payment only with a word of money (grammar.json «денежное»);
    # else it is rendered, «оказывают», never «дают» (round 31 ag05, rejected
    # by both blind judges; ANNOTATING.md).
    assert not any(
        "дают" in f
        for f in results("Помощь предоставляется погорельцам.", "предоставляется")
    )


@pytest.mark.parametrize(
    "text, given",
    [
        # A consultation is a service now, neither given nor due
        # (test_fixes_remaining.py); a chance is given.
        (
            "Возможность бесплатного проезда предоставляется ветеранам.",
            "Возможность бесплатного проезда дают ветеранам.",
        ),
        (
            "Право на бесплатный проезд предоставляется ветеранам.",
            "Право на бесплатный проезд дают ветеранам.",
        ),
    ],
)
def test_a_consultation_or_a_right_is_given_not_due(text, given):
    fixed = results(text)
    assert given in fixed
    assert not any("положен" in f for f in fixed), fixed


def test_a_voucher_may_be_both():
    assert set(
        results("Путёвка в лагерь предоставляется школьникам.", "предоставляется")
    ) == {
        "Путёвку в лагерь дают школьникам.",
        "Путёвка в лагерь положена школьникам.",
    }
