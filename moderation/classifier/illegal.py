"""Other violations of law: drugs, forged documents, doxxing, violence, threats."""

from __future__ import annotations

import re
from functools import cache

from . import lexicon
from .finding import Finding

_WEIGHTS = {
    "threat": 0.85,
    "violence": 0.8,
    "drugs": 0.8,
    "documents": 0.75,
    "doxxing": 0.75,
}


@cache
def _phrases() -> list[tuple[str, re.Pattern[str]]]:
    return lexicon.tagged_regexes("illegal_phrases.txt")


def find(lowered: str) -> list[Finding]:
    findings = []
    for category, rx in _phrases():
        for m in rx.finditer(lowered):
            weight = _WEIGHTS.get(category, 0.75)
            findings.append(Finding(m.start(), m.end(), "illegal", weight, category))
    return findings
