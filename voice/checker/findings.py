"""Result types of the checker."""

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Fix:
    """One click: put ``text`` in place of ``text[start:end]`` of the checked text.

    The span may reach beyond the finding's words when the construction around
    them has to change too («в связи с ремонтом» → «из-за ремонта»). ``removes``
    says the fix takes words out rather than putting others in their place.
    """

    start: int
    end: int
    text: str
    removes: bool = False

    def apply(self, source: str) -> str:
        return source[: self.start] + self.text + source[self.end :]

    def as_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "removes": self.removes,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    start: int
    end: int
    category: str
    hint: str
    # The first one-click fix's text, already in the form its place needs.
    suggestion: str | None = None
    fixes: tuple[Fix, ...] = ()

    def as_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "category": self.category,
            "hint": self.hint,
            "suggestion": self.suggestion,
            "fixes": [fix.as_dict() for fix in self.fixes],
        }


@dataclass(slots=True)
class Report:
    clarity: float
    readability: float
    findings: list[Finding] = field(default_factory=list)
    words: int = 0

    def as_dict(self) -> dict:
        return {
            "clarity": self.clarity,
            "readability": self.readability,
            "findings": [f.as_dict() for f in self.findings],
        }

    def categories(self) -> set[str]:
        return {f.category for f in self.findings}
