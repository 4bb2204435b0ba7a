"""The public entry points: ``check``, ``check_fields``, ``looks_like_press_release``."""

import math

from .findings import Finding, Report
from .lexicon import find_lexical
from .rules import RuleBook, load_rulebook
from .syntax import (
    exclamations,
    genitive_chains,
    long_sentence,
    passive_voice,
    verbal_nouns,
)
from .text import split_sentences, tokenize

# A lead at or below this clarity reads like a press release.
PRESS_RELEASE_CLARITY = 6.5
# Officialese phrases that give a press release away even in a short lead.
_OFFICIAL_CATEGORIES = {"government", "bureaucratism", "cliche"}
_PRESS_RELEASE_MIN_OFFICIAL = 2


def check(text: str) -> Report:
    book = load_rulebook()
    sentences = split_sentences(text)
    lexical: list[Finding] = []
    syntax: list[Finding] = []
    for sentence in sentences:
        found = find_lexical(sentence, book)
        lexical.extend(found)
        syntax.extend(long_sentence(sentence, book))
        syntax.extend(genitive_chains(sentence, book))
        syntax.extend(passive_voice(sentence, book))
        syntax.extend(_uncovered(verbal_nouns(sentence, book), found))
    syntax.extend(exclamations(text, book))
    words = sum(len(s.tokens) for s in sentences)
    findings = sorted(lexical + syntax, key=lambda f: (f.start, -f.end, f.category))
    return Report(
        clarity=_score(text, findings, words, book, "clarity"),
        readability=_score(text, findings, words, book, "readability"),
        findings=findings,
        words=words,
    )


def category_names() -> dict[str, str]:
    """Russian display names of the category slugs, for the editor panel."""
    return {slug: c.name for slug, c in load_rulebook().categories.items()}


def check_fields(fields: dict[str, str]) -> dict[str, Report]:
    """One report per named text (title, lead, every body block) for the editor panel."""
    return {name: check(text or "") for name, text in fields.items()}


def combined_scores(
    fields: dict[str, str], reports: dict[str, Report]
) -> dict[str, float]:
    """Clarity and readability of several texts taken as one piece.

    Reuses the findings of ``check_fields`` instead of checking the joined text
    again, so the editor panel pays for the checker once per keystroke pause.
    """
    book = load_rulebook()
    words = sum(report.words for report in reports.values())
    return {
        kind: _score_of_cost(
            sum(
                _cost(fields[name] or "", report.findings, book, kind)
                for name, report in reports.items()
            ),
            words,
            book,
            kind,
        )
        for kind in ("clarity", "readability")
    }


def looks_like_press_release(lead: str) -> bool:
    report = check(lead)
    if report.words == 0:
        return False
    official = sum(1 for f in report.findings if f.category in _OFFICIAL_CATEGORIES)
    return (
        report.clarity <= PRESS_RELEASE_CLARITY
        or official >= _PRESS_RELEASE_MIN_OFFICIAL
    )


def _uncovered(findings: list[Finding], covering: list[Finding]) -> list[Finding]:
    """Drop verbal nouns already flagged by a word rule: «обеспечение» shows once."""
    return [
        f
        for f in findings
        if not any(c.start <= f.start and f.end <= c.end for c in covering)
    ]


def _finding_cost(text: str, finding: Finding, book: RuleBook) -> float:
    """Category weight, raised for long phrases and long sentences.

    «осуществляется предоставление ежегодной денежной выплаты» is one finding
    but several stop-words, so a phrase costs more than a single word.
    """
    settings = book.settings
    cost = book.categories[finding.category].weight
    words = len(tokenize(text, finding.start, finding.end))
    if finding.category == "long_sentence":
        extra = words - settings["long_sentence_words"]
        return cost + extra * settings["long_sentence_extra_weight_per_word"]
    if book.categories[finding.category].score == "clarity":
        bonus = settings["phrase_extra_weight_per_word"] * (words - 1)
        return cost * min(1 + bonus, settings["phrase_max_weight_factor"])
    return cost


def _score(
    text: str, findings: list[Finding], words: int, book: RuleBook, kind: str
) -> float:
    """10 at no findings, falling exponentially with their weighted density.

    Density is cost per word; short texts count as ``min_words_for_density``
    words so that one stop-word in a title does not sink its score. The
    exponent keeps scores spread out instead of piling up at zero.
    """
    return _score_of_cost(_cost(text, findings, book, kind), words, book, kind)


def _cost(text: str, findings: list[Finding], book: RuleBook, kind: str) -> float:
    return sum(
        _finding_cost(text, f, book)
        for f in findings
        if book.categories[f.category].score == kind
    )


def _score_of_cost(cost: float, words: int, book: RuleBook, kind: str) -> float:
    if words == 0:
        return 10.0
    density = cost / max(words, book.settings["min_words_for_density"])
    score = 10.0 * math.exp(-book.settings[f"{kind}_decay"] * density)
    return round(min(10.0, max(0.0, score)), 1)
