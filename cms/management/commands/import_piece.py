from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from cms.importing import PieceImportError, import_piece
from cms.models import NewsIndexPage


class Command(BaseCommand):
    help = "Create a news piece from a JSON file (see README, «Импорт»). Prints the page id."

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="the JSON file; image paths are relative to it"
        )
        parser.add_argument("--publish", action="store_true", help="publish at once")
        parser.add_argument(
            "--parent", type=int, help="id of the news list page (default: the first)"
        )

    def handle(self, *args, **options):
        parent = None
        if options["parent"]:
            parent = NewsIndexPage.objects.filter(pk=options["parent"]).first()
            if parent is None:
                raise CommandError(
                    _("No news list page with id %(id)s.") % {"id": options["parent"]}
                )
        try:
            page = import_piece(
                options["file"], publish=options["publish"], parent=parent
            )
        except PieceImportError as exc:
            raise CommandError(
                _("Nothing was imported:")
                + "\n"
                + "\n".join(f"  - {p}" for p in exc.problems)
            ) from exc
        self.stdout.write(str(page.pk))
