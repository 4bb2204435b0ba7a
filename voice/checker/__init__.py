"""Russian style checker against bureaucratese (issue 6).

A plain Python package: no models, no database. Rules live in ``rules/*.json``.
"""

from .engine import (
    category_names,
    check,
    check_fields,
    combined_scores,
    looks_like_press_release,
)
from .findings import Finding, Report

__all__ = [
    "Finding",
    "Report",
    "category_names",
    "check",
    "check_fields",
    "combined_scores",
    "looks_like_press_release",
]
