"""Word and phrase rules applied to one sentence at a time."""

from .findings import Finding
from .rules import Rule, RuleBook
from .text import Sentence


def find_lexical(sentence: Sentence, book: RuleBook) -> list[Finding]:
    tokens = sentence.tokens
    matches: list[tuple[int, int, Rule]] = []
    for i, token in enumerate(tokens):
        for rule in book.candidates(token.info.lemmas):
            end = rule.pattern.match_at(tokens, i)
            if end is not None:
                matches.append((tokens[i].start, tokens[end - 1].end, rule))
    return [
        Finding(start, end, rule.category, rule.hint, rule.suggestion)
        for start, end, rule in _without_overlaps(matches, book)
    ]


def _without_overlaps(matches, book: RuleBook):
    """Keep the longest match where matches overlap; ties go to the heavier category.

    «в целях дальнейшего обеспечения» should be one finding, not three.
    """
    ranked = sorted(
        matches,
        key=lambda m: (-(m[1] - m[0]), -book.categories[m[2].category].weight, m[0]),
    )
    kept: list[tuple[int, int, Rule]] = []
    for m in ranked:
        if all(m[1] <= k[0] or m[0] >= k[1] for k in kept):
            kept.append(m)
    return sorted(kept, key=lambda m: m[0])
