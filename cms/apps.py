from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _

from .conf import app_settings


class CmsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "cms"
    verbose_name = _("Site")

    def ready(self):
        # Imported here (Django app loading): they import the models or Wagtail's
        # admin, which need the app registry ready.
        from . import private_files  # noqa: F401 - registers its system check
        from .admin_csp import install_inline_script_free_choosers
        from .dates import install_exact_date_fields
        from .forms import persist_choice
        from .models import NewsPage
        from .spreadsheets import install_export_guard
        from .wagtail_fixes import install_rich_text_parser_guard

        install_rich_text_parser_guard()
        install_inline_script_free_choosers()
        install_export_guard()
        install_exact_date_fields()
        app_settings.register_check()

        # A new piece's choice of accounts and time is saved once it has an id,
        # before «Опубликовать» plans its deliveries (cms/forms.py).
        post_save.connect(
            lambda sender, instance, **kwargs: persist_choice(instance),
            sender=NewsPage,
            weak=False,
            dispatch_uid="cms_news_syndication_choice",
        )
