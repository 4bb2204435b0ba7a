"""``manage.py voice check|fix [--file F]``: the style checker on a text.

Reads standard input unless ``--file`` is given.

- ``check`` prints the report as JSON: ``{"clarity": x, "readability": y,
  "findings": [{"start", "end", "category", "hint", "suggestion", "fixes"}]}``;
  ``suggestion`` is the first one-click fix, already in the form its place needs,
  and ``fixes`` lists every one (``{"start", "end", "text", "removes"}``: put
  ``text`` in place of the span).
- ``fix`` prints the text with every one-click fix applied, for review and tests.
"""

import argparse
import json
import sys

from django.core.management.base import BaseCommand

from voice.checker import check, fix_all


class Command(BaseCommand):
    help = (
        "Check a Russian text for bureaucratese and print the report as JSON "
        "(check), or print the text with every one-click fix applied (fix)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["check", "fix"])
        parser.add_argument(
            "--file",
            type=argparse.FileType("r", encoding="utf-8"),
            help="Read the text from this file instead of standard input.",
        )

    def handle(self, *args, action, file=None, **options):
        source = file or sys.stdin
        try:
            text = source.read()
        finally:
            if file is not None:
                file.close()
        if action == "fix":
            self.stdout.write(fix_all(text), ending="")
            return
        report = check(text, fixes=True)
        self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False))
