"""Word and phrase rules applied to one sentence at a time."""

from .findings import Finding
from .grammar import readings
from .rules import Rule, RuleBook
from .text import Sentence

Match = tuple[tuple[int, ...], Rule]  # indexes of the tokens the rule's words matched


def match_lexical(sentence: Sentence, book: RuleBook) -> list[Match]:
    return _without_overlaps(
        matches_from(sentence, book, range(len(sentence.tokens))), book
    )


def matches_from(sentence: Sentence, book: RuleBook, starts) -> list[Match]:
    """Every match of a rule that starts at one of the token indexes ``starts``,
    overlapping ones included."""
    tokens = sentence.tokens
    matches: list[Match] = []
    for i in starts:
        following = tokens[i + 1].info.lemmas if i + 1 < len(tokens) else ()
        for rule in set(book.candidates(tokens[i].info.lemmas, following)):
            matched = rule.pattern.match_at(tokens, i)
            if (
                matched is not None
                and _attribute_if_needed(tokens, matched, book)
                and _after_noun_if_needed(tokens, matched, book)
            ):
                matches.append((matched, rule))
    return matches


def _attribute_if_needed(tokens, matched: tuple[int, ...], book: RuleBook) -> bool:
    """A form that is also a noun of its own (grammar.json «attributive_only»:
    «данные» = data) is matched only as the adjective of the next word, which
    agrees with it in case and number: «данные сведения», not «данные опроса».
    A noun whose plural is also its genitive singular follows only if it is one
    data are not said of («данные меры», not «данные проверки»)."""
    i = matched[-1]
    if tokens[i].norm not in book.grammar["attributive_only"]:
        return True
    if i + 1 >= len(tokens) or not tokens[i + 1].joined:
        return False
    own = {_agreement(r) for r in readings(tokens[i].norm) if r.pos == "ADJF"}
    following = readings(tokens[i + 1].norm)
    if any(
        r.pos == "NOUN"
        and r.case() == "gent"
        and r.lemma not in book.grammar["attributive_nouns"]
        for r in following
    ):
        return False  # «данные проверки», «данные семьи»: the data of one, or these?
    return any(
        _agreement(r) in own for r in following if r.pos in ("NOUN", "ADJF", "PRTF")
    )


def _after_noun_if_needed(tokens, matched: tuple[int, ...], book: RuleBook) -> bool:
    """A participle that is plain Russian on its own («Желающие могут
    записаться») is matched only where it opens a phrase after the noun it
    agrees with, set off by a comma (grammar.json «after_noun_only»): there a
    «который» clause reads easier («жителям, желающим …» → «…, которые хотят …»)."""
    i = matched[0]
    if not book.grammar["after_noun_only"] & tokens[i].info.lemmas:
        return True
    if i == 0 or tokens[i].joined or tokens[i].start - tokens[i - 1].end > 2:
        return False
    own = {_agreement(r) for r in readings(tokens[i].norm) if r.pos == "PRTF"}
    return any(
        _agreement(r) in own for r in readings(tokens[i - 1].norm) if r.pos == "NOUN"
    )


def _agreement(reading) -> tuple:
    """Case and number, and in the accusative animacy too: «данные банковских
    карт» is not «these cards» (the accusative «банковских» is animate)."""
    case = reading.case()
    animate = None
    if case == "accs":
        animate = "anim" in reading.grammemes
    return case, reading.number(), animate


def find_lexical(sentence: Sentence, book: RuleBook) -> list[Finding]:
    """Findings of the word rules, without fixes (the fixes verify with this)."""
    tokens = sentence.tokens
    return [
        Finding(
            tokens[matched[0]].start,
            tokens[matched[-1]].end,
            rule.category,
            rule.hint,
        )
        for matched, rule in match_lexical(sentence, book)
    ]


def _without_overlaps(matches, book: RuleBook):
    """Keep the match with the most rule words where matches share a word; then
    the one with the fewest skipped words, then the heavier category.

    «в целях дальнейшего обеспечения» is one finding, not two, while «очень» in
    the gap of «оказывает очень важную помощь» is still its own finding.
    """
    ranked = sorted(
        matches,
        key=lambda m: (
            -len(m[0]),
            m[0][-1] - m[0][0] + 1 - len(m[0]),
            -book.categories[m[1].category].weight,
            m[0][0],
            m[1].category,  # the rest only makes the order deterministic
            m[1].pattern.source,
        ),
    )
    kept = []
    taken: set[int] = set()
    for matched, rule in ranked:
        if taken.isdisjoint(matched):
            kept.append((matched, rule))
            taken.update(matched)
    return sorted(kept, key=lambda m: m[0][0])
