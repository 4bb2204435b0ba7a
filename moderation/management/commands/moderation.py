"""``python manage.py moderation <subcommand>``: moderation tools for the shell.

Subcommands are registered in ``SUBCOMMANDS``; each has an ``add_arguments`` and a
``handle`` function so others (``fetch``) can be added without touching the rest.
"""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext_lazy as _

from moderation.classifier import (
    Classifier,
    DuplicateWindow,
    configured_official_domains,
)
from moderation.fetch import add_fetch_arguments, handle_fetch_command


def _add_classify_arguments(parser) -> None:
    parser.add_argument(
        "--window",
        type=float,
        default=3600.0,
        help=_(
            "Seconds within which near-duplicate texts from different authors count "
            "as spam (items need 'author' and 'ts' fields)."
        ),
    )


def _handle_classify(command: BaseCommand, options: dict) -> None:
    """Read JSON lines {"id", "text"[, "author", "ts"]} from stdin and write
    {"id", "label", "labels", "score", "spans"} per line, in the same order."""
    classifier = Classifier(
        official_domains=configured_official_domains(),
        duplicates=DuplicateWindow(window_seconds=options["window"]),
    )
    stdin = options.get("stdin") or sys.stdin
    out = command.stdout
    for number, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            text = item["text"]
            if not isinstance(text, str):
                raise TypeError
        except (ValueError, KeyError, TypeError) as exc:
            raise CommandError(
                _("Line %(number)d is not a JSON object with a text.")
                % {"number": number}
            ) from exc
        author = item.get("author")
        timestamp = item.get("ts")
        result = classifier.classify(
            text,
            author=None if author is None else str(author),
            timestamp=float(timestamp) if isinstance(timestamp, int | float) else None,
        )
        row = {"id": item.get("id"), **result.as_dict()}
        out.write(json.dumps(row, ensure_ascii=False))
    out.flush()


# name -> (help text, add_arguments, handle)
SUBCOMMANDS = {
    "classify": (
        _("Classify JSON lines from standard input."),
        _add_classify_arguments,
        _handle_classify,
    ),
    "fetch": (
        _("Poll the networks for comments on recent posts."),
        add_fetch_arguments,
        handle_fetch_command,
    ),
}


class Command(BaseCommand):
    help = _("Moderation tools.")
    stealth_options = ("stdin",)  # tests pass a file object instead of sys.stdin

    def add_arguments(self, parser) -> None:
        subparsers = parser.add_subparsers(dest="subcommand", required=True)
        for name, (help_text, add_arguments, _handle) in SUBCOMMANDS.items():
            add_arguments(subparsers.add_parser(name, help=help_text))

    def handle(self, *args, **options) -> None:
        _help, _add, handle = SUBCOMMANDS[options["subcommand"]]
        handle(self, options)
