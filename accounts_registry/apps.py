from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsRegistryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts_registry"
    verbose_name = _("Accounts registry")
