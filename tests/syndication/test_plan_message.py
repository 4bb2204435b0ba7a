"""After «Опубликовать» the editor reads what happens next (issue 17):
«Публикация запланирована: ВКонтакте, Одноклассники, Telegram — сразу; MAX — 12.12 в 10:00»."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory
from django.utils import timezone

from syndication.models import Delivery, PageSyndication, ScheduleMode
from syndication.render.block_lines import LOCAL_TZ
from syndication.views.plan import plan_message, planned_for
from syndication.wagtail_hooks import say_what_happens_next
from tests.syndication.test_delivery_support import make_account

pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = pytest.mark.django_db


def test_now_and_a_set_time_in_one_sentence(piece_page):
    now = timezone.now()
    later = datetime(2030, 12, 12, 10, 0, tzinfo=LOCAL_TZ)
    rows = [
        Delivery(page=piece_page, account=make_account(code, str(i)), scheduled_at=at)
        for i, (code, at) in enumerate(
            [("ok", now), ("vk", now), ("telegram", now), ("max", later)]
        )
    ]
    assert plan_message(rows, now) == (
        "Публикация запланирована: ВКонтакте, Одноклассники, Telegram — сразу; "
        "MAX — 12.12 в 10:00."
    )


def test_no_account_is_said_too():
    assert plan_message([]) == (
        "В соцсети ничего не запланировано: для материала не выбран ни один аккаунт."
    )


def test_the_message_after_publishing(
    piece_page, accounts, django_capture_on_commit_callbacks
):
    send_at = timezone.now() + timedelta(days=2)
    choice = PageSyndication.objects.create(
        page=piece_page, schedule_mode=ScheduleMode.AT, send_at=send_at,
        accounts_chosen=True,
    )  # fmt: skip
    choice.accounts.set(accounts[:2])
    with django_capture_on_commit_callbacks(execute=True):
        piece_page.save_revision().publish()
    piece_page.refresh_from_db()
    assert planned_for(piece_page).count() == 2
    request = RequestFactory().post("/", {"action-publish": "1"})
    request.session = {}
    request._messages = FallbackStorage(request)
    say_what_happens_next(request, piece_page)
    (message,) = list(request._messages)
    local = timezone.localtime(send_at)
    assert str(message) == (
        "Публикация запланирована: ВКонтакте, Одноклассники — "
        f"{local:%d.%m} в {local:%H:%M}."
    )
