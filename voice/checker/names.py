"""Names fixed by law (``grammar.json``, ``fixed_names``) found in a sentence in
any case: «социально-реабилитационного центра для несовершеннолетних» is the
legal name of a type of institution, and no one-click fix may rewrite its words
(«для детей»), whatever case the sentence puts the name in."""

from functools import lru_cache

from .morph import word_info
from .text import Sentence, Token, tokenize

# A word of a name: the lemmas of each part of a hyphenated word. pymorphy3
# lemmatizes only the last part of «дома-интерната» («дома-интернат»), so
# «дом-интернат» and «дома-интерната» agree only part by part.
Word = tuple[frozenset[str], ...]


def _word(norm: str) -> Word:
    parts = [p for p in norm.split("-") if p]
    return tuple(word_info(p).lemmas for p in parts) or (frozenset({norm}),)


@lru_cache(maxsize=16)
def _compiled(names: tuple[str, ...]) -> tuple[tuple[Word, ...], ...]:
    return tuple(tuple(_word(t.norm) for t in tokenize(name)) for name in names)


def _agrees(token: Token, word: Word) -> bool:
    own = _word(token.norm)
    if len(own) != len(word):
        return False
    return all(a & b for a, b in zip(own, word, strict=True))


def name_spans(sentence: Sentence, names: tuple[str, ...]) -> list[tuple[int, int]]:
    """First and last token index of every fixed name in ``sentence``."""
    spans = []
    tokens = sentence.tokens
    for name in _compiled(names):
        for i in range(len(tokens) - len(name) + 1):
            if all(_agrees(tokens[i + k], w) for k, w in enumerate(name)):
                spans.append((i, i + len(name) - 1))
    return spans
