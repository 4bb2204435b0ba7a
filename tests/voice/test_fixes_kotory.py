"""A «который» after the noun phrase a rewrite recases keeps its own case
(issue 13): «который» agrees with its noun in gender and number only, its case
comes from its own clause. «Проводится реконструкция стадиона, которая
завершится осенью» → «Проводят реконструкцию стадиона, которую завершится» was
offered: the phrase's trailing-participle rule took «которая» (an adjective to
the morphology) for a participle agreeing with «реконструкция»."""

from __future__ import annotations

import pytest

from tests.voice.fixes_eval import results


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        (
            "Проводится реконструкция стадиона, которая завершится осенью.",
            "которую завершится",
        ),
        (
            "Проводится модернизация больницы, которая завершится в мае.",
            "которую завершится",
        ),
        (
            "Проводится ремонт дороги, которой пользуются жители.",
            "которую пользуются",
        ),
        (
            "Осуществляется выдача сертификатов, которых хватит на всех.",
            "которые хватит",
        ),
        ("Ведётся строительство центра, который откроется в мае.", "которого"),
    ],
)
def test_which_is_not_recased_with_the_phrase(text, bad):
    offered = results(text)
    assert not any(bad in new for new in offered), offered


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        (
            "Проводится реконструкция стадиона, которая завершится осенью.",
            "Проводят реконструкцию стадиона, которая завершится осенью.",
        ),
        (
            "Проводится ремонт дороги, которой пользуются жители.",
            "Ремонтируют дорогу, которой пользуются жители.",
        ),
    ],
)
def test_which_keeps_its_case_in_the_fix(text, fixed):
    assert fixed in results(text)


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        (
            "Осуществляется выдача сертификатов, которые действуют год.",
            "Выдают сертификаты, которые действуют год.",
        ),
        (
            "Проводится ремонт дороги, которая ведёт к школе.",
            "Ремонтируют дорогу, которая ведёт к школе.",
        ),
    ],
)
def test_fix_with_which_still_offered(text, fixed):
    assert fixed in results(text)
