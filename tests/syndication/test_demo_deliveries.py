"""A fresh demo's posts reach the sandbox: ``load_demo``, then the worker path
(``dispatch.run_now``, as the scheduler would) over real HTTP to the emulators. The
demo's piece with a GIF block went to Telegram as sendAnimation, which the sandbox
answered 404, so the delivery ended «Требует проверки» on every fresh demo."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from accounts_registry.models import Account
from cms.models import NewsPage
from sandbox.models import SandboxPost
from syndication.delivery import dispatch, scheduling
from syndication.models import Delivery
from tests.sandbox.fixtures import sandbox  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)
S = Delivery.Status


def test_fresh_demo_telegram_deliveries_are_sent(sandbox, settings, live_server):  # noqa: F811
    # as under `make run`: the demo's site is the server the sandbox fetches files from
    settings.VESTNIK_SITE_URL = settings.WAGTAILADMIN_BASE_URL = live_server.url
    call_command("load_demo")
    channel = Account.objects.get(network="telegram", status=Account.Status.ACTIVE)
    for page in NewsPage.objects.live():  # the chief editor sends every demo piece
        scheduling.schedule_page(page, page.live_revision, accounts=[channel])
    telegram = Delivery.objects.filter(account=channel)
    assert telegram.count() == NewsPage.objects.live().count()
    dispatch.run_now(list(telegram.values_list("pk", flat=True)))
    outcomes = {
        (d.page.title, d.status, d.last_error) for d in telegram.select_related("page")
    }
    assert {status for _title, status, _error in outcomes} == {S.SENT}, [
        o for o in outcomes if o[1] != S.SENT
    ]
    animations = SandboxPost.objects.filter(
        account__network="telegram", kind="animation"
    )
    assert animations.count() == 1
    assert animations.get().text == "Как подать заявление за минуту"
