"""Shared pymorphy3 analyzer with a per-word cache.

Loading the dictionaries costs ~100 ms and parsing a word ~30 µs, so one
analyzer is shared by the process and results are cached by lowercase word.
"""

from dataclasses import dataclass
from functools import lru_cache

import pymorphy3

# Parses below this share of the best score are ignored: they are rare
# readings that would only produce false positives.
_MIN_RELATIVE_SCORE = 0.15
_GENT_MIN_SCORE = 0.1


@dataclass(frozen=True, slots=True)
class WordInfo:
    lemmas: frozenset[str]
    pos: str | None  # part of speech of the most likely parse
    noun_gent: bool  # some plausible parse is a noun in the genitive
    adj_gent: bool  # some plausible parse is an adjective in the genitive
    short_passive: bool  # short passive participle: «проведена»
    reflexive_verb_3rd: bool  # «выплачивается», «проводятся»
    head_lemma: str  # dictionary form of the most likely parse
    tags: str  # tag string of the most likely parse, for debugging


_analyzer: pymorphy3.MorphAnalyzer | None = None


def analyzer() -> pymorphy3.MorphAnalyzer:
    global _analyzer
    if _analyzer is None:
        _analyzer = pymorphy3.MorphAnalyzer()
    return _analyzer


def normalize(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple:
    """pymorphy3's parses of a normalized word, shared by the detectors and the
    fixes so that each word is parsed once."""
    return tuple(analyzer().parse(word))


def clear_caches() -> None:
    """Forget every word analysed (benchmarks measure a cold start with it)."""
    parses.cache_clear()
    word_info.cache_clear()
    lemma.cache_clear()
    is_transitive_base.cache_clear()


@lru_cache(maxsize=200_000)
def word_info(word: str) -> WordInfo:
    """Analyse a normalized (lowercase, ё→е) word.

    pymorphy3's tag attributes are descriptors that parse the tag each time
    they are read; on a cold start this function runs for every new word, so
    each parse's tag is read once (the cold checker spends most of its time
    here and in ``parses``)."""
    found = parses(word)
    best = found[0].score or 1.0
    threshold = best * _MIN_RELATIVE_SCORE
    lemmas = {word}
    noun_gent = adj_gent = False
    for p in found:
        # Plain set tests: comparing tag.POS with a string goes through
        # pymorphy3's checked grammeme type, slow on a cold start.
        g = p.tag.grammemes
        plausible = p.score >= threshold
        if plausible:
            lemmas.add(_lemma_of(p, "PRTF" if "PRTF" in g else None))
        if "gent" in g:
            if "NOUN" in g and p.score >= _GENT_MIN_SCORE:
                noun_gent = True
            elif plausible and ("ADJF" in g or "PRTF" in g):
                adj_gent = True
    top = found[0].tag
    g = top.grammemes
    short_passive = "PRTS" in g and "pssv" in g
    reflexive = (
        "VERB" in g and word.endswith(("ся", "сь")) and ("3per" in g or "past" in g)
    )
    top_pos = top.POS
    return WordInfo(
        lemmas=frozenset(lemmas),
        pos=str(top_pos) if top_pos else None,
        noun_gent=noun_gent,
        adj_gent=adj_gent,
        short_passive=short_passive,
        reflexive_verb_3rd=reflexive,
        head_lemma=_lemma_of(found[0], "PRTF" if "PRTF" in g else None),
        tags=str(top),
    )


_ADJECTIVE_ENDINGS = sorted(
    [
        "ыми",
        "ими",
        "ого",
        "его",
        "ому",
        "ему",
        "ый",
        "ий",
        "ая",
        "яя",
        "ое",
        "ее",
        "ые",
        "ие",
        "ым",
        "им",
        "ом",
        "ем",
        "ую",
        "юю",
        "ой",
        "ей",
        "ых",
        "их",
    ],
    key=len,
    reverse=True,
)


def _participle_nominative(word: str) -> str:
    """«указанных» → «указанный», «обучающиеся» → «обучающийся».

    Cheaper than ``parse.inflect()``, which builds the whole verb lexeme.
    """
    reflexive = word[-2:] if word.endswith(("ся", "сь")) else ""
    stem = word[: len(word) - len(reflexive)]
    for ending in _ADJECTIVE_ENDINGS:
        if stem.endswith(ending) and len(stem) > len(ending) + 1:
            stem = stem[: -len(ending)]
            break
    # Passive participles end in -нный, -тый, -мый; active ones in -щий, -ший.
    suffix = "ый" if stem.endswith(("н", "т", "м")) else "ий"
    return stem + suffix + ("ся" if reflexive else "")


def _lemmas_of(parse) -> str:
    """Dictionary form; a full participle keeps its own form, not the infinitive.

    pymorphy gives «указать» for «указанные»; the rules need «указанный» so
    that «указанные сроки» is caught without flagging «указали адрес».
    """
    return _lemma_of(parse, parse.tag.POS)


def _lemma_of(parse, pos) -> str:
    if pos == "PRTF":
        return _participle_nominative(normalize(parse.word))
    return normalize(parse.normal_form)


@lru_cache(maxsize=20_000)
def lemma(word: str) -> str:
    """Dictionary form of a rule word: the word itself when it is one."""
    word = normalize(word)
    found = parses(word)
    if any(_lemmas_of(p) == word for p in found):
        return word
    return _lemmas_of(found[0])


@lru_cache(maxsize=20_000)
def is_transitive_base(reflexive_lemma: str) -> bool:
    """True if the verb without -ся is transitive and the -ся verb can be its
    passive: «выплачивать» for «выплачиваться». A perfective -ся verb is not a
    passive in today's Russian: «количество снизилось» means it went down, not
    that someone lowered it (so «снизили» would change the meaning)."""
    base = reflexive_lemma[:-2]
    if _only_perfective(reflexive_lemma):
        return False
    return any(
        p.tag.POS == "INFN" and "tran" in p.tag and normalize(p.normal_form) == base
        for p in parses(base)
    )


def _only_perfective(lemma: str) -> bool:
    infinitives = [
        p
        for p in parses(lemma)
        if p.tag.POS == "INFN" and normalize(p.normal_form) == lemma
    ]
    return bool(infinitives) and all("perf" in p.tag for p in infinitives)
