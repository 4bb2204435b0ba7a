"""Suggestions of the rule files, read as templates of the text to insert.

A rule's suggestion lists alternatives separated by «;». Each alternative is
written in dictionary form and put in the form of the words it replaces:

- ``разовый``, ``пожилые люди``, ``выдавать``: words inflected like the replaced
  ones (an adjective agrees, a noun phrase takes the case and number, a verb the
  tense, person, number and aspect);
- ``=онлайн``: a word inserted exactly as written;
- ``из-за +р``: after the words, the noun phrase that follows the replaced words
  takes this case (и р д в т п); a preposition without a mark keeps the case it
  always governs;
- ``чтобы +инф``: «в целях повышения качества» → «чтобы повысить качество»;
- ``—``: a present-tense link verb becomes a dash and its noun phrase the
  nominative («является условием» → «— условие»);
- ``+гл``: a dummy verb goes and the action noun that is its subject becomes the
  verb («приём документов осуществляется» → «документы принимают»);
- ``∅``: the words are removed;
- ``дать +д +в``: a verb with two objects whose cases change («обеспечить
  жителей водой» → «дать жителям воду»);
- ``который жить``: a participle after a comma becomes a «который» clause
  («гражданам, проживающим в сёлах» → «гражданам, которые живут в сёлах»);
- ``∅+``: a dummy noun goes and its genitive dependant takes its place and
  case («в связи с проведением работ» → «в связи с работами»);
- ``по @план``: offered only where the noun after the replaced words is of
  that class (grammar.json «noun_classes»): «в рамках проекта» → «по проекту»,
  «в рамках акции» → «во время акции», never «по акции»; ``из-за @!повод``:
  only where it is not of that class («в связи с ремонтом» → «из-за ремонта»,
  but not «в связи с рождением ребёнка» → «из-за рождения»).

Anything else (advice such as «назовите число») belongs in the hint, never here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .grammar import CASE_MARKS

DELETE = "∅"
DASH = "—"
PURPOSE = "+инф"
ACTION = "+гл"
UNWRAP = "∅+"
RELATIVE = "который"
SENSE = "@"


@dataclass(frozen=True, slots=True)
class Template:
    source: str
    # "words", "delete", "dash", "purpose", "action", "unwrap", "relative"
    # or "valency"
    kind: str
    words: tuple[str, ...] = ()
    literal: frozenset[int] = frozenset()  # indexes of words written with «=»
    complement_case: str | None = None
    # «по @план»: only where the noun after the replaced words is of this class
    # (grammar.json «noun_classes»): «в рамках проекта» → «по проекту», but
    # «в рамках акции» → «во время акции».
    sense: str | None = None
    # «дать +д +в»: a verb with two objects; the first noun phrase after the
    # replaced verb takes ``complement_case``, the one after it this case.
    second_case: str | None = None

    @property
    def display(self) -> str:
        """The alternative as advice in a hint, without the marks."""
        if self.kind == "delete":
            return ""
        if self.kind == "dash":
            return DASH
        if self.kind in ("action", "unwrap", "relative", "valency"):
            return ""
        return " ".join(self.words)


@lru_cache(maxsize=4096)
def parse_suggestion(suggestion: str | None) -> tuple[Template, ...]:
    if not suggestion:
        return ()
    return tuple(
        _parse_alternative(part.strip())
        for part in suggestion.split(";")
        if part.strip()
    )


def _parse_alternative(source: str) -> Template:
    if source == DELETE:
        return Template(source, "delete")
    if source.startswith(f"{DELETE} {SENSE}"):
        # «∅ @<нужда»: removed only where the class fits — «должен в
        # обязательном порядке уведомить» says «обязательно» twice.
        return Template(source, "delete", sense=source.split(SENSE, 1)[1])
    if source == DASH:
        return Template(source, "dash")
    if source == ACTION:
        return Template(source, "action")
    if source == UNWRAP:
        return Template(source, "unwrap")
    parts = source.split()
    marks = [
        CASE_MARKS.get(part[1:]) if part.startswith("+") else None for part in parts
    ]
    if len(parts) >= 3 and marks[-1] and marks[-2]:
        # «дать +д +в»: «обеспечить жителей водой» → «дать жителям воду».
        return Template(
            source,
            "valency",
            tuple(parts[:-2]),
            complement_case=marks[-2],
            second_case=marks[-1],
        )
    if parts[0] == RELATIVE and len(parts) > 1:
        case = None
        if parts[-1].startswith("+") and parts[-1][1:] in CASE_MARKS:
            case = CASE_MARKS[parts[-1][1:]]
            parts = parts[:-1]
        return Template(source, "relative", tuple(parts[1:]), complement_case=case)
    if parts[-1] == PURPOSE:
        return Template(source, "purpose", tuple(parts[:-1]))
    marks = []
    while len(parts) > 1 and parts[-1].startswith(SENSE):
        # «за +т @<обращение @запрашиваемое»: every mark must hold.
        marks.insert(0, parts.pop()[1:])
    sense = f" {SENSE}".join(marks) or None
    case = None
    if parts[-1].startswith("+") and parts[-1][1:] in CASE_MARKS:
        case = CASE_MARKS[parts[-1][1:]]
        parts = parts[:-1]
    literal = frozenset(i for i, word in enumerate(parts) if word.startswith("="))
    words = tuple(word.lstrip("=") for word in parts)
    return Template(source, "words", words, literal, case, sense)
