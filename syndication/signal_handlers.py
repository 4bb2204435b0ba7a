"""Wagtail page signals -> deliveries. Connected in ``SyndicationConfig.ready``."""

from __future__ import annotations

import logging

from django.db import transaction
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from syndication import notifications, signals
from syndication.delivery import scheduling

logger = logging.getLogger(__name__)


def on_page_published(sender, instance, revision=None, **kwargs):
    """Create the deliveries in the publishing transaction itself (issue 11.5): they
    commit together with the live page, or not at all. (They were created in
    ``on_commit``: a process that died between the commit and the handler left a live
    page with no delivery, and nothing noticed.) A failure here must not undo the
    publish: it is logged, and the scheduler's tick creates what is missing
    (``scheduling.repair_missing``)."""
    if not isinstance(instance, scheduling.syndicated_page_types()):
        return
    try:
        with transaction.atomic():
            deliveries = scheduling.schedule_published(instance, revision)
    except Exception:
        logger.exception("page %s published: deliveries left to the tick", instance.pk)
        return
    logger.info("page %s published: %s deliveries", instance.pk, len(deliveries))


def on_page_unpublished(sender, instance, **kwargs):
    """Unsent jobs are cancelled; deleting the posts already out is the editor's choice
    (the «delete from networks» button of the page's syndication panel)."""
    if not isinstance(instance, scheduling.syndicated_page_types()):
        return
    page_id = instance.pk

    def cancel():
        page = Page.objects.filter(pk=page_id).first()
        if page is not None:
            scheduling.cancel_pending(page)

    transaction.on_commit(cancel)


def connect() -> None:
    signals.delivery_needs_attention.connect(
        notifications.notify_responsible, dispatch_uid="syndication_notify"
    )

    page_published.connect(on_page_published, dispatch_uid="syndication_published")
    page_unpublished.connect(
        on_page_unpublished, dispatch_uid="syndication_unpublished"
    )
