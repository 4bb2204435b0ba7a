"""Tokenization with character offsets, and sentence splitting."""

import re
from dataclasses import dataclass, field

from .morph import WordInfo, normalize, word_info

_WORD_RE = re.compile(r"[0-9A-Za-zА-Яа-яЁё]+(?:-[0-9A-Za-zА-Яа-яЁё]+)*")
# A sentence ends at . ! ? … (possibly repeated, possibly followed by closing
# quotes or brackets) when whitespace follows, or at a blank/new line.
_SENTENCE_END_RE = re.compile(r"[.!?…]+[»\"')\]]*(?=\s|$)|\n+")
# Abbreviations after which a dot does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "т",
        "д",
        "п",
        "г",
        "гг",
        "руб",
        "тыс",
        "млн",
        "млрд",
        "им",
        "ул",
        "пр",
        "пос",
        "обл",
        "р-н",
        "см",
        "др",
        "ст",
        "ч",
        "коп",
    ]
)


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    norm: str
    info: WordInfo
    joined: bool  # only whitespace separates it from the previous word


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    tokens: list[Token]
    # What the fixes work out about this sentence once (its noun phrases, its
    # rule matches), shared by every finding in it.
    memo: dict = field(default_factory=dict, repr=False, compare=False)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    tokens: list[Token] = []
    previous_end = None
    for m in _WORD_RE.finditer(text, start, len(text) if end is None else end):
        norm = normalize(m.group())
        joined = previous_end is not None and text[previous_end : m.start()].isspace()
        tokens.append(
            Token(m.start(), m.end(), m.group(), norm, word_info(norm), joined)
        )
        previous_end = m.end()
    return tokens


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """How many words ``tokenize`` would find, without analysing them."""
    stop = len(text) if end is None else end
    return sum(1 for _ in _WORD_RE.finditer(text, start, stop))


def _dot_is_abbreviation(text: str, pos: int) -> bool:
    """True for «руб.», «т. д.»: the word before a single dot is an abbreviation."""
    if text[pos] != ".":
        return False
    m = re.search(r"([A-Za-zА-Яа-яЁё-]+)$", text[max(0, pos - 12) : pos])
    return bool(m) and m.group(1).lower() in _ABBREVIATIONS


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences; each keeps its tokens and exact span."""
    sentences = []
    begin = 0
    for m in _SENTENCE_END_RE.finditer(text):
        if m.group()[0] != "\n" and _dot_is_abbreviation(text, m.start()):
            continue
        _append(text, begin, m.end(), sentences)
        begin = m.end()
    _append(text, begin, len(text), sentences)
    return sentences


def _append(text: str, begin: int, end: int, out: list[Sentence]) -> None:
    chunk = text[begin:end]
    stripped = chunk.strip()
    if not stripped:
        return
    start = begin + (len(chunk) - len(chunk.lstrip()))
    stop = start + len(stripped)
    tokens = tokenize(text, start, stop)
    if tokens:
        out.append(Sentence(start, stop, tokens))
