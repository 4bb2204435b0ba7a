"""The unit every detector returns."""

from __future__ import annotations

from typing import NamedTuple


class Finding(NamedTuple):
    """One piece of evidence: a span of the original text and why it counts.

    ``weight`` is the detector's confidence in 0..1; ``reason`` is a short code
    the engine turns into a translated explanation. A named tuple: detectors make
    many of them per comment and a tuple is several times cheaper to build than a
    frozen dataclass.
    """

    start: int
    end: int
    label: str
    weight: float
    reason: str
