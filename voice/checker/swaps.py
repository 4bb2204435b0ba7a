"""Fixes that put words in as they are written («сейчас», «из-за», «нужно») and
give the noun phrase after them the case the new words govern: «в связи с
ремонтом» → «из-за ремонта», «на основании заявления» → «по заявлению»."""

from __future__ import annotations

from .draft import Draft, Place
from .findings import Fix
from .grammar import (
    CASES,
    euphonic,
    governed_cases,
    is_known,
    is_preposition,
    readings,
)
from .phrases import (
    between,
    clause_of,
    inflect_phrase,
    joined,
    verb_reading,
)
from .relatives import relative
from .shapes import (
    UNINFLECTED,
    fragment_kind,
)
from .templates import Template
from .verbs import is_passive, recase_coordinated


def word_swap(place: Place, template: Template) -> Fix | None:
    if _also(place):
        return also_swap(place, template)
    if len(place.matched) != 1:
        return None
    original = {r.pos for r in readings(place.word(place.first))}
    new = {r.pos for r in readings(template.words[0])} if template.words else set()
    if template.literal:
        new = original & UNINFLECTED or new
    if not original & new and not _compatible(original, new):
        return None
    predicative_only = "PRED" in new and not new & original - {"PRED"}
    if predicative_only and "ADJS" in original and not _infinitive_follows(place):
        return None  # «это необходимо» → «это надо» is not Russian
    return phrase_swap(place, template)


def _also(place: Place) -> bool:
    return place.matched == (place.first, place.first + 1) and (
        place.word(place.first),
        place.word(place.last),
    ) == ("а", "также")


# Words after which «а также» joins what is not a list of nouns: a place or
# time («в МФЦ, а также в управлении» may be «или»), a clause of its own.
_ALSO_NOT_BEFORE = frozenset({"VERB", "INFN", "PRTS", "PREP", "CONJ", "GRND"})


def also_swap(place: Place, template: Template) -> Fix | None:
    """«вручены дипломы, а также ценные подарки» → «вручены дипломы и ценные
    подарки»: in a list of nouns «а также» is «и», and the comma before it goes.
    Not before a preposition, a verb or a clause of its own («…, а также
    глава района поздравил …» keeps its comma), nor after an «и» of the same
    list («паспорт и СНИЛС, а также документы» would read «и … и»)."""
    if template.words != ("и",):
        return None
    tokens, text = place.tokens, place.text
    first, j = place.first, place.last + 1
    if first < 1 or text[tokens[first - 1].end : tokens[first].start] != ", ":
        return None
    if j >= len(tokens) or not joined(text, tokens, j) or not place.phrases(j):
        return None
    if {r.pos for r in readings(place.word(j))} & _ALSO_NOT_BEFORE:
        return None
    start, end = clause_of(text, tokens, j)
    for k in range(j, end + 1):
        if any(r.pos in ("VERB", "PRTS") for r in readings(place.word(k))[:1]):
            return None  # a clause of its own: «…, а также глава района поздравил»
    if any(place.word(k) == "и" for k in range(max(0, first - 4), first)):
        return None
    draft = Draft(place)
    draft.span(tokens[first - 1].end, tokens[place.last].end, " и")
    return draft.fix()


def _compatible(original: set, new: set) -> bool:
    pairs = [({"ADVB"}, {"COMP"}), ({"PREP"}, {"COMP"}), ({"ADJS", "PRED"}, {"PRED"})]
    return any(a & original and b & new for a, b in pairs)


def _infinitive_follows(place: Place) -> bool:
    tokens = place.tokens
    for i in range(place.last + 1, min(place.last + 3, len(tokens))):
        if any(r.pos == "INFN" for r in readings(tokens[i].norm)):
            return True
    return False


def phrase_swap(place: Place, template: Template) -> Fix | None:
    """Replace the words as written and give the following noun phrase the case
    the new words govern: «в связи с ремонтом» → «из-за ремонта»."""
    if _compound_preposition(template) and not (
        _noun_follows(place) or _relative_follows(place)
    ):
        return None  # «В период с 1 по 15 июня» → «Во время с 1 …»: nothing to govern
    if (
        template.words[-1:]
        and template.words[-1] in _MODALS
        and not _modal_place(place)
    ):
        return None  # «обязаны ему жизнью», «были обязаны сообщить» stay
    if template.literal and is_preposition(template.words[0]) and _held(place):
        return None  # «заказным почтовым отправлением» → «заказным по почте»
    # «за +т» asks for a thing («обратиться за перерасчётом»): not a span.
    span = template.words == ("за",) and template.complement_case != "ablt"
    if span and (
        not (
            (_perfective_in_clause(place) or _deadline_in_clause(place))
            and _counted_time_follows(place)
        )
        or _counted_from(place)
    ):
        # «закрыта в течение недели» → «за неделю» says something else, and
        # «за месяц со дня подачи», «за летний период» read oddly: only a
        # counted span after a finished action («за пять рабочих дней»).
        return None
    if _gerund(template) and not _active_clause(place):
        return None  # «Осуществляется перерасчёт учитывая …»: whose «учитывая»?
    if template.sense == "получаемое" and _title_deeds(place):
        return None  # «документы на получение участка» ≠ «документы на участок»
    if template.sense == "сумма" and not _noun_before(place):
        return None  # «выплачивается в размере 5000 рублей» → «выплачивается в 5000»
    if template.sense in ("бюджет", "источник") and not _paid_from(place):
        # «из областного бюджета приобретено 14 единиц»: what was bought did
        # not come out of the budget; only paying is done from it.
        return None
    draft = Draft(place)
    words = list(template.words)
    wanted = _complement_cases(place, template)
    if wanted is None:
        return None
    needs_noun = bool(template.complement_case) or (
        bool(template.words) and is_preposition(template.words[-1])
    )
    if needs_noun and not (_noun_follows(place) or _number_follows(place)):
        return None  # «в случае, если» → «при, если»: nothing for «при» to govern
    if wanted and not _recase_complement(
        place, draft, wanted, template.complement_case
    ):
        return None
    j = place.last + 1
    if j < len(place.tokens) and joined(place.text, place.tokens, j):
        following = draft.changes.get((place.tokens[j].start, place.tokens[j].end))
        words[-1] = euphonic(words[-1], following or place.tokens[j].text)
    draft.words(place.first, place.last, " ".join(words))
    if _gerund(template) and not _gerund_commas(place, draft):
        return None
    if words == ["если"] and not _comma_before_if(place, draft):
        return None
    end = place.tokens[place.last].end
    old = place.text[place.tokens[place.first].start : end].lower()
    if (
        old in _ASIDES
        and " ".join(words).lower() in _NO_COMMA_AFTER
        and place.text[end : end + 1] == ","
    ):
        # «Как правило, выплата …» → «Обычно выплата …»: an adverb, not an
        # aside, takes no comma.
        draft.span(end, end + 1, "")
    return draft.fix()


# Conjunctions after which a new «если» clause takes no comma («а если …»).
_JOINING_IF = frozenset({"а", "но", "или", "либо"})
# Words that hold on to the «если» after them («только если», «даже если»,
# «и в случае, если» = «даже если»):
# the comma would go before them, which a click cannot tell.
_HOLDING_IF = frozenset({"и", "только", "лишь", "даже", "именно", "особенно", "тогда"})


def _comma_before_if(place: Place, draft: Draft) -> bool:
    """«выплачивается при условии, что доход …» → «выплачивается, если доход
    …»: a clause of «если» inside the sentence is set off by a comma."""
    first = place.tokens[place.first]
    if place.first == 0:
        return True
    before = place.tokens[place.first - 1]
    gap = place.text[before.end : first.start]
    if not gap.isspace():
        return True  # a comma, dash or bracket already sets it off
    if before.norm in _JOINING_IF:
        return True
    if before.norm in _HOLDING_IF or any(
        r.pos == "PRCL" for r in readings(before.norm)
    ):
        return False
    draft.span(before.end, first.start, ", ")
    return True


# Asides set off by a comma («Как правило, …») whose plain replacement is an
# adverb written without it; a comma after other words may open the next aside
# («В настоящее время, по данным министерства, …») and stays.
_ASIDES = frozenset({"как правило", "по большей части", "в первую очередь"})
# Plain adverbs that replace an aside.
_NO_COMMA_AFTER = frozenset(
    {"обычно", "чаще всего", "сначала", "сейчас", "потом", "недавно", "скоро"}
    | {"снова", "в основном", "чаще"}
)


# Prepositions of a preposition and a noun: they govern the genitive of a noun
# phrase after them and mean nothing without one («во время с 1 по 15 июня»).
# «в этом году», «по очереди», «в итоге» are whole on their own.
_COMPOUND_PREPOSITIONS = frozenset(
    {"во время", "в ходе", "в течение", "по поводу", "с помощью", "в результате"}
    | {"в процессе", "в случае", "за счёт", "на время", "в период"}
)


# «обязан» → «должен», «не рекомендуется» → «не стоит» only as a modal: right
# before an infinitive («использование не рекомендуется» → «… не стоит» is not
# Russian), and not after a form of «быть» («были должны сообщить»).
_MODALS = frozenset({"должен", "должна", "должно", "должны", "стоит"})


def _modal_place(place: Place) -> bool:
    if place.first > 0 and "быть" in place.tokens[place.first - 1].info.lemmas:
        return False
    # «обязаны в течение месяца сообщить»: the infinitive may come a few words
    # on, within the clause and before any other verb.
    tokens = place.tokens
    for i in range(place.last + 1, min(place.last + 6, len(tokens))):
        if not joined(place.text, tokens, i):
            return False
        poses = {r.pos for r in readings(tokens[i].norm)}
        if "INFN" in poses:
            return True
        if poses & {"VERB", "PRTS", "ADJS"}:
            return False
    return False


def _held(place: Place) -> bool:
    """The replaced words are held by the word before them, a preposition that
    governs them or an adjective that agrees with them («с почтовым
    отправлением», «заказным почтовым отправлением»): a new prepositional
    phrase in their place would leave it hanging."""
    j = place.first - 1
    if j < 0 or not joined(place.text, place.tokens, place.first):
        return False
    return any(r.pos in ("PREP", "ADJF", "PRTF") for r in readings(place.word(j)))


def _compound_preposition(template: Template) -> bool:
    return " ".join(template.words).lower().replace("ё", "е") in {
        p.replace("ё", "е") for p in _COMPOUND_PREPOSITIONS
    }


def _perfective_in_clause(place: Place) -> bool:
    """«за пять дней» tells how long a finished action took: a perfective verb
    must be in the clause («примут», «выдадут»), or the short participle of a
    verb that names an event («будет осуществлена»), not a state («будет
    закрыта в течение недели» ≠ «за неделю»)."""
    events = place.book.grammar["event_participles"]
    first, last = clause_of(place.text, place.tokens, place.first)
    for i in range(first, last + 1):
        r = verb_reading(place.tokens[i])
        if r is None or "perf" not in r.grammemes:
            continue
        if r.pos == "VERB" or (r.pos == "PRTS" and r.lemma in events):
            return True
    return False


def _deadline_in_clause(place: Place) -> bool:
    """«рассматривается в течение 10 рабочих дней» → «за 10 рабочих дней»:
    working days count a deadline, and a process that ends when done
    («рассматривают», «оформляют», «принимают решение») takes it, so «за» tells
    how long. Not «принимают заявления»: a window, not a duration; not
    «направляют» or «вносят»: «за пять дней» would read as «in advance»."""
    j = place.last + 1
    if not any(
        "рабочий" in place.tokens[k].info.lemmas
        for k in range(j, min(j + 3, len(place.tokens)))
    ):
        return False
    verbs = place.book.grammar["deadline_verbs"]
    first, last = clause_of(place.text, place.tokens, place.first)
    lemmas = set()
    for i in range(first, last + 1):
        lemmas |= place.tokens[i].info.lemmas
        r = verb_reading(place.tokens[i])
        if r is not None and "impf" in r.grammemes:
            lemmas.add(r.lemma.removesuffix("ся"))
    return any(set(words.split()) <= lemmas for words in verbs)


# Property: «документы на участок» are its title deeds, not papers to get it.
_PROPERTY = frozenset({"участок", "жильё", "жилье", "квартира", "дом", "помещение"})


def _title_deeds(place: Place) -> bool:
    """«документов на получение земельного участка» → «документов на земельный
    участок» says title deeds: not after «документ» before property."""
    i = place.first - 1
    if i < 0 or "документ" not in place.tokens[i].info.lemmas:
        return False
    j = place.last + 1
    return j < len(place.tokens) and any(
        p.chosen[p.head].lemma in _PROPERTY for p in place.phrases(j)
    )


def _noun_before(place: Place) -> bool:
    """A noun right before the words: «помощь в размере 5000 рублей»."""
    i = place.first - 1
    return (
        i >= 0
        and joined(place.text, place.tokens, place.first)
        and any(r.pos == "NOUN" for r in readings(place.word(i))[:1])
    )


def _gerund(template: Template) -> bool:
    return any(any(r.pos == "GRND" for r in readings(word)) for word in template.words)


def _gerund_commas(place: Place, draft: Draft) -> bool:
    """A gerund phrase is set off by commas: «пересчитали, учитывая рост
    тарифов.» Offered where its end is certain: it runs to the end of the
    sentence, or a comma already closes it."""
    tokens, text, sentence = place.tokens, place.text, place.sentence
    phrases = place.phrases(place.last + 1) if _noun_follows(place) else []
    if not phrases:
        return False
    after = text[tokens[max(p.end for p in phrases)].end : sentence.end].strip()
    closed = after.startswith(",")
    if not closed and after not in ("", ".", "!", "?"):
        return False
    before = text[sentence.start : tokens[place.first].start]
    if not before.strip():
        return closed  # «Учитывая рост тарифов, …»
    if not before.rstrip().endswith(","):
        draft.span(tokens[place.first - 1].end, tokens[place.first].start, ", ")
    return True


def _active_clause(place: Place) -> bool:
    """A gerund («с учётом» → «учитывая») needs a doer: the clause has an
    active finite verb, not a passive («осуществляется», «увеличен»)."""
    first, last = clause_of(place.text, place.tokens, place.first)
    active = False
    for i in range(first, last + 1):
        if i in place.matched:
            continue
        reading = verb_reading(place.tokens[i])
        if reading is None or reading.pos not in ("VERB", "PRTS"):
            continue
        if is_passive(place, reading):
            return False
        active = active or reading.pos == "VERB"
    return active


def _paid_from(place: Place) -> bool:
    """«за счёт средств бюджета» → «из бюджета» only where the clause speaks of
    paying («Оплата … осуществляется», «оплатят», «выплата»): with anything
    else («из областного бюджета приобретено 14 единиц», «из бюджета
    отремонтировано») «из» reads as where the things came from, and round 17's
    writer rejected it."""
    money = place.book.grammar["paid_from"]
    first, last = clause_of(place.text, place.tokens, place.first)
    lemmas = set()
    for i in range(first, last + 1):
        lemmas |= place.tokens[i].info.lemmas
    return bool(lemmas & money["money"])


def _counted_time_follows(place: Place) -> bool:
    j = place.last + 1
    if j >= len(place.tokens) or not joined(place.text, place.tokens, j):
        return False
    phrases = place.phrases(j)
    return bool(phrases) and all(p.numeral for p in phrases)


# Nouns of «со дня регистрации», «с даты подачи», «с момента обращения»: the
# start a term is counted from.
_START_NOUNS = frozenset({"день", "дата", "момент", "число"})


def _counted_from(place: Place) -> bool:
    """«принимается в течение десяти рабочих дней со дня регистрации заявления»
    sets a deadline counted from an event: «за десять рабочих дней со дня
    регистрации» reads as how long the work takes and changes the term (round
    23 l18, rejected blind: «изменён смысл срока»). Where the start is named
    the words stay; «рассматривается за пять рабочих дней» is still offered."""
    first, last = clause_of(place.text, place.tokens, place.first)
    for j in range(place.last + 1, min(place.last + 7, last)):
        if place.word(j) in ("с", "со") and (
            _START_NOUNS & place.tokens[j + 1].info.lemmas
        ):
            return True
        if place.word(j) == "после":
            return True
    return False


def _number_follows(place: Place) -> bool:
    j = place.last + 1
    return (
        j < len(place.tokens)
        and joined(place.text, place.tokens, j)
        and place.word(j)[:1].isdigit()
    )


def _relative_follows(place: Place) -> bool:
    """«ёлка, в ходе которой …» → «во время которой»: a genitive «который»
    right after a compound preposition of a preposition and a noun («в ходе»)
    stays as it is after the new one, which governs the genitive too."""
    j = place.last + 1
    if j >= len(place.tokens) or not joined(place.text, place.tokens, j):
        return False
    if not is_preposition(place.word(place.first)) or not place.is_noun(place.last):
        return False
    return any(r.has("gent") for r in relative(place.tokens[j]))


def _noun_follows(place: Place) -> bool:
    j = place.last + 1
    if j >= len(place.tokens) or not joined(place.text, place.tokens, j):
        return False
    return bool(place.phrases(j))


def of_class(place: Place, name: str) -> bool:
    """Whether the noun phrase after the replaced words is headed by a noun of
    the class ``name``: whether «по» or «во время» fits depends on meaning.
    For a replaced noun («гражданам» → «жителям @!приезжие») it is the words
    that define it instead: «жители» are wrong for people defined by what does
    not imply living there («гражданам, пострадавшим при пожаре»)."""
    if fragment_kind(place) == "np":
        return _described_as(place, name)
    j = place.last + 1
    if j >= len(place.tokens) or not joined(place.text, place.tokens, j):
        return False
    after_preposition = is_preposition(place.word(j)) and j + 1 < len(place.tokens)
    if after_preposition:
        j += 1  # «находится на контроле»: the noun of the phrase after the verb
    members = place.book.grammar["noun_classes"][name]
    phrases = place.phrases(j)
    if phrases and all(p.chosen[p.head].lemma in members for p in phrases):
        return True
    # «предоставят семье справку»: the object after the one it goes to.
    addressed = any(p.case == "datv" for p in phrases)
    if not ((after_preposition or addressed) and fragment_kind(place) == "verb"):
        return False
    if not phrases and members & place.tokens[j].info.lemmas:
        return True  # «предоставить в МФЦ»: an abbreviation makes no phrase
    # «предоставить в клиентскую службу паспорт»: the object after the place.
    k = max(p.end for p in phrases) + 1 if phrases else j + 1
    starts = [k]
    # «предоставить в военный комиссариат копии документов»: read as the
    # place's genitive tail («комиссариат копии»), the object may start right
    # after the place's head (round 25 aa32: «дать … копии документов»).
    starts += sorted({p.head + 1 for p in phrases if p.end > p.head})
    for k in starts:
        if k >= len(place.tokens) or not joined(place.text, place.tokens, k):
            continue
        objects = place.phrases(k)
        if objects and all(p.chosen[p.head].lemma in members for p in objects):
            return True
    return False


def word_before_of_class(place: Place, name: str) -> bool:
    """Whether the word right before the replaced ones, in the same clause, is
    of the class ``name`` (a «@<класс» mark)."""
    j = place.first - 1
    if j < 0 or not joined(place.text, place.tokens, place.first):
        return False
    members = place.book.grammar["noun_classes"][name]
    return bool(members & word_keys(place.tokens[j]))


def word_keys(token) -> set[str]:
    """What a class member may name a word by: its lemmas, or its exact form
    written «=форма» («=программа», the nominative, is the subject of
    «программа реализуется»; «в рамках программы реализуется» is not)."""
    return {*token.info.lemmas, f"={token.norm}"}


def _described_as(place: Place, name: str) -> bool:
    """Whether a word of the class ``name`` defines the replaced noun: one of
    the two words right before it («пострадавшим гражданам») or of the
    participle phrase after it, set off by a comma or not («гражданам,
    прибывшим из других регионов»), or of the next clause when a participle
    or «который» opens it («гражданам старше 65 лет, проживающим в сёлах»)."""
    members = place.book.grammar["noun_classes"][name]
    tokens, text = place.tokens, place.text
    near: list[int] = []
    for j in (place.first - 1, place.first - 2):
        if j < 0 or not joined(text, tokens, j + 1):
            break
        near.append(j)
    j = place.last + 1
    if j < len(tokens) and between(text, tokens, j).strip() in ("", ","):
        last = clause_of(text, tokens, j)[1]
        near.extend(range(j, last + 1))
        k = last + 1
        if (
            k < len(tokens)
            and between(text, tokens, k).strip() == ","
            and _opens_description(tokens[k].norm)
        ):
            near.extend(range(k, clause_of(text, tokens, k)[1] + 1))
    if any(members & set(tokens[k].info.lemmas) for k in near):
        return True
    if any(_words_in_order(place, member, near) for member in members if " " in member):
        return True  # «гражданам, не имеющим определённого места жительства»
    return _defined_before(place, place.book.grammar["defined_before"].get(name))


# How many words «…» in a member of several words of a class stands for.
GAP = 2


def _words_in_order(place: Place, member: str, near: list[int]) -> bool:
    """Whether a class member of several words («не иметь … место
    жительство») stands among the words ``near``, its lemmas in order, with
    up to GAP other words where it has «…»: «по месту жительства» alone says
    where one lives, «не имеющим места жительства» that one has no home."""
    tokens = place.tokens
    parts = member.split()
    span = set(near)

    def match(k: int, p: int) -> bool:
        if p == len(parts):
            return True
        if parts[p] == "…":
            return any(match(k + g, p + 1) for g in range(GAP + 1))
        return k in span and parts[p] in tokens[k].info.lemmas and match(k + 1, p + 1)

    return any(match(k, 0) for k in near)


def _opens_description(word: str) -> bool:
    """A participle or «который» that may open a clause defining a noun."""
    return any(r.pos == "PRTF" or r.lemma == "который" for r in readings(word))


# How far back the words that define a noun only before it are looked for: the
# participle phrase before it, «проживающим в области гражданам».
BEFORE_WINDOW = 4


def _defined_before(place: Place, words: frozenset[str] | None) -> bool:
    """Whether a word that defines the noun only when it comes before it
    (grammar.json «defined_before») is among the few words before it, with no
    punctuation between: «мобилизованных граждан» are a legal category and
    «одиноко проживающих жителей» says it twice (after the noun, the class
    itself holds «проживающий»: «жителям, проживающим в сёлах», round 25)."""
    if not words:
        return False
    tokens, text = place.tokens, place.text
    for j in range(place.first - 1, max(place.first - 1 - BEFORE_WINDOW, -1), -1):
        if not joined(text, tokens, j + 1):
            return False
        if words & set(tokens[j].info.lemmas):
            return True
    return False


def _complement_cases(place: Place, template: Template) -> tuple[str, ...] | None:
    """Cases the new words let the following noun phrase have; () for any."""
    if template.complement_case == "loct" and _direction(place, template):
        return ("accs",)  # «прибывшим на территорию Кузбасса» → «в Кузбасс»
    if template.complement_case:
        return (template.complement_case,)
    last = template.words[-1] if template.words else ""
    if last == place.word(place.last) and is_preposition(last):
        return ()  # «по состоянию на 1 декабря» → «на 1 декабря»: the same preposition
    rs = readings(last) if (len(template.words) - 1) not in template.literal else ()
    old_last = place.word(place.last)
    old_ends_in_preposition = is_preposition(old_last)
    if rs and rs[0].pos == "PREP":
        return governed_cases(last) or None
    if any(r.pos == "NOUN" for r in rs):
        return ("gent",)
    if any(r.pos == "COMP" for r in rs) and is_preposition(place.word(place.first)):
        return ("gent",)
    if old_ends_in_preposition:
        return None  # «в связи с ремонтом» → «потому что ремонтом»: nothing to join
    return ()


# Prepositions that take the prepositional for where and the accusative for
# where to («в области», «в область»).
_WHERE = frozenset({"в", "во", "на"})


def _direction(place: Place, template: Template) -> bool:
    """The replaced words say where to, not where: «на территорию Кузбасса»
    (accusative) must become «в Кузбасс», not the «в Кузбассе» a rule's ``в +п``
    writes for «на территории Кузбасса»."""
    if not template.words or template.words[-1] not in _WHERE:
        return False
    if place.word(place.first) not in _WHERE or place.last == place.first:
        return False
    nouns = [r for r in readings(place.word(place.first + 1)) if r.pos == "NOUN"]
    return bool(nouns) and all(r.has("accs") for r in nouns)


def _recase_complement(place: Place, draft: Draft, wanted, marked: str | None) -> bool:
    j = place.last + 1
    tokens = place.tokens
    if j >= len(tokens) or not joined(place.text, tokens, j):
        return not is_preposition(place.word(place.last))
    governs = is_preposition(place.word(place.last))
    phrases = [p for p in place.phrases(j) if p.case in _old_complement_cases(place)]
    if not phrases:
        # Nothing the replaced words governed follows them, unless they end in a
        # preposition, whose noun must then be one we cannot read.
        return not governs
    if all(p.case in wanted for p in phrases) and not marked:
        return True
    target = wanted[0]
    if len(wanted) > 1 and not marked:
        return False  # «в» or «на»: location or direction, the rule must say
    results = set()
    for phrase in phrases:
        forms = inflect_phrase(tokens, phrase, target, text=place.text)
        if forms is None:
            return False
        results.add(tuple(sorted(forms.items())))
    if len(results) != 1:
        return False
    for i, form in results.pop():
        draft.word(i, form)
    return recase_coordinated(place, draft, phrases, target)


# Conjunctions that join a second noun phrase governed by the same words.
_AND = frozenset({"и", "или", "либо"})


def _old_complement_cases(place: Place) -> tuple[str, ...]:
    """Cases the replaced words governed: «в связи с» the instrumental."""
    last = place.word(place.last)
    if is_preposition(last):
        return governed_cases(last)
    if place.is_noun(place.last):
        return ("gent",)
    return CASES if is_known(last) else ()
