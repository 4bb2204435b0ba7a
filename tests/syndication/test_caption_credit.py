"""A photo's caption and its credit read as two phrases in every post: «Бассейн.
Фото: Пресс-служба», not «Бассейн Фото: Пресс-служба» (seen in the demo's gallery)."""

from __future__ import annotations

import pytest
from django.utils import translation

from syndication import content as c
from syndication.render.block_lines import caption_text


@pytest.mark.parametrize(
    ("caption", "credit", "text"),
    [
        ("Бассейн", "Пресс-служба", "Бассейн. Фото: Пресс-служба"),
        (
            "Подпись к снимку 1.",
            "Пресс-служба",
            "Подпись к снимку 1. Фото: Пресс-служба",
        ),
        ("Кто это?", "Пресс-служба", "Кто это? Фото: Пресс-служба"),
        ("Центр «Надежда»", "Пресс-служба", "Центр «Надежда». Фото: Пресс-служба"),
        ("", "Пресс-служба", "Фото: Пресс-служба"),
        ("Бассейн", "", "Бассейн"),
    ],
)
def test_caption_and_credit(caption, credit, text):
    photo = c.Photo("https://example.org/1.jpg", "", caption, credit)
    with translation.override("ru"):
        assert caption_text(photo) == text
