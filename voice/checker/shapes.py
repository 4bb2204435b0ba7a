"""What a finding's words and a rule's suggestion are, grammatically: a noun
phrase, a verb, a prepositional phrase, words written as they are. The fix
builders are chosen from the two."""

from __future__ import annotations

from .draft import Place
from .grammar import (
    Reading,
    is_preposition,
    readings,
)
from .phrases import (
    ADJECTIVE_POS,
)
from .templates import Template
from .verbs import (
    is_verb_word,
)

# Parts of speech a word can be swapped for as it is written.
UNINFLECTED = {"ADVB", "CONJ", "PRED", "COMP", "PRCL", "PREP", "INTJ"}


def conjunction_before_noun(place: Place, template: Template) -> bool:
    rs = readings(template.words[-1]) if template.words else ()
    j = place.last + 1
    return (
        bool(rs)
        and rs[0].pos == "CONJ"
        and j < len(place.tokens)
        and bool(place.phrases(j))
    )


def fragment_kind(place: Place) -> str:
    tokens = place.tokens
    if is_preposition(tokens[place.first].norm):
        return "pp"
    for i in place.matched:
        if is_verb_word(tokens[i].norm):
            return "verb"
    if any(place.is_noun(i) for i in place.matched):
        return "np"
    if len(place.matched) == 1 and any(
        r.pos in ADJECTIVE_POS for r in readings(tokens[place.first].norm)
    ):
        return "np" if substantive(place, place.first) else "adjective"
    return "other"


def substantive(place: Place, i: int) -> bool:
    """An adjective used as a noun: «несовершеннолетним», «обучающиеся колледжа»."""
    if place.phrases(i):
        return False
    return not any(r.pos == "NOUN" for r in readings(place.word(i)))


def participle_as_noun(place: Place) -> bool:
    """A participle used as a noun, with no noun it could agree with after it:
    «Обучающиеся колледжа», «нуждающимся»."""
    if len(place.matched) != 1 or not substantive(place, place.first):
        return False
    return all(r.pos == "PRTF" for r in readings(place.word(place.first)))


def template_shape(template: Template) -> str:
    first = template_readings(template, 0)
    if not first:
        return "none"
    if first[0].pos == "PREP":
        return "pp"
    if len(template.words) == 1 and first[0].pos == "PRTS":
        return "short"
    if (
        0 not in template.literal
        and len(template.words) == 1
        and is_verb_word(template.words[0])
    ):
        return "verb"  # «живущий»: a participle, inflected as its verb
    # Rule files write verbs as infinitives: a finite reading of a written word
    # is a homonym unless it is the likelier one («село» is not «сел» of «сесть»).
    if 0 not in template.literal and (
        any(r.pos == "INFN" for r in first) or first[0].pos == "VERB"
    ):
        return "verb"
    poses = {
        r.pos
        for i in range(len(template.words))
        for r in template_readings(template, i)
    }
    if template.literal or poses <= UNINFLECTED | {"ADJS"}:
        return "other"
    if template_head(template) is not None:
        return "np"
    if len(template.words) == 1 and any(r.pos in ADJECTIVE_POS for r in first):
        return "adjective"
    return "none"


def template_readings(template: Template, i: int) -> tuple[Reading, ...]:
    if i in template.literal:
        return ()
    return readings(template.words[i])


def template_head(template: Template) -> int | None:
    """Index of the head noun of a noun-phrase template, its modifiers before it:
    «пожилые люди» → 1 («пожилые» can be a noun too, but a noun follows it)."""
    words = template.words
    for i, word in enumerate(words):
        if i in template.literal:
            return None
        rs = readings(word)
        adjective = any(r.pos in ADJECTIVE_POS and r.case() == "nomn" for r in rs)
        noun = any(r.pos == "NOUN" and r.case() == "nomn" for r in rs)
        next_noun = i + 1 < len(words) and any(
            r.pos == "NOUN" and r.case() == "nomn" for r in readings(words[i + 1])
        )
        if noun and not (adjective and next_noun):
            return i
        if not adjective:
            return None
    return None
