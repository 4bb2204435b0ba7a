"""Syntax detectors: long sentences, genitive chains, passive voice, verbal
nouns and exclamations. They lower readability, not clarity."""

import re

from .findings import Finding
from .morph import is_transitive_base, parses
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
    A comma or a dash between two words breaks the chain.
    """
    minimum = book.settings["genitive_chain_min_nouns"]
    hint = _hint(book, "genitive_chain")
    chains: list[list[Token]] = []
    run: list[Token] = []  # nouns of the current chain
    for token in sentence.tokens:
        info = token.info
        is_noun = info.noun_gent and info.pos == "NOUN"
        if run and token.joined:
            if is_noun:
                run.append(token)
                continue
            if info.adj_gent and info.pos in ("ADJF", "PRTF"):
                continue  # «реализации государственной программы»
        chains.append(run)
        run = [token] if is_noun else []
    chains.append(run)
    return [
        Finding(chain[0].start, chain[-1].end, "genitive_chain", hint)
        for chain in chains
        if len(chain) >= minimum
    ]


def passive_voice(sentence: Sentence, book: RuleBook) -> list[Finding]:
    exclusions = book.settings["_passive_exclusions"]
    # «ему положена выплата» means "is entitled", «они обязаны сообщать» "must":
    # no hidden actor to name («их обязали» would say someone just did).
    short_exclusions = book.settings["_short_passive_exclusions"]
    found = []
    tokens = sentence.tokens
    for n, token in enumerate(tokens):
        info = token.info
        passive = info.short_passive and not (info.lemmas & short_exclusions)
        if not passive and info.pos in ("ADVB", "ADJS") and _counted_after(tokens, n):
            passive = _neuter_participle(token.norm) and not (
                info.lemmas & short_exclusions
            )
        if not passive and info.reflexive_verb_3rd:
            verb = info.head_lemma
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


# Nouns of time after a number: «Окно открыто 2 часа» says how long it stays
# open, not that someone opened two of anything.
_TIME_NOUNS = frozenset(
    {"секунда", "минута", "час", "сутки", "день", "неделя", "месяц", "год", "раз"}
)


def _counted_after(tokens: list[Token], n: int) -> bool:
    """A number follows the word at ``n``, and no noun of time after it:
    «открыто 12 детских садов», never «открыто 2 часа»."""
    k = n + 1
    if k >= len(tokens) or not tokens[k].joined:
        return False
    if not (
        tokens[k].norm.isdigit()
        or any("NUMR" in p.tag and "Anum" not in p.tag for p in parses(tokens[k].norm))
    ):
        return False
    for token in tokens[k + 1 : k + 4]:
        if token.info.lemmas & _TIME_NOUNS:
            return False
        if token.info.pos == "NOUN":
            return True
    return True


# Participles that before a number count a state, not an act: «в лагере
# занято 50 мест» is not «заняли 50 мест».
_STATE_COUNTS = frozenset({"занять"})


def _neuter_participle(word: str) -> bool:
    """«открыто», «закрыто» are an adverb or an adjective to pymorphy3 first
    («говорить открыто»), but before a number they are the neuter short
    participle whose subject the number is: «в Кузбассе открыто 12 детских
    садов» (set s26) → «открыли 12 детских садов»."""
    return any(
        {"PRTS", "pssv", "neut", "sing"} <= p.tag.grammemes
        and p.normal_form not in _STATE_COUNTS
        for p in parses(word)
    )


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
