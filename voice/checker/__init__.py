"""The engine of the Russian style checker against bureaucratese (issues 6, 13).

Plain Python with no Django import, so it runs and is tested without settings
(like ``moderation/classifier``). Rules live in ``rules/*.json``; the Django glue
(views, panels, template tags, the ``voice`` command) is the ``voice`` app around it.
"""

from .engine import (
    category_names,
    check,
    check_fields,
    clear_caches,
    combined_scores,
    fix_all,
    looks_like_press_release,
)
from .findings import Finding, Fix, Report

__all__ = [
    "Finding",
    "Fix",
    "Report",
    "category_names",
    "check",
    "check_fields",
    "clear_caches",
    "combined_scores",
    "fix_all",
    "looks_like_press_release",
]
