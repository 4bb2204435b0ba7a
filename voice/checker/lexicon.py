"""Word and phrase rules applied to one sentence at a time."""

from .findings import Finding
from .rules import Rule, RuleBook
from .text import Sentence


def find_lexical(sentence: Sentence, book: RuleBook) -> list[Finding]:
    tokens = sentence.tokens
    matches: list[tuple[tuple[int, ...], Rule]] = []
    for i, token in enumerate(tokens):
        following = tokens[i + 1].info.lemmas if i + 1 < len(tokens) else ()
        for rule in set(book.candidates(token.info.lemmas, following)):
            matched = rule.pattern.match_at(tokens, i)
            if matched is not None:
                matches.append((matched, rule))
    return [
        Finding(
            tokens[matched[0]].start,
            tokens[matched[-1]].end,
            rule.category,
            rule.hint,
            rule.suggestion,
        )
        for matched, rule in _without_overlaps(matches, book)
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
