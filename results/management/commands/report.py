"""``manage.py report monthly --month 2026-11 -o report.pdf``: the monthly report for
automation (the format follows the file's extension unless --format says). Also
``manage.py report collect``: one statistics round now, as Celery beat runs it."""

from __future__ import annotations

import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from results import collect, periods
from results.report import data, formats


class Command(BaseCommand):
    help = "The monthly results report, and statistics collection on demand."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="command", required=True)
        monthly = commands.add_parser("monthly", help="Write the monthly report.")
        monthly.add_argument(
            "--month", help="YYYY-MM (default: the previous month)", default=""
        )
        monthly.add_argument("-o", "--output", required=True, help="file to write")
        monthly.add_argument(
            "--format", choices=sorted(formats.FORMATS), default="",
            help="docx, pdf or xlsx (default: from the file's extension)",
        )  # fmt: skip
        commands.add_parser("collect", help="Run one statistics collection round.")

    def handle(self, *args, command, **options):
        if command == "collect":
            self.stdout.write(str(collect.run_round()))
            return
        month = options["month"] or periods.previous_month()
        if not re.fullmatch(r"\d{4}-\d{2}", month):
            raise CommandError(f"--month must look like 2026-11, not {month!r}")
        try:
            periods.month_bounds(month)
        except ValueError:
            raise CommandError(f"no such month: {month}") from None
        output = Path(options["output"])
        fmt = options["format"] or output.suffix.lstrip(".").lower()
        if fmt not in formats.FORMATS:
            raise CommandError(
                f"cannot tell the format from {output.name!r}: use --format "
                + "|".join(sorted(formats.FORMATS))
            )
        content, _type = formats.render(data.build(month), fmt)
        output.write_bytes(content)
        self.stdout.write(f"{output} ({fmt}, {len(content)} bytes) for {month}")
