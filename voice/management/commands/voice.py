"""``manage.py voice check [--file F]``: run the style checker on a text.

Reads standard input unless ``--file`` is given and prints the report as JSON:
``{"clarity": x, "readability": y, "findings": [{"start", "end", "category",
"hint", "suggestion"}]}``.
"""

import argparse
import json
import sys

from django.core.management.base import BaseCommand

from voice.checker import check


class Command(BaseCommand):
    help = "Check a Russian text for bureaucratese and print the report as JSON."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["check"])
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
        report = check(text)
        self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False))
