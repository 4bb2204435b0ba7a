"""Fixes that turn a hidden action back into a verb (issue 13).

- «работа по X»: a dummy verb with «работа» and the action noun after «по»
  («Администрация провела работу по благоустройству дворов» → «благоустроила
  дворы», «ведётся работа по подготовке документов» → «готовят документы»);
- «планируется X»: the action noun after a verb of planning becomes its
  infinitive («планируется приобретение автобусов» → «планируют купить
  автобусы»);
- a dummy noun («проведение», «осуществление») goes and its genitive dependant
  takes its place and case («в связи с проведением работ» → «в связи с работами»,
  «Проведение ремонта запланировано» → «Ремонт запланирован»).
"""

from __future__ import annotations

from .active import to_active
from .actors import agent_after, agent_before, other_instrumental
from .draft import Draft, Place
from .findings import Fix
from .grammar import Reading, governed_cases, inflect, readings, same_shape
from .phrases import Phrase, between, clause_of, joined, verb_reading
from .text import Sentence, tokenize
from .verbs import (
    form_in_aspect,
    infinitive,
    is_passive,
    recase,
    recase_object,
    verb_index,
    with_aspect,
)

_WORK = "работа"
_PURPOSE = frozenset({"цель"})


def action_verb(place: Place, noun: str) -> Reading | None:
    """The verb an action noun hides: «подготовка» → «готовить»."""
    grammar = place.book.grammar
    word = grammar["action_verbs"].get(noun) or grammar["purpose_verbs"].get(noun)
    return infinitive(word) if word else None


def _noun_reading(place: Place, i: int, lemma: str | None = None, case=None):
    return next(
        (
            r
            for r in readings(place.word(i))
            if r.pos == "NOUN"
            and (lemma is None or r.lemma == lemma)
            and (case is None or r.case() == case)
        ),
        None,
    )


def work_fix(place: Place) -> Fix | None:
    """«провела работу по благоустройству дворовых территорий» → «благоустроила
    дворовые территории»; passive «проведена/ведётся работа по …» turns active
    (3rd person plural, or the actor in the instrumental becomes the subject)."""
    tokens, text = place.tokens, place.text
    v = verb_index(place)
    if v is None or place.gap:
        return None
    original = verb_reading(tokens[v])
    if original is None or original.pos not in ("VERB", "PRTS"):
        return None
    w = next(
        (
            i
            for i in (v + 1, v - 1)
            if 0 <= i < len(tokens)
            and joined(text, tokens, max(i, v))
            and _noun_reading(place, i, _WORK)
        ),
        None,
    )
    if w is None:
        return None
    p, n = max(v, w) + 1, max(v, w) + 2
    if n >= len(tokens) or place.word(p) != "по":
        return None
    if not (joined(text, tokens, p) and joined(text, tokens, n)):
        return None
    noun = _noun_reading(place, n, case="datv")
    target = action_verb(place, noun.lemma) if noun else None
    if target is None:
        return None
    wide = Place(text, place.sentence, tuple(range(min(v, w), n + 1)), place.book)
    if is_passive(wide, original, with_noun=True):
        removed = [i for i in wide.matched if i != v]
        return to_active(wide, v, original, target, [], None, removed)
    form = form_in_aspect(wide, target, original)
    if form is None:
        return None
    draft = Draft(wide)
    draft.words(wide.first, wide.last, form)
    if not recase_object(wide, draft, target, None, True):
        return None
    return draft.fix()


def planned_fix(place: Place) -> Fix | None:
    """«планируется приобретение 15 автобусов» → «планируют купить 15 автобусов»:
    a verb of planning with an action noun for subject; no actor may be named."""
    tokens, text = place.tokens, place.text
    v = place.first
    original = verb_reading(tokens[v])
    plans = place.book.grammar["planning_verbs"]
    if original is None or original.pos != "VERB" or original.lemma not in plans:
        return None
    n = v + 1
    if n >= len(tokens) or not joined(text, tokens, n):
        return None
    noun = _noun_reading(place, n, case="nomn")
    if noun is None or noun.number() != original.number():
        return None
    if agent_before(place, v) or agent_after(place, v) or other_instrumental(place, v):
        return None
    target = action_verb(place, noun.lemma)
    target = with_aspect(place, target, "perf") if target else None
    active = infinitive(original.lemma[:-2])
    if target is None or active is None:
        return None
    tense = next((t for t in ("past", "futr", "pres") if t in original.grammemes), None)
    wanted = {tense, "plur"} | ({"3per"} if tense != "past" else set())
    plan_form = inflect(active, wanted) if tense else None
    verb = inflect(target, {"INFN"})
    if plan_form is None or verb is None:
        return None
    draft = Draft(place)
    draft.words(v, n, f"{same_shape(tokens[v].text, plan_form)} {verb}")
    objects = [p for p in place.phrases(n + 1) if p.case == "gent"]
    follows = objects and joined(text, tokens, n + 1)
    if follows and not (
        "tran" in target.grammemes and recase(place, draft, objects, "accs")
    ):
        return None
    return draft.fix()


def is_dummy(place: Place, i: int, nouns: frozenset[str] | None = None) -> bool:
    nouns = place.book.grammar["dummy_nouns"] if nouns is None else nouns
    return any(r.lemma in nouns for r in readings(place.word(i)) if r.pos == "NOUN")


def unwrap_fix(place: Place) -> Fix | None:
    """The dummy noun ``place.first`` goes; the genitive noun phrase after it
    takes its case, and a predicate agreeing with it agrees with the new head."""
    return _unwrap(place, Draft(place), place.first)


def _unwrap(
    place: Place, draft: Draft, d: int, nouns: frozenset[str] | None = None
) -> Fix | None:
    tokens, text = place.tokens, place.text
    if place.gap or d + 1 >= len(tokens) or not joined(text, tokens, d + 1):
        return None
    if d > 0 and joined(text, tokens, d):
        before = readings(place.word(d - 1))
        if any(r.pos in ("ADJF", "PRTF") for r in before):
            return None  # «своевременное проведение»: the adjective would lose its noun
        if any(r.lemma in _PURPOSE for r in before):
            return None  # «в целях проведения акции» → «в целях акции»: a purpose needs an action
    nouns = place.book.grammar["dummy_nouns"] if nouns is None else nouns
    dummies = {
        (r.case(), r.number())
        for r in readings(place.word(d))
        if r.pos == "NOUN" and r.lemma in nouns
    }
    preposition = place.preposition_before(d)
    if preposition:
        allowed = governed_cases(preposition)
        dummies = {c for c in dummies if not allowed or c[0] in allowed}
    objects = [
        p for p in place.phrases(_phrase_start(place, d + 1)) if p.case == "gent"
    ]
    if not objects or len(objects) != 1 or objects[0].numeral:
        return None
    obj = objects[0]
    if not _fits_emptied(place, d, obj):
        return None
    subject = {c for c in dummies if c[0] == "nomn"}
    if subject and not preposition and {c[0] for c in dummies} <= {"nomn", "accs"}:
        # «Проведение ремонта запланировано»: nominative when a predicate agrees.
        number = next(iter(subject))[1]
        if not _agree_predicate(place, draft, d, number, obj):
            return None
        dummies = subject
    if len(dummies) != 1:
        return None
    case, _ = dummies.pop()
    if case in ("accs", "loct"):
        # The object of a verb, which may not take the new noun; «помогли в
        # проведении акции» → «помогли в акции» says less than it did.
        return None
    if not recase(place, draft, [obj], case):
        return None
    draft.span(tokens[d].start, tokens[d + 1].start, "")
    return draft.fix()


def _agree_predicate(place: Place, draft: Draft, d: int, number, obj: Phrase) -> bool:
    """«Проведение ремонта запланировано» → «Ремонт запланирован»: the short
    participle or past verb of the clause that agrees with the dummy noun."""
    _, last = clause_of(place.text, place.tokens, d)
    for k in range(obj.end + 1, last + 1):
        found = readings(place.word(k))
        if _finite_verb(found):
            # «Проведение приёмов осуществляется … ежедневно»: the clause's
            # verb agrees with the dummy noun and stays as it is, so the new
            # subject would not agree with it, and what follows is no
            # predicate («ежедневно» is an adverb, never «ежедневны»: round
            # 42 ar10, rejected blind).
            return False
        if _adverb_before_predicate(place, k, found):
            continue  # «ежедневно организовано»: the adverb keeps its form
        for r in found:
            past = r.pos == "VERB" and "past" in r.grammemes
            if r.pos not in ("PRTS", "ADJS") and not past:
                continue
            if r.number() != number or (number == "sing" and r.gender() != "neut"):
                continue
            wanted = {r.pos, obj.number} | (r.grammemes & {"past", "pres", "pssv"})
            if r.pos == "VERB":
                wanted = {"past", obj.number}
            if obj.number == "sing" and obj.gender:
                wanted.add(obj.gender)
            form = inflect(r, wanted)
            if form is None:
                return False
            draft.word(k, same_shape(place.tokens[k].text, form))
            return True
    return False


def _finite_verb(found) -> bool:
    """A present or future verb other than «быть» (which a short participle
    follows: «будет завершено»)."""
    return any(
        r.pos == "VERB" and "past" not in r.grammemes and r.lemma != "быть"
        for r in found[:1]
    )


def _adverb_before_predicate(place: Place, k: int, found) -> bool:
    """An adverb that is also a short adjective («ежедневно», «регулярно»)
    right before the predicate it qualifies."""
    if not any(r.pos == "ADVB" for r in found):
        return False
    i = k + 1
    if i >= len(place.tokens) or not joined(place.text, place.tokens, i):
        return False
    return any(
        r.pos in ("PRTS", "ADJS", "VERB", "PRED") for r in readings(place.word(i))
    )


def _phrase_start(place: Place, i: int) -> int:
    """Where the noun phrase after the dummy noun starts: past an adverb that
    qualifies its adjective («установления аномально жаркой погоды»), which
    stays as it is."""
    if i + 1 >= len(place.tokens) or not joined(place.text, place.tokens, i + 1):
        return i
    found = {r.pos for r in readings(place.word(i))}
    if "ADVB" not in found or found - {"ADVB", "ADJS"}:
        return i  # «аномально» is also a short adjective, never a noun
    after = readings(place.word(i + 1))
    return i + 1 if any(r.pos in ("ADJF", "PRTF") for r in after) else i


def _fits_emptied(place: Place, d: int, obj: Phrase) -> bool:
    """An emptied noun (grammar.json «emptied_nouns») goes only before a
    dependant of its class: «установления жаркой погоды» → «жаркой погоды»,
    but «установления инвалидности» is not «инвалидности»."""
    emptied = place.book.grammar["emptied_nouns"]
    kinds = {
        emptied[r.lemma]
        for r in readings(place.word(d))
        if r.pos == "NOUN" and r.lemma in emptied
    }
    if not kinds:
        return True
    members = set().union(*(place.book.grammar["noun_classes"][k] for k in kinds))
    return obj.chosen[obj.head].lemma in members


def unwrapped(place: Place, fix: Fix, emptied: bool = False) -> Fix | None:
    """``fix`` followed by taking out the dummy noun right after the fixed words:
    «В связи с проведением работ» → «Из-за проведения работ» → «Из-за работ»;
    with ``emptied``, the noun of grammar.json «emptied_nouns» there («Из-за
    установления жаркой погоды» → «Из-за жаркой погоды»)."""
    new_text = fix.apply(place.text)
    again = _after(place, fix, new_text)
    nouns = frozenset(place.book.grammar["emptied_nouns"]) if emptied else None
    d = next((i for i in _next_to(again, fix) if is_dummy(again, i, nouns)), None)
    if d is None:
        return None
    again = Place(new_text, again.sentence, (d,), place.book)
    second = _unwrap(again, Draft(again), d, nouns)
    if second is None:
        return None
    final = second.apply(new_text)
    return _as_one_fix(place.text, final)


def keeps_emptied(place: Place, fix: Fix) -> bool:
    """The fix rebuilds the words before an emptied noun and keeps it: «В связи
    с установлением жаркой погоды» → «Из-за установления жаркой погоды»."""
    emptied = frozenset(place.book.grammar["emptied_nouns"])
    again = _after(place, fix, fix.apply(place.text))
    return any(is_dummy(again, i, emptied) for i in _next_to(again, fix))


def _after(place: Place, fix: Fix, new_text: str) -> Place:
    """The sentence of ``place`` with ``fix`` applied, as a place of its own."""
    delta = len(fix.text) - (fix.end - fix.start)
    start, stop = place.sentence.start, place.sentence.end + delta
    sentence = Sentence(start, stop, tokenize(new_text, start, stop))
    return Place(new_text, sentence, (0,), place.book)


def _next_to(again: Place, fix: Fix) -> list[int]:
    """The last word the fix put in («Из-за проведения») and the word right
    after it."""
    end = fix.start + len(fix.text)
    tokens = again.tokens
    inside = [i for i, t in enumerate(tokens) if fix.start <= t.start and t.end <= end]
    after = [i for i, t in enumerate(tokens) if end <= t.start <= end + 1]
    return inside[-1:] + after[:1]


def _as_one_fix(old: str, new: str) -> Fix:
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while (
        tail < min(len(old), len(new)) - head
        and old[len(old) - 1 - tail] == new[len(new) - 1 - tail]
    ):
        tail += 1
    # Whole words: the panel marks what a click changes.
    while head > 0 and old[head - 1].isalnum():
        head -= 1
    while tail > 0 and old[len(old) - tail].isalnum():
        tail -= 1
    return Fix(head, len(old) - tail, new[head : len(new) - tail])


_HELP = frozenset({"помогать", "помочь"})
_AND = frozenset({"и", "или", "а"})


def _purpose_infinitive(place: Place, draft: Draft, first: int, n: int) -> bool:
    """Put the infinitive of the action noun ``n`` (in the prepositional) in
    place of tokens ``first``..``n`` and its genitive object in the accusative:
    «в оформлении документов» → «оформить документы». False when it cannot."""
    noun = _noun_reading(place, n, case="loct")
    verb_word = place.book.grammar["purpose_verbs"].get(noun.lemma) if noun else None
    verb = infinitive(verb_word) if verb_word else None
    form = inflect(verb, {"INFN"}) if verb else None
    if form is None:
        return False
    draft.words(first, n, form)
    objects = [x for x in place.phrases(n + 1) if x.case == "gent"]
    follows = objects and joined(place.text, place.tokens, n + 1)
    if not follows and _genitive_word(place, n + 1):
        # «получении положенных им выплат»: an object no phrase was read for
        # («положенных им» between) stays in the genitive after the infinitive,
        # «получить положенных им выплат» (round 47 aw25): no fix.
        return False
    return not follows or (
        "tran" in verb.grammemes and recase(place, draft, objects, "accs")
    )


def _genitive_word(place: Place, k: int) -> bool:
    """Token ``k``, joined to the word before, opens a genitive noun or an
    agreeing word in the genitive (an object left unread)."""
    if k >= len(place.tokens) or not joined(place.text, place.tokens, k):
        return False
    return any(
        r.pos in ("NOUN", "ADJF", "PRTF") and r.case() == "gent"
        for r in readings(place.word(k))
    )


def _coordinated_action(place: Place, k: int, last: int):
    """An action noun in the prepositional joined at token ``k`` by «и» or a
    comma («и оформлении», «и в оформлении», «, оформлении»): its first token to
    replace and its index, or None. A noun there that is no action noun one
    can turn withdraws the fix."""
    tokens, text = place.tokens, place.text
    gap = between(text, tokens, k).strip()
    if gap == "," and k <= last:
        first = k
    elif (
        gap == ""
        and place.word(k) in _AND
        and k + 1 <= last
        and joined(text, tokens, k + 1)
    ):
        first = k + 1
    else:
        return None
    n = first
    if place.word(n) in ("в", "во") and n + 1 <= last and joined(text, tokens, n + 1):
        n += 1
    if not any(r.pos == "NOUN" and r.case() == "loct" for r in readings(place.word(n))):
        return None
    return first, n


def helped_to(place: Place, fix: Fix) -> Fix | None:
    """``fix`` followed by turning «в + action noun» after the «помогать» it put
    in into the infinitive: «оказывают помощь в оформлении документов» →
    «помогают в оформлении документов» → «помогают оформить документы»."""
    new_text = fix.apply(place.text)
    delta = len(fix.text) - (fix.end - fix.start)
    start, stop = place.sentence.start, place.sentence.end + delta
    sentence = Sentence(start, stop, tokenize(new_text, start, stop))
    tokens = sentence.tokens
    end = fix.start + len(fix.text)
    inside = [i for i, t in enumerate(tokens) if fix.start <= t.start and t.end <= end]
    if not inside:
        return None
    h = inside[-1]
    if not any(r.lemma in _HELP for r in readings(tokens[h].norm)):
        return None
    p, n = h + 1, h + 2
    if n >= len(tokens) or tokens[p].norm != "в":
        return None
    if not (joined(new_text, tokens, p) and joined(new_text, tokens, n)):
        return None
    again = Place(new_text, sentence, (p, n), place.book)
    draft = Draft(again)
    if not _purpose_infinitive(again, draft, p, n):
        return None
    # «помощь в восстановлении документов и оформлении выплат»: each action noun
    # joined to the first turns too, «восстановить документы и оформить
    # выплаты», never «… и оформлении выплат» (round 22 j38).
    _, last = clause_of(new_text, tokens, n)
    k = n + 1
    while k <= last + 1 and k < len(tokens):
        member = _coordinated_action(again, k, len(tokens) - 1)
        if member is None:
            k += 1
            continue
        first, noun = member
        last = max(last, clause_of(new_text, tokens, noun)[1])  # «, получении …»
        if not _purpose_infinitive(again, draft, first, noun):
            return None
        k = noun + 1
    second = draft.fix()
    if second is None:
        return None
    return _as_one_fix(place.text, second.apply(new_text))
