"""The report's letterhead: the registry's official letter (ГОСТ Р 7.0.97-2016) with
its requisites (the «Реквизиты письма» setting: sender, addressee, signatory,
executor), so the monthly report leaves the office in the same form as the register's
notifications. The letter carries no rows of its own here: the report's tables
follow its text."""

from __future__ import annotations

from accounts_registry.notification_doc import Letter
from accounts_registry.requisites import LetterRequisites

from .data import Report


def letter_for(report: Report) -> Letter:
    return Letter(
        requisites=LetterRequisites.load(),
        rows=[],
        title=report.title,
        text=report.intro,
    )
