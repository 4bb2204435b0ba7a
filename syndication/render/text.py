"""Counting and cutting text the way networks count it.

Telegram counts message length in UTF-16 code units after entity parsing (an emoji
outside the BMP is 2 units, while Python's ``len`` says 1). VK and OK do not document
how they count, so every network is measured in UTF-16 units: never less than the
code-point count, hence safe for all of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from syndication.content import Run, Runs


def utf16_len(text: str) -> int:
    # Characters above U+FFFF take a surrogate pair: two units. Encoding is done in
    # C, an order of magnitude faster than counting in Python.
    return len(text.encode("utf-16-le")) // 2


# A sentence ends with . ! ? … (possibly followed by closing quotes or brackets) and
# whitespace, and the next one starts with a capital, a digit, an opening quote or dash.
# Abbreviations such as «г. Новокузнецк» may split too early; that only moves a cut
# point, it never loses text.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[»\")\]]*\s+(?=[«\"(\[A-ZА-ЯЁ0-9—–-])")


def sentence_offsets(text: str) -> list[int]:
    """Offsets where a new sentence starts (after the separating whitespace)."""
    return [m.end() for m in _SENTENCE_END.finditer(text)]


def split_sentences(text: str) -> list[str]:
    """Split into sentences; ``"".join(result) == text`` always holds."""
    cuts = [0, *sentence_offsets(text), len(text)]
    return [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def word_offsets(text: str) -> list[int]:
    """Offsets where a word starts after whitespace: the only mid-sentence cut points."""
    return [m.end() for m in re.finditer(r"\s+", text) if m.end() < len(text)]


def slice_runs(runs: Runs, start: int, end: int) -> Runs:
    """The runs covering characters [start, end) of their joined text."""
    result = []
    pos = 0
    for run in runs:
        run_end = pos + len(run.text)
        a, b = max(start, pos), min(end, run_end)
        if a < b:
            result.append(
                Run(run.text[a - pos : b - pos], run.href, run.bold, run.italic)
            )
        pos = run_end
    return tuple(result)


def split_runs(runs: Runs, offsets: Iterable[int]) -> list[Runs]:
    text_len = sum(len(run.text) for run in runs)
    cuts = [0, *sorted(set(o for o in offsets if 0 < o < text_len)), text_len]
    return [
        slice_runs(runs, a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a
    ]


def strip_runs(runs: Runs) -> Runs:
    """Remove leading and trailing whitespace across runs, dropping empty runs."""
    runs = tuple(r for r in runs if r.text)
    if not runs:
        return ()
    first, last = runs[0], runs[-1]
    if len(runs) == 1:
        return (Run(first.text.strip(), first.href, first.bold, first.italic),)
    head = Run(first.text.lstrip(), first.href, first.bold, first.italic)
    tail = Run(last.text.rstrip(), last.href, last.bold, last.italic)
    return tuple(r for r in (head, *runs[1:-1], tail) if r.text)


def fit_plain(text: str, limit: int, ellipsis: str = "…") -> tuple[str, bool]:
    """Shorten plain text to ``limit`` UTF-16 units at a sentence, else word, boundary.

    Returns (text, shortened). Used for short fields (captions, poll options) where a
    follow-up is impossible; the full text stays reachable through the piece's link.
    """
    if utf16_len(text) <= limit:
        return text, False
    for offsets in (sentence_offsets(text), word_offsets(text)):
        best = ""
        for offset in offsets:
            head = text[:offset].rstrip()
            ended = head.endswith((".", "!", "?", "…", "»"))
            candidate = head if ended else head + ellipsis
            if utf16_len(candidate) <= limit:
                best = candidate
            else:
                break
        if best:
            return best, True
    # One enormous word: nothing better than a hard cut, marked as such.
    cut = text[: max(limit - len(ellipsis), 0)]
    while utf16_len(cut) + len(ellipsis) > limit:
        cut = cut[:-1]
    return cut + ellipsis, True
