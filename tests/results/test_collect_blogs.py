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
from results.collectors import wordpress
from results.models import AccountObservation, PostObservation, PostTracking
from sandbox.models import SandboxComment, SandboxPage, SandboxPost
from syndication.api.errors import PermanentError
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


def test_wordpress_post_in_the_trash_stops_being_tracked(blog_posts):
    """A post the blog's editor moved to the trash keeps its comments (the comments
    collection still answers its author), so only reading the post tells: its
    ``status`` is ``trash``. It is shown as deleted, and its comments are no longer
    read; a post deleted for good (404 rest_post_invalid_id) likewise."""
    post = SandboxPost.objects.get(account__network="wordpress")
    SandboxComment.objects.create(
        post=post, remote_id=901, author_id=1, author_name="Читатель",
        text="Вопрос", status="approved",
    )  # fmt: skip
    post.meta = {**post.meta, "status": "trash"}
    post.save(update_fields=["meta"])
    report = run_round(timezone.now())
    assert (report.posts_gone, report.posts_failed) == (1, 0), report.errors
    blog = PostTracking.objects.get(network="wordpress")
    assert blog.finished and blog.last_error == "gone"
    assert not blog.observations.exists()  # no figure read from a trashed post
    page = PostTracking.objects.get(network="telegraph")
    assert not page.finished and page.views > 0  # the other blog goes on


def test_wordpress_post_deleted_for_good_stops_being_tracked(blog_posts):
    SandboxPost.objects.filter(account__network="wordpress").update(deleted=True)
    report = run_round(timezone.now())
    assert (report.posts_gone, report.posts_failed) == (1, 0), report.errors
    assert PostTracking.objects.get(network="wordpress").finished


class AnsweringClient:
    """Answers ``posts/<id>`` with ``post`` (or raises it) and the comments with a
    total, so the rule is checked for answers the sandbox does not give."""

    def __init__(self, post):
        self.post, self.calls, self.last_headers = post, [], {}

    def call(self, method, route, **kwargs):
        self.calls.append(route)
        if route.startswith("posts/"):
            if isinstance(self.post, Exception):
                raise self.post
            return self.post
        self.last_headers = {"X-WP-Total": "3"}
        return []


@pytest.mark.parametrize(
    ("post", "kept"),
    [
        ({"id": 7, "status": "publish"}, True),
        ({"id": 7, "status": "trash"}, False),
        (PermanentError("HTTP 404 rest_post_invalid_id: Invalid post ID.",
                        code="rest_post_invalid_id"), False),
        (PermanentError("HTTP 410 : ", response="<h1>Gone</h1>"), False),
    ],
)  # fmt: skip
def test_wordpress_post_answer_decides_tracking(post, kept):
    client = AnsweringClient(post)
    found = wordpress.observe_posts(client, ["7"])
    assert (found == {"7": {"comments": 3}}) is kept
    assert ("comments" in client.calls) is kept


def test_wordpress_missing_route_is_an_error_not_a_deleted_post():
    error = PermanentError("HTTP 404 rest_no_route: No route", code="rest_no_route")
    with pytest.raises(PermanentError):
        wordpress.observe_posts(AnsweringClient(error), ["7"])
