"""``registry import FILE.csv``: every row is checked first; if any row is bad, every error is
reported with its row number and nothing is written. Rows are upserted by
(network, external_id)."""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from cms.spreadsheets import csv_value

from .exporting import IMPORT_COLUMNS
from .history import acting_as
from .models import Account
from .networks import Network

REQUIRED = ("network", "name", "external_id")
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")


class ImportFileError(Exception):
    """The file as a whole cannot be read (encoding, not CSV, missing columns)."""


@dataclass
class ImportReport:
    errors: list[str] = field(default_factory=list)
    created: int = 0
    updated: int = 0


def parse_date(value: str) -> datetime.date | None:
    value = value.strip()
    if not value:
        return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(value)


def read_rows(raw: bytes) -> list[dict]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(_("The file is not in UTF-8.")) from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect, strict=True)
    try:
        header = reader.fieldnames or []
        missing = [c for c in REQUIRED if c not in header]
        if missing:
            raise ImportFileError(
                _("The header lacks the columns: %(columns)s. Expected: %(expected)s.")
                % {"columns": ", ".join(missing), "expected": ",".join(IMPORT_COLUMNS)}
            )
        rows = list(reader)
    except csv.Error as exc:
        raise ImportFileError(
            _("The file is not valid CSV (line %(line)s): %(error)s")
            % {"line": reader.line_num, "error": exc}
        ) from None
    return rows


def _clean_row(number: int, row: dict, errors: list[str]) -> dict | None:
    def err(text, **kw):
        errors.append(
            _("Row %(row)d: %(message)s") % {"row": number, "message": text % kw}
        )

    if None in row or any(v is None for v in row.values()):
        err(_("wrong number of columns"))
        return None
    # csv_value: the export's formula neutraliser (a leading apostrophe) taken off.
    data = {k: csv_value(row.get(k) or "").strip() for k in IMPORT_COLUMNS}
    for name in REQUIRED:
        if not data[name]:
            err(_("the “%(column)s” column is empty"), column=name)
    if data["network"] and data["network"] not in Network.values:
        err(
            _("unknown network “%(value)s” (allowed: %(allowed)s)"),
            value=data["network"],
            allowed=", ".join(Network.values),
        )
    status = data["status"] or Account.Status.PLANNED
    if status not in Account.Status.values:
        err(
            _("unknown status “%(value)s” (allowed: %(allowed)s)"),
            value=status,
            allowed=", ".join(Account.Status.values),
        )
    data["status"] = status
    for name in ("created_on", "deleted_on"):
        try:
            data[name] = parse_date(data[name])
        except ValueError:
            err(
                _("“%(column)s”: “%(value)s” is not a date (YYYY-MM-DD or DD.MM.YYYY)"),
                column=name,
                value=data[name],
            )
    if data["url"]:
        try:
            URLValidator()(data["url"])
        except ValidationError:
            err(_("“url”: “%(value)s” is not a URL"), value=data["url"])
    # The model's own field rules (lengths etc.), for what the checks above leave.
    try:
        Account(**{k: v for k, v in data.items() if v not in ("", None)}).clean_fields(
            exclude=["slug", "network", "status", "url", "created_on", "deleted_on"]
        )
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            for message in messages:
                err("“%(column)s”: %(message)s", column=name, message=message)
    return data


def validate(rows: list[dict]) -> tuple[list[dict], list[str]]:
    errors: list[str] = []
    cleaned, seen = [], {}
    # Row 1 is the header, so data rows are numbered from 2, as in a spreadsheet.
    for number, row in enumerate(rows, start=2):
        data = _clean_row(number, row, errors)
        if data is None:
            continue
        key = (data["network"], data["external_id"])
        if key in seen:
            errors.append(
                _("Row %(row)d: repeats row %(first)d (%(network)s:%(id)s)")
                % {"row": number, "first": seen[key], "network": key[0], "id": key[1]}
            )
        seen[key] = number
        cleaned.append(data)
    if not rows:
        errors.append(_("The file has no rows."))
    return cleaned, errors


def import_csv(raw: bytes, actor="registry import", report_obligations=True):
    rows = read_rows(raw)
    cleaned, errors = validate(rows)
    report = ImportReport(errors=errors)
    if errors:
        return report
    with transaction.atomic(), acting_as(actor):
        for data in cleaned:
            account = Account.objects.filter(
                network=data["network"], external_id=data["external_id"]
            ).first()
            if account is None:
                account = Account(
                    network=data["network"], external_id=data["external_id"]
                )
                report.created += 1
            else:
                report.updated += 1
            for name in IMPORT_COLUMNS:
                if name in ("network", "external_id"):
                    continue
                value = data[name]
                # An empty cell does not erase what the register already knows.
                if value in ("", None) and account.pk:
                    continue
                setattr(account, name, value if value is not None else None)
            account.skip_report_obligation = not report_obligations
            account.save()
    return report
