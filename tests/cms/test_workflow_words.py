"""«Модерация» is the comment inbox; the approval workflow speaks of «согласование»
(issue 17): Wagtail's own workflow words are overridden in the cms catalogue, which
comes first in INSTALLED_APPS."""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.translation import gettext


@pytest.mark.parametrize(
    ("msgid", "russian"),
    [
        ("Submit for moderation", "Отправить на согласование"),
        ("In Moderation", "На согласовании"),
        ("in moderation", "на согласовании"),
        ("live + in moderation", "опубликовано + на согласовании"),
        (
            "Page '%(page_title)s' has been submitted for moderation.",
            "Страница '%(page_title)s' была отправлена на согласование.",
        ),
    ],
)
def test_the_workflow_says_soglasovanie(msgid, russian):
    with translation.override("ru"):
        assert gettext(msgid) == russian
        assert "модерац" not in gettext(msgid).lower()
