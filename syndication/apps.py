from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SyndicationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "syndication"
    verbose_name = _("Syndication")

    def ready(self):
        # Django app loading: the handlers import models, so only once apps are ready.
        from . import signal_handlers

        signal_handlers.connect()
        # Django app loading: the approve dialog's form imports the models, so the
        # approval task (a model) is given it here rather than importing it.
        from .models import ApprovalTask
        from .views import approval

        ApprovalTask.dialog = approval
