"""Celery tasks. They carry ids only and are idempotent: the database decides."""

from celery import shared_task
from wagtail.models import Page, Revision

from syndication.delivery import dispatch, scheduling, sending


@shared_task(ignore_result=True)
def dispatch_due_deliveries() -> int:
    """The scheduler tick (Celery beat): release reconnected accounts, recover
    deliveries of dead workers, and hand every due delivery to a worker."""
    return len(dispatch.tick(lambda pk: send_delivery.delay(pk)))


@shared_task(ignore_result=True, acks_late=True)
def send_delivery(delivery_id: int) -> str:
    """Perform one delivery if it is still ours to perform; a duplicate message or a
    redelivery after a worker crash finds nothing to claim and does nothing."""
    delivery = sending.perform(delivery_id)
    return delivery.status if delivery else "skipped"


@shared_task(ignore_result=True)
def schedule_page_deliveries(page_id: int, revision_id: int | None = None) -> int:
    page = Page.objects.filter(pk=page_id).first()
    if page is None or not page.live:
        return 0
    revision = Revision.objects.filter(pk=revision_id).first() if revision_id else None
    return len(scheduling.schedule_page(page, revision))
