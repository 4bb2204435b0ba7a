"""``manage.py registry import|export|notification|set-credential|check|rotate-key|enable-network|disable-network``.

ACCOUNT is an id, a slug or ``network:external_id`` (``vk:123456``). Credentials are read
from standard input only, never from the command line, and are never printed."""

import argparse
import datetime
import getpass
import json
import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts_registry import crypto
from accounts_registry.credentials import validate_credential
from accounts_registry.exporting import export
from accounts_registry.health import check_accounts
from accounts_registry.history import acting_as
from accounts_registry.importing import ImportFileError, import_csv
from accounts_registry.models import Account
from accounts_registry.networks import RESTRICTED_NETWORKS
from accounts_registry.restricted import decide, legal_warning


def _date(value: str) -> datetime.date:
    """A date as the keeper writes it (07.12.2026) or ISO (2026-12-07)."""
    for pattern in ("%d.%m.%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(
        _("“%(value)s” is not a date (DD.MM.YYYY).") % {"value": value}
    )


class Command(BaseCommand):
    help = "The accounts registry: import, export, credentials, health check, key rotation."
    # Tests hand a stream in place of the terminal: call_command(..., stdin=...).
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Import accounts from a CSV file.")
        imp.add_argument("file")
        imp.add_argument(
            "--no-reports",
            action="store_true",
            help="Do not open 10-day report obligations (for an old register).",
        )
        exp = sub.add_parser("export", help="Export the register.")
        exp.add_argument("--format", choices=["csv", "xlsx"], default="csv")
        exp.add_argument("-o", "--output", help="File to write (default: stdout).")
        exp.add_argument("--network")
        exp.add_argument("--status")
        note = sub.add_parser(
            "notification",
            help="Write the letter on the accounts created or deleted and not yet "
            "reported; nothing is marked as sent without --mark-sent.",
        )
        note.add_argument("--since", type=_date, help="Events on or after DATE.")
        note.add_argument("--until", type=_date, help="Events on or before DATE.")
        note.add_argument("--format", choices=["docx", "pdf"], default="docx")
        note.add_argument("-o", "--output", required=True, help="File to write.")
        note.add_argument(
            "--mark-sent",
            metavar="NUMBER",
            help="Record the letter as sent with this outgoing number.",
        )
        note.add_argument(
            "--sent-on", type=_date, help="The date it was sent (default: today)."
        )
        cred = sub.add_parser(
            "set-credential", help="Set an account's credential (JSON on stdin)."
        )
        cred.add_argument("account")
        chk = sub.add_parser("check", help="Run the health check now.")
        chk.add_argument("account", nargs="?")
        sub.add_parser("rotate-key", help="Re-encrypt every credential, newest key.")
        for verb in ("enable", "disable"):
            switch = sub.add_parser(
                f"{verb}-network",
                help=f"{verb.capitalize()} Facebook or Instagram (recorded).",
            )
            switch.add_argument("network", choices=sorted(RESTRICTED_NETWORKS))
            switch.add_argument("--reason", required=True, help="The basis, recorded.")
            switch.add_argument("--by", default="", help="Who decided (recorded).")

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        action = options["action"].replace("-", "_")
        getattr(self, f"do_{action}")(options)

    # --- import / export ---------------------------------------------------------

    def do_import(self, options):
        path = Path(options["file"])
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s")
                % {"file": path, "error": exc.strerror}
            ) from None
        try:
            report = import_csv(raw, report_obligations=not options["no_reports"])
        except ImportFileError as exc:
            raise CommandError(str(exc)) from None
        if report.errors:
            for line in report.errors:
                self.stderr.write(line)
            raise CommandError(
                _("%(count)d errors; nothing was imported.")
                % {"count": len(report.errors)}
            )
        self.stdout.write(
            _("Imported: %(created)d new, %(updated)d updated.")
            % {"created": report.created, "updated": report.updated}
        )

    def do_export(self, options):
        accounts = Account.objects.all()
        if options["network"]:
            accounts = accounts.filter(network=options["network"])
        if options["status"]:
            accounts = accounts.filter(status=options["status"])
        content, _type, _name = export(accounts, options["format"])
        if options["output"]:
            Path(options["output"]).write_bytes(content)
            self.stdout.write(
                _("Written: %(file)s (%(count)d accounts).")
                % {"file": options["output"], "count": accounts.count()}
            )
        elif options["format"] == "xlsx":
            raise CommandError(_("XLSX needs a file: add -o FILE.xlsx."))
        else:
            self.stdout.write(content.decode("utf-8-sig"), ending="")

    def do_notification(self, options):
        # The letter's modules load python-docx and WeasyPrint: only this action needs them.
        from accounts_registry.notification_doc import (
            build_docx,
            build_letter,
            build_pdf,
        )
        from accounts_registry.notification_views import mark_notification_sent
        from accounts_registry.obligations import (
            Notification,
            ReportObligation,
            local_today,
        )

        obligations = ReportObligation.objects.open().select_related("account")
        if options["since"]:
            obligations = obligations.filter(event_date__gte=options["since"])
        if options["until"]:
            obligations = obligations.filter(event_date__lte=options["until"])
        obligations = list(obligations.order_by("event_date", "pk"))
        if not obligations:
            raise CommandError(_("No unreported events match the choice."))
        number = (options["mark_sent"] or "").strip()
        sent_on = options["sent_on"] or local_today()
        date = sent_on.strftime("%d.%m.%Y") if number else ""
        letter = build_letter(obligations, number, date)
        build = build_pdf if options["format"] == "pdf" else build_docx
        Path(options["output"]).write_bytes(build(letter))
        self.stdout.write(
            ngettext(
                "Written: %(file)s (%(count)d event).",
                "Written: %(file)s (%(count)d events).",
                len(obligations),
            )
            % {"file": options["output"], "count": len(obligations)}
        )
        missing = letter.requisites.missing()
        if missing:
            self.stderr.write(
                _("The letter is not ready to sign: fill in %(fields)s.")
                % {"fields": ", ".join(missing)}
            )
        if number:
            with transaction.atomic():
                notification = Notification.objects.create()
                ReportObligation.objects.filter(
                    pk__in=[ob.pk for ob in obligations]
                ).update(notification=notification)
                with acting_as("manage.py registry notification"):
                    mark_notification_sent(notification, number, sent_on, None)
            self.stdout.write(
                _("Marked as sent: № %(number)s of %(date)s.")
                % {"number": number, "date": date}
            )

    # --- credentials -------------------------------------------------------------

    def _account(self, ref: str) -> Account:
        try:
            return Account.objects.resolve(ref)
        except Account.DoesNotExist:
            raise CommandError(
                _("No account matches “%(ref)s” (use an id, a slug or network:id).")
                % {"ref": ref}
            ) from None

    def _read_secret(self, options) -> str:
        stdin = options.get("stdin") or sys.stdin
        if stdin.isatty():
            # Typed or pasted: do not echo it to the terminal.
            return getpass.getpass(_("Credential JSON (not shown): "))
        return stdin.read()

    def do_set_credential(self, options):
        account = self._account(options["account"])
        raw = self._read_secret(options)
        try:
            data = json.loads(raw)
        except ValueError:
            raise CommandError(
                _("Standard input is not valid JSON (the value is not shown).")
            ) from None
        try:
            validate_credential(account.network, data)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        with acting_as("manage.py registry set-credential"):
            account.set_credential(data)
            account.save()
        hint = f"…{account.credential_hint}" if account.credential_hint else ""
        self.stdout.write(
            _("Credential of %(account)s saved (%(type)s %(hint)s).")
            % {"account": account, "type": account.credential_type, "hint": hint}
        )

    def do_rotate_key(self, options):
        count = 0
        with transaction.atomic():
            for pk, token in Account.objects.exclude(
                credential_encrypted=None
            ).values_list("pk", "credential_encrypted"):
                try:
                    new = crypto.rotate(token)
                except Exception:
                    raise CommandError(
                        _(
                            "The credential of account %(pk)s cannot be decrypted "
                            "with any configured key; nothing was changed."
                        )
                        % {"pk": pk}
                    ) from None
                # A bulk re-encryption is not an edit: no history line, no save().
                Account.objects.filter(pk=pk).update(credential_encrypted=new)
                count += 1
            count += self.rotate_webhook_secrets()
        self.stdout.write(
            _("Re-encrypted %(count)d credentials with the newest key.")
            % {"count": count}
        )

    def rotate_webhook_secrets(self) -> int:
        """Moderation's webhook secrets are encrypted with the same keys (issue 12.6).
        Moderation is optional: the registry asks Django for its model, never imports it."""
        if not apps.is_installed("moderation"):
            return 0
        endpoints = apps.get_model("moderation", "WebhookEndpoint").objects
        count = 0
        for pk, token in endpoints.exclude(secret_encrypted=b"").values_list(
            "pk", "secret_encrypted"
        ):
            try:
                new = crypto.get_fernet().rotate(bytes(token))
            except Exception:
                raise CommandError(
                    _(
                        "The credential of account %(pk)s cannot be decrypted "
                        "with any configured key; nothing was changed."
                    )
                    % {"pk": endpoints.get(pk=pk).account_id}
                ) from None
            endpoints.filter(pk=pk).update(secret_encrypted=new)
            count += 1
        return count

    # --- health ------------------------------------------------------------------

    def do_check(self, options):
        if options["account"]:
            accounts = [self._account(options["account"])]
        else:
            accounts = list(
                Account.objects.exclude(
                    status__in=[Account.Status.DELETED, Account.Status.PLANNED]
                ).not_blocked()
            )
        try:
            results = check_accounts(accounts)
        except ImportError:
            raise CommandError(_("The network clients are not installed.")) from None
        by_pk = {a.pk: a for a in accounts}
        problems = 0
        for result in results:
            mark = "OK " if result.ok else "ERR"
            problems += not result.ok
            self.stdout.write(f"{mark} {by_pk[result.account_id]}: {result.message}")
        self.stdout.write(
            _("Checked: %(count)d, problems: %(problems)d.")
            % {"count": len(results), "problems": problems}
        )
        if problems:
            raise CommandError(_("Some accounts have problems."), returncode=2)

    # --- restricted networks -------------------------------------------------------

    def do_enable_network(self, options):
        self._switch_network(options, enabled=True)

    def do_disable_network(self, options):
        self._switch_network(options, enabled=False)

    def _switch_network(self, options, *, enabled: bool):
        if not options["reason"].strip():
            raise CommandError(_("A reason is required."))
        actor = options["by"] or f"manage.py registry ({getpass.getuser()})"
        decide(options["network"], enabled, reason=options["reason"], actor=actor)
        if enabled:
            self.stderr.write(legal_warning())
            self.stdout.write(
                _("%(network)s is enabled. The decision is recorded.")
                % {"network": options["network"]}
            )
        else:
            self.stdout.write(
                _("%(network)s is disabled. The decision is recorded.")
                % {"network": options["network"]}
            )
