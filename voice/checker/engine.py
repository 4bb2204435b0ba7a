"""The public entry points: ``check``, ``check_fields``, ``looks_like_press_release``."""

import math

from .findings import Finding, Report
from .grammar import clear_caches as clear_word_caches
from .rules import RuleBook, load_rulebook
from .sentences import clear_cache as clear_sentence_cache
from .sentences import sentence_findings
from .syntax import exclamations
from .text import count_words, split_sentences

# A lead at or below this clarity reads like a press release.
PRESS_RELEASE_CLARITY = 6.5
# Officialese phrases that give a press release away even in a short lead.
_OFFICIAL_CATEGORIES = {"government", "bureaucratism", "cliche"}
_PRESS_RELEASE_MIN_OFFICIAL = 2


def check(text: str, *, fixes: bool = False) -> Report:
    """Findings and scores of ``text``; with ``fixes`` each finding carries its
    verified one-click fixes (the scores never depend on them)."""
    book = load_rulebook()
    sentences = split_sentences(text)
    lexical: list[Finding] = []
    syntax: list[Finding] = []
    for sentence in sentences:
        found = sentence_findings(text, sentence, book, fixes)
        lexical.extend(
            f for f in found if book.categories[f.category].score == "clarity"
        )
        syntax.extend(
            f for f in found if book.categories[f.category].score != "clarity"
        )
    syntax.extend(exclamations(text, book))
    words = sum(len(s.tokens) for s in sentences)
    findings = sorted(lexical + syntax, key=lambda f: (f.start, -f.end, f.category))
    return Report(
        clarity=_score(text, findings, words, book, "clarity"),
        readability=_score(text, findings, words, book, "readability"),
        findings=findings,
        words=words,
    )


def clear_caches(words: bool = True) -> None:
    """Forget the sentences checked (and, with ``words``, every word analysed):
    benchmarks measure a fresh process this way."""
    clear_sentence_cache()
    if words:
        clear_word_caches()


def fix_all(text: str, max_fixes: int = 500) -> str:
    """``text`` with every one-click fix applied, the first of each finding's
    alternatives, one at a time and checking again after each (a fix can change
    what the words around it need)."""
    seen = {text}
    for _ in range(max_fixes):
        report = check(text, fixes=True)
        fix = next((f.fixes[0] for f in report.findings if f.fixes), None)
        if fix is None:
            return text
        text = fix.apply(text)
        if text in seen:
            return text  # a fix undid an earlier one: stop rather than go round
        seen.add(text)
    return text


def category_names() -> dict[str, str]:
    """Russian display names of the category slugs, for the editor panel."""
    return {slug: c.name for slug, c in load_rulebook().categories.items()}


def check_fields(fields: dict[str, str], *, fixes: bool = False) -> dict[str, Report]:
    """One report per named text (title, lead, every body block) for the editor panel."""
    return {name: check(text or "", fixes=fixes) for name, text in fields.items()}


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


def _finding_cost(text: str, finding: Finding, book: RuleBook) -> float:
    """Category weight, raised for long phrases and long sentences.

    «осуществляется предоставление ежегодной денежной выплаты» is one finding
    but several stop-words, so a phrase costs more than a single word.
    """
    settings = book.settings
    cost = book.categories[finding.category].weight
    words = count_words(text, finding.start, finding.end)
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
