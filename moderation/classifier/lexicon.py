"""Word lists shipped in ``data/`` and the shared pymorphy3 analyzer.

Everything here is loaded once per process and cached: the classifier must stay
offline (no downloads) and fast (thousands of comments per second).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

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


def lexeme_forms(lemmas: frozenset[str], strict: bool = True) -> frozenset[str]:
    """Every inflected form of the given lemmas; when ``strict``, minus forms that
    are also a noun or an adjective of some other word (``сук`` is both «сука»
    and «сук», a branch)."""
    morph = analyzer()
    forms: set[str] = set()
    for lemma in lemmas:
        forms.add(lemma)
        parses = [p for p in morph.parse(lemma) if _lemma(p) == lemma]
        # «сволочь» is also a verb; an insult is a noun or an adjective.
        nominal = [p for p in parses if p.tag.POS in _NOMINAL]
        for parse in nominal or parses[:1]:
            forms.update(f.word.replace("ё", "е") for f in parse.lexeme)
    if not strict:
        return frozenset(forms)
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


class TokenInfo(NamedTuple):
    """What the detectors need to know about one normalised word form."""

    lemmas: frozenset[str]  # every pymorphy3 lemma (ё folded) plus the form itself
    tags: frozenset[str]  # sections of vocabulary.txt the word belongs to
    grammemes: frozenset[str]  # union over the word's readings (impr, 1per, INFN…)


# Phrase files whose lines name trigger words (see ``gated_regexes``).
PHRASE_FILES = ("spam_phrases.txt", "illegal_phrases.txt", "insult_phrases.txt")
DIGIT_GATE = "#digit"


class GatedFile(NamedTuple):
    """A phrase file's expressions as (tag, regex) pairs, grouped by gate."""

    always: tuple[tuple[str, re.Pattern[str]], ...]
    digit: tuple[tuple[str, re.Pattern[str]], ...]  # tried when the text has a digit
    by_gate: dict[str, tuple[tuple[str, re.Pattern[str]], ...]]  # gate tag → pairs


def _phrase_rows(name: str) -> list[tuple[str, str, str]]:
    rows = []
    for line in _lines(name):
        tag, triggers, pattern = line.split("\t")
        rows.append((tag.strip(), triggers.strip(), pattern.strip()))
    return rows


@cache
def gated_regexes(name: str) -> GatedFile:
    """Lines ``tag<TAB>triggers<TAB>regex``. A regex is tried only when some word
    of the comment starts with one of its triggers (space-separated word
    beginnings; «-» for always, «#digit» for texts with a digit): most comments
    open no gate, so most expressions never run. The triggers become vocabulary
    stems of the tag ``<file>:<line number>`` (see ``vocabulary``)."""
    always, digit, by_gate = [], [], {}
    for number, (tag, triggers, pattern) in enumerate(_phrase_rows(name)):
        pair = (tag, re.compile(pattern))
        if triggers == "-":
            always.append(pair)
        elif triggers == DIGIT_GATE:
            digit.append(pair)
        else:
            by_gate[f"{name}:{number}"] = (pair,)
    return GatedFile(tuple(always), tuple(digit), by_gate)


@cache
def vocabulary() -> tuple[dict[str, frozenset[str]], list[tuple[str, re.Pattern[str]]]]:
    """``vocabulary.txt`` as lemma → tags and, per tag, one regex of its stems;
    the trigger words of the phrase files are stems of their gate tags."""
    by_lemma: dict[str, set[str]] = {}
    stems: dict[str, list[str]] = {}
    tag = ""
    for line in _lines("vocabulary.txt"):
        if line.startswith("[") and line.endswith("]"):
            tag = line[1:-1]
            continue
        for entry in line.lower().replace("ё", "е").split():
            if entry.endswith("*"):
                stems.setdefault(tag, []).append(re.escape(entry[:-1]))
            else:
                by_lemma.setdefault(entry, set()).add(tag)
    for name in PHRASE_FILES:
        for number, (_tag, triggers, _pattern) in enumerate(_phrase_rows(name)):
            if triggers not in ("-", DIGIT_GATE):
                gate = f"{name}:{number}"
                for trigger in triggers.lower().replace("ё", "е").split():
                    stems.setdefault(gate, []).append(re.escape(trigger))
    stem_rx = [
        (name, re.compile("(?:" + "|".join(parts) + ")"))
        for name, parts in stems.items()
    ]
    return {k: frozenset(v) for k, v in by_lemma.items()}, stem_rx


_INFO: dict[str, TokenInfo] = {}
_INFO_LIMIT = 200_000


def token_info(form: str) -> TokenInfo:
    """Lemmas, vocabulary tags and grammemes of a normalised form, cached for the
    life of the process (a pymorphy3 parse costs 20-50 µs, a look-up 0.1 µs)."""
    info = _INFO.get(form)
    if info is None:
        info = _analyse(form)
        if len(_INFO) >= _INFO_LIMIT:
            _INFO.clear()
        _INFO[form] = info
    return info


def _analyse(form: str) -> TokenInfo:
    by_lemma, stem_rx = vocabulary()
    lemmas = {form}
    grammemes: set[str] = set()
    if form.isalpha() and len(form) > 1:
        for parse in analyzer().parse(form):
            lemmas.add(parse.normal_form.replace("ё", "е"))
            grammemes.update(parse.tag.grammemes)
    tags: set[str] = set()
    for lemma in lemmas:
        tags.update(by_lemma.get(lemma, ()))
    for tag, rx in stem_rx:
        if rx.match(form):
            tags.add(tag)
    return TokenInfo(frozenset(lemmas), frozenset(tags), frozenset(grammemes))
