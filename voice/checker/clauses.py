"""A participle after a comma turned into a «который» clause (issue 13):
«гражданам, проживающим в сёлах» → «гражданам, которые живут в сёлах»,
«гражданам, являющимся получателями пенсии» → «…, которые получают пенсию».

«Который» takes the number and gender of the noun before the comma and is the
subject of its clause; the verb is in the participle's tense and aspect. Offered
only where the noun before the comma tells one reading of the participle."""

from __future__ import annotations

from .draft import Draft, Place
from .findings import Fix
from .grammar import inflect, readings
from .phrases import agrees, between, clause_of, verb_reading
from .templates import Template
from .verbs import aspect_of, infinitive, recase_object, with_aspect

_WHICH = next(r for r in readings("который") if r.pos == "ADJF")


def relative_fix(place: Place, template: Template) -> Fix | None:
    tokens, text = place.tokens, place.text
    p = place.first
    if place.gap or p == 0 or between(text, tokens, p).strip() != ",":
        return None
    participle = verb_reading(tokens[p])
    if participle is None or participle.pos != "PRTF":
        return None
    if _second_participle(place, p):
        return None  # «проживающие … и имеющие стаж»: «которые живут … и имеющие»
    nouns = [r for r in readings(place.word(p - 1)) if r.pos == "NOUN"]
    fitting = {
        (r.number(), r.gender() if r.number() == "sing" else None, r.grammemes)
        for r in readings(place.word(p))
        if r.pos == "PRTF" and "actv" in r.grammemes
        for n in nouns
        if n.case()
        and n.number()
        and agrees(r, n.case(), n.number(), n.gender(), "anim" in n.grammemes)
    }
    if len({(number, gender) for number, gender, _ in fitting}) != 1:
        return None  # «несовершеннолетним, оставшимся»: whose reading?
    number, gender, grammemes = next(iter(fitting))
    target = infinitive(template.words[0]) if template.words else None
    aspect = "perf" if "perf" in grammemes else "impf" if "impf" in grammemes else None
    target = (
        with_aspect(place, target, aspect or aspect_of(participle)) if target else None
    )
    if target is None:
        return None
    wanted = {"nomn", number} | ({gender} if gender else set())
    which = inflect(_WHICH, wanted)
    if "past" in grammemes:
        verb = inflect(target, {"past", number} | ({gender} if gender else set()))
    else:
        verb = inflect(target, {"pres", "3per", number})
    if which is None or verb is None:
        return None
    draft = Draft(place)
    draft.words(place.first, place.last, f"{which} {verb}")
    if not recase_object(place, draft, target, template, len(place.matched) > 1):
        return None
    return draft.fix()


def _second_participle(place: Place, p: int) -> bool:
    """Another participle joined to the one at ``p`` by «и» / «или»: turning
    only the first into a «который» clause leaves the second disagreeing."""
    tokens = place.tokens
    last = clause_of(place.text, tokens, p)[1]
    for k in range(p + 1, last):
        if tokens[k].norm not in ("и", "или", "либо"):
            continue
        reading = verb_reading(tokens[k + 1])
        if reading is not None and reading.pos == "PRTF":
            return True
    return False
