"""Мат: the roots х-, п-, е/ёб-, бляд-, манд- with derivatives and masked spellings."""

from __future__ import annotations

import itertools
import re
from functools import cache

from . import lexicon
from .finding import Finding
from .textnorm import WILDCARD, Word

# Letters a star usually hides in a masked root («х*й», «п*здец», «е*ать»).
_FILL_LETTERS = "аеиоуыяюйбздлх"
_MAX_STARS = 2


@cache
def _roots() -> list[tuple[str, re.Pattern[str]]]:
    return lexicon.tagged_regexes("obscene_roots.txt")


@cache
def _any_root() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{rx.pattern})" for _name, rx in _roots()))


@cache
def _truncated() -> tuple[frozenset[str], frozenset[str]]:
    """Whole-word forms: those counted anywhere, and those counted only before
    punctuation or the end (marked with «!» in the data file)."""
    anywhere, guarded = set(), set()
    for form in lexicon.words("obscene_forms.txt"):
        (guarded if form.endswith("!") else anywhere).add(form.rstrip("!"))
    return frozenset(anywhere), frozenset(guarded)


_BEFORE_PUNCTUATION = re.compile(r"\s*(?:[,!…?]|$)")


@cache
def _common() -> frozenset[str]:
    return frozenset(
        word for line in lexicon.words("obscene_common.txt") for word in line.split()
    )


@cache
def _allow() -> re.Pattern[str]:
    return re.compile(
        "|".join(f"(?:{rx.pattern})" for rx in lexicon.regexes("obscene_allow.txt"))
    )


def _innocent(form: str, root: re.Pattern[str]) -> bool:
    """A word is innocent if it is on the allowlist, or if pymorphy3 knows it
    and none of its lemmas carries the root (тихую → тихий, страхуй → страховать)."""
    if _allow().search(form):
        return True
    lemmas = lexicon.known_lemmas(form)
    return lemmas is not None and not any(root.search(lemma) for lemma in lemmas)


_VERDICTS: dict[str, bool] = {}


def is_obscene(form: str) -> bool:
    """``match_form`` as a yes/no, cached per form (it runs on every word)."""
    verdict = _VERDICTS.get(form)
    if verdict is None:
        verdict = match_form(form) is not None
        if len(_VERDICTS) >= 200_000:
            _VERDICTS.clear()
        _VERDICTS[form] = verdict
    return verdict


def match_form(form: str) -> re.Match[str] | None:
    """The root match in a fully spelled normalised word, if it is мат."""
    if not _any_root().search(form):
        return None
    for _name, root in _roots():
        found = root.search(form)
        if found and not _innocent(form, root):
            return found
    return None


def _match_masked(form: str) -> bool:
    """A word with stars is мат if some filling of the stars spells a root in
    which a star stands and the root is still recognisable from the letters shown.
    A lone star may also hide two letters («ох*ть»)."""
    if _match_masked_once(form):
        return True
    star = form.find(WILDCARD)
    # Only a star between letters: a trailing footnote star («в случаях*») is no
    # hidden «уй».
    # Two letters behind one star only spell a dictionary word («охуеть»):
    # otherwise «з*явление» would read as «з-ху-явление».
    if form.count(WILDCARD) == 1 and 0 < star < len(form) - 1 and len(form) >= 4:
        return _match_masked_once(form.replace(WILDCARD, WILDCARD * 2), known=True)
    return False


def _match_masked_once(form: str, known: bool = False) -> bool:
    stars = [i for i, ch in enumerate(form) if ch == WILDCARD]
    visible = len(form) - len(stars)
    if not 1 <= len(stars) <= _MAX_STARS or visible < 2:
        return False
    for letters in itertools.product(_FILL_LETTERS, repeat=len(stars)):
        chars = list(form)
        for pos, letter in zip(stars, letters, strict=True):
            chars[pos] = letter
        filled = "".join(chars)
        found = match_form(filled)
        if found is None or (
            known and filled not in _common() and lexicon.known_lemmas(filled) is None
        ):
            continue
        inside = [p for p in stars if found.start() <= p < found.end()]
        shown_in_root = (found.end() - found.start()) - len(inside)
        if inside and (shown_in_root >= 2 or visible >= 3):
            return True
        # «Пизде*»: the whole root is shown and only an ending is hidden.
        if not inside and shown_in_root >= 3 and visible >= 4:
            return True
    return False


def find(words: list[Word], text: str = "") -> list[Finding]:
    findings = []
    anywhere, guarded = _truncated()
    for word in words:
        if word.forms[0] in anywhere or (
            word.forms[0] in guarded and _BEFORE_PUNCTUATION.match(text, word.end)
        ):
            findings.append(Finding(word.start, word.end, "obscene", 0.9, "truncated"))
            continue
        for form in word.forms:
            if WILDCARD in form:
                if _match_masked(form):
                    findings.append(
                        Finding(word.start, word.end, "obscene", 0.92, "masked")
                    )
                    break
            elif is_obscene(form):
                weight = 0.93 if word.derived or word.mixed_script else 0.97
                findings.append(
                    Finding(word.start, word.end, "obscene", weight, "obscene")
                )
                break
    return findings
