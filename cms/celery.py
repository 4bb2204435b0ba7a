"""The Celery application. Tasks are discovered in every installed app's ``tasks.py``."""

import os

from celery import Celery, signals
from django.conf import settings

from cms import quiet_ticks
from cms.log_filters import install_on_every_handler

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

app = Celery("vestnik")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.after_setup_logger.connect
@signals.after_setup_task_logger.connect
def redact_worker_logs(**kwargs):
    """A worker replaces the root logger's handlers with its own: they get the secret
    redaction too (task errors quote API URLs with tokens)."""
    install_on_every_handler()


@signals.after_setup_logger.connect
def quiet_the_ticks(**kwargs):
    """The webhook batch runs every second: its «sent/received/succeeded» lines are
    left out, its failures are not (cms/quiet_ticks.py)."""
    if not settings.LOG_EVERY_TICK:
        quiet_ticks.install(app.conf.beat_schedule or {})
