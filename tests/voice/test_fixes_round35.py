"""Fixes the blind judges of fresh rounds 35–36 rejected (issue 13), fixed as
classes: the motivating sentence, sentences of our own, and a sentence where a
correct fix is still offered (tests/fixtures/voice/ANNOTATING.md)."""

from __future__ import annotations

import re

import pytest

from tests.voice.fixes_eval import results

_BARE_TODAY = re.compile(r"(?<![Нн]а )\b(?:[Сс]егодня|[Сс]ейчас)\b")


# ak12: «На сегодняшний день» beside a past verb counts up to now («воспользовались
# более 300 жителей»): «Сегодня … воспользовались» reads as «today alone», «Сейчас …
# воспользовались» is unnatural (both judges). «На сегодня» keeps the count.
@pytest.mark.parametrize(
    "text",
    [
        "На сегодняшний день услугами социального такси воспользовались более 300 "
        "жителей отдалённых сёл.",
        "На сегодняшний день выплату получили более 2 тысяч семей.",
        "Сертификаты на сегодняшний день получили 1200 семей.",
    ],
)
def test_no_today_for_a_count_up_to_now(text):
    offered = results(text)
    assert not any(_BARE_TODAY.search(r) for r in offered), offered
    assert any("на сегодня" in r.lower() for r in offered), offered


def test_today_stays_beside_a_present_verb():
    offered = results("На сегодняшний день в области работают 12 социальных центров.")
    assert "Сейчас в области работают 12 социальных центров." in offered
    assert "Сегодня в области работают 12 социальных центров." in offered
