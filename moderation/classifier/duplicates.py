"""Near-duplicate comments from different authors within a time window.

The same advertisement pasted by several accounts is spam even when each copy
looks harmless. Texts are compared by the Jaccard similarity of their character
trigrams; candidates are found through an index of each text's rarest-hash
trigrams (a bottom-k sketch), so a feed costs a handful of comparisons.
"""

from __future__ import annotations

import re
import zlib
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

_NOISE = re.compile(r"[^а-яёa-z]+")
_SKETCH = 6


def _shingles(text: str) -> frozenset[int]:
    letters = _NOISE.sub(" ", text.lower().replace("ё", "е")).strip()
    return frozenset(
        zlib.crc32(letters[i : i + 3].encode()) for i in range(len(letters) - 2)
    )


@lru_cache(maxsize=8192)
def _fingerprint(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """A text's trigrams and its sketch (the rarest-hash ones), cached by text: the
    inbox compares each new item with the same recent texts again and again."""
    shingles = _shingles(text)
    return shingles, frozenset(sorted(shingles)[:_SKETCH])


@dataclass
class _Entry:
    author: str
    timestamp: float
    shingles: frozenset[int]
    sketch: tuple[int, ...]


@dataclass
class DuplicateWindow:
    """Remembers recent texts and tells how many other authors posted nearly the
    same text within ``window_seconds``. Short texts («Спасибо!») never count."""

    window_seconds: float = 3600.0
    similarity: float = 0.7
    min_letters: int = 25
    _entries: deque[_Entry] = field(default_factory=deque)
    _index: dict[int, list[_Entry]] = field(default_factory=dict)

    def feed(self, text: str, author: str, timestamp: float) -> int:
        """Add a text; return the number of other authors with a near-duplicate."""
        self._expire(timestamp)
        shingles = _shingles(text)
        if len(shingles) < self.min_letters:
            return 0
        sketch = tuple(sorted(shingles)[:_SKETCH])
        seen: set[int] = set()
        authors: set[str] = set()
        for key in sketch:
            for other in self._index.get(key, ()):
                if id(other) in seen or other.author == author:
                    continue
                seen.add(id(other))
                if self._jaccard(shingles, other.shingles) >= self.similarity:
                    authors.add(other.author)
        entry = _Entry(author, timestamp, shingles, sketch)
        self._entries.append(entry)
        for key in sketch:
            self._index.setdefault(key, []).append(entry)
        return len(authors)

    def others(self, text: str, author: str, earlier: Iterable[tuple[str, str]]) -> int:
        """What ``feed(text, author, …)`` would answer after ``earlier`` — ``(text,
        author)`` pairs, all inside the window — had been fed, without comparing them
        with each other: the new text against each, once. The inbox asks this for
        every item it stores (moderation/duplicates.py)."""
        shingles, sketch = _fingerprint(text)
        if len(shingles) < self.min_letters:
            return 0
        authors: set[str] = set()
        for other_text, other_author in earlier:
            if other_author == author or other_author in authors:
                continue
            other_shingles, other_sketch = _fingerprint(other_text)
            if len(other_shingles) < self.min_letters or sketch.isdisjoint(
                other_sketch
            ):
                continue
            if self._jaccard(shingles, other_shingles) >= self.similarity:
                authors.add(other_author)
        return len(authors)

    @staticmethod
    def _jaccard(a: frozenset[int], b: frozenset[int]) -> float:
        return len(a & b) / len(a | b)

    def _expire(self, now: float) -> None:
        while self._entries and self._entries[0].timestamp < now - self.window_seconds:
            old = self._entries.popleft()
            for key in old.sketch:
                bucket = self._index.get(key)
                if bucket:
                    bucket.remove(old)
                    if not bucket:
                        del self._index[key]
