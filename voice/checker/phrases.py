"""Noun phrases, clauses and verb forms of one sentence, for building fixes.

A noun phrase here is what must change together when one of its words changes
case: the agreeing words (adjectives, participles, pronouns like «этот») and the
head noun. A genitive tail («ремонтом *здания*») stays as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .grammar import Reading, inflect, pronoun_adjectives, readings, same_shape
from .persons import person_forms
from .text import Token

ADJECTIVE_POS = ("ADJF", "PRTF")
VERB_POS = ("VERB", "INFN", "PRTF", "PRTS", "GRND")
# Punctuation that ends a clause between two words.
_CLAUSE_MARKS = set(',;:—–()"«»')


@dataclass
class Phrase:
    """One reading of a noun phrase: the agreeing words and how they agree."""

    words: list[int]  # token indexes of the agreeing words, head included
    head: int
    end: int  # last token of the phrase, genitive tail included
    case: str
    number: str
    gender: str | None
    animate: bool
    chosen: dict[int, Reading] = field(default_factory=dict)
    numeral: bool = False  # a number or a numeral word agrees with it

    @property
    def first(self) -> int:
        return self.words[0]


def between(text: str, tokens: list[Token], i: int) -> str:
    """What separates token ``i`` from the token before it."""
    if i <= 0:
        return ""
    return text[tokens[i - 1].end : tokens[i].start]


def joined(text: str, tokens: list[Token], i: int) -> bool:
    return i > 0 and between(text, tokens, i).isspace()


def clause_of(text: str, tokens: list[Token], i: int) -> tuple[int, int]:
    """First and last token of the clause around token ``i``: punctuation bounds it."""
    first = i
    while first > 0 and not _CLAUSE_MARKS & set(between(text, tokens, first)):
        first -= 1
    last = i
    while last + 1 < len(tokens) and not _CLAUSE_MARKS & set(
        between(text, tokens, last + 1)
    ):
        last += 1
    return first, last


def quoted_before(text: str, tokens: list[Token], i: int) -> int | None:
    """The first token of a «quoted name» that ends right before token ``i``
    («центра «Рука помощи» осуществляется»): the name hangs on the word before
    it and bounds no clause. None when there is none, or it holds punctuation.
    Straight quotes do as well («Сертификат "Активное долголетие" выдаётся»)."""
    closing = between(text, tokens, i).strip() if i > 0 else ""
    opening = {"»": "«", '"': '"'}.get(closing)
    if opening is None:
        return None
    q = i - 1
    while q > 0 and not between(text, tokens, q).strip():
        q -= 1
    return q if q > 0 and between(text, tokens, q).strip() == opening else None


def clause_start(text: str, tokens: list[Token], i: int) -> int:
    """The first token of the clause around token ``i``, quoted names inside it:
    «Волонтёрами центра «Рука помощи» ежедневно осуществляется»."""
    first = clause_of(text, tokens, i)[0]
    while (quoted := quoted_before(text, tokens, first)) is not None:
        first = clause_of(text, tokens, quoted - 1)[0]
    return first


# Prepositions of a preposition and a noun: the noun phrase right after them is
# their genitive («в рамках системы», «по итогам конкурса»), and so is the
# genitive chain after it — unless a word of the chain is the subject.
COMPOUND_PREPOSITIONS = frozenset(
    {"в рамках", "в ходе", "по итогам", "по результатам", "в целях", "в течение"}
    | {"за счет", "в случае", "в период", "во время", "в процессе", "в результате"}
    | {"в отношении", "на основании", "с помощью", "при помощи", "по поводу"}
    | {"в условиях", "в интересах", "в честь", "в пользу", "со стороны"}
    | {"в преддверии", "по случаю", "с целью", "в адрес", "в части"}
)


def after_compound_preposition(text: str, tokens: list[Token], i: int) -> bool:
    """Token ``i`` opens the noun phrase a compound preposition governs."""
    if i < 2 or not (joined(text, tokens, i) and joined(text, tokens, i - 1)):
        return False
    words = f"{tokens[i - 2].norm} {tokens[i - 1].norm}".replace("ё", "е")
    return words in COMPOUND_PREPOSITIONS


def in_compound_chain(text: str, tokens: list[Token], i: int) -> bool:
    """Token ``i`` comes after the genitive chain a compound preposition
    governs, within the clause: «В рамках программы поддержки семьи *меры*»."""
    k = i - 1
    while k >= 2 and joined(text, tokens, k + 1) and i - k <= 6:
        if after_compound_preposition(text, tokens, k):
            return True
        if not any(
            r.pos in ("NOUN", *ADJECTIVE_POS) and r.case() == "gent"
            for r in readings(tokens[k].norm)
        ):
            return False
        k -= 1
    return False


def _nouns(token: Token) -> list[Reading]:
    return [r for r in readings(token.norm) if r.pos == "NOUN"]


def _adjectives(token: Token) -> list[Reading]:
    found = [r for r in readings(token.norm) if r.pos in ADJECTIVE_POS]
    if any("Apro" in r.grammemes for r in found):
        # «этого срока»: the masculine «этого» is too rare a parse to be read.
        found += [r for r in pronoun_adjectives(token.norm) if r not in found]
    return found


def is_numeral(token: Token) -> bool:
    return token.norm[:1].isdigit() or any(
        r.pos in ("NUMR", "NUMB") for r in readings(token.norm)
    )


def agrees(modifier: Reading, case: str, number: str, gender, animate: bool) -> bool:
    if modifier.case() != case or modifier.number() != number:
        return False
    if number == "sing" and modifier.gender() not in (None, gender):
        return False
    if case == "accs" and (number == "plur" or gender == "masc"):
        if "anim" in modifier.grammemes and not animate:
            return False
        if "inan" in modifier.grammemes and animate:
            return False
    return True


def noun_phrase(
    text: str, tokens: list[Token], i: int, stop: int | None = None
) -> list[Phrase]:
    """Every consistent reading of the noun phrase that starts at token ``i``.

    Empty when no noun phrase starts there. Numbers in front («15 единиц») are
    noted, not analysed: their government is left alone.
    """
    stop = len(tokens) if stop is None else stop
    numeral = False
    j = i
    modifiers: list[int] = []
    head = None
    while j < stop:
        if j > i and not joined(text, tokens, j):
            return []
        token = tokens[j]
        if is_numeral(token) and not _nouns(token):
            numeral = True
            modifiers.append(j)
            j += 1
            continue
        nouns = _nouns(token)
        adjectives = _adjectives(token)
        following_is_nominal = (
            j + 1 < stop
            and joined(text, tokens, j + 1)
            and bool(_nouns(tokens[j + 1]) or _adjectives(tokens[j + 1]))
        )
        if nouns and not (adjectives and following_is_nominal):
            head = j
            break
        if adjectives:
            modifiers.append(j)
            j += 1
            continue
        return []
    if head is None:
        return []
    phrases = []
    for noun in _nouns(tokens[head]):
        case, number = noun.case(), noun.number()
        if case is None or number is None:
            continue
        gender = noun.gender()
        animate = "anim" in noun.grammemes
        chosen = {head: noun}
        ok = True
        for m in modifiers:
            if is_numeral(tokens[m]):
                continue
            fitting = sorted(
                (
                    r
                    for r in _adjectives(tokens[m])
                    if agrees(r, case, number, gender, animate)
                ),
                key=lambda r: r.pos != "ADJF",  # «данная»: the adjective, not «дать»
            )
            if not fitting:
                ok = False
                break
            chosen[m] = fitting[0]
        if ok and not any(p.case == case and p.number == number for p in phrases):
            phrases.append(
                Phrase(
                    modifiers + [head],
                    head,
                    _tail_end(text, tokens, head, stop),
                    case,
                    number,
                    gender,
                    animate,
                    chosen,
                    numeral,
                )
            )
    return phrases


def _tail_end(text: str, tokens: list[Token], head: int, stop: int) -> int:
    """Last token of the genitive words after the head: «ремонтом здания школы»."""
    end = head
    k = head + 1
    pending = []
    while k < stop and joined(text, tokens, k):
        token = tokens[k]
        if any(r.case() == "gent" for r in _nouns(token)):
            end = k
            pending = []
        elif any(r.case() == "gent" for r in _adjectives(token)):
            pending.append(k)
        else:
            break
        k += 1
    return end


# Relative words whose case comes from their own clause («который», «какой»,
# «чей»): a rewrite that recases the phrase before them leaves them as they are.
_RELATIVES = frozenset({"который", "какой", "чей"})


def trailing_participle(
    text: str, tokens: list[Token], phrase: Phrase
) -> tuple[int, Reading] | None:
    """The participle that opens a clause after the phrase and agrees with its
    head («по заявлению, *поданному* через портал»): it must change with it.
    None when there is none, or when it may agree with a noun of the genitive
    tail as well («заявления гражданина, поданного»: whose?), in any of the
    readings of its form: «частью программы, направленной на …» may speak of
    the programme («направленной», genitive), and a fix that makes «частью»
    «часть» keeps it as it is, never «часть программы, направленная» (round 25
    ab39, rejected blind)."""
    k = phrase.end + 1
    if k >= len(tokens) or between(text, tokens, k).strip() != ",":
        return None
    # «документов, необходимых для получения выплат»: an adjective opening a
    # clause agrees as a participle does, unless it starts a noun phrase of its
    # own, a list's next member («документов, новых справок»).
    opens_phrase = any(p.head > k for p in noun_phrase(text, tokens, k))
    # «стадиона, которая завершится»: «который» (an adjective to the
    # morphology) takes its case from its own clause, never from the phrase.
    modifying = [
        r
        for r in readings(tokens[k].norm)
        if (r.pos == "PRTF" or (r.pos == "ADJF" and not opens_phrase))
        and r.lemma not in _RELATIVES
    ]
    fitting = [
        r
        for r in modifying
        if agrees(r, phrase.case, phrase.number, phrase.gender, phrase.animate)
    ]
    if not fitting:
        return None
    for i in range(phrase.head + 1, phrase.end + 1):
        for noun in _nouns(tokens[i]):
            case, number = noun.case(), noun.number()
            if (
                case
                and number
                and any(
                    agrees(r, case, number, noun.gender(), "anim" in noun.grammemes)
                    for r in modifying
                )
            ):
                return None
    return k, fitting[0]


def inflect_phrase(
    tokens: list[Token],
    phrase: Phrase,
    case: str,
    number: str | None = None,
    text: str | None = None,
) -> dict[int, str] | None:
    """New forms of the agreeing words for another case (and number); None if
    some form does not exist. Numbers and numerals are never re-inflected. With
    the ``text``, a participle opening a clause after the phrase and agreeing
    with it changes too («заявления, поданного» → «заявлению, поданному»)."""
    number = number or phrase.number
    out = {}
    chosen = dict(phrase.chosen)
    indexes = list(phrase.words)
    if text is not None:
        participle = trailing_participle(text, tokens, phrase)
        if participle is not None:
            indexes.append(participle[0])
            chosen[participle[0]] = participle[1]
    counted = _counted_plural(tokens, phrase, case, number)
    few = counted and _few(tokens, phrase)
    for index in indexes:
        reading = chosen.get(index)
        if reading is None:  # a numeral
            if case == phrase.case:
                continue
            if few:
                form = _few_form(tokens[index], case, phrase.gender)
            else:
                form = _numeral_form(tokens[index], case) if counted else None
            if form is None:
                return None
            out[index] = same_shape(tokens[index].text, form)
            continue
        if few:
            # «трёх месяцев» → «три месяца», «двух рабочих недель» → «две
            # рабочие недели»: the noun in the genitive singular, an adjective
            # of a feminine noun in the nominative plural, of others as it is.
            if index == phrase.head:
                form = inflect(reading, {"gent", "sing"})
            elif phrase.gender == "femn" and reading.pos in ADJECTIVE_POS:
                form = inflect(reading, {"nomn", "plur"})
            else:
                continue
            if form is None:
                return None
            out[index] = same_shape(tokens[index].text, form)
            continue
        if counted:
            continue  # «пяти рабочих дней» → «пять рабочих дней»: the rest stays
        wanted = {case, number}
        if reading.pos == "PRTF":  # stay the same participle: passive, past
            wanted |= reading.grammemes & {"actv", "pssv", "pres", "past"}
        if reading.pos in ADJECTIVE_POS:
            if number == "sing" and phrase.gender:
                wanted.add(phrase.gender)
            if case == "accs" and (number == "plur" or phrase.gender == "masc"):
                wanted.add("anim" if phrase.animate else "inan")
        form = inflect(reading, wanted)
        if form is None:
            return None
        out[index] = same_shape(tokens[index].text, form)
    # «Анна Петрова» → «Анну Петрову»: the surname is no genitive tail.
    names = person_forms(tokens, phrase.head, phrase.case, case)
    if names is None or (names and number != "sing"):
        return None
    out.update(names)
    return out


# Numerals after which, in the nominative or accusative, the counted words are
# in the genitive plural, as after the same numeral in the genitive.
_FIVE_AND_UP = frozenset(
    [
        "пять",
        "шесть",
        "семь",
        "восемь",
        "девять",
        "десять",
        "одиннадцать",
        "двенадцать",
        "тринадцать",
        "четырнадцать",
        "пятнадцать",
        "шестнадцать",
        "семнадцать",
        "восемнадцать",
        "девятнадцать",
        "двадцать",
        "тридцать",
        "сорок",
        "пятьдесят",
        "шестьдесят",
        "семьдесят",
        "восемьдесят",
        "девяносто",
        "сто",
        "несколько",
    ]
)


def _counted_plural(tokens: list[Token], phrase: Phrase, case: str, number) -> bool:
    """«пяти рабочих дней» put in the accusative: only the numeral changes."""
    return (
        phrase.numeral
        and phrase.case == "gent"
        and phrase.number == "plur"
        and number == "plur"
        and case in ("nomn", "accs")
        and not phrase.animate
    )


# Numerals after which, in the nominative or accusative, the counted noun is in
# the genitive singular: «три месяца», «две недели».
_TWO_TO_FOUR = frozenset(["два", "три", "четыре"])


def _few(tokens: list[Token], phrase: Phrase) -> bool:
    """The phrase is counted by one numeral from two to four («трёх месяцев»,
    «3 месяцев», «двух недель»), whose counted noun changes number in the
    nominative and accusative."""
    numerals = [i for i in phrase.words if i not in phrase.chosen]
    if len(numerals) != 1 or phrase.gender is None:
        return False
    word = tokens[numerals[0]].norm
    if word.isdigit():
        n = int(word)
        return n % 10 in (2, 3, 4) and not 12 <= n % 100 <= 14
    return any(r.pos == "NUMR" and r.lemma in _TWO_TO_FOUR for r in readings(word))


def _few_form(token: Token, case: str, gender: str | None) -> str | None:
    """«трёх» → «три», «двух» → «два» or «две» (by the counted noun's gender)."""
    if token.norm.isdigit():
        return token.text
    for r in readings(token.norm):
        if r.pos == "NUMR" and r.lemma in _TWO_TO_FOUR:
            wanted = {case, "inan"} if case == "accs" else {case}
            if r.lemma == "два":
                wanted.add("femn" if gender == "femn" else "masc")
            return inflect(r, wanted)
    return None


def _numeral_form(token: Token, case: str) -> str | None:
    if token.norm.isdigit():
        n = int(token.norm)
        many = n % 10 in (0, 5, 6, 7, 8, 9) or 11 <= n % 100 <= 14
        return token.text if many else None
    for r in readings(token.norm):
        if r.pos == "NUMR" and r.lemma in _FIVE_AND_UP:
            return inflect(r, {case})
    return None


_PERSONAL = frozenset(["я", "ты", "он", "она", "оно", "мы", "вы", "они"])


def complement(text: str, tokens: list[Token], i: int) -> list[Phrase]:
    """Readings of what follows a verb as its object: a noun phrase, a pronoun
    («вас»), or an adjective used as a noun («всем», «пострадавшим»)."""
    if i >= len(tokens) or not joined(text, tokens, i):
        return []
    phrases = noun_phrase(text, tokens, i)
    if phrases:
        return phrases
    out = []
    for r in readings(tokens[i].norm):
        usable = r.pos == "NPRO" and r.lemma in _PERSONAL
        usable |= r.pos in ADJECTIVE_POS and not (
            i + 1 < len(tokens)
            and joined(text, tokens, i + 1)
            and any(x.pos == "NOUN" for x in readings(tokens[i + 1].norm))
        )
        known = any(p.case == r.case() and p.number == r.number() for p in out)
        if usable and r.case() and r.number() and not known:
            phrase = Phrase([i], i, i, r.case(), r.number(), r.gender(), True, {i: r})
            if r.pos in ADJECTIVE_POS:
                _take_next_adjective(text, tokens, phrase)
            out.append(phrase)
    return out


def _take_next_adjective(text: str, tokens: list[Token], phrase: Phrase) -> None:
    """«всех желающих», «всем нуждающимся»: two adjectives used as one noun
    change together («сообщить всем желающим», never «всем желающих»)."""
    k = phrase.head + 1
    if k >= len(tokens) or not joined(text, tokens, k):
        return
    fitting = [
        r
        for r in _adjectives(tokens[k])
        if r.case() == phrase.case and r.number() == phrase.number
    ]
    if fitting:
        phrase.words.append(k)
        phrase.head = phrase.end = k
        phrase.chosen[k] = fitting[0]


def verb_reading(token: Token) -> Reading | None:
    """The verbal reading of a word, finite forms first."""
    found = [r for r in readings(token.norm) if r.pos in VERB_POS]
    if not found:
        return None
    order = {pos: n for n, pos in enumerate(("VERB", "INFN", "GRND", "PRTS", "PRTF"))}
    return sorted(found, key=lambda r: order[r.pos])[0]
