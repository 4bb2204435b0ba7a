"""Offline Russian comment classifier: obscene, insult, spam, illegal, clean.

Usage::

    from moderation.classifier import Classifier, classify

    result = classify("текст комментария")
    result.label, result.labels, result.score, result.spans, result.explanation
"""

from .duplicates import DuplicateWindow
from .engine import LABELS, Classifier, Result, classify, configured_official_domains

__all__ = [
    "LABELS",
    "Classifier",
    "DuplicateWindow",
    "Result",
    "classify",
    "configured_official_domains",
]
