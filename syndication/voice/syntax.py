"""Syntax detectors: long sentences, genitive chains, passive voice, verbal
nouns and exclamations. They lower readability, not clarity."""

import re

from .findings import Finding
from .morph import is_transitive_base
from .rules import RuleBook
from .text import Sentence, Token


def _hint(book: RuleBook, slug: str) -> str:
    return book.categories[slug].hint


def long_sentence(sentence: Sentence, book: RuleBook) -> list[Finding]:
    limit = book.settings["long_sentence_words"]
    count = len(sentence.tokens)
    if count <= limit:
        return []
    hint = f"{_hint(book, 'long_sentence')} Слов: {count}."
    return [Finding(sentence.start, sentence.end, "long_sentence", hint)]


def genitive_chains(sentence: Sentence, book: RuleBook) -> list[Finding]:
    """Runs of nouns in the genitive; agreeing adjectives may sit between them.

    «обеспечения реализации мероприятий программы»: four genitive nouns.
    """
    minimum = book.settings["genitive_chain_min_nouns"]
    found = []
    run: list[Token] = []  # nouns of the current chain
    for token in sentence.tokens + [None]:
        info = token.info if token else None
        if info and info.noun_gent and info.pos in ("NOUN", "UNKN"):
            run.append(token)
            continue
        if info and run and info.adj_gent and info.pos in ("ADJF", "PRTF"):
            continue  # «реализации государственной программы»
        if len(run) >= minimum:
            found.append(
                Finding(
                    run[0].start,
                    run[-1].end,
                    "genitive_chain",
                    _hint(book, "genitive_chain"),
                )
            )
        run = []
    return found


def passive_voice(sentence: Sentence, book: RuleBook) -> list[Finding]:
    exclusions = book.settings["_passive_exclusions"]
    found = []
    for token in sentence.tokens:
        info = token.info
        passive = info.short_passive
        if not passive and info.reflexive_verb_3rd:
            verb = next(
                iter(sorted(x for x in info.lemmas if x.endswith(("ся", "сь")))), ""
            )
            passive = (
                verb.endswith("ся")
                and verb not in exclusions
                and is_transitive_base(verb)
            )
        if passive:
            found.append(
                Finding(
                    token.start,
                    token.end,
                    "passive_voice",
                    _hint(book, "passive_voice"),
                )
            )
    return found


def verbal_nouns(sentence: Sentence, book: RuleBook) -> list[Finding]:
    suffixes = book.settings["_verbal_suffixes"]
    stoplist = book.settings["_verbal_stoplist"]
    found = []
    for token in sentence.tokens:
        if token.info.pos != "NOUN":
            continue
        nouns = [x for x in token.info.lemmas if x.endswith(suffixes)]
        if nouns and not any(x in stoplist for x in nouns):
            found.append(
                Finding(
                    token.start, token.end, "verbal_noun", _hint(book, "verbal_noun")
                )
            )
    return found


_EXCLAMATION_RE = re.compile(r"!+")


def exclamations(text: str, book: RuleBook) -> list[Finding]:
    """Every «!» beyond the allowed number, and every run like «!!!»."""
    allowed = book.settings["exclamations_allowed"]
    found = []
    for n, m in enumerate(_EXCLAMATION_RE.finditer(text)):
        if n >= allowed or len(m.group()) > 1:
            found.append(
                Finding(m.start(), m.end(), "exclamations", _hint(book, "exclamations"))
            )
    return found
