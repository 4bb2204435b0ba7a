"""Fixes the blind judges of fresh rounds 39–40 rejected (issue 13), fixed as
classes: the motivating sentence, sentences of our own, and a sentence where a
correct fix is still offered (tests/fixtures/voice/ANNOTATING.md)."""

from __future__ import annotations

import pytest

from tests.voice.fixes_eval import results


# ap30: «в адрес Министерства труда» → «в министерство труда»: a word the
# replacement carries over keeps the capital it had mid-sentence.
@pytest.mark.parametrize(
    ("text", "fragment", "expected"),
    [
        (
            "Информация о ходе реализации региональной программы модернизации "
            "социальных учреждений ежеквартально направляется в адрес Министерства "
            "труда и социальной защиты Российской Федерации.",
            "в адрес Министерства",
            "Информация о ходе реализации региональной программы модернизации "
            "социальных учреждений ежеквартально направляется в Министерство труда "
            "и социальной защиты Российской Федерации.",
        ),
        (
            "Документы переданы в адрес Министерства социальной защиты.",
            "в адрес Министерства",
            "Документы переданы в Министерство социальной защиты.",
        ),
        (
            "Обращение направлено в адрес Министерства социальной политики.",
            "в адрес Министерства",
            "Обращение направлено в Министерство социальной политики.",
        ),
        (
            "Отчёт направлен в адрес министерства.",
            "в адрес министерства",
            "Отчёт направлен в министерство.",
        ),
    ],
)
def test_carried_word_keeps_its_capital(text, fragment, expected):
    assert results(text, fragment) == [expected]
