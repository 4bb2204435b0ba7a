"""Fixes that replace a noun phrase or an adjective: the replacement takes the
case and number of the words it replaces, its adjectives agree with it, and the
modifiers left outside agree with the new noun («Данная мера» → «Данная помощь»)."""

from __future__ import annotations

from .draft import Draft, Place
from .findings import Fix
from .grammar import (
    Reading,
    governed_cases,
    inflect,
    readings,
    same_shape,
)
from .phrases import (
    ADJECTIVE_POS,
    Phrase,
    agrees,
    between,
    clause_of,
    in_compound_chain,
    joined,
    trailing_participle,
    verb_reading,
)
from .shapes import (
    template_head,
)
from .templates import Template


def _phrase_readings(place: Place, head: int) -> list[Phrase]:
    """Readings of the noun phrase whose head is token ``head``, with its modifiers."""
    tokens = place.tokens
    found: list[Phrase] = []
    start = head
    while (
        start > 0
        and joined(place.text, tokens, start)
        and any(r.pos in ADJECTIVE_POS for r in readings(tokens[start - 1].norm))
    ):
        start -= 1
    for s in range(start, head + 1):
        found = [p for p in place.phrases(s) if p.head == head]
        if found:
            break
    if not found and not place.is_noun(head):
        found = _substantive_readings(place, head)
    return in_context(place, found)


def _substantive_readings(place: Place, i: int) -> list[Phrase]:
    out = []
    for r in readings(place.word(i)):
        if r.pos in ADJECTIVE_POS and r.case() and r.number():
            if "inan" in r.grammemes:
                continue  # used as a noun it names people: «обучающиеся» is no accusative
            if any(p.case == r.case() and p.number == r.number() for p in out):
                continue
            out.append(
                Phrase([i], i, i, r.case(), r.number(), r.gender(), True, {i: r})
            )
    return out


def in_context(place: Place, phrases: list[Phrase]) -> list[Phrase]:
    """Keep the readings the words before the phrase allow."""
    if not phrases:
        return phrases
    first = phrases[0].first
    preposition = place.preposition_before(first)
    if preposition:
        allowed = governed_cases(preposition)
        if allowed:
            phrases = [p for p in phrases if p.case in allowed]
    elif (
        first > 0
        and joined(place.text, place.tokens, first)
        and place.is_noun(first - 1)
    ):
        genitive = [p for p in phrases if p.case == "gent"]
        nominative = [p for p in phrases if p.case == "nomn"]
        if not nominative or not (
            in_compound_chain(place.text, place.tokens, first)
            or _predicate_follows(place, nominative)
        ):
            phrases = genitive or phrases  # «приём граждан»: a noun's dependant
        # Else «По результатам обследования семьи меры поддержки назначены»:
        # the chain «в рамках», «по итогам» govern may end before the subject,
        # or a predicate that agrees with it follows; both readings stay (a fix
        # is offered where they give one text).
    if {p.case for p in phrases} == {"nomn", "accs"}:
        if not _takes_object(place, first):
            phrases = [p for p in phrases if p.case == "nomn"]
        elif _other_subject(place, phrases):
            phrases = [p for p in phrases if p.case == "accs"]
    return phrases


def _predicate_follows(place: Place, nominative: list[Phrase]) -> bool:
    """A short participle or a verb right after the phrase agrees with its
    nominative reading: «проекта помощи семьям меры поддержки расширены»."""
    j = max(p.end for p in nominative) + 1
    if j >= len(place.tokens) or not joined(place.text, place.tokens, j):
        return False
    numbers = {p.number for p in nominative}
    return any(
        r.pos in ("PRTS", "VERB") and r.number() in numbers
        for r in readings(place.word(j))
    )


def _other_subject(place: Place, phrases: list[Phrase]) -> bool:
    """Another phrase of the clause can only be the nominative («продукты питания
    доставляют социальные работники»: «работники» is no accusative), so it is the
    subject and the phrase read in ``phrases`` is the object."""
    own = {i for p in phrases for i in range(p.first, p.end + 1)}
    first, last = clause_of(place.text, place.tokens, phrases[0].first)
    i = first
    while i <= last:
        if i in own or place.preposition_before(i) is not None:
            i += 1
            continue
        others = (
            place.phrases(i, last + 1)
            if place.is_noun(i)
            or any(r.pos in ADJECTIVE_POS for r in readings(place.word(i)))
            else []
        )
        if others and all(o.case == "nomn" for o in others):
            return True
        i = max((o.end for o in others), default=i) + 1
    return False


def _takes_object(place: Place, i: int) -> bool:
    """Some verb of the clause could have token ``i``'s phrase as its object.

    «планируется приобретение»: a reflexive or passive verb takes none, so the
    phrase is the subject, in the nominative."""
    first, last = clause_of(place.text, place.tokens, i)
    for k in range(first, last + 1):
        reading = verb_reading(place.tokens[k])
        if reading is None or reading.pos not in ("VERB", "INFN", "GRND", "PRTF"):
            continue
        if reading.lemma.endswith(("ся", "сь")) or "intr" in reading.grammemes:
            continue
        return True
    return False


# Verbs and predicatives whose sentence names, in the dative, whom something is
# given or due to. With one of them in the sentence, «Несовершеннолетним» is the
# plural dative («…предоставляется проезд»), not the singular instrumental of an
# actor («Несовершеннолетним совершена кража» has none of them).
DATIVE_PREDICATES = frozenset(
    {
        "предоставляться",
        "предоставить",
        "предоставлять",
        "оказываться",
        "оказать",
        "оказывать",
        "выплачиваться",
        "выплатить",
        "назначаться",
        "назначить",
        "выдаваться",
        "выдать",
        "вручаться",
        "вручить",
        "направляться",
        "направить",
        "гарантироваться",
        "гарантировать",
        "положить",
        "необходимо",
        "нужно",
        "надо",
        "следует",
        "следовать",
        "компенсироваться",
    }
)


def _dative_of_giving(place: Place, phrases: list) -> list:
    """Of a plural dative and a singular instrumental reading of the same words,
    keep the dative where the sentence gives something to someone."""
    if {p.case for p in phrases} != {"datv", "ablt"}:
        return phrases
    if any(p.case == "ablt" and p.number != "sing" for p in phrases):
        return phrases
    giving = any(
        r.lemma in DATIVE_PREDICATES
        for i in range(len(place.tokens))
        if i not in place.matched
        for r in readings(place.word(i))
    )
    return [p for p in phrases if p.case == "datv"] if giving else phrases


def noun_phrase_fix(place: Place, template: Template) -> Fix | None:
    head = next((i for i in place.matched if place.is_noun(i)), place.first)
    if _adverb_of_dropped_participle(place):
        return None  # «ранее принятое решение» → «ранее решение»
    if _name_follows(place):
        return None  # «гражданину Иванову» → «человеку Иванову»
    phrases = _dative_of_giving(place, _phrase_readings(place, head))
    plural_in_use = place.book.grammar["plural_in_use"]
    if any(
        p.number == "plur" and p.chosen[p.head].lemma in plural_in_use for p in phrases
    ):
        # «затраты на ремонт» is not the genitive of one «затрата».
        phrases = [p for p in phrases if p.number == "plur"]
    if not phrases:
        return None
    results = set()
    drafts = []
    for phrase in phrases:
        draft = _swap_noun_phrase(place, template, phrase)
        if draft is None:
            return None
        fix = draft.fix()
        if fix is None:
            return None
        results.add((fix.start, fix.end, fix.text))
        drafts.append(fix)
    if len(results) != 1:
        return None  # the case is ambiguous and the forms differ: do not guess
    return drafts[0]


def _name_follows(place: Place) -> bool:
    """A person's name or initial right after the replaced noun: the noun is the
    title the name stands in apposition to («гражданин Петров», «гражданке
    К. Ивановой»), and no other noun takes its place before a name."""
    j = place.last + 1
    if j >= len(place.tokens) or not joined(place.text, place.tokens, j):
        return False
    word = place.tokens[j].text
    if not word[:1].isupper():
        return False
    if (
        len(word) == 1
        and place.text[place.tokens[j].end : place.tokens[j].end + 1] == "."
    ):
        return True  # an initial
    return any(r.grammemes & {"Surn", "Name", "Patr"} for r in readings(place.word(j)))


def _agent_of_verb(place: Place, phrase: Phrase, opening: bool = True) -> bool:
    """The instrumental opens the sentence or comes right after a verb or a
    participle: the actor of a passive («заявление подаётся гражданином»,
    «может быть подано гражданином») or what one becomes («является
    гражданином»), not the actor of a verbal noun («достижения гражданином»).
    Opening the sentence counts only with ``opening``."""
    first = min(place.first, *phrase.words)
    i = first - 1
    if i < 0:
        return opening
    if not joined(place.text, place.tokens, first):
        return False
    if any(r.pos in ("VERB", "INFN", "PRTS") for r in readings(place.word(i))[:1]):
        return True
    return _after_action_and_object(place, i)


def _after_action_and_object(place: Place, i: int) -> bool:
    """Token ``i`` is the object in the genitive of a verbal noun right before it
    («без подачи заявления гражданами»): the instrumental after both is the
    actor of the action (round 46 av02, rejected blind: «подачи заявления
    людьми»), while one right after the verbal noun, before its object, reads
    as a person («после достижения гражданином возраста» → «человеком»)."""
    if i < 1 or not joined(place.text, place.tokens, i):
        return False
    if not any(
        r.pos == "NOUN" and "gent" in r.grammemes for r in readings(place.word(i))
    ):
        return False
    return any(
        r.pos == "NOUN" and r.lemma.endswith(_ACTION_ENDINGS)
        for r in readings(place.word(i - 1))[:1]
    )


_ACTION_ENDINGS = ("ние", "тие", "ача", "ция", "ка")


_PLACES_OF_STUDY = frozenset(
    {
        "школа",
        "колледж",
        "техникум",
        "училище",
        "гимназия",
        "лицей",
        "вуз",
        "университет",
        "институт",
        "академия",
    }
)


def _participle_attribute(place: Place, phrase: Phrase) -> bool:
    """A lone participle («обучающегося») that agrees with the noun before the
    comma is its attribute, not a noun («на каждого ребёнка, обучающегося в
    школе»), and one followed by «в школе», «в колледже» already says where:
    «школьника в школе», «ребёнка, ученика в школе» (round 45 au24, rejected
    blind). «Обучающиеся колледжа» → «студенты колледжа» stays."""
    if len(phrase.words) != 1 or phrase.words[0] != place.first:
        return False
    i = place.first
    if not all(r.pos == "PRTF" for r in readings(place.word(i))):
        return False
    after = i + 1
    if (
        after + 1 < len(place.tokens)
        and place.word(after) in ("в", "во")
        and joined(place.text, place.tokens, after)
        and any(r.lemma in _PLACES_OF_STUDY for r in readings(place.word(after + 1)))
    ):
        return True
    if i < 1 or between(place.text, place.tokens, i).strip() != ",":
        return False
    return any(
        r.pos == "NOUN"
        and r.case() == phrase.case
        and r.number() == phrase.number
        and (phrase.number == "plur" or r.gender() in (None, phrase.gender))
        for r in readings(place.word(i - 1))
    )


def _adverb_of_dropped_participle(place: Place) -> bool:
    """The phrase opens with a participle that an adverb before it qualifies
    («ранее принятое решение», «вновь поступившие заявления»): replaced
    together with its noun, the participle would leave the adverb hanging."""
    i = place.first
    if i == 0 or not joined(place.text, place.tokens, i):
        return False
    if not any(r.pos == "PRTF" for r in readings(place.word(i))):
        return False
    return any(r.pos == "ADVB" for r in readings(place.word(i - 1)))


def _swap_noun_phrase(place: Place, template: Template, phrase: Phrase) -> Draft | None:
    t_head = template_head(template)
    if t_head is None:
        return None
    head_reading = _nominative(template.words[t_head])
    if head_reading is None:
        return None
    original_head = phrase.chosen.get(phrase.head)
    if _participle_attribute(place, phrase):
        return None
    if (
        phrase.number == "sing"
        and original_head is not None
        and head_reading.lemma
        in place.book.grammar["plural_only"].get(original_head.lemma, ())
    ):
        return None  # «гражданина» → «жителя»: a single citizen is a person in law
    if (
        phrase.case == "ablt"
        and (phrase.number == "sing" or phrase.animate)
        and _agent_of_verb(place, phrase, phrase.number == "sing")
    ):
        # «может быть подано гражданином» → «подано человеком»: the one a
        # passive names as its actor is the applicant of the law (round 32
        # ah02), and so are many right after the verb («подаётся гражданами»
        # is not «подаётся людьми»: round 41 aq02, rejected blind; «Людьми,
        # желающими …, может быть направлена заявка», opening the sentence,
        # was accepted: ak39); «после достижения гражданином возраста» →
        # «человеком» stays, and so do things («обеспечивает медикаментами» →
        # «лекарствами»).
        return None
    number = _number_of(place, head_reading, original_head, phrase.number)
    new_head = inflect(head_reading, {phrase.case, number})
    if new_head is None:
        return None
    if (
        new_head == "людей"
        and t_head == 0
        and min(phrase.words) == phrase.head
        and _counted(place, phrase)
    ):
        # «1500 граждан» → «1500 человек», not «1500 людей»; with an adjective
        # «людей» stays («75 безработных людей»).
        new_head = "человек"
    gender = head_reading.gender()
    animate = "anim" in head_reading.grammemes
    words = []
    for i in range(t_head):
        modifier = _adjective_form(
            template.words[i], phrase.case, number, gender, animate
        )
        if modifier is None:
            return None
        words.append(modifier)
    words.append(new_head)
    words.extend(template.words[t_head + 1 :])
    changed_agreement = (number, gender if number == "sing" else None, animate) != (
        phrase.number,
        phrase.gender if phrase.number == "sing" else None,
        phrase.animate,
    )
    if phrase.case == "nomn" and _predicate_disagrees(place, phrase, number, gender):
        return None  # the verb agreeing with the old subject would disagree
    if _members_follow(place, phrase):
        return None  # «льготным категориям граждан» → «льготникам граждан»
    if _plural_lost(place, phrase, head_reading, number):
        return None  # «о новых мерах поддержки» → «о новой помощи» (how many?)
    if _quality_of_people(place, phrase, head_reading):
        return None  # «волонтёры серебряного возраста» → «волонтёры пожилых людей»
    if head_reading.lemma in _GIVEN_TO and _genitive_follows(place):
        return None  # «о мерах поддержки семей» → «о помощи семей» (whose help?)
    if _participle_of_dropped(place, phrase, number, gender, animate):
        return None  # «план мероприятий, посвящённых …» → «план, посвящённых …»
    if changed_agreement and _participle_of_old(place, phrase, number, gender, animate):
        return None  # «мер поддержки, предоставленных» → «помощи, предоставленных»
    if _dative_left(place, head_reading):
        return None  # «оказание медицинской помощи гражданам» → «лечение гражданам»
    original = phrase.chosen.get(phrase.head)
    if _action_qualified(place, phrase, original, head_reading):
        return None  # «успешной реализации программы» → «успешной программе»
    draft = Draft(place)
    draft.words(place.first, place.last, " ".join(words))
    if not changed_agreement:
        return draft
    collective = (
        original is not None and original.lemma in place.book.grammar["collective"]
    )
    for i in phrase.words:
        if i >= place.first:
            continue
        reading = phrase.chosen.get(i)
        if reading is None:
            return None
        if collective:
            reading = _carried_modifier(place, reading)
            if reading is None:
                return None  # «полного пакета документов» → «полных документов»
        form = _agreeing(reading, phrase.case, number, gender, animate)
        if form is None:
            return None
        draft.word(i, same_shape(place.tokens[i].text, form))
    if collective and not _trailing_agrees(
        place, draft, phrase, number, gender, animate
    ):
        return None
    return draft


def _participle_of_dropped(
    place: Place, phrase: Phrase, number: str, gender, animate: bool
) -> bool:
    """The participle after a comma agreed with a noun the fix drops, not with
    the new noun: «план мероприятий, посвящённых Дню пожилого человека» →
    «план, посвящённых …»."""
    participles = _participles_after(place, (",",))
    if not participles:
        return False
    if any(agrees(r, phrase.case, number, gender, animate) for r in participles):
        return False
    return any(
        agrees(r, n.case(), n.number(), n.gender(), "anim" in n.grammemes)
        for i in place.matched
        if i != phrase.head
        for n in readings(place.word(i))
        if n.pos == "NOUN" and n.case() and n.number()
        for r in participles
    )


def _participles_after(place: Place, separators: tuple[str, ...]) -> list:
    """The participle readings of the word right after the replaced words, when
    only one of ``separators`` («,» or nothing) stands between them."""
    k = place.last + 1
    if k >= len(place.tokens):
        return []
    if between(place.text, place.tokens, k).strip() not in separators:
        return []
    return [r for r in readings(place.word(k)) if r.pos == "PRTF"]


def _participle_of_old(
    place: Place, phrase: Phrase, number: str, gender, animate: bool
) -> bool:
    """The participle right after the replaced words, after a comma or not,
    agreed with the old noun and does not with the new one, whose number or
    gender differs: «финансирования мер социальной поддержки, предоставленных
    жителям» → «финансирования помощи, предоставленных» (round 30 af11,
    rejected blind). The button is withdrawn; a collective noun, whose members
    replace it, recases the participle instead (_trailing_agrees)."""
    if (
        phrase.chosen.get(phrase.head) is not None
        and phrase.chosen[phrase.head].lemma in place.book.grammar["collective"]
    ):
        return False
    participles = _participles_after(place, ("", ","))
    if not participles:
        return False
    if any(agrees(r, phrase.case, number, gender, animate) for r in participles):
        return False
    old_gender = phrase.gender if phrase.number == "sing" else None
    return any(
        agrees(r, phrase.case, phrase.number, old_gender, phrase.animate)
        for r in participles
    )


def _dative_left(place: Place, new: Reading) -> bool:
    """A dative right after the replaced words hung on a noun among them that
    takes one (grammar.json «noun_government»: «помощи гражданам»), and the new
    noun takes none: «оказание медицинской помощи гражданам» → «лечение
    гражданам»."""
    government = place.book.grammar["noun_government"]
    if government.get(new.lemma) == "datv":
        return False
    if not any(
        government.get(lemma) == "datv"
        for i in place.matched
        for lemma in place.tokens[i].info.lemmas
    ):
        return False
    j = place.last + 1
    if j >= len(place.tokens) or not joined(place.text, place.tokens, j):
        return False
    return any(p.case == "datv" for p in place.phrases(j)) or any(
        r.pos in ("NOUN", "NPRO", *ADJECTIVE_POS) and r.case() == "datv"
        for r in readings(place.word(j))
    )  # «пострадавшим»: a participle read as a noun makes no phrase


def _action_qualified(
    place: Place, phrase: Phrase, original: Reading | None, new: Reading
) -> bool:
    """An action noun (grammar.json «action_heads») the fix drops for the noun
    after it has a word of its own before the replaced ones, which would
    qualify that noun instead: «успешной реализации программы»."""
    if original is None or original.lemma == new.lemma:
        return False
    if original.lemma not in place.book.grammar["action_heads"]:
        return False
    return any(i < place.first for i in phrase.words)


def _carried_modifier(place: Place, reading: Reading) -> Reading | None:
    """The word before a collective noun as it qualifies the members that
    replace it (grammar.json «collective_modifiers»): «необходимого пакета
    документов» → «необходимых документов», «полного пакета» → «всех»; None
    where it qualified the whole only («научной общественности» are not
    «научные люди»)."""
    new = place.book.grammar["collective_modifiers"].get(reading.lemma)
    if new is None:
        return None
    if new == reading.lemma:
        return reading
    return next((r for r in readings(new) if r.pos in ADJECTIVE_POS), None)


def _trailing_agrees(
    place: Place, draft: Draft, phrase: Phrase, number: str, gender, animate: bool
) -> bool:
    """The participle after a comma that agreed with the collective noun agrees
    with the members that replace it («о приёме пакета документов,
    представленного в МФЦ» → «о приёме документов, представленных в МФЦ»).
    (Elsewhere a participle left disagreeing fails verification: «жилых
    помещений, пострадавших» is not «жилья, пострадавшего», which says there
    was one.)"""
    found = trailing_participle(place.text, place.tokens, phrase)
    if found is None:
        return True
    k, reading = found
    form = _agreeing(reading, phrase.case, number, gender, animate)
    if form is None:
        return False
    draft.word(k, same_shape(place.tokens[k].text, form))
    return True


def _number_of(
    place: Place, head: Reading, original: Reading | None, number: str
) -> str:
    """The replacement's number: its own if it has one («деньги», «помощь»), the
    plural it is written in for a collective («старшее поколение» → «пожилые
    люди»), else the number of the replaced noun."""
    grammar = place.book.grammar
    if "Pltm" in head.grammemes:
        return "plur"
    if "Sgtm" in head.grammemes or head.lemma in grammar["singular_only"]:
        return "sing"
    if original is not None and original.lemma in grammar["collective"]:
        return head.number() or number
    return number


# Nouns of help: the one helped follows in the dative («помощь семьям»); a
# genitive after them reads as the one who helps («помощь семей»).
_GIVEN_TO = frozenset({"помощь", "поддержка", "содействие"})


def _genitive_follows(place: Place) -> bool:
    j = place.last + 1
    if j >= len(place.tokens) or not joined(place.text, place.tokens, j):
        return False
    return any(p.case == "gent" for p in place.phrases(j))


def _counted(place: Place, phrase: Phrase) -> bool:
    """A number or a counting word right before the phrase: «1500 граждан»,
    «несколько граждан», «пяти граждан»."""
    first = min(phrase.words)
    if phrase.numeral:
        return True
    if first == 0 or not joined(place.text, place.tokens, first):
        return False
    before = place.word(first - 1)
    return before[:1].isdigit() or any(
        r.pos == "NUMR" or r.lemma in _COUNTING for r in readings(before)
    )


_COUNTING = frozenset(
    {"несколько", "много", "сколько", "тысяча", "миллион", "сотня", "десяток"}
)


# Nouns that, in the genitive after a noun, say what kind its people are:
# «волонтёры серебряного возраста», «жители старшего поколения».
_QUALITIES = frozenset({"возраст", "поколение"})


def _quality_of_people(place: Place, phrase: Phrase, head: Reading) -> bool:
    """«волонтёры серебряного возраста» are elderly volunteers: replaced by people
    («пожилые люди») the genitive would name others, whom they belong to. After
    a thing («поддержки старшего поколения») the people are right."""
    original = phrase.chosen.get(phrase.head)
    if original is None or original.lemma not in _QUALITIES:
        return False
    if "anim" not in head.grammemes or phrase.case != "gent":
        return False
    first = min(phrase.words)
    return (
        first > 0
        and joined(place.text, place.tokens, first)
        and place.preposition_before(first) is None
        and any(
            r.pos == "NOUN" and "anim" in r.grammemes
            for r in readings(place.word(first - 1))
        )
    )


def _plural_lost(place: Place, phrase: Phrase, head: Reading, number: str) -> bool:
    """A plural counted or qualified before it («новые меры», «все меры», «три
    меры») replaced by a noun with no plural («помощь»): «новая помощь» no
    longer says there are several; the plain «о мерах» → «о помощи» stays."""
    if phrase.number != "plur" or number != "sing":
        return False
    if head.lemma not in place.book.grammar["singular_only"]:
        return False
    return phrase.numeral or any(i < place.first for i in phrase.words)


def _members_follow(place: Place, phrase: Phrase) -> bool:
    """A collective noun («категория», «поколение») with its members in the
    genitive after it: the plural that replaces it names them already."""
    original = phrase.chosen.get(phrase.head)
    if original is None or original.lemma not in place.book.grammar["collective"]:
        return False
    j = place.last + 1
    if j >= len(place.tokens) or not joined(place.text, place.tokens, j):
        return False
    return any(p.case == "gent" for p in place.phrases(j))


def _predicate_disagrees(place: Place, phrase: Phrase, number: str, gender) -> bool:
    """A new subject of another number needs another verb form; of another gender,
    another past or short form («мера предоставлена» → «помощь предоставлена»)."""
    if number != phrase.number:
        changed = {"number"}
    elif number == "sing" and gender != phrase.gender:
        changed = {"gender"}
    else:
        return False
    first, last = clause_of(place.text, place.tokens, phrase.head)
    words = list(range(first, last + 1))
    aside = trailing_participle(place.text, place.tokens, phrase)
    if aside is not None:
        # «Пакет документов, направленный по почте, рассматривается»: the
        # predicate follows the participle's clause.
        _, end = clause_of(place.text, place.tokens, aside[0])
        if end + 1 < len(place.tokens):
            after = clause_of(place.text, place.tokens, end + 1)
            words += range(after[0], after[1] + 1)
    if any(
        _agrees_with(r, phrase)
        for i in range(phrase.end + 1, len(place.tokens))
        for r in readings(place.word(i))
    ):
        # «Целевой показатель … достигнут» → «Цель … достигнут»: «достигнут» is
        # read first as «they will reach», so any later word that may be a
        # short or past form agreeing with the old noun is its predicate.
        return True
    for i in words:
        if i in phrase.words:
            continue
        reading = verb_reading(place.tokens[i])
        finite = reading is not None and reading.pos in ("VERB", "PRTS")
        short = any(r.pos == "ADJS" for r in readings(place.word(i))[:1])
        if "number" in changed and (finite or short):
            return True
        if finite and (reading.pos == "PRTS" or "past" in reading.grammemes) or short:
            return True
    return False


def _agrees_with(reading: Reading, phrase: Phrase) -> bool:
    """A short participle or adjective, or a past verb, in the number (and in
    the singular, the gender) of ``phrase``."""
    if reading.pos not in ("PRTS", "ADJS") and not (
        reading.pos == "VERB" and "past" in reading.grammemes
    ):
        return False
    if reading.number() != phrase.number:
        return False
    return phrase.number != "sing" or reading.gender() == phrase.gender


def _nominative(word: str) -> Reading | None:
    nouns = [r for r in readings(word) if r.pos == "NOUN"]
    for r in nouns:
        if r.case() == "nomn":
            return r
    return nouns[0] if nouns else None


def _agreeing(
    reading: Reading, case: str, number: str, gender, animate: bool
) -> str | None:
    wanted = {case, number}
    if number == "sing" and gender:
        wanted.add(gender)
    if case == "accs" and (number == "plur" or gender == "masc"):
        wanted.add("anim" if animate else "inan")
    return inflect(reading, wanted)


def _adjective_form(
    word: str, case: str, number: str, gender, animate: bool
) -> str | None:
    for r in readings(word):
        if r.pos in ADJECTIVE_POS:
            form = _agreeing(r, case, number, gender, animate)
            if form:
                return form
    return None


def adjective_fix(place: Place, template: Template) -> Fix | None:
    i = place.first
    if not any(r.pos in ADJECTIVE_POS for r in readings(place.word(i))):
        return None
    forms = set()
    fixes = []
    for phrase in in_context(place, place.phrases(i)):
        if i not in phrase.words or i == phrase.head:
            continue
        form = _adjective_form(
            template.words[0], phrase.case, phrase.number, phrase.gender, phrase.animate
        )
        if form is None:
            return None
        forms.add(form)
        draft = Draft(place)
        draft.word(i, form)
        fixes.append(draft.fix())
    if not forms:
        return _after_comma_fix(place, template)
    if len(forms) != 1 or fixes[0] is None:
        return None
    return fixes[0]


def _after_comma_fix(place: Place, template: Template) -> Fix | None:
    """«документы, необходимые для оформления» → «документы, нужные для …»: an
    adjective that opens a phrase after the noun it qualifies takes the form
    that agrees with that noun; when the noun's readings allow several forms,
    nothing is offered."""
    i, tokens = place.first, place.tokens
    if place.gap or len(place.matched) != 1 or i == 0:
        return None
    if template.words[0] not in _AFTER_NOUN_IN_USE:
        return None  # «сроки, указанные в договоре» → «сроки, эти в договоре»
    if place.text[tokens[i - 1].end : tokens[i].start].strip() != ",":
        return None
    forms = set()
    for noun in readings(place.word(i - 1)):
        if noun.pos != "NOUN" or noun.case() is None or noun.number() is None:
            continue
        case, number, gender = noun.case(), noun.number(), noun.gender()
        animate = "anim" in noun.grammemes
        if not any(
            r.pos == "ADJF" and agrees(r, case, number, gender, animate)
            for r in readings(place.word(i))
        ):
            continue
        form = _adjective_form(template.words[0], case, number, gender, animate)
        if form is None:
            return None
        forms.add(form)
    if len(forms) != 1:
        return None
    draft = Draft(place)
    draft.word(i, forms.pop())
    return draft.fix()


# Adjectives that open a phrase after their noun as the words they replace do
# («документы, нужные для оформления»); a pronoun such as «этот» does not.
_AFTER_NOUN_IN_USE = frozenset({"нужный", "важный"})

# Adjectives whose short forms are everyday Russian («нужна», «важен»); most
# are not («главна», «разны»), and their short forms are never offered.
_SHORT_FORMS_IN_USE = frozenset({"нужный", "важный"})


def short_adjective_fix(place: Place, template: Template) -> Fix | None:
    """«необходима справка» → «нужна справка»: a short adjective becomes the
    short form of the new one in the same gender and number."""
    if place.gap or len(place.matched) != 1 or len(template.words) != 1:
        return None
    if template.words[0] not in _SHORT_FORMS_IN_USE:
        return None  # «приоритетна» → «главна», «масштабно» → «велико»: not Russian
    new = [r for r in readings(template.words[0]) if r.pos == "ADJF"]
    forms = set()
    for old in readings(place.word(place.first)):
        if old.pos != "ADJS":
            continue
        wanted = {"ADJS", old.number()} | ({old.gender()} if old.gender() else set())
        form = next((f for f in (inflect(r, wanted) for r in new) if f), None)
        if form is None:
            return None
        forms.add(form)
    if len(forms) != 1:
        return None
    draft = Draft(place)
    draft.word(place.first, forms.pop())
    return draft.fix()
