"""``manage.py syndicate PAGE_ID [--account ACCOUNT ...] [--wait]``."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Page

from accounts_registry.models import Account
from syndication.delivery import dispatch, scheduling
from syndication.models import Delivery

S = Delivery.Status
NOT_OK = {S.FAILED, S.NEEDS_CHECK, S.CANCELLED}


class Command(BaseCommand):
    help = "Create the deliveries of a live page; with --wait, send them now."

    def add_arguments(self, parser):
        parser.add_argument("page_id", type=int)
        parser.add_argument(
            "--account",
            action="append",
            default=[],
            help="Account id, slug or network:external_id; repeat for several.",
        )
        parser.add_argument(
            "--wait",
            action="store_true",
            help="Send in this process and print the outcome per account.",
        )

    def handle(self, *args, page_id, account, wait, **options):
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            raise CommandError(_("No page with id %(id)s.") % {"id": page_id})
        page = page.specific
        if not page.live:
            raise CommandError(
                _("The page «%(title)s» is not published; publish it first.")
                % {"title": page.title}
            )
        accounts = [self.resolve(ref) for ref in account] or None
        if accounts is None and not scheduling.chosen_accounts(page):
            raise CommandError(_("No account is chosen for this page."))
        deliveries = scheduling.schedule_page(page, accounts=accounts)
        if not wait:
            for delivery in deliveries:
                self.stdout.write(self.describe(delivery))
            return
        done = dispatch.run_now([d.pk for d in deliveries])
        for delivery in done:
            self.stdout.write(self.describe(delivery))
        failed = [d for d in done if d.status in NOT_OK or d.status == S.SCHEDULED]
        if failed:
            raise CommandError(
                _("%(count)s of %(total)s deliveries were not sent.")
                % {"count": len(failed), "total": len(done)}
            )

    def resolve(self, ref: str) -> Account:
        try:
            return Account.objects.resolve(ref)
        except Account.DoesNotExist:
            raise CommandError(
                _("Unknown account «%(ref)s»: give its id, slug or network:id.")
                % {"ref": ref}
            ) from None

    def describe(self, delivery: Delivery) -> str:
        remote = delivery.remote_url or delivery.remote_id or "-"
        parts = [
            f"{delivery.account.network}:{delivery.account.slug}",
            str(delivery.get_status_display()),
            f"{delivery.get_action_display()}",
            remote,
        ]
        if delivery.status == S.SCHEDULED:
            parts.append(delivery.scheduled_at.isoformat(timespec="minutes"))
        if delivery.last_error:
            parts.append(delivery.last_error)
        return "\t".join(parts)
