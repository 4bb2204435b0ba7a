"""The unit every detector returns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of evidence: a span of the original text and why it counts.

    ``weight`` is the detector's confidence in 0..1; ``reason`` is a short code
    the engine turns into a translated explanation.
    """

    start: int
    end: int
    label: str
    weight: float
    reason: str
