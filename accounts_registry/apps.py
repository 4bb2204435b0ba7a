from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from .conf import app_settings


class AccountsRegistryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts_registry"
    verbose_name = _("Accounts registry")

    def ready(self):
        # Modules that import the models: only once the app registry is ready.
        from . import bookkeeping
        from .groups import ensure_groups

        bookkeeping.connect()
        app_settings.register_check()

        # After every app's migrate, so that Wagtail's admin permission exists too.
        post_migrate.connect(ensure_groups, dispatch_uid="accounts_registry_groups")
