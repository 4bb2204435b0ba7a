"""The classifier: runs every detector and merges their findings into a result."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from . import illegal, insult, obscene, spam, textnorm
from .doc import Doc
from .duplicates import DuplicateWindow
from .explain import explain
from .finding import Finding

LABELS = ("illegal", "obscene", "insult", "spam", "clean")
PRECEDENCE = ("illegal", "obscene", "insult", "spam")


@dataclass(frozen=True)
class Result:
    label: str
    labels: list[str]
    score: float
    spans: list[list]  # [start, end, label] in offsets of the original text
    findings: list[Finding] = field(repr=False, default_factory=list)
    text: str = field(repr=False, default="")

    @property
    def explanation(self) -> str:
        """Short translated explanation for the moderator (needs Django's i18n)."""
        return explain(self.label, self.findings, self.text_of)

    def text_of(self, finding: Finding) -> str:
        return self.text[finding.start : finding.end]

    def as_dict(self) -> dict:
        return {
            "label": self.label,
            "labels": self.labels,
            "score": self.score,
            "spans": self.spans,
        }


def _lowered(text: str, words: list[textnorm.Word]) -> str:
    """Lower case with ё folded, same length as ``text`` so offsets carry over;
    mixed-alphabet words get their Cyrillic reading («зaработок» → «заработок»)."""
    lowered = text.lower()
    if len(lowered) == len(text) and not any(w.mixed_script for w in words):
        return lowered.replace("ё", "е")
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    lowered = lowered.replace("ё", "е")
    for word in words:
        if word.mixed_script and not word.derived:
            form = word.forms[0]
            if len(form) == word.end - word.start:
                lowered = lowered[: word.start] + form + lowered[word.end :]
    return lowered


class Classifier:
    """Offline Russian comment classifier.

    ``official_domains`` replaces the shipped list of domains citizens may quote;
    ``duplicates`` enables cross-author near-duplicate detection for texts fed
    with an author and a timestamp.
    """

    def __init__(
        self,
        official_domains: Iterable[str] | None = None,
        duplicates: DuplicateWindow | None = None,
    ) -> None:
        self.official = (
            frozenset(d.lower().lstrip("*.") for d in official_domains)
            if official_domains is not None
            else None
        )
        self.duplicates = duplicates

    def classify(
        self, text: str, author: str | None = None, timestamp: float | None = None
    ) -> Result:
        words = textnorm.words(text)
        lowered = _lowered(text, words)
        doc = Doc(text, lowered, words)
        found_obscene = obscene.find(words, text)
        found_spam = spam.find(doc, self.official)
        obscene_spans = {(f.start, f.end) for f in found_obscene}
        # A mixed-alphabet word that is masked мат is мат, not advertising.
        found_spam = [
            f
            for f in found_spam
            if not (f.reason == "mixed_script" and (f.start, f.end) in obscene_spans)
        ]
        if self.duplicates is not None and author is not None and timestamp is not None:
            copies = self.duplicates.feed(text, author, timestamp)
            if copies:
                found_spam.append(Finding(0, len(text), "spam", 0.8, "duplicate"))
        findings = illegal.find(doc) + found_obscene + insult.find(doc, words)
        spam_score = spam.combined(found_spam)
        if spam_score >= spam.SPAM_THRESHOLD:
            findings += found_spam
        return self._result(text, findings, spam_score)

    @staticmethod
    def _result(text: str, findings: list[Finding], spam_score: float) -> Result:
        scores: dict[str, float] = {}
        for f in findings:
            scores[f.label] = max(scores.get(f.label, 0.0), f.weight)
        if "spam" in scores:
            scores["spam"] = spam_score
        labels = [label for label in PRECEDENCE if label in scores]
        label = labels[0] if labels else "clean"
        score = scores[label] if labels else round(1.0 - spam_score / 2, 3)
        spans: list[list] = []
        seen = set()
        for f in sorted(findings, key=lambda f: (f.start, f.end)):
            key = (f.start, f.end, f.label)
            if key not in seen:
                seen.add(key)
                spans.append([f.start, f.end, f.label])
        return Result(
            label, labels or ["clean"], round(score, 3), spans, findings, text
        )


def configured_official_domains() -> frozenset[str]:
    """The shipped official domains plus ``settings.MODERATION_OFFICIAL_DOMAINS``
    when Django is configured (the classifier itself does not need Django)."""
    extra: Iterable[str] = ()
    try:
        # Inside: the classifier's core runs without Django (bench, the CLI tool).
        from django.conf import settings

        if settings.configured:
            extra = getattr(settings, "MODERATION_OFFICIAL_DOMAINS", ())
    except ImportError:  # pragma: no cover - Django is always installed here
        pass
    return spam.official_domains() | {d.lower().lstrip("*.") for d in extra}


_default: Classifier | None = None


def classify(text: str) -> Result:
    """Classify one text with the default settings (no duplicate window)."""
    global _default
    if _default is None:
        _default = Classifier(official_domains=configured_official_domains())
    return _default.classify(text)
