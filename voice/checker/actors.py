"""Who acts and what is acted on, around a passive verb: the actor in the
instrumental («Специалистами отдела»), and the subject in the nominative that the
active verb makes its object."""

from __future__ import annotations

from .draft import Place
from .grammar import (
    Reading,
    readings,
)
from .phrases import (
    Phrase,
    after_compound_preposition,
    clause_of,
    clause_start,
    joined,
    quoted_before,
)

# Nouns whose instrumental says how, how long or how much, never who acts:
# «заключается сроком на год» is not «срок заключает», «выплачивается
# ежемесячно разовым платежом» names no payer. Their instrumental is never taken
# for the actor of a passive verb.
ADVERBIAL_INSTRUMENTALS = frozenset(
    {
        "срок",
        "путь",
        "образ",
        "способ",
        "порядок",
        "раз",
        "размер",
        "темп",
        "вид",
        "форма",
        "характер",
        "платёж",
        "платеж",
        "частью",
        "часть",
    }
)


# Verbs whose active form takes the thing given in the instrumental: in
# «Школы оснащены оборудованием», «Выплата облагается налогом» the instrumental
# is what is given, not who gives it; the active verb keeps it and gets the
# indefinite «они» for subject («Школы оснастили оборудованием»).
INSTRUMENT_VERBS = frozenset(
    {
        "облагать",
        "обложить",
        "оснащать",
        "оснастить",
        "награждать",
        "наградить",
        "наделять",
        "наделить",
        "снабжать",
        "снабдить",
        "комплектовать",
        "укомплектовать",
        "оборудовать",
        "заполнять",
        "заполнить",
        "обеспечивать",
        "обеспечить",
        "премировать",
        "поощрять",
        "поощрить",
    }
)


# Verbs whose -ся form with a person for subject is reflexive, not passive:
# «мошенники представляются сотрудниками соцзащиты» pose as them; «сведения
# представляются заявителем» is still a passive.
SELF_VERBS = frozenset({"представлять", "представить"})

# Verbs whose «-ся» form said of a person is what the person does, not a
# passive: «дети обучаются в школе» study there (round 28 ad15, rejected blind:
# «детей обучают»), «студенты занимаются», «работник числится в штате». Made
# active only with an inanimate subject found («персонал обучается»).
STUDY_VERBS = frozenset(
    {"обучать", "обучить", "учить", "научить", "занимать", "числить"}
)


# Inanimate nouns that name who acts: bodies and their parts. An instrumental
# of anything else says how («банковской картой», «автобусом»), not who.
BODIES = frozenset(
    {
        "министерство",
        "ведомство",
        "комиссия",
        "центр",
        "служба",
        "фонд",
        "отдел",
        "отделение",
        "управление",
        "учреждение",
        "организация",
        "администрация",
        "департамент",
        "комитет",
        "мфц",
        "орган",
        "совет",
        "филиал",
        "правительство",
        "инспекция",
        "прокуратура",
        "полиция",
        "суд",
        "штаб",
        "бригада",
        "команда",
        "отряд",
        "группа",
        "больница",
        "поликлиника",
        "школа",
        "колледж",
        "университет",
        "вуз",
        "библиотека",
        "музей",
        "предприятие",
        "компания",
        "минтруд",
        "минздрав",
        "минсоцзащиты",
        "соцзащита",
        "ассоциация",
        "объединение",
        "движение",
        "союз",
        "клуб",
    }
)


# Verbs whose instrumental says what someone is or becomes, never who acts:
# «победителями признаны специалисты» (recognised as winners), «назначен
# директором», «избран председателем», «считается лучшим». Next to them no
# instrumental is taken for the actor.
ROLE_VERBS = frozenset(
    {
        "признать",
        "признавать",
        "назначить",
        "назначать",
        "избрать",
        "избирать",
        "назвать",
        "называть",
        "объявить",
        "объявлять",
        "считать",
        "считаться",
        "являться",
        "стать",
        "становиться",
        "оказаться",
        "остаться",
    }
)

# How far after the start of a predicate its verb may stand: «был признан»,
# «может быть назначен».
_ROLE_REACH = 3


# Nouns of ROLE_VERBS: «о признании гражданина инвалидом» — the instrumental
# says what the person is recognised as (round 27 ac02), never who acts.
ROLE_NOUNS = frozenset(
    {"признание", "назначение", "избрание", "объявление", "провозглашение"}
)

# How far before an instrumental its role word may stand: «признании
# гражданина инвалидом», «признать его нуждающимся».
_ROLE_BACK = 3


def role_instrumental(place: Place, first: int) -> bool:
    """The instrumental that starts at ``first`` hangs on a role word before it
    in the clause («о признании гражданина инвалидом», «считать его
    нуждающимся»): a predicate instrumental, never the actor."""
    start, _ = clause_of(place.text, place.tokens, first)
    roles = ROLE_VERBS | ROLE_NOUNS
    return any(
        place.tokens[i].info.lemmas & roles
        for i in range(max(start, first - _ROLE_BACK), first)
    )


def _role_verb(place: Place, start: int) -> bool:
    """The predicate starting at ``start`` is one of ROLE_VERBS."""
    end = min(start + _ROLE_REACH, len(place.tokens))
    return any(place.tokens[i].info.lemmas & ROLE_VERBS for i in range(start, end))


def names_actor(place: Place, phrase: Phrase) -> bool:
    """The phrase names a person or a body that can act."""
    if phrase.animate:
        return True
    chosen = phrase.chosen.get(phrase.head)
    lemmas = (
        {chosen.lemma}
        if chosen is not None
        else {r.lemma for r in readings(place.word(phrase.head))}
    )
    return bool(lemmas & BODIES)


def _adverbial(place: Place, phrase: Phrase) -> bool:
    chosen = phrase.chosen.get(phrase.head)
    lemmas = (
        {chosen.lemma}
        if chosen is not None
        else {r.lemma for r in readings(place.word(phrase.head))}
    )
    return bool(lemmas & ADVERBIAL_INSTRUMENTALS)


def agent_before(place: Place, before: int) -> Phrase | None:
    """The instrumental that names who acts, right before the verb: «Специалистами
    отдела осуществляется» (the clause may not start earlier)."""
    left, stop = before - 1, before
    quoted = quoted_before(place.text, place.tokens, before)
    if quoted is not None:
        # «Волонтёрами центра «Рука помощи» осуществляется»: the name is the
        # agent's genitive tail (round 22 j11 left «Волонтёрами … доставляют»).
        left, stop = quoted - 1, quoted
    elif not joined(place.text, place.tokens, before):
        return None
    if left < 0:
        return None
    if _role_verb(place, before):
        return None  # «победителями признаны»: what they are, not who acts
    first, _ = clause_of(place.text, place.tokens, left)
    if not may_be_case(place, left, ("ablt", "gent")):
        return None  # an agent ends in its instrumental noun or a genitive after it
    # The longest phrase wins: «Социальными работниками» is the agent, not
    # «работниками» alone (which would leave «Социальными работники»).
    found = None
    for s in range(left, max(first, left - 5) - 1, -1):
        for phrase in place.phrases(s, stop):
            if phrase.end != left or phrase.case != "ablt":
                continue
            if place.preposition_before(s):
                # «для людей с ограниченными возможностями здоровья проводятся»:
                # the instrumental hangs on «с», nobody acts.
                return None
            if not _adverbial(place, phrase) and all(
                p.case == "ablt" for p in place.phrases(s, stop)
            ):
                found = phrase
                break
    if found is not None and role_instrumental(place, found.first):
        return None  # «о признании гражданина инвалидом принимается»
    return found


def agent_after(place: Place, v: int) -> Phrase | None:
    """«Решение принято комиссией»: the instrumental right after the verb."""
    j = v + 1
    if j >= len(place.tokens) or not joined(place.text, place.tokens, j):
        return None
    if _role_verb(place, v):
        return None  # «назначен директором»: what he is, not who acts
    if not may_be_case(place, j, ("ablt",), adjectives=True):
        return None
    phrases = place.phrases(j)
    if phrases and all(p.case == "ablt" for p in phrases):
        return None if _adverbial(place, phrases[0]) else phrases[0]
    return None


def one_of_several(place: Place, agent: Phrase) -> bool:
    """The actor is joined to another by «и», «или» or «а»: «открыт губернатором
    и ветеранами», «Сотрудниками полиции и волонтёрами проведена», «производится
    специалистами МФЦ, а не сотрудниками министерства». Made active, only one of
    them would turn nominative («открыл губернатор и ветеранами»), and both would
    need a plural verb: no one-click fix."""
    tokens = place.tokens
    j = agent.end + 1
    while j < min(agent.end + 4, len(tokens)) and _genitive_tail(place, j):
        j += 1  # «специалистами МФЦ», «министром культуры области»
    if (
        j < len(tokens)
        and tokens[j].text[:1].isupper()
        and joined(place.text, tokens, j)
        and may_be_case(place, j, ("ablt",))
    ):
        return True  # «министром Ивановым», «Дедом Морозом»: the name stays ablt
    if j < len(tokens) and place.word(j) in _COORDINATING:
        j += 1
        while j < len(tokens) and place.word(j) in ("не", "также"):
            j += 1
        for k in range(j, min(j + 3, len(tokens))):
            if may_be_case(place, k, ("ablt",)):
                return True  # «и ветеранами», «и их наставниками»
            if place.is_noun(k) or not joined(place.text, tokens, k):
                break
    k = agent.first - 1
    first, _ = clause_of(place.text, tokens, agent.first)
    if k <= first or place.word(k) not in _COORDINATING:
        return False
    for i in range(k - 1, max(first, k - 4) - 1, -1):
        if may_be_case(place, i, ("ablt",)):
            return True  # «Министром и губернатором», «Сотрудниками полиции и …»
        if not _genitive_tail(place, i):
            break
    return False


def _genitive_tail(place: Place, i: int) -> bool:
    """A word that may hang on the noun before it: a genitive noun or adjective,
    or an abbreviation («МФЦ»)."""
    if place.word(i) in _COORDINATING:
        return False
    token = place.tokens[i]
    return token.text.isupper() or may_be_case(place, i, ("gent",), adjectives=True)


_COORDINATING = frozenset({"и", "или", "а"})


def other_instrumental(place: Place, v: int) -> bool:
    """An instrumental noun elsewhere in the clause may be the real actor."""
    _, last = clause_of(place.text, place.tokens, v)
    first = clause_start(place.text, place.tokens, v)
    s = first
    while s <= last:
        if not may_be_case(place, s, ("ablt",), adjectives=True):
            s += 1
            continue
        phrases = [p for p in place.phrases(s) if p.end <= last]
        if phrases and place.preposition_before(s):
            # «с ограниченными возможностями здоровья»: the whole phrase hangs
            # on the preposition, its noun too, and so does one joined to it by
            # «и» («с логопедом и психологом»).
            s = max(p.end for p in phrases) + 1
            while (
                s + 1 <= last
                and place.word(s) in ("и", "или")
                and joined(place.text, place.tokens, s + 1)
            ):
                more = [p for p in place.phrases(s + 1) if p.end <= last]
                if not more or not all(p.case == "ablt" for p in more):
                    break
                s = max(p.end for p in more) + 1
            continue
        if (
            phrases
            and all(p.case == "ablt" for p in phrases)
            and not _adverbial(place, phrases[0])
        ):
            return True  # «путём перечисления» says how, not who
        s += 1
    return instrumental_before_aside(place, first)


def instrumental_before_aside(place: Place, first: int) -> bool:
    """The clause starting at ``first`` follows an aside whose participle is in
    the instrumental, after its instrumental noun: «Работодателями, принявшими
    участие в ярмарке, было представлено» (round 27 ac20). That noun is the
    actor; made active it and its participle would both have to turn
    nominative, so the clause is not made active by a click."""
    tokens = place.tokens
    if first < 2:
        return False
    aside, _ = clause_of(place.text, tokens, first - 1)
    if aside < 1 or not any(
        r.pos == "PRTF" and r.case() == "ablt" for r in readings(place.word(aside))
    ):
        return False
    before = aside - 1
    if not may_be_case(place, before, ("ablt",)):
        return False
    start, _ = clause_of(place.text, tokens, before)
    s = before
    while s > start and may_be_case(place, s - 1, ("ablt",), adjectives=True):
        s -= 1
    return not place.preposition_before(s) and not role_instrumental(place, s)


def _coordinated(place: Place, found: list[Phrase]) -> bool:
    """Each phrase after the first follows the one before it across «и»."""
    for before, after in zip(found, found[1:], strict=False):
        k = before.end + 1
        if not (
            after.first == k + 1
            and place.word(k) == "и"
            and joined(place.text, place.tokens, k)
            and joined(place.text, place.tokens, k + 1)
        ):
            return False
    return len(found) == 2


def may_be_case(place: Place, i: int, cases, adjectives: bool = False) -> bool:
    """Cheap test before reading a phrase: can word ``i`` be a noun (or an
    adjective) in one of ``cases``?"""
    kinds = ("NOUN", "ADJF", "PRTF") if adjectives else ("NOUN",)
    return any(r.pos in kinds and r.case() in cases for r in readings(place.word(i)))


def _chain_subjects(
    place: Place, phrases: list[Phrase], number, gender, last: int
) -> list[Phrase]:
    """The nouns of the genitive chain after a compound preposition that may
    start the subject instead: in «в рамках системы долговременного ухода
    услуги» the chain's reading runs on to «услуги», which may be the
    nominative plural. Only a bare noun right after another noun, so no
    adjective is split from it; of several, ``_one_of`` decides."""
    head, end = min(p.head for p in phrases), max(p.end for p in phrases)
    found = []
    for k in range(head + 1, end + 1):
        if not place.is_noun(k - 1):
            continue
        found.extend(
            p
            for p in place.phrases(k, last + 1)
            if p.case == "nomn"
            and p.number == number
            and (gender is None or p.gender == gender)
            and p.first == k
            and p.end == end
        )
    return found


def _one_of(place: Place, chained: list[Phrase]) -> list[Phrase]:
    """Where the subject starts in a genitive chain («по итогам проверки
    учреждения предписания выданы»: «учреждения» or «предписания»?) only
    meaning tells. Any of them will do when the fix cannot depend on which:
    things, none a word whose fix depends on what it is («меры» are
    «положены», a consultation is given, a service neither; grammar.json
    «not_given», «положенное», «даваемое», «оказываемое», the subjects of
    «aim_participles»). Else all of them, and the subject is unknown."""
    if len(chained) < 2:
        return chained
    grammar = place.book.grammar
    classes = grammar["noun_classes"]
    telling = (
        grammar["not_given"]
        | classes["положенное"]
        | classes["даваемое"]
        | classes["оказываемое"]
        | grammar["aim_participles"]["subjects"]
        | {"помощь"}
    )
    if any(p.animate or p.chosen[p.head].lemma in telling for p in chained):
        return chained
    return chained[:1]


def subject_of(place: Place, v: int, original: Reading, agent: Phrase | None):
    """The nominative subject agreeing with the passive verb; None for an
    impersonal «отказано»; False when it cannot be told."""
    first, last = clause_of(place.text, place.tokens, v)
    number = original.number()
    gender = original.gender() if number == "sing" else None
    taken = set(range(agent.first, agent.end + 1)) if agent else set()
    while (quoted := quoted_before(place.text, place.tokens, first)) is not None:
        if not place.is_noun(quoted - 1):
            break
        # «Услуга «Социальное такси» предоставляется»: the name hangs on the
        # noun before it, which is the subject (round 42 ar05: «Услуга …
        # дают» had neither the subject's case nor the gate of services).
        taken.update(range(quoted, first))
        first = clause_of(place.text, place.tokens, quoted - 1)[0]
    found: list[Phrase] = []
    numerals: list[Phrase] = []  # «открыто 12 садов»: a subject only if no other
    dependants: list[Phrase] = []  # could also hang on the noun before them
    chained: list[Phrase] = []  # may start the subject inside a genitive chain
    i = first
    while i <= last:
        if (
            i == v
            or i in taken
            or not (
                may_be_case(place, i, ("nomn", "accs", "gent"), adjectives=True)
                or place.word(i)[:1].isdigit()
            )
        ):
            i += 1
            continue
        phrases = place.phrases(i, last + 1)
        if not phrases:
            i += 1
            continue
        if after_compound_preposition(place.text, place.tokens, i):
            # «В рамках системы долговременного ухода услуги предоставляются»:
            # «системы» is what «в рамках» governs, never the subject, and its
            # genitive chain may end in the subject.
            chained.extend(_chain_subjects(place, phrases, number, gender, last))
            i = max(p.end for p in phrases) + 1
            continue
        # After a noun, a phrase that can be genitive is that noun's dependant
        # («при наличии паспорта»); one that cannot («правительства выплата»)
        # starts a phrase of its own.
        dependant = (
            i > 0
            and joined(place.text, place.tokens, i)
            and place.is_noun(i - 1)
            and any(p.case == "gent" for p in phrases)
        )
        free = place.preposition_before(i) is None and not dependant
        fitting = [
            p
            for p in phrases
            if p.case == "nomn"
            and p.number == number
            and (gender is None or p.gender == gender)
        ]
        if free and phrases[0].numeral and place.word(i)[:1].isdigit():
            if number == "plur" or gender in (None, "neut"):
                numerals.append(phrases[0])
        elif free and fitting:
            found.append(fitting[0])
        elif fitting and place.preposition_before(i) is None:
            dependants.append(fitting[0])
        i = max(p.end for p in phrases) + 1
    # «В связи с карантином занятия … приостановлены»: a phrase that might be the
    # genitive of the noun before it is the subject when nothing else can be.
    found = found or numerals or dependants or _one_of(place, chained)
    if len(found) > 1 and number == "plur" and _coordinated(place, found):
        # «вручены продуктовые наборы и сладкие подарки»: one subject of two
        # phrases; the second changes case with the first (verbs.recase). A
        # singular verb («осуществляется покупка продуктов и оплата услуг»)
        # agrees with the first alone: not sure what goes.
        return found[0]
    if len(found) == 1:
        return found[0]
    if not found and original.pos == "PRTS" and number == "sing" and gender == "neut":
        return None
    return False
