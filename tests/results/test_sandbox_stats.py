"""The sandbox's growing counters and the statistics methods' wire format."""

from __future__ import annotations

from datetime import timedelta

import pytest
import requests
from django.utils import timezone

from sandbox import stats
from sandbox.models import SandboxAccount, SandboxPage, SandboxPost


@pytest.fixture
def wall(db):
    account = SandboxAccount.objects.create(
        network="vk", external_id="880001", name="Wall", token="u-token",
        token_type="user", extra={"subscribers": 2000}, enforce_rate_limits=False,
    )  # fmt: skip
    post = SandboxPost.objects.create(account=account, remote_id=5, text="Новость")
    return account, post


def test_counters_grow_and_never_go_down(wall):
    _, post = wall
    start = post.created_at
    seen = [
        stats.post_counters(post, start + timedelta(minutes=m))
        for m in (0, 5, 60, 600, 2880, 43200)
    ]
    assert seen[0]["views"] == 0
    assert seen[1]["views"] > 0  # a demo shows a rising line within minutes
    for metric in ("views", "reach", "likes", "reposts"):
        values = [s[metric] for s in seen]
        assert values == sorted(values), metric
    last = seen[-1]
    assert last["reach"] < last["views"] and last["likes"] < last["views"] / 10
    assert last["reach_subscribers"] <= last["reach"]
    # The same moment reads the same figures (two methods agree).
    assert stats.post_counters(post, start + timedelta(hours=3)) == (
        stats.post_counters(post, start + timedelta(hours=3))
    )


def test_audience_starts_at_the_set_figure_and_grows(wall):
    account, _ = wall
    assert stats.audience(account, account.created_at) == 2000
    assert stats.audience(account, account.created_at + timedelta(days=10)) > 2000


@pytest.fixture
def vk_url(live_server, wall):
    account, post = wall
    SandboxPost.objects.filter(pk=post.pk).update(
        created_at=timezone.now() - timedelta(hours=5)
    )
    return f"{live_server.url}/sandbox/vk/method/"


def call(url, method, token=None, **params):
    params.update(v="5.199", access_token=token or "u-token")
    return requests.post(url + method, data=params, timeout=10).json()


def test_vk_statistics_wire_format(vk_url, transactional_db):
    post = call(vk_url, "wall.getById", posts="-880001_5")["response"]["items"][0]
    for counter in ("views", "likes", "reposts", "comments"):
        assert isinstance(post[counter]["count"], int), counter
    assert post["views"]["count"] > 0

    reach = call(vk_url, "stats.getPostReach", owner_id=-880001, post_ids="5")
    (row,) = reach["response"]
    assert row["post_id"] == 5 and 0 < row["reach_total"] <= post["views"]["count"]
    assert row["reach_subscribers"] + row["reach_viral"] == row["reach_total"]

    too_many = ",".join(str(i) for i in range(1, 32))
    error = call(vk_url, "stats.getPostReach", owner_id=-880001, post_ids=too_many)
    assert error["error"]["error_code"] == 100

    group = call(vk_url, "groups.getById", group_id=880001, fields="members_count")
    assert group["response"]["groups"][0]["members_count"] >= 2000


def test_vk_post_reach_refuses_a_community_token(vk_url, transactional_db):
    SandboxAccount.objects.filter(external_id="880001").update(token_type="community")
    error = call(vk_url, "stats.getPostReach", owner_id=-880001, post_ids="5")
    assert error["error"]["error_code"] == 27


def test_telegram_member_count(live_server, transactional_db):
    SandboxAccount.objects.create(
        network="telegram", external_id="@count_me", name="TG",
        token="123:secret", extra={"subscribers": 1500},
    )  # fmt: skip
    answer = requests.post(
        f"{live_server.url}/sandbox/telegram/bot123:secret/getChatMemberCount",
        json={"chat_id": "@count_me"},
        timeout=10,
    ).json()
    assert answer["ok"] is True and answer["result"] >= 1500


def test_telegraph_get_views_whole_and_by_period(client, db):
    account = SandboxAccount.objects.create(
        network="telegraph", external_id="pages", name="Pages", token="t-token",
        enforce_rate_limits=False,
    )  # fmt: skip
    page = SandboxPage.objects.create(account=account, path="Novost-12-07", title="Н")
    SandboxPage.objects.filter(pk=page.pk).update(
        created_at=timezone.now() - timedelta(days=3), views=5
    )
    page.refresh_from_db()

    def views(**period):
        body = client.post(f"/sandbox/telegraph/getViews/{page.path}", period).json()
        return body["result"]["views"] if body["ok"] else body["error"]

    total = views()
    assert total > 5  # the visits served plus readers from the linked post
    first_day = page.created_at
    day = views(year=first_day.year, month=first_day.month, day=first_day.day)
    assert 0 < day < total
    assert views(year=2001) == 0  # before the page existed
    assert views(month=5) == "PERIOD_INVALID"  # a month needs its year
    gone = client.post("/sandbox/telegraph/getViews/No-Such-Page").json()
    assert gone == {"ok": False, "error": "PAGE_NOT_FOUND"}
