from celery import shared_task
from django.core.management import call_command


@shared_task(ignore_result=True)
def publish_scheduled_pages() -> None:
    """Run Wagtail's scheduled publishing (pages with a "go live" or "expire" time)."""
    call_command("publish_scheduled", verbosity=0)
