"""The one place moderation calls the classifier (``moderation.classifier``).

The classifier returns label, labels, score, spans and an explanation for a text; this
module turns whatever shape it returns into plain values for ``InboxItem``."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Verdict:
    label: str = "clean"
    labels: list = field(default_factory=list)
    score: float = 0.0
    spans: list = field(default_factory=list)  # [[start, end, label], ...]
    explanation: str = ""


def _read(result, name, default):
    if isinstance(result, dict):
        return result.get(name, default)
    return getattr(result, name, default)


def classify_text(text: str) -> Verdict:
    from django.conf import settings
    from django.utils import translation

    from moderation.classifier import classify

    result = classify(text or "")
    # The explanation is stored, so it is written in the site's language, not in the
    # language of whichever request happened to deliver the item.
    with translation.override(settings.LANGUAGE_CODE):
        explanation = _read(result, "explanation", "") or ""
        if isinstance(explanation, list | tuple):
            explanation = "; ".join(str(part) for part in explanation)
        explanation = str(explanation)
    spans = [list(span)[:3] for span in _read(result, "spans", []) or []]
    return Verdict(
        label=_read(result, "label", "clean") or "clean",
        labels=list(_read(result, "labels", []) or []),
        score=float(_read(result, "score", 0.0) or 0.0),
        spans=spans,
        explanation=explanation,
    )
