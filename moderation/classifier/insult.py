"""Insults of a person or a group, without мат.

Four kinds of evidence:

* names that insult whatever the context (``insult_lemmas.txt``: «мразь»,
  «кровопийца», «лжец»), found in every inflected form;
* words that insult only when aimed at someone (``insult_contextual.txt``:
  «клоун», «крысы», «тупой»): said to the reader («ты клоун», «Иди проспись,
  клоун»), of staff («крысы офисные», «курица в окошке»), or as a predicate
  («Сотрудники опеки — животные»);
* accusations of lying («вы врёте», «министр лжёт»);
* rude imperatives («заткнись», «пасть закрой», «иди лесом»).

Words in quotes are mentioned, not used («Фильм «Дура»», «она сказала «идите
отсюда»»).
"""

from __future__ import annotations

import re
from functools import cache

from . import lexicon
from .doc import Doc
from .finding import Finding

# Contextual words count when preceded by a pointer («ты клоун»), when used as an
# address («Иди проспись, клоун»; «Клоуны, ...»), or in «клоуны, а не ...».
_BEFORE_ADDRESS = re.compile(r"(?:^|[,—–:]|\s-)\s*$")
_AFTER_ADDRESS = re.compile(r"^\s*(?:$|[.!?…,)]|,\s*а\s+не\b)")
_SENTENCE_START = re.compile(r"(?:^|[.!?…]\s*)$")
_AFTER_SENTENCE_START = re.compile(r"^\s*[,!]")
_DASH = re.compile(r"[—–]|\s-\s")
_QUOTE_OPEN = "«\"'„“"
_QUOTE_CLOSE = "»\"'“”"
_PREV_WORD = re.compile(r"([а-яёa-z]+)[^а-яёa-z]*$", re.IGNORECASE)
_YOU = frozenset({"ты", "вы"})
_PREPOSITIONS = frozenset({"из", "в", "во", "на", "у", "от"})
# Who can be said to lie: people and bodies, not a calculator or a clock.
_LIARS = frozenset({"они", "он", "она", "власть", "власти", "все"})


@cache
def _direct_forms() -> frozenset[str]:
    return lexicon.lexeme_forms(lexicon.words("insult_lemmas.txt"))


@cache
def _contextual_forms() -> frozenset[str]:
    # Not strict: a contextual word counts only when aimed, which is guard enough
    # («животные» is also the adjective «животный»).
    return lexicon.lexeme_forms(lexicon.words("insult_contextual.txt"), strict=False)


@cache
def _pointers() -> frozenset[str]:
    return lexicon.words("insult_pointers.txt")


@cache
def _phrases() -> lexicon.GatedFile:
    return lexicon.gated_regexes("insult_phrases.txt")


def find(doc: Doc, words: list) -> list[Finding]:
    text = doc.text
    direct, contextual = _direct_forms(), _contextual_forms()
    findings = []
    for word in words:
        forms = word.forms
        if (
            forms[0] not in direct
            and forms[0] not in contextual
            and (
                len(forms) == 1
                or (direct.isdisjoint(forms) and contextual.isdisjoint(forms))
            )
        ):
            continue
        if _quoted(text, word.start, word.end) or _reported_name(doc, word.start):
            continue
        for form in forms:
            if form in direct:
                findings.append(Finding(word.start, word.end, "insult", 0.88, "insult"))
                break
            if form in contextual and not word.derived:
                nominative = lexicon.can_be_nominative(form)
                if (nominative and _aimed(text, word.start, word.end)) or _aimed_in_doc(
                    doc, word.start, nominative
                ):
                    findings.append(
                        Finding(word.start, word.end, "insult", 0.8, "insult_aimed")
                    )
                    break
    findings.extend(_lies(doc))
    findings.extend(_rude_imperatives(doc))
    findings.extend(_insulting_verbs(doc))
    return findings


def _insulting_verbs(doc: Doc) -> list[Finding]:
    """«Вы там совсем отупели?», «зажрались»: said of the reader."""
    findings = []
    for i in doc.at("insult_verb"):
        if doc.quoted(i) or (i > 0 and doc.forms[i - 1] == "не"):
            continue
        clause = doc.clause(i)
        if "2per" in doc.infos[i].grammemes or any(
            doc.forms[j] in _YOU and doc.clause(j) == clause
            for j in range(max(0, i - 4), min(len(doc), i + 2))
        ):
            findings.append(Finding(*doc.span(i), "insult", 0.8, "insult_verb"))
    return findings


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


def _aimed_in_doc(doc: Doc, start: int, nominative: bool) -> bool:
    """Aiming that needs the words around: staff named next to the word, a
    predicate after a dash, «вы» earlier in the clause, or an address with an
    adjective («Скоты бездушные, ...»)."""
    i = _index_at(doc, start)
    if i is None or (i > 0 and doc.forms[i - 1] == "не"):
        return False
    n = len(doc)
    if (
        nominative
        and (i == 0 or doc.sentence(i - 1) != doc.sentence(i))
        and i + 1 < n
        and doc.gram(i + 1, "ADJF")
        and doc.clause(i + 1) == doc.clause(i)
        and re.match(r"\s*[,!]", doc.lowered[doc.tokens[i + 1].end :])
    ):
        return True
    # «крысы офисные», «тунеядцы министерские», «курица в окошке МФЦ».
    if (
        i + 1 < n
        and doc.tagged(i + 1, "target")
        and doc.clause(i + 1) == doc.clause(i)
        and (doc.gram(i + 1, "ADJF") or doc.gram(i + 1, "gent"))
    ):
        return True
    if (
        i + 2 < n
        and doc.forms[i + 1] in _PREPOSITIONS
        and doc.tagged(i + 2, "target")
        and doc.clause(i + 2) == doc.clause(i)
    ):
        return True
    # «офисные крысы», «министерская шавка».
    if i > 0 and doc.tagged(i - 1, "target") and doc.gram(i - 1, "ADJF"):
        return True
    # «тупые бюрократы», «безмозглые чиновники»: an insulting adjective on staff.
    if (
        i + 1 < n
        and doc.gram(i, "ADJF")
        and doc.tagged(i + 1, "target")
        and doc.gram(i + 1, "NOUN")
        and doc.gram(i + 1, "anim")
    ):
        return True
    if not nominative:
        return False
    # «Сотрудники опеки — животные», «Соцработник — ленивая корова».
    for j in (i, i - 1):
        if 0 < j <= i and _DASH.search(doc.gap(j)):
            if j == i - 1 and not doc.gram(j, "ADJF"):
                break
            return _subject_before(doc, j)
    # «Вы там совсем тупые?», «Тупая ты».
    clause = doc.clause(i)
    for j in range(max(0, i - 5), min(n, i + 2)):
        if j != i and doc.forms[j] in _YOU and doc.clause(j) == clause:
            return True
    return False


def _subject_before(doc: Doc, j: int) -> bool:
    sentence = doc.sentence(j)
    for k in range(j - 1, max(-1, j - 5), -1):
        if doc.sentence(k) != sentence:
            return False
        if doc.tagged(k, "target") or doc.forms[k] in _YOU or doc.gram(k, "anim"):
            return True
    return False


def _index_at(doc: Doc, start: int) -> int | None:
    for i, token in enumerate(doc.tokens):
        if token.start == start:
            return i
    return None


# «Назвал меня дурой», «обозвали идиотом»: someone else's insult, reported.
_NAMING_VERBS = frozenset({"назвать", "называть", "обозвать", "обзывать"})


def _reported_name(doc: Doc, start: int) -> bool:
    i = _index_at(doc, start)
    if i is None:
        return False
    return any(
        not doc.infos[j].lemmas.isdisjoint(_NAMING_VERBS)
        for j in range(max(0, i - 2), i)
    )


def _quoted(text: str, start: int, end: int) -> bool:
    """A word alone in quotes is mentioned (a film title «Дура»), not used."""
    return (
        start > 0
        and end < len(text)
        and text[start - 1] in _QUOTE_OPEN
        and text[end] in _QUOTE_CLOSE
    )


def _lies(doc: Doc) -> list[Finding]:
    findings = []
    for i in doc.at("lie_verb"):
        info = doc.infos[i]
        if "VERB" not in info.grammemes and "INFN" not in info.grammemes:
            continue
        if doc.quoted(i):
            continue
        negated = i > 0 and doc.forms[i - 1] == "не"
        said_to_you = "2per" in info.grammemes or "impr" in info.grammemes
        near_you = any(
            doc.forms[j] in _YOU and doc.clause(j) == doc.clause(i)
            for j in range(max(0, i - 3), min(len(doc), i + 3))
            if j != i
        )
        of_official = "3per" in info.grammemes and any(
            (doc.tagged(j, "target") or doc.forms[j] in _LIARS)
            and doc.clause(j) == doc.clause(i)
            for j in range(max(0, i - 3), i)
        )
        # «Хватит врать», «перестаньте лгать»: told to stop lying.
        stop = "INFN" in info.grammemes and any(
            doc.lemma(j, "хватить", "перестать", "прекратить", "хватит")
            for j in range(max(0, i - 2), i)
        )
        if (
            stop
            or "impr" in info.grammemes
            or (not negated and (said_to_you or near_you or of_official))
        ):
            if "INFN" in info.grammemes and not (near_you or stop):
                continue
            findings.append(Finding(*doc.span(i), "insult", 0.8, "lie"))
    return findings


def _rude_imperatives(doc: Doc) -> list[Finding]:
    findings = []
    for i in doc.at("rude_verb"):
        if doc.imperative(i) and not doc.quoted(i):
            findings.append(Finding(*doc.span(i), "insult", 0.8, "rude_imperative"))
    for kind, spans in doc.matches(_phrases()).items():
        for start, end in spans:
            if not _inside_quotes(doc, start):
                findings.append(Finding(start, end, "insult", 0.8, kind))
    return findings


def _inside_quotes(doc: Doc, offset: int) -> bool:
    for i, token in enumerate(doc.tokens):
        if token.start >= offset:
            return doc.quoted(i)
    return False
