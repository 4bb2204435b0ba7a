"""A fix being built: the finding's place in the sentence and the edits so far."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .findings import Fix
from .grammar import capitalise, euphonic, is_preposition, readings, same_shape
from .lexicon import Match, match_lexical
from .phrases import Phrase, noun_phrase
from .rules import RuleBook
from .text import Sentence, Token


@dataclass
class Place:
    """Where a finding sits: the text, its sentence and the tokens it marks."""

    text: str
    sentence: Sentence
    matched: tuple[int, ...]  # indexes into sentence.tokens of the marked words
    book: RuleBook

    @property
    def tokens(self) -> list[Token]:
        return self.sentence.tokens

    @property
    def first(self) -> int:
        return self.matched[0]

    @property
    def last(self) -> int:
        return self.matched[-1]

    @property
    def gap(self) -> list[int]:
        return [i for i in range(self.first, self.last + 1) if i not in self.matched]

    def word(self, i: int) -> str:
        return self.tokens[i].norm

    def preposition_before(self, i: int) -> str | None:
        """The preposition right before token ``i`` («в» in «в районе»), if any."""
        if i <= 0:
            return None
        before = self.tokens[i - 1]
        gap = self.text[before.end : self.tokens[i].start]
        if gap.isspace() and is_preposition(before.norm):
            return before.norm
        return None

    def is_noun(self, i: int) -> bool:
        return any(r.pos == "NOUN" for r in readings(self.word(i)))

    def phrases(self, i: int, stop: int | None = None) -> list[Phrase]:
        """``noun_phrase`` at token ``i``, worked out once per sentence."""
        key = ("phrase", i, stop)
        memo = self.sentence.memo
        if key not in memo:
            memo[key] = noun_phrase(self.text, self.tokens, i, stop)
        return memo[key]

    def matches(self) -> list[Match]:
        """The rule matches of the sentence as it stands."""
        memo = self.sentence.memo
        if "matches" not in memo:
            memo["matches"] = match_lexical(self.sentence, self.book)
        return memo["matches"]


# A preposition whose form depends on the next word («об увеличении», «о росте»).
_EUPHONIC_BASE = {"о": "о", "об": "о", "в": "в", "во": "в", "с": "с", "со": "с"}
_EUPHONIC_BASE |= {"к": "к", "ко": "к"}


_WORD = re.compile(r"\w[\w-]*")


def _named(word: str, names: set[str]) -> str:
    """``word`` capitalised when it is a form of one of ``names``."""
    if word[:1].islower() and any(r.lemma in names for r in readings(word)):
        return word[0].upper() + word[1:]
    return word


@dataclass
class Draft:
    """Edits of one fix, by character span; turned into one ``Fix`` at the end."""

    place: Place
    changes: dict[tuple[int, int], str] = field(default_factory=dict)
    removes: bool = False

    def word(self, i: int, new: str) -> None:
        token = self.place.tokens[i]
        self.changes[(token.start, token.end)] = new

    def words(self, first: int, last: int, new: str) -> None:
        tokens = self.place.tokens
        self.changes[(tokens[first].start, tokens[last].end)] = new

    def span(self, start: int, end: int, new: str) -> None:
        self.changes[(start, end)] = new

    def _euphony(self) -> None:
        """A word that changed after «о/об», «в/во», «с/со», «к/ко» gets the
        preposition's form it needs: «об увеличении» → «о росте»."""
        tokens = self.place.tokens
        starts = {t.start: i for i, t in enumerate(tokens)}
        for (start, _end), new in list(self.changes.items()):
            i = starts.get(start)
            if not i or not new or not new[0].isalpha():
                continue
            before = tokens[i - 1]
            base = _EUPHONIC_BASE.get(before.norm)
            gap = self.place.text[before.end : start]
            if base is None or not gap.isspace():
                continue
            if any(s <= before.start < e for s, e in self.changes):
                continue  # the preposition was rewritten by the fix itself
            form = same_shape(before.text, euphonic(base, new))
            if form != before.text:
                self.changes[(before.start, before.end)] = form

    def _proper_names(self) -> None:
        """A word of the original capitalised mid-sentence (a proper name:
        «в адрес Министерства труда», «Социального фонда») keeps its capital
        in the words that replace it: «в Министерство труда», never «в
        министерство труда» (round 40 ap30, rejected blind)."""
        tokens = self.place.tokens
        for (start, end), new in list(self.changes.items()):
            names = {
                lemma
                for i, t in enumerate(tokens)
                if i > 0 and start <= t.start and t.end <= end
                if t.text[:1].isupper() and not t.text.isupper()
                for lemma in t.info.lemmas
            }
            if names and new:
                self.changes[(start, end)] = _WORD.sub(
                    lambda m, names=names: _named(m.group(0), names), new
                )

    def fix(self) -> Fix | None:
        if not self.changes:
            return None
        self._euphony()
        self._proper_names()
        text = self.place.text
        items = sorted(self.changes.items())
        start = items[0][0][0]
        end = max(e for (_, e), _ in items)
        out, pos = [], start
        for (s, e), new in items:
            if s < pos:
                return None  # two edits of the same words: a bug in a builder
            out.append(text[pos:s])
            out.append(new)
            pos = e
        out.append(text[pos:end])
        new_text = "".join(out)
        if start <= self.place.tokens[0].start:
            new_text = capitalise(new_text)  # the sentence's first word
        if new_text == text[start:end]:
            return None
        return Fix(start, end, new_text, self.removes)
