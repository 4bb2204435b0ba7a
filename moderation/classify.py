"""The one place moderation calls the classifier (``moderation.classifier``): its
``Result`` turned into plain values for ``InboxItem``."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation


@dataclass
class Verdict:
    label: str = "clean"
    labels: list = field(default_factory=list)
    score: float = 0.0
    spans: list = field(default_factory=list)  # [[start, end, label], ...]
    explanation: str = ""


def classify_text(text: str) -> Verdict:
    # Imported here: loading the classifier's rule data takes about 0.2 s, which a
    # process that never classifies (a web worker serving pages) should not pay.
    from moderation.classifier import classify

    result = classify(text or "")
    # The explanation is stored, so it is written in the site's language, not in the
    # language of whichever request happened to deliver the item.
    with translation.override(settings.LANGUAGE_CODE):
        explanation = str(result.explanation)
    return Verdict(
        label=result.label,
        labels=list(result.labels),
        score=float(result.score),
        spans=[list(span)[:3] for span in result.spans],
        explanation=explanation,
    )
