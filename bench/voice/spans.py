"""The changed part of a sentence after one fix, cut at whole words (issue 13):
what the judging sheet marks between ⟦ ⟧ and what «later» records."""

from __future__ import annotations


def word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "-"


def changed_span(before: str, after: str) -> tuple[int, int]:
    """Lengths of the common head and tail of two sentences, cut at whole words."""
    limit = min(len(before), len(after))
    head = 0
    while head < limit and before[head] == after[head]:
        head += 1
    while (
        head > 0
        and word_char(before[head - 1])
        and (
            (head < len(before) and word_char(before[head]))
            or (head < len(after) and word_char(after[head]))
        )
    ):
        head -= 1
    tail = 0
    while tail < limit - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    while (
        tail > 0
        and word_char(before[len(before) - tail])
        and (
            (len(before) - tail > head and word_char(before[len(before) - tail - 1]))
            or (len(after) - tail > head and word_char(after[len(after) - tail - 1]))
        )
    ):
        tail -= 1
    return head, tail
