"""Blog statistics over real HTTP to the sandbox: Telegraph gives a page's views
(getViews), WordPress the published comments of a post (X-WP-Total); neither gives
subscribers, and what a blog does not give stays empty («нет данных у сети»)."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
import requests
from django.core.management import call_command
from django.utils import timezone

from results.collect import enrol, run_round
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


def test_wordpress_round_reads_a_hundred_posts_a_call(blog_posts, monkeypatch):
    """250 posts of one blog cost 3 calls to list which are still there
    (``posts?include=…&status=…&per_page=100``) and 3 to count their comments
    (``comments?post=…&per_page=100``), not one or two per post; the trashed, the
    deleted for good and the kept are told apart as with one call a post."""
    enrol(timezone.now())
    first = PostTracking.objects.get(network="wordpress")
    sandbox_account = SandboxPost.objects.get(account__network="wordpress").account
    delivery = first.delivery
    sent = timezone.now() - timedelta(hours=3)
    for number in range(249):
        post = SandboxPost.objects.create(
            account=sandbox_account, remote_id=sandbox_account.next_id(),
            kind="article", text="x", meta={"status": "publish", "title": "x"},
        )  # fmt: skip
        if number % 50 == 1:
            SandboxComment.objects.create(
                post=post, remote_id=sandbox_account.next_id(), author_id=1,
                author_name="Читатель", text="Вопрос", status="approved",
            )  # fmt: skip
        copy = Delivery.objects.create(
            page=delivery.page, account=delivery.account, status="sent",
            sent_at=sent, remote_ref={"ids": [str(post.remote_id)]},
        )  # fmt: skip
        PostTracking.objects.create(
            delivery=copy, page=delivery.page, account=delivery.account,
            network="wordpress", sent_at=sent, next_due_at=sent,
        )  # fmt: skip
    posts = SandboxPost.objects.filter(account=sandbox_account).order_by("remote_id")
    trashed, deleted = posts[10], posts[200]
    trashed.meta = {**trashed.meta, "status": "trash"}
    trashed.save(update_fields=["meta"])
    SandboxPost.objects.filter(pk=deleted.pk).update(deleted=True)
    PostTracking.objects.update(next_due_at=sent)
    PostTracking.objects.filter(network="telegraph").update(finished=True)

    calls = []
    send = requests.adapters.HTTPAdapter.send

    def counting(adapter, request, **kwargs):
        if "/sandbox/wordpress/" in request.url:
            calls.append(request.url.split("/wp/v2/", 1)[1].split("?", 1)[0])
        return send(adapter, request, **kwargs)

    monkeypatch.setattr(requests.adapters.HTTPAdapter, "send", counting)
    report = run_round(timezone.now())
    assert (report.posts_observed, report.posts_gone) == (248, 2), report.errors
    assert calls == ["posts", "comments"] * 3
    gone = PostTracking.objects.filter(network="wordpress", finished=True)
    assert {t.delivery.remote_id for t in gone} == {
        str(trashed.remote_id),
        str(deleted.remote_id),
    }
    commented = PostTracking.objects.filter(network="wordpress", comments=1)
    assert commented.count() == 5  # one comment on every 50th new post


class AnsweringClient:
    """Answers the posts collection with ``posts`` (or raises it) and the comments
    collection with ``comments`` in pages of ``per_page``, so the rules are checked
    for answers the sandbox does not give."""

    def __init__(self, posts, comments=(), per_page=100):
        self.posts, self.comments, self.per_page = posts, list(comments), per_page
        self.calls, self.last_headers = [], {}

    def call(self, method, route, **kwargs):
        params = kwargs.get("params", {})
        self.calls.append((route, params.get("page", 1), params.get("post")))
        if route == "posts":
            if isinstance(self.posts, Exception):
                raise self.posts
            return self.posts
        wanted = str(params["post"]).split(",")
        mine = [c for c in self.comments if str(c["post"]) in wanted]
        size = min(self.per_page, params["per_page"])
        page = params.get("page", 1)
        self.last_headers = {
            "X-WP-Total": str(len(mine)),
            "X-WP-TotalPages": str(-(-len(mine) // size)),
        }
        return mine[(page - 1) * size : page * size]


@pytest.mark.parametrize(
    ("posts", "kept"),
    [
        ([{"id": 7, "status": "publish"}], True),
        ([{"id": 7, "status": "draft"}], True),  # unpublished, not deleted
        ([{"id": 7, "status": "trash"}], False),
        ([], False),  # deleted for good: not in the collection
    ],
)
def test_wordpress_post_answer_decides_tracking(posts, kept):
    client = AnsweringClient(posts, [{"id": n, "post": 7} for n in range(3)])
    found = wordpress.observe_posts(client, ["7"])
    assert (found == {"7": {"comments": 3}}) is kept
    assert (("comments", 1, "7") in client.calls) is kept


def test_wordpress_many_comments_are_read_by_page_or_counted_per_post():
    """Comments are counted from their pages while that is cheaper; a blog with
    more pages than posts in the batch is asked each post's X-WP-Total instead."""
    posts = [{"id": n, "status": "publish"} for n in (1, 2, 3)]
    comments = [{"id": n, "post": 1 + n % 3} for n in range(12)]
    paged = AnsweringClient(posts, comments, per_page=4)
    found = wordpress.observe_posts(paged, ["1", "2", "3"])
    assert found == {str(n): {"comments": 4} for n in (1, 2, 3)}
    assert [c[:2] for c in paged.calls] == [("posts", 1), ("comments", 1),
                                            ("comments", 2), ("comments", 3)]  # fmt: skip

    many = AnsweringClient(posts, comments, per_page=2)  # 6 pages for 3 posts
    found = wordpress.observe_posts(many, ["1", "2", "3"])
    assert found == {str(n): {"comments": 4} for n in (1, 2, 3)}
    assert [c[2] for c in many.calls[2:]] == ["1", "2", "3"]


def test_wordpress_missing_route_is_an_error_not_a_deleted_post():
    error = PermanentError("HTTP 404 rest_no_route: No route", code="rest_no_route")
    with pytest.raises(PermanentError):
        wordpress.observe_posts(AnsweringClient(error), ["7"])
