"""One comment as the detectors see it: plain tokens with lemmas and tags.

Built once per comment by the engine and shared by the insult, spam and illegal
detectors, so each word is looked up once (``lexicon.token_info`` is cached per
form). Positions are token indices; ``span`` turns them into text offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import lexicon
from .textnorm import Word

# Characters that end a sentence or a clause between two tokens.
_SENTENCE_END = re.compile(r"[.!?…;\n]")
_CLAUSE_END = re.compile(r"[.!?…;\n,:()—–]|\s-\s")
_DIGIT = re.compile(r"\d")
_QUOTED = re.compile(r"«[^»]{0,200}»|\"[^\"]{0,200}\"|„[^“”]{0,200}[“”]|“[^”]{0,200}”")


class Doc:
    __slots__ = (
        "text",
        "lowered",
        "tokens",
        "forms",
        "infos",
        "tagpos",
        "_sentences",
        "_clauses",
        "_quoted",
        "_digit",
    )

    def __init__(self, text: str, lowered: str, words: list[Word]) -> None:
        self.text = text
        self.lowered = lowered
        self.tokens = [w for w in words if not w.derived]
        self.forms = [w.forms[0] for w in self.tokens]
        info = lexicon.token_info
        self.infos = [info(form) for form in self.forms]
        tagpos: dict[str, list[int]] = {}
        for i, token_info in enumerate(self.infos):
            for tag in token_info.tags:
                tagpos.setdefault(tag, []).append(i)
        self.tagpos = tagpos
        self._sentences: list[int] | None = None
        self._clauses: list[int] | None = None
        self._quoted: frozenset[int] | None = None
        self._digit: bool | None = None

    # --- words -------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.tokens)

    def has(self, tag: str) -> bool:
        return tag in self.tagpos

    def at(self, tag: str) -> list[int]:
        return self.tagpos.get(tag, [])

    def matches(self, gated: lexicon.GatedFile) -> dict[str, list[tuple[int, int]]]:
        """Spans of the gated expressions (``lexicon.gated_regexes``) whose gate
        is open, by tag; tags with no match are absent."""
        found: dict[str, list[tuple[int, int]]] = {}
        runs = list(gated.always)
        if gated.digit and self.has_digit:
            runs.extend(gated.digit)
        by_gate = gated.by_gate
        for tag in self.tagpos:
            entries = by_gate.get(tag)
            if entries:
                runs.extend(entries)
        lowered = self.lowered
        for tag, regex in runs:
            for m in regex.finditer(lowered):
                found.setdefault(tag, []).append(m.span())
        return found

    @property
    def has_digit(self) -> bool:
        if self._digit is None:
            self._digit = _DIGIT.search(self.text) is not None
        return self._digit

    def lemma(self, i: int, *lemmas: str) -> bool:
        return not self.infos[i].lemmas.isdisjoint(lemmas)

    def gram(self, i: int, grammeme: str) -> bool:
        return grammeme in self.infos[i].grammemes

    def tagged(self, i: int, tag: str) -> bool:
        return tag in self.infos[i].tags

    def find_lemma(self, lemmas: Iterable[str]) -> list[int]:
        wanted = frozenset(lemmas)
        return [
            i for i, info in enumerate(self.infos) if not wanted.isdisjoint(info.lemmas)
        ]

    def span(self, first: int, last: int | None = None) -> tuple[int, int]:
        last = first if last is None else last
        if first > last:
            first, last = last, first
        return self.tokens[first].start, self.tokens[last].end

    def gap(self, i: int) -> str:
        """The text between token ``i - 1`` and token ``i`` (lower case)."""
        start = self.tokens[i - 1].end if i > 0 else 0
        return self.lowered[start : self.tokens[i].start]

    # --- structure ---------------------------------------------------------

    def sentence(self, i: int) -> int:
        if self._sentences is None:
            self._sentences = self._numbered(_SENTENCE_END)
        return self._sentences[i]

    def clause(self, i: int) -> int:
        if self._clauses is None:
            self._clauses = self._numbered(_CLAUSE_END)
        return self._clauses[i]

    def _numbered(self, boundary: re.Pattern[str]) -> list[int]:
        numbers, current = [], 0
        for i in range(len(self.tokens)):
            if i and boundary.search(self.gap(i)):
                current += 1
            numbers.append(current)
        return numbers

    def quoted(self, i: int) -> bool:
        """Whether the token sits inside quotation marks (mentioned, not used)."""
        if self._quoted is None:
            inside: set[int] = set()
            if any(q in self.text for q in '«"„“'):
                spans = [m.span() for m in _QUOTED.finditer(self.text)]
                for j, token in enumerate(self.tokens):
                    if any(a < token.start and token.end < b for a, b in spans):
                        inside.add(j)
            self._quoted = frozenset(inside)
        return i in self._quoted

    def quoted_at(self, offset: int) -> bool:
        """Whether the token starting at or after ``offset`` is inside quotes."""
        for i, token in enumerate(self.tokens):
            if token.end > offset:
                return self.quoted(i)
        return False

    def near(
        self,
        first: str | Iterable[int],
        second: str | Iterable[int],
        window: int,
        same_sentence: bool = True,
        ordered: bool = False,
    ) -> tuple[int, int] | None:
        """The first pair of positions (a, b), a from ``first`` and b from
        ``second`` (tags or positions), at most ``window`` tokens apart, in one
        sentence, outside quotes; with ``ordered`` b must follow a."""
        left = self.at(first) if isinstance(first, str) else list(first)
        if not left:
            return None
        right = self.at(second) if isinstance(second, str) else list(second)
        for a in left:
            for b in right:
                if a == b or abs(a - b) > window or (ordered and b < a):
                    continue
                if same_sentence and self.sentence(a) != self.sentence(b):
                    continue
                if self.quoted(a) or self.quoted(b):
                    continue
                return a, b
        return None

    def first_person(self, i: int) -> bool:
        grammemes = self.infos[i].grammemes
        return "1per" in grammemes and ("futr" in grammemes or "pres" in grammemes)

    def imperative(self, i: int) -> bool:
        return "impr" in self.infos[i].grammemes

    def infinitive(self, i: int) -> bool:
        return "INFN" in self.infos[i].grammemes
