"""A publish and its deliveries commit together; the scheduler's tick repairs a page
that went live without them (issue 11.5: the publishing process died between the
commit and the handler, and nothing noticed)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page
from wagtail.signals import page_published

from syndication import signal_handlers
from syndication.delivery import dispatch, scheduling
from syndication.models import Delivery, PublishScheduled

pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = pytest.mark.django_db


def test_deliveries_are_created_in_the_publish_transaction(piece_page, accounts):
    with transaction.atomic():
        piece_page.save_revision().publish()
        # no on_commit: the rows are there before the commit, in the same transaction
        assert Delivery.objects.filter(page=piece_page).count() == 3
        transaction.set_rollback(True)
    assert not Delivery.objects.filter(page=piece_page).exists()  # gone with it


@pytest.fixture
def dying_publisher():
    """A publishing process that dies before the handler runs."""
    page_published.disconnect(dispatch_uid="syndication_published")
    yield
    page_published.connect(
        signal_handlers.on_page_published, dispatch_uid="syndication_published"
    )


def test_the_tick_repairs_a_page_live_without_deliveries(
    piece_page, accounts, dying_publisher
):
    piece_page.save_revision().publish()
    piece_page.refresh_from_db()
    assert not Delivery.objects.filter(revision=piece_page.live_revision).exists()
    # a fresh publish is left to its own handler for a minute
    assert scheduling.repair_missing() == []
    later = timezone.now() + timedelta(minutes=2)
    repaired = scheduling.repair_missing(later)
    assert {d.account.network for d in repaired} == {"vk", "ok", "telegram"}
    assert PublishScheduled.objects.get(revision=piece_page.live_revision).repaired
    assert scheduling.repair_missing(later) == []  # once


def test_the_tick_itself_runs_the_repair(
    piece_page, accounts, dying_publisher, settings
):
    settings.SYNDICATION_REPAIR_GRACE = 0
    piece_page.save_revision().publish()
    enqueued = []
    dispatch.tick(enqueued.append)
    assert len(enqueued) == 3


def test_the_repair_leaves_handled_and_old_pages_alone(piece_page, accounts):
    # piece_page went live before any account existed: handled, with no delivery
    later = timezone.now() + timedelta(minutes=2)
    assert PublishScheduled.objects.filter(revision=piece_page.live_revision).exists()
    assert scheduling.repair_missing(later) == []
    # a page published long ago is never sent by the repair
    PublishScheduled.objects.all().delete()
    Page.objects.filter(pk=piece_page.pk).update(
        last_published_at=timezone.now() - timedelta(days=2)
    )
    assert scheduling.repair_missing(later) == []
