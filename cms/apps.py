from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cms"
    verbose_name = _("Site")

    def ready(self):
        # Imported here: the guard imports Wagtail's admin, which needs the app registry
        # ready (Django app loading).
        from .wagtail_fixes import install_rich_text_parser_guard

        install_rich_text_parser_guard()
