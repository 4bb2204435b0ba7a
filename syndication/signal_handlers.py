"""Wagtail page signals -> deliveries. Connected in ``SyndicationConfig.ready``."""

from __future__ import annotations

import logging

from django.db import transaction

logger = logging.getLogger(__name__)


def syndicated_page_types() -> tuple:
    from cms.models import NewsPage

    return (NewsPage,)


def on_page_published(sender, instance, revision=None, **kwargs):
    """Create the deliveries once the publish is committed, so a rolled-back publish
    sends nothing and the worker sees the revision it is asked to send."""
    if not isinstance(instance, syndicated_page_types()):
        return
    page_id = instance.pk
    revision_id = getattr(revision, "pk", None)

    def schedule():
        from wagtail.models import Page, Revision

        from syndication.delivery import scheduling

        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            return
        rev = Revision.objects.filter(pk=revision_id).first() if revision_id else None
        deliveries = scheduling.schedule_page(page.specific, rev)
        logger.info("page %s published: %s deliveries", page_id, len(deliveries))

    transaction.on_commit(schedule)


def on_page_unpublished(sender, instance, **kwargs):
    """Unsent jobs are cancelled; deleting the posts already out is the editor's choice
    (the «delete from networks» button of the page's syndication panel)."""
    if not isinstance(instance, syndicated_page_types()):
        return
    page_id = instance.pk

    def cancel():
        from wagtail.models import Page

        from syndication.delivery import scheduling

        page = Page.objects.filter(pk=page_id).first()
        if page is not None:
            scheduling.cancel_pending(page)

    transaction.on_commit(cancel)


def connect() -> None:
    from wagtail.signals import page_published, page_unpublished

    page_published.connect(on_page_published, dispatch_uid="syndication_published")
    page_unpublished.connect(
        on_page_unpublished, dispatch_uid="syndication_unpublished"
    )
