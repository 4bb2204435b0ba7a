from django.apps import AppConfig
from django.core import checks
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from .conf import app_settings


class ResultsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "results"
    verbose_name = _("Results")

    def ready(self):
        # Django app loading: groups imports the auth models, loaded only by now.
        from .groups import ensure_groups

        checks.register(check_settings)
        post_migrate.connect(ensure_groups, dispatch_uid="results_groups")


def check_settings(app_configs=None, **kwargs):
    """``results.E002`` when a RESULTS_… environment variable does not parse."""
    return app_settings.check(app_configs, **kwargs)
