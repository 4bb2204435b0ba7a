"""Blog statistics over real HTTP to the sandbox: Telegraph gives a page's views
(getViews), WordPress the published comments of a post (X-WP-Total); neither gives
subscribers, and what a blog does not give stays empty («нет данных у сети»)."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from results.collect import run_round
from results.models import AccountObservation, PostObservation, PostTracking
from sandbox.models import SandboxComment, SandboxPage, SandboxPost
from syndication.models import Delivery
from tests.sandbox.fixtures import (  # noqa: F401
    relaxed_account,
    sandbox,
    wordpress_account,
)

pytest_plugins = ["tests.syndication.test_delivery_support"]


@pytest.fixture
def blog_posts(sandbox, wordpress_account, piece_page):  # noqa: F811
    telegraph = relaxed_account("telegraph", "vestnik_results", "Telegraph results")
    call_command("syndicate", str(piece_page.pk), "--wait", stdout=io.StringIO())
    for account in (telegraph, wordpress_account):
        delivery = Delivery.objects.get(account=account, action="publish")
        assert delivery.status == "sent", delivery.last_error
    three_hours_ago = timezone.now() - timedelta(hours=3)
    SandboxPage.objects.update(created_at=three_hours_ago)
    Delivery.objects.update(sent_at=three_hours_ago)
    return telegraph, wordpress_account


def test_blog_counters_are_what_their_apis_give(blog_posts):
    telegraph, wordpress = blog_posts
    post = SandboxPost.objects.get(account__network="wordpress")
    for number, status in enumerate(["approved", "approved", "hold"], start=1):
        SandboxComment.objects.create(
            post=post, remote_id=900 + number, author_id=number,
            author_name="Читатель", text="Вопрос", status=status,
        )  # fmt: skip
    now = timezone.now()
    report = run_round(now)
    assert report.posts_observed == 2, report.errors
    # Neither blog has subscribers: no audience call, no empty observation.
    assert report.accounts_observed == 0
    assert not AccountObservation.objects.exists()

    page = PostTracking.objects.get(network="telegraph")
    assert page.views > 0
    assert (page.reach, page.likes, page.reposts, page.comments) == (None,) * 4
    blog = PostTracking.objects.get(network="wordpress")
    assert blog.comments == 2  # published ones: the held comment is not public
    assert (blog.views, blog.reach, blog.likes, blog.reposts) == (None,) * 4

    SandboxPage.objects.update(created_at=timezone.now() - timedelta(hours=20))
    run_round(now + timedelta(hours=1, minutes=1))
    views = list(
        PostObservation.objects.filter(tracking=page).values_list("views", flat=True)
    )
    assert len(views) == 2 and views[1] > views[0]


def test_telegraph_page_that_is_gone_stops_being_tracked(blog_posts):
    SandboxPage.objects.all().delete()
    report = run_round(timezone.now())
    assert report.posts_gone == 1 and report.posts_failed == 0, report.errors
    assert PostTracking.objects.get(network="telegraph").finished
