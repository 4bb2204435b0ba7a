"""What survives when a post must be shortened.

A cut keeps the beginning of the text and links to the rest, but two things never fall
to it: a poll sent as text (the reader could vote nowhere else in the post; a poll the
network carries natively is an attachment and not text at all), and the meaning of a
heading (a heading whose body was cut off says nothing; it goes with its body).

The Line networks (VK, OK, Instagram, Facebook, a Telegram post that links to its
Telegraph page) cut Lines; the article networks (LiveJournal, Telegraph) cut whole
blocks. Both use the same rule: the polls' room is reserved before the text is packed,
a poll from before the cut stays where it was, one from after it follows the kept text
(ahead of the link to the full piece), and headings left at the end of the kept text
are removed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from syndication import content as c
from syndication.render import lines as ln

T = TypeVar("T")


def is_carried(line: ln.Line) -> bool:
    """A Line of a poll sent as text (block_lines.poll_lines marks its Lines)."""
    return isinstance(line.source, c.Poll)


def without_carried(lines: list[ln.Line]) -> list[ln.Line]:
    return [line for line in lines if not is_carried(line)]


def carried_lines(lines: list[ln.Line]) -> list[ln.Line]:
    return [line for line in lines if is_carried(line)]


def drop_dangling_headings(kept: list[ln.Line]) -> list[ln.Line]:
    """Headings at the end of the kept text lost their body to the cut: remove them
    (never the first Line, the lead, which is what the post is about)."""
    kept = list(kept)
    while len(kept) > 1 and kept[-1].style == ln.HEADING and not kept[-1].cont:
        kept.pop()
    return kept


def assemble(lines: list[ln.Line], kept: list[ln.Line]) -> list[ln.Line]:
    """The kept text with the carried Lines put back: ``kept`` is a prefix of
    ``without_carried(lines)`` (its last Line may be the beginning of a Line cut by
    sentences). Poll Lines from before the cut stay in place; the rest follow."""
    result: list[ln.Line] = []
    after: list[ln.Line] = []
    taken = 0  # kept Lines placed so far
    for line in lines:
        if is_carried(line):
            (after if taken >= len(kept) else result).append(line)
        elif taken < len(kept):
            result.append(kept[taken])
            taken += 1
            # A Line cut by sentences may fill several kept Lines: they follow it.
            while taken < len(kept) and kept[taken].cont:
                result.append(kept[taken])
                taken += 1
    if after and after[0].cont:  # never glue a poll onto the text before it
        after[0] = ln.Line(after[0].runs, after[0].style, after[0].prefix)
    return result + after


def carried_size(lines: list[ln.Line], measure: Callable[[ln.Line], int]) -> int:
    """Room the carried Lines take after the kept text, separators included."""
    carried = carried_lines(lines)
    return sum(measure(x) + len(ln.separator(x)) for x in carried)


def cut_blocks(
    parts: Sequence[T],
    budget: int,
    size: Callable[[T], int],
    carried: Callable[[T], bool],
    heading: Callable[[T], bool],
) -> tuple[list[T], int]:
    """Whole blocks while their sizes add up to at most ``budget``, with the carried
    blocks' room reserved first; returns the kept blocks (carried ones in their place
    or after the kept text) and how many blocks are left out."""
    used = sum(size(part) for part in parts if carried(part))
    kept: list[T] = []
    cut_at = len(parts)
    for index, part in enumerate(parts):
        if carried(part):
            kept.append(part)
            continue
        if used + size(part) > budget:
            cut_at = index
            break
        kept.append(part)
        used += size(part)
    while kept and heading(kept[-1]):
        kept.pop()
    after = [part for part in parts[cut_at:] if carried(part)]
    result = kept + after
    return result, len(parts) - len(result)
