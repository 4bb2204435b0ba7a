from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from syndication.signals import comment_received


class ModerationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "moderation"
    verbose_name = _("Moderation")

    def ready(self):
        # Django app loading: the handlers import the models, loaded only by now.
        from .groups import ensure_groups
        from .set_aside import notify_responsible
        from .signal_handlers import on_comment_received
        from .signals import webhook_events_set_aside

        comment_received.connect(
            on_comment_received, dispatch_uid="moderation.comment_received"
        )
        # A citizen's comment the batch could not handle: the technicians are told.
        webhook_events_set_aside.connect(
            notify_responsible, dispatch_uid="moderation.set_aside_notify"
        )
        # The technician's webhook settings: after every migrate, fresh or not.
        post_migrate.connect(ensure_groups, dispatch_uid="moderation_groups")
