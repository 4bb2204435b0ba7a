"""Word lists shipped in ``data/`` and the shared pymorphy3 analyzer.

Everything here is loaded once per process and cached: the classifier must stay
offline (no downloads) and fast (thousands of comments per second).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

import pymorphy3

DATA_DIR = Path(__file__).resolve().parent / "data"


def _lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    rows = (line.strip() for line in text.splitlines())
    return [row for row in rows if row and not row.startswith("#")]


def words(name: str) -> frozenset[str]:
    return frozenset(line.lower().replace("ё", "е") for line in _lines(name))


def regexes(name: str) -> list[re.Pattern[str]]:
    return [re.compile(line) for line in _lines(name)]


def tagged_regexes(name: str) -> list[tuple[str, re.Pattern[str]]]:
    """Lines of the form ``tag<TAB>regex``; the tag is a name or a weight."""
    result = []
    for line in _lines(name):
        tag, _sep, pattern = line.partition("\t")
        result.append((tag.strip(), re.compile(pattern.strip())))
    return result


@cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    """One analyzer per process: building it loads the dictionaries."""
    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=200_000)
def known_lemmas(word: str) -> tuple[str, ...] | None:
    """Lemmas of a dictionary word (ё folded to е), or None if pymorphy3 only guesses."""
    morph = analyzer()
    if not morph.word_is_known(word):
        return None
    return tuple({p.normal_form.replace("ё", "е") for p in morph.parse(word)})


@lru_cache(maxsize=50_000)
def can_be_nominative(word: str) -> bool:
    """Whether some reading of the word is in the nominative case (an address
    «Клоуны, ...» is nominative; «Вора, укравшего ...» is not)."""
    return any("nomn" in p.tag for p in analyzer().parse(word))


def lexeme_forms(lemmas: frozenset[str]) -> frozenset[str]:
    """Every inflected form of the given lemmas, minus forms that are also a noun
    or an adjective of some other word (``сук`` is both «сука» and «сук», a branch)."""
    morph = analyzer()
    forms: set[str] = set()
    for lemma in lemmas:
        forms.add(lemma)
        parses = [p for p in morph.parse(lemma) if _lemma(p) == lemma]
        # «сволочь» is also a verb; an insult is a noun or an adjective.
        nominal = [p for p in parses if p.tag.POS in _NOMINAL]
        for parse in nominal or parses[:1]:
            forms.update(f.word.replace("ё", "е") for f in parse.lexeme)
    ambiguous = {
        form
        for form in forms - lemmas
        if morph.word_is_known(form)
        and any(
            _lemma(p) not in lemmas and p.tag.POS in _NOMINAL for p in morph.parse(form)
        )
    }
    return frozenset(forms - ambiguous)


_NOMINAL = frozenset({"NOUN", "ADJF", "ADJS"})


def _lemma(parse) -> str:
    return parse.normal_form.replace("ё", "е")


@cache
def latin_allowlist() -> frozenset[str]:
    """Latin words never transliterated (``ebay`` is not «ебай»)."""
    return words("latin_allow.txt")
