"""Phrase patterns over lemmas, with gaps.

A pattern is a space-separated sequence of elements:

- ``слово`` matches any form of the word's lemma («целях» → «цель»);
- ``=слово`` matches exactly this form (after lowercasing and ё→е);
- ``осуществл*`` matches any word whose lemma starts with the stem;
- ``a|b`` matches any of the alternatives;
- ``…`` (or ``...``) skips up to ``GAP_MAX`` words, so «в целях … обеспечение»
  catches «в целях дальнейшего обеспечения».
"""

from dataclasses import dataclass

from .morph import lemma, normalize
from .text import Token

GAP_MAX = 3
GAP_MARKS = ("…", "...")


@dataclass(frozen=True, slots=True)
class Alternative:
    kind: str  # "lemma", "form" or "stem"
    value: str

    def matches(self, token: Token) -> bool:
        if self.kind == "form":
            return token.norm == self.value
        if self.kind == "lemma":
            return self.value in token.info.lemmas
        return any(x.startswith(self.value) for x in token.info.lemmas)


# An element is a tuple of alternatives, or None for a gap.
Element = tuple[Alternative, ...] | None


@dataclass(frozen=True, slots=True)
class Pattern:
    source: str
    elements: tuple[Element, ...]

    @property
    def first(self) -> tuple[Alternative, ...]:
        return self.elements[0]

    def match_at(self, tokens: list[Token], i: int) -> tuple[int, ...] | None:
        """Indexes of the tokens matched by words (not by gaps), or None."""
        return _match(self.elements, 0, tokens, i)


def _match(elements, k: int, tokens: list[Token], i: int) -> tuple[int, ...] | None:
    if k == len(elements):
        return ()
    element = elements[k]
    if element is None:
        # Shortest gap first: the finding stays as tight as possible.
        for skip in range(GAP_MAX + 1):
            if i + skip > len(tokens):
                break
            rest = _match(elements, k + 1, tokens, i + skip)
            if rest is not None:
                return rest
        return None
    if i < len(tokens) and any(alt.matches(tokens[i]) for alt in element):
        rest = _match(elements, k + 1, tokens, i + 1)
        if rest is not None:
            return (i, *rest)
    return None


def _compile_alternative(text: str) -> Alternative:
    if text.startswith("="):
        return Alternative("form", normalize(text[1:]))
    if text.endswith("*"):
        return Alternative("stem", normalize(text[:-1]))
    return Alternative("lemma", lemma(text))


def compile_pattern(source: str) -> Pattern:
    elements: list[Element] = []
    for part in source.split():
        if part in GAP_MARKS:
            elements.append(None)
        else:
            elements.append(tuple(_compile_alternative(a) for a in part.split("|")))
    if not elements or elements[0] is None or elements[-1] is None:
        raise ValueError(f"pattern must start and end with a word: {source!r}")
    return Pattern(source, tuple(elements))


def signature(pattern: Pattern) -> tuple:
    """Canonical form used to detect the same rule written twice."""
    return tuple(
        None if e is None else tuple(sorted((a.kind, a.value) for a in e))
        for e in pattern.elements
    )
