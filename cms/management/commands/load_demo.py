from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from cms.demo.setup import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Create (or complete) the demo site, users, workflow and sandbox accounts."

    def handle(self, *args, **options):
        result = load_demo()
        self.stdout.write(
            _("Demo site ready: %(count)s news pieces.")
            % {"count": len(result["pages"])}
        )
        if result["accounts"]:
            self.stdout.write(
                _("Sandbox accounts: %(names)s")
                % {"names": ", ".join(map(str, result["accounts"]))}
            )
        self.stdout.write(
            _("Logins (password for all: %(password)s):") % {"password": DEMO_PASSWORD}
        )
        for user in result["users"]:
            role = user.group or _("administrator")
            self.stdout.write(f"  {user.username:<10} {role}")
