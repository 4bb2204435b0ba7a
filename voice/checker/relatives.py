"""«который» and the noun it refers to (issue 13, fresh round 17–18).

A rewrite that removes or re-cases a noun can leave a following «который»
without the noun it agreed with («ведётся работа по подготовке учреждений …,
завершить которую планируется» → «готовят учреждения …, завершить которую»), or
in the wrong case («ремонт которого был произведён» → «которого
отремонтировали» where the building is now the object: «которое»).
"""

from __future__ import annotations

from .grammar import Reading, inflect, readings, same_shape
from .phrases import between
from .text import Token

_WHICH = "который"


def relative(token: Token) -> list[Reading]:
    """The readings of ``token`` as a form of «который»; empty for other words."""
    return [r for r in readings(token.norm) if r.lemma == _WHICH]


def _agrees(pronoun: Reading, noun: Reading) -> bool:
    if pronoun.number() != noun.number():
        return False
    return pronoun.number() == "plur" or pronoun.gender() == noun.gender()


def _nouns(token: Token) -> list[Reading]:
    return [r for r in readings(token.norm) if r.pos == "NOUN" and r.number()]


def antecedents(tokens: list[Token], k: int) -> set[int]:
    """The nouns before the «который» at ``k`` that agree with it in gender and
    number: those it may refer to."""
    pronouns = relative(tokens[k])
    return {
        i
        for i in range(k)
        if any(_agrees(p, n) for n in _nouns(tokens[i]) for p in pronouns)
    }


def chain_before(text: str, tokens: list[Token], k: int) -> list[int]:
    """The nouns of the noun phrase right before the comma that opens the
    clause of ``k``: «здания центра социального обслуживания населения, ремонт
    которого» → здания, центра, обслуживания, населения (any may be meant).
    Walking back, genitive words belong to the chain; the first noun that
    cannot be genitive is its head and ends it."""
    c = k
    while c > 0 and between(text, tokens, c).strip() != ",":
        if "," in between(text, tokens, c) or not between(text, tokens, c).isspace():
            return []
        c -= 1
    i = c - 1
    found: list[int] = []
    while i >= 0:
        rs = readings(tokens[i].norm)
        if any(r.pos == "NOUN" for r in rs):
            found.append(i)
            if not any(r.pos == "NOUN" and r.case() == "gent" for r in rs):
                break
        elif not any(r.pos in ("ADJF", "PRTF") for r in rs):
            break
        if i == 0 or not between(text, tokens, i).isspace():
            break
        i -= 1
    return found


def recased(text: str, tokens: list[Token], k: int, case: str) -> str | None:
    """«которого» as the object of a new verb: «которое» for «здания», «который»
    for «центра». The form every noun it may refer to agrees on, or None when
    they disagree («здания центра»: «которое» or «который») or none fits."""
    pronouns = relative(tokens[k])
    forms = set()
    for i in chain_before(text, tokens, k):
        for noun in _nouns(tokens[i]):
            for p in pronouns:
                if not _agrees(p, noun):
                    continue
                wanted = {case, noun.number()}
                if noun.number() == "sing" and noun.gender():
                    wanted.add(noun.gender())
                if case == "accs" and (
                    noun.number() == "plur" or noun.gender() == "masc"
                ):
                    wanted.add("anim" if "anim" in noun.grammemes else "inan")
                form = inflect(p, wanted)
                if form is None:
                    return None
                forms.add(form)
    if len(forms) != 1:
        return None
    return same_shape(tokens[k].text, forms.pop())
