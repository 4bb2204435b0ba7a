from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from .conf import app_settings


class CmsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cms"
    verbose_name = _("Site")

    def ready(self):
        # Imported here: both import Wagtail's admin, which needs the app registry
        # ready (Django app loading).
        from . import private_files  # noqa: F401 - registers its system check
        from .admin_csp import install_inline_script_free_choosers
        from .spreadsheets import install_export_guard
        from .wagtail_fixes import install_rich_text_parser_guard

        install_rich_text_parser_guard()
        install_inline_script_free_choosers()
        install_export_guard()
        app_settings.register_check()
