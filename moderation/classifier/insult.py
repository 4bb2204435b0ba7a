"""Insults of a person or a group, found by lemma (every inflected form counts)."""

from __future__ import annotations

import re
from functools import cache

from . import lexicon
from .finding import Finding
from .textnorm import Word

# Contextual words count when preceded by a pointer («ты клоун»), when used as an
# address («Иди проспись, клоун»; «Клоуны, ...»), or in «клоуны, а не ...».
_BEFORE_ADDRESS = re.compile(r"(?:^|[,—–:]|\s-)\s*$")
_AFTER_ADDRESS = re.compile(r"^\s*(?:$|[.!?…,)]|,\s*а\s+не\b)")
_SENTENCE_START = re.compile(r"(?:^|[.!?…]\s*)$")
_AFTER_SENTENCE_START = re.compile(r"^\s*[,!]")
_QUOTE_OPEN = "«\"'„“"
_QUOTE_CLOSE = "»\"'“”"
_PREV_WORD = re.compile(r"([а-яёa-z]+)[^а-яёa-z]*$", re.IGNORECASE)


@cache
def _direct_forms() -> frozenset[str]:
    return lexicon.lexeme_forms(lexicon.words("insult_lemmas.txt"))


@cache
def _contextual_forms() -> frozenset[str]:
    return lexicon.lexeme_forms(lexicon.words("insult_contextual.txt"))


@cache
def _pointers() -> frozenset[str]:
    return lexicon.words("insult_pointers.txt")


def _aimed(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 60) : start], text[end : end + 40]
    if _BEFORE_ADDRESS.search(before) and _AFTER_ADDRESS.search(after):
        return True
    if _SENTENCE_START.search(before) and _AFTER_SENTENCE_START.search(after):
        return True
    head = before
    for _step in range(2):
        prev = _PREV_WORD.search(head)
        if not prev:
            return False
        if prev.group(1).lower().replace("ё", "е") in _pointers():
            return True
        head = head[: prev.start()]
    return False


def _quoted(text: str, start: int, end: int) -> bool:
    """A word alone in quotes is mentioned (a film title «Дура»), not used."""
    return (
        start > 0
        and end < len(text)
        and text[start - 1] in _QUOTE_OPEN
        and text[end] in _QUOTE_CLOSE
    )


def find(text: str, words: list[Word]) -> list[Finding]:
    direct, contextual = _direct_forms(), _contextual_forms()
    findings = []
    for word in words:
        if _quoted(text, word.start, word.end):
            continue
        for form in word.forms:
            if form in direct:
                findings.append(Finding(word.start, word.end, "insult", 0.88, "insult"))
                break
            if (
                form in contextual
                and not word.derived
                and lexicon.can_be_nominative(form)
                and _aimed(text, word.start, word.end)
            ):
                findings.append(
                    Finding(word.start, word.end, "insult", 0.8, "insult_aimed")
                )
                break
    return findings
