"""One-click fixes: a rule's suggestion put in the form its place needs (issue 13).

For each alternative of a rule's suggestion a builder makes the edit — the
replacement inflected like the words it replaces, and the words around rebuilt
where the construction changes (a preposition that governs another case, a
noun phrase whose head changes gender, a verb phrase that loses its noun). Each
candidate is then verified (``verify.py``); what fails is not offered and the
finding keeps its hint. Builders return None whenever they are not sure.
"""

from __future__ import annotations

from dataclasses import replace

from .active import (
    action_fix,
    addressee,
    event_subject,
    not_given_before,
    passive_fix,
    short_form_fix,
    verb_fix,
)
from .clauses import relative_fix
from .draft import Draft, Place
from .findings import Fix
from .grammar import is_preposition, readings
from .nominal import (
    helped_to,
    keeps_emptied,
    planned_fix,
    unwrap_fix,
    unwrapped,
    work_fix,
)
from .nouns import (
    adjective_fix,
    noun_phrase_fix,
    short_adjective_fix,
)
from .phrases import clause_of, joined
from .shapes import (
    conjunction_before_noun,
    fragment_kind,
    participle_as_noun,
    template_shape,
)
from .swaps import of_class, phrase_swap, word_before_of_class, word_keys, word_swap
from .templates import SENSE, Template, parse_suggestion
from .unfit import unfit_here
from .verbs import (
    dash_fix,
    valency_fix,
)
from .verify import verified
from .wording import delete_fix, purpose_fix


def fixes_for(place: Place, suggestion: str | None) -> tuple[Fix, ...]:
    """Verified one-click fixes for a finding, one per distinct result."""
    out: list[Fix] = []
    seen: set[tuple[int, int, str]] = set()
    if in_term(place) or _agent_by_side(place):
        return ()
    for template in parse_suggestion(suggestion):
        fix = build(place, template)
        if fix is None:
            continue
        # «В связи с проведением работ» → «Из-за проведения работ», and also
        # «Из-за работ»: a dummy noun right after the fixed words can go too.
        # «оказывают помощь в оформлении документов» → «помогают …», and also
        # «помогают оформить документы».
        candidates = (fix, unwrapped(place, fix), helped_to(place, fix))
        if template.kind == "action" and fix == action_fix(place):
            # «Выплаты будут произведены» → «Выплатят», and «Деньги выплатят».
            candidates += (action_fix(place, money=True),)
        if keeps_emptied(place, fix) and not aims(place):
            # «Из-за установления жаркой погоды»: the emptied noun goes or
            # nothing is offered.
            candidates = (unwrapped(place, fix, emptied=True),)
        for candidate in candidates:
            if (
                candidate is None
                or (candidate.start, candidate.end, candidate.text) in seen
            ):
                continue
            if verified(place, candidate):
                seen.add((candidate.start, candidate.end, candidate.text))
                out.append(candidate)
    return tuple(out)


def aims(place: Place) -> bool:
    """The marked words say what for («в целях»): «для осуществления
    трудовой деятельности» keeps its action, which is the aim."""
    return any("цель" in place.tokens[i].info.lemmas for i in place.matched)


def _has_dependant(place: Place) -> bool:
    """A word right after the marked one that hangs on it: «проживающим в
    сёлах» (a participle with its place reads as a noun, a bare one does not)."""
    j = place.last + 1
    if j >= len(place.tokens) or not joined(place.text, place.tokens, j):
        return False
    word = place.word(j)
    if is_preposition(word) or word[:1].isdigit():
        return True
    rs = readings(word)
    found = {r.pos for r in rs}
    if found & _DEPENDANT_POS:
        # A genitive after it says whose: «проживающие дома-интерната» are its
        # residents, a noun («живущие дома-интерната» is not said).
        return not all(r.has("gent") for r in rs if r.pos in _DEPENDANT_POS)
    # An adverb hangs on the participle only when no verb follows it to take
    # it: «с проживающими временно не допускаются» is «временно не допускаются».
    return "ADVB" in found and not _verb_next(place, j + 1)


_DEPENDANT_POS = frozenset({"NOUN", "ADJF", "NUMR", "NPRO"})
_VERB_POS = frozenset({"VERB", "INFN", "PRTS"})


def _verb_next(place: Place, j: int) -> bool:
    """A verb (or «не» before one) comes next, joined to the word before it."""
    if j >= len(place.tokens) or not joined(place.text, place.tokens, j):
        return False
    word = place.word(j)
    return word == "не" or any(r.pos in _VERB_POS for r in readings(word))


def in_term(place: Place) -> bool:
    """The marked word is part of a term with a neighbour («иностранные
    граждане», «юридическим лицам», «приобрели навыки»): grammar.json
    «kept_with»; the finding stays, no click rewrites it."""
    kept = place.book.grammar["kept_with"]
    tokens, text = place.tokens, place.text
    terms = set()
    for i in place.matched:
        for lemma in tokens[i].info.lemmas:
            terms |= kept.get(lemma, frozenset())
    if not terms:
        return False
    window = []
    for j in (place.first - 1, place.first - 2):
        if j < 0 or not joined(text, tokens, j + 1):
            break
        window.append(j)
    for j in range(place.last + 1, min(place.last + 4, len(tokens))):
        if not joined(text, tokens, j):
            break
        window.append(j)
    return any(terms & set(tokens[j].info.lemmas) for j in window)


def _kept_tail(place: Place, template: Template) -> tuple[Place, Template] | None:
    """A rule that ends in the same exact word as its suggestion («осуществляющий
    уход =за» → «ухаживающий =за») matches only where that word follows, and the
    word stays: the fix is built for the words before it."""
    last = len(template.words) - 1
    if (
        template.kind != "words"
        or last < 1
        or last not in template.literal
        or len(place.matched) < 2
        or place.gap
        or template.words[last] != place.word(place.last)
    ):
        return None
    inner = replace(
        template,
        source=template.source.rsplit(" ", 1)[0],
        words=template.words[:last],
        literal=template.literal - {last},
    )
    return Place(place.text, place.sentence, place.matched[:-1], place.book), inner


def _dummy_verb(place: Place) -> bool:
    """The passive verb only carries its action noun (grammar.json
    «passive_dummy_verbs»): «проводится проверка», «будут произведены»."""
    dummies = place.book.grammar["passive_dummy_verbs"]
    return bool(dummies & set(place.tokens[place.first].info.lemmas))


def passive_fixes(place: Place) -> tuple[Fix, ...]:
    """The verified active rewrite of a passive verb («выплачивается» → «выплачивают»)."""
    if _parties_named(place) or _agent_by_side(place):
        return ()
    out: list[Fix] = []
    for build_fix in (passive_fix, action_fix):
        if build_fix is action_fix and not _dummy_verb(place):
            continue  # «выплата прекращается» is not «выплачивают»
        fix = build_fix(place)
        if fix is not None and verified(place, fix):
            out.append(fix)
            money = action_fix(place, money=True) if build_fix is action_fix else None
            if money is not None and verified(place, money):
                out.append(money)  # «Деньги выплатят» beside «Выплатят»
            break
    held = held_fix(place)
    if held is not None and verified(place, held):
        out.append(held)  # «проходит акция» beside «проводят акцию»
    # «планируется приобретение» → «планируют купить», besides «планируют приобретение».
    planned = planned_fix(place)
    if planned is not None and verified(place, planned):
        out.append(planned)
    return tuple(out)


# «проводится акция» → «проходит акция»: an event is held, and it takes place
# (s24, ad39, u05 list «проходит», «проходят»). The present and the past of
# the verb in «-ся» only: «проведена проверка» is a check someone made, and
# «будет проводиться» has its own auxiliary.
_HELD = {
    "проводится": "проходит",
    "проводятся": "проходят",
    "проводился": "проходил",
    "проводилась": "проходила",
    "проводилось": "проходило",
    "проводились": "проходили",
}


def held_fix(place: Place) -> Fix | None:
    """«Проводится» of an event subject (noun class «событие») → «проходит»."""
    v = place.first
    word = place.word(v)
    new = _HELD.get(word.lower())
    if new is None or place.last != v or not event_subject(place, v):
        return None
    first, last = clause_of(place.text, place.tokens, v)
    for k in range(first, last + 1):
        if place.preposition_before(k) is None and any(
            r.pos in ("NOUN", "NPRO") and r.case() == "ablt"
            for r in readings(place.word(k))
        ):
            return None  # «Акции проводятся волонтёрами»: who holds them is named
    if word[0].isupper():
        new = new[0].upper() + new[1:]
    draft = Draft(place)
    draft.words(v, v, new)
    return draft.fix()


def _parties_named(place: Place) -> bool:
    """«Соглашение подписано между министерством и фондом»: «между X и Y»
    names who acted, and the active needs them as its subject («Министерство
    и фонд подписали соглашение»); «подписали между министерством и фондом»
    is not Russian, and «фондом» read as the agent gives «между министерством
    и фонд подписал». No fix is offered in such a clause. «Между» without «и»
    is not a list of parties («распределены между районами»)."""
    first, last = clause_of(place.text, place.tokens, place.first)
    words = [place.word(k) for k in range(first, last + 1)]
    return "между" in words and "и" in words[words.index("между") + 1 :]


def _agent_by_side(place: Place) -> bool:
    """«Со стороны волонтёров оказана помощь»: «со стороны» + genitive names
    who acted, and the active needs them as its subject («Волонтёры помогли»);
    «Со стороны волонтёров помогли» has none (round 24 o16, rejected blind).
    No click turns a passive in such a clause into an active verb."""
    if not any(_passive(place.word(i)) for i in place.matched):
        return False
    first, last = clause_of(place.text, place.tokens, place.first)
    words = [place.word(k) for k in range(first, last + 1)]
    return any(
        a == "со"
        and b == "стороны"
        and any(r.pos in _DEPENDANT_POS and r.has("gent") for r in readings(c))
        for a, b, c in zip(words, words[1:], words[2:], strict=False)
    )


def _passive(word: str) -> bool:
    """A short passive participle or a verb in «-ся» that may be passive:
    «оказана», «осуществляется» (pymorphy3 marks no voice on verbs)."""
    reflexive = word.endswith(("ся", "сь"))
    return any(
        r.pos == "PRTS" or (r.pos == "VERB" and reflexive) for r in readings(word)
    )


def _sense_fits(place: Place, name: str) -> bool:
    """«@класс»: the noun the replaced words go with is of the class; «@<класс»:
    the word right before them is («консультацию по вопросам назначения» →
    «консультацию о назначении», not «семинар о назначении»); «@~класс»: a
    word of the sentence outside them is («в настоящее время» goes, but not
    beside «ранее» or a verb in the past, which it sets the present against);
    «@>класс»: the word right after them is."""
    if name.startswith("<"):
        return word_before_of_class(place, name[1:])
    if name.startswith("~"):
        return _sentence_of_class(place, name[1:])
    if name.startswith(">"):
        return _word_after_of_class(place, name[1:])
    return of_class(place, name)


def _word_after_of_class(place: Place, name: str) -> bool:
    """The word right after the replaced ones, in the same clause, is of the
    class (a «@>класс» mark): «условия проживания в общежитии»."""
    j = place.last + 1
    if j >= len(place.tokens) or not joined(place.text, place.tokens, j):
        return False
    members = place.book.grammar["noun_classes"][name]
    return bool(members & word_keys(place.tokens[j]))


def _senses_fit(place: Place, sense: str) -> bool:
    """Every mark of an alternative holds («∅ @документ @!<перечень»: the
    noun after is a paper, and the word before is not «перечень»); «@!…»
    holds where the class does not fit."""
    return all(
        _sense_fits(place, mark.lstrip("!")) != mark.startswith("!")
        for mark in sense.split(f" {SENSE}")
    )


def _sentence_of_class(place: Place, name: str) -> bool:
    """A word of the sentence, not among the replaced ones, is of the class:
    by lemma, or by a grammeme written «#past» (a verb or a short participle
    in that tense: «На сегодняшний день выплату получили 2 тысячи семей»
    counts up to now, and without the words it no longer says so)."""
    members = place.book.grammar["noun_classes"][name]
    grammemes = {m[1:] for m in members if m.startswith("#")}
    for i, token in enumerate(place.tokens):
        if i in place.matched:
            continue
        if members & set(token.info.lemmas):
            return True
        if grammemes and any(
            r.pos in ("VERB", "PRTS") and grammemes & set(r.grammemes)
            for r in readings(place.word(i))[:1]  # «проходят» is not future
        ):
            return True
    return False


def build(place: Place, template: Template) -> Fix | None:
    kept = _kept_tail(place, template)
    if kept is not None:
        return build(*kept)
    if template.sense and not _senses_fit(place, template.sense):
        # «по @план»: «по акции» or «этот ремонт» would change the meaning;
        # «из-за @!повод»: «из-за рождения ребёнка» is not why a payment is made.
        return None
    if unfit_here(place, template):
        return None  # «направлений работы» after «работа …», «трёх и больше»
    if template.words[:1] in (("давать",), ("дать",)) and (
        any(
            of_class(place, name)
            for name in ("положенное", *place.book.grammar["not_given_classes"])
        )
        or not_given_before(place)
    ):
        # «Министерство предоставляет компенсацию» is not «даёт компенсацию»:
        # a payment is «положена» (ANNOTATING.md), documents are handed in
        # («дать документы» is colloquial); the passive is in active.py.
        return None
    if template.sense in ("документ", "подаваемое") and addressee(place, place.first):
        # «предоставить семье справку» is to issue it: not «подать», and
        # «представить семье справку» would be to show it to them.
        return None
    if template.kind == "delete":
        return delete_fix(place)
    if template.kind == "dash":
        return dash_fix(place)
    if template.kind == "purpose":
        return purpose_fix(place, template)
    if template.kind == "action":
        return work_fix(place) or action_fix(place)
    if template.kind == "unwrap":
        return unwrap_fix(place)
    if template.kind == "relative":
        return relative_fix(place, template)
    if template.kind == "valency":
        return valency_fix(place, template)
    kind = fragment_kind(place)
    shape = template_shape(template)
    if kind == "verb" and shape == "verb":
        if participle_as_noun(place) and not _has_dependant(place):
            return None  # «пообщалась с проживающими» is not «с живущими»
        return verb_fix(place, template)
    if kind == "verb" and shape == "short":
        return short_form_fix(place, template)
    if kind == "verb" and shape == "np" and participle_as_noun(place):
        return noun_phrase_fix(place, template)  # «Обучающиеся колледжа» → «Студенты»
    if place.gap:
        return None  # skipped words would be lost or left disagreeing
    if template.words and len(template.literal) == len(template.words):
        # Written «=как =следует»: the rule vouches for the words in any place.
        return phrase_swap(place, template)
    if kind == "pp":
        plain = shape == "other" and not template.complement_case
        if plain and conjunction_before_noun(place, template):
            return None  # «в связи с ремонтом» → «потому что ремонтом»
        return phrase_swap(place, template) if shape in ("pp", "other") else None
    if kind == "np" and shape == "np":
        return noun_phrase_fix(place, template)
    if kind == "np" and shape == "adjective":
        return adjective_fix(place, template)  # «настоящего приказа» → «этого приказа»
    if kind == "adjective" and shape == "adjective":
        return adjective_fix(place, template)
    if kind == "other" and shape in ("other", "pp"):
        return word_swap(place, template)
    if kind == "other" and shape == "adjective":
        return short_adjective_fix(place, template)  # «необходима» → «нужна»
    return None
