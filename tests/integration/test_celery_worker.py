"""A real Celery worker on Redis and PostgreSQL runs Wagtail's scheduled publishing."""

from __future__ import annotations

import datetime as dt
import time

from django.utils import timezone

from cms.models import NewsPage
from cms.tasks import publish_scheduled_pages


def test_worker_publishes_a_scheduled_page(start_worker, news_page):
    news_page.unpublish()
    news_page.go_live_at = timezone.now() + dt.timedelta(seconds=1)
    news_page.save_revision().publish()  # scheduled, not live yet
    assert not NewsPage.objects.get(pk=news_page.pk).live
    time.sleep(1.2)

    worker = start_worker()
    publish_scheduled_pages.apply_async(queue=start_worker.queue)

    # The page goes live when the task's transaction commits; the worker logs «succeeded»
    # only after the task returns, which on a loaded machine can come a moment later (CI
    # stop 22 read the log in between). Wait for both.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        log = worker.log()
        if NewsPage.objects.get(pk=news_page.pk).live and "succeeded" in log:
            break
        time.sleep(0.3)
    else:
        raise AssertionError(f"the worker did not publish the page:\n{worker.log()}")
    assert "publish_scheduled_pages" in log
