"""Words of a suggestion that careful readers reject in some neighbourhoods
(grammar.json «unfit_near»): the fix is built elsewhere, not there.

«деятельности» → «работы» repeats a «работа» already in the sentence («работа
… одно из направлений работы»); «двух или более детей» → «двух или больше»
reads wrong in a counted range, and «50 и больше лет» was never judged, while
«трёх и больше детей» was accepted."""

from __future__ import annotations

from .draft import Place
from .grammar import readings
from .morph import normalize
from .phrases import clause_of, joined
from .templates import Template

# How many words after the replaced ones «after» looks at, within the clause
# (an age, «от 14 до 18 лет», may come five words on).
AFTER_WINDOW = 5


def unfit_here(place: Place, template: Template) -> bool:
    """Whether the alternative's first word is unfit next to these words."""
    if not template.words:
        return False
    if (
        _comparative_of_next(place, template)
        or _when_before_participle(place, template)
        or _teen_outside_age(place, template)
        or _as_without_subject(place, template)
    ):
        return True
    entry = place.book.grammar["unfit_near"].get(normalize(template.words[0]))
    if entry is None:
        return False
    tokens, text = place.tokens, place.text

    def named(i: int, words: frozenset[str]) -> bool:
        # A lemma («возраст») or an exact form («лет»: counted years only).
        return bool(words & (tokens[i].info.lemmas | {tokens[i].norm}))

    j = place.first - 1
    if (
        j >= 1
        and joined(text, tokens, place.first)
        and joined(text, tokens, j)
        and any(
            a in tokens[j - 1].info.lemmas and b in tokens[j].info.lemmas
            for a, b in entry["before_pair"]
        )
    ):
        return True  # «льготным категориям людей»: the legal group is of «граждан»
    if (
        entry["before"]
        and j >= 0
        and joined(text, tokens, place.first)
        and named(j, entry["before"])
    ):
        return True
    if (
        entry["before_figure"]
        and j >= 1
        and joined(text, tokens, place.first)
        and joined(text, tokens, j)
        and named(j, entry["before_figure"])
        and tokens[j - 1].norm[:1].isdigit()
    ):
        return True  # «50 и более лет», not «трёх и более детей»
    for j in range(place.last + 1, min(place.last + 1 + AFTER_WINDOW, len(tokens))):
        if not joined(text, tokens, j):
            break
        if named(j, entry["after"]):
            return True
    return bool(entry["sentence"]) and any(
        named(i, entry["sentence"])
        for i in range(len(tokens))
        if i not in place.matched
    )


def _comparative_of_next(place: Place, template: Template) -> bool:
    """«более» that makes the next adjective or adverb comparative is no amount:
    «более крупные семьи», «более активно» → «больше крупные», «больше активно»
    is not Russian. «более 300 семей», «более месяца» stay «больше»."""
    if normalize(template.words[0]) != "больше" or place.word(place.last) != "более":
        return False
    j = place.last + 1
    if j >= len(place.tokens) or not joined(place.text, place.tokens, j):
        return False
    found = readings(place.word(j))
    return bool(found) and found[0].pos in ("ADJF", "ADJS", "ADVB", "PRTF", "PRTS")


def _when_before_participle(place: Place, template: Template) -> bool:
    """«В ходе проведённой проверки» → «При проведённой проверке»: «при» before
    a participle reads as a condition, not a time (round 22 j20, rejected by
    blind judges); «во время проведённой проверки» stays. Only for «в ходе»:
    «в случае выявленных нарушений» → «при выявленных нарушениях» is fine."""
    if normalize(template.words[0]) != "при" or place.word(place.last) != "ходе":
        return False
    j = place.last + 1
    if j >= len(place.tokens) or not joined(place.text, place.tokens, j):
        return False
    found = readings(place.word(j))
    return bool(found) and found[0].pos == "PRTF"


# The youngest age «подросток» covers: «несовершеннолетние» are all under 18.
TEEN_FROM = 12


def _teen_outside_age(place: Place, template: Template) -> bool:
    """«несовершеннолетние» are everyone under 18, «подростки» only the older
    children: «обследований условий жизни подростков» narrows who is meant
    (round 20 e22, rejected blind), and so does «Подросткам в возрасте от 7 до
    17 лет». «Подросток» replaces it only where an age that starts at
    ``TEEN_FROM`` or later follows («в возрасте от 14 до 18 лет», round 18 c19,
    accepted blind); «ребёнок», the word of the law for anyone under 18, stays."""
    if normalize(template.words[0]) != "подросток":
        return False
    if not any(
        "несовершеннолетний" in place.tokens[i].info.lemmas for i in place.matched
    ):
        return False
    tokens, text = place.tokens, place.text
    for j in range(place.last + 1, min(place.last + 1 + AFTER_WINDOW, len(tokens))):
        if not joined(text, tokens, j):
            break
        word = place.word(j)
        if word.isdigit():
            before = place.word(j - 1)
            if before in ("до", "младше"):
                return True  # «в возрасте до 16 лет» starts at birth
            if before in ("от", "с", "со") or tokens[j - 1].info.lemmas & {
                "возраст",
                "старше",
                "старший",
            }:
                # «в возрасте от 14 до 18 лет», «от 14 лет», «старше 14 лет»
                return int(word) < TEEN_FROM
    return True


def _as_without_subject(place: Place, template: Template) -> bool:
    """«в качестве меры поддержки» → «как мера поддержки»: the nominative after
    «как» is right only where the subject it describes comes first in the
    clause («Ветераны приглашены как почётные гости»). Before its subject, or
    beside a dative («Многодетным семьям как мера социальной поддержки …
    производится выплата», round 21 i38, rejected blind), the case reads as
    not agreeing; such a clause keeps «в качестве»."""
    if normalize(template.words[0]) != "как" or "качество" not in {
        lemma for i in place.matched for lemma in place.tokens[i].info.lemmas
    }:
        return False
    first, _ = clause_of(place.text, place.tokens, place.first)
    for i in range(first, place.first):
        if place.preposition_before(i) is not None:
            continue
        if any(
            r.pos in ("NOUN", "NPRO") and r.case() == "nomn"
            for r in readings(place.word(i))
        ):
            return False
    return True
