"""People's names in a noun phrase a fix puts in another case.

pymorphy reads «Петрова» after «Анна» as the genitive of «Петров», so a phrase
headed by «Анна» leaves the surname behind as a genitive tail: «признана Анна
Петрова» became «признали Анну Петрова» (round 22 j19). A name's words change
together, in the gender of the first name; when that cannot be told, the fix is
withdrawn rather than guessed."""

from __future__ import annotations

from .grammar import Reading, inflect, readings, same_shape
from .morph import normalize, parses
from .text import Token

_PERSON = frozenset({"Name", "Surn", "Patr"})
_GENDERS = ("masc", "femn")


def _person_readings(token: Token) -> list[Reading]:
    """Every name reading of a capitalized word, however rarely pymorphy scores
    it: «Медведева» as a woman's surname scores below the plausible readings."""
    if not token.text[:1].isupper():
        return []
    found = []
    for parse in parses(normalize(token.norm)):
        grammemes = frozenset(parse.tag.grammemes)
        if parse.tag.POS == "NOUN" and grammemes & _PERSON:
            found.append(Reading(parse, "NOUN", grammemes))
    return found


def _run(tokens: list[Token], start: int) -> list[int]:
    """Joined capitalized name words from ``start`` on: «Анна Петрова»."""
    run = []
    k = start
    while (
        k < len(tokens)
        and (k == start or tokens[k].joined)
        and _person_readings(tokens[k])
    ):
        run.append(k)
        k += 1
    return run


def _gender(tokens: list[Token], run: list[int], case: str) -> str | None:
    """The gender of the first name in ``run`` read in ``case``, if there is one
    and only one: «Евгения» in the nominative is a woman's name, in the genitive
    a man's."""
    for k in run:
        names = [
            r
            for r in _person_readings(tokens[k])
            if "Name" in r.grammemes and r.case() == case
        ]
        if names:
            genders = {g for r in names for g in _GENDERS if g in r.grammemes}
            return genders.pop() if len(genders) == 1 else None
    return None


def person_forms(
    tokens: list[Token], head: int, case: str, to_case: str
) -> dict[int, str] | None:
    """New forms of the name that the phrase headed by ``head`` (now in ``case``)
    is or is followed by, for ``to_case``: {} when there is no name of two words
    or more, None when it cannot be recased with confidence — a name after a
    common noun («работник Анна Петрова»), or no first name to give the gender
    («Петрова Н.»)."""
    if _person_readings(tokens[head]):
        run = _run(tokens, head)
    else:
        after = head + 1
        if after < len(tokens) and tokens[after].joined and _run(tokens, after):
            return None  # an apposition: «специалист Анна Петрова»
        return {}
    if len(run) < 2:
        return {}
    before = head - 1
    if (
        before >= 0
        and tokens[head].joined
        and any(
            r.pos == "NOUN" and r.case() == case for r in readings(tokens[before].norm)
        )
    ):
        return None  # «назначена специалист Анна Петрова»: the title stays behind
    gender = _gender(tokens, run, case)
    if gender is None:
        return None
    out = {}
    for k in run:
        fitting = [
            r
            for r in _person_readings(tokens[k])
            if gender in r.grammemes and r.case() == case and r.number() == "sing"
        ]
        forms = {inflect(r, {to_case, "sing", gender}) for r in fitting} - {None}
        if len(forms) != 1:
            return None
        out[k] = same_shape(tokens[k].text, forms.pop())
    return out
