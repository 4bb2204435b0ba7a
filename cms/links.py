"""Readable addresses of pieces: Latin slugs and a short link that posts carry.

Every new piece got a Cyrillic slug, so every post carried ~250 characters of
``%D1%81%D0%B5…`` (a Telegram caption was at 816 of 1024 because of it). Slugs of new
pieces are transliterated to Latin here, and network posts link ``/n/<id>/``: ASCII,
never percent-escaped, a few characters long, and stable when the slug changes later
(it redirects to the piece's canonical address). Pages published with a Cyrillic
slug keep it: links to them are out in the world.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.text import slugify
from wagtail.models import Page

# The readable transliteration of Russian that news sites and public services use in
# web addresses (ICAO / МВД for passports, with «й» y, «ю» yu, «я» ya; «ъ», «ь»
# dropped), lower case: a slug is lower case.
RUSSIAN_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
    "ю": "yu", "я": "ya",
}  # fmt: skip

SHORT_PATH = "/n/{id}/"


def transliterate(text: str) -> str:
    return "".join(RUSSIAN_TO_LATIN.get(char, char) for char in text.lower())


def latin_slug(text: str) -> str:
    """«Выплаты семьям выросли на 8 %» → «vyplaty-semyam-vyrosli-na-8»."""
    return slugify(transliterate(text))


def short_path(page_id: int) -> str:
    return SHORT_PATH.format(id=page_id)


def short_url(page, root: str) -> str:
    """The address a network post carries: the site's root and ``/n/<id>/``."""
    return root.rstrip("/") + short_path(page.pk)


def site_short_url(page) -> str:
    """The short link of ``page`` on the site it belongs to ("" outside any site)."""
    site = page.get_site()
    return short_url(page, site.root_url) if site else ""


def short_link(request, page_id: int):
    """``/n/<id>/``: to the piece's address of today (a temporary redirect, so a
    later slug change is followed)."""
    page = get_object_or_404(Page.objects.live().public(), pk=page_id)
    url = page.get_url(request)
    if not url:
        raise Http404
    return redirect(url)
