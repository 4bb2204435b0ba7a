"""Result types of the checker."""

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True, slots=True)
class Finding:
    start: int
    end: int
    category: str
    hint: str
    suggestion: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


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
