"""Павел moves a scheduled post in the calendar by dragging it (issue 17, journey
«Павел» step 4), in Chromium: the card's preview on hover, the drop onto another day,
the confirmation where he first leaves the time empty and then gives it, and the
message after. The deliveries have the new time and the page's history has the move.
Screenshots go to /.artifacts/editor/ (not committed)."""

from __future__ import annotations

import os
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from syndication.delivery import scheduling
from syndication.models import Delivery

pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"
SHOTS = Path(os.environ.get("EDITOR_SHOTS", "/.artifacts/editor"))


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


@pytest.fixture
def chief(django_user_model, site_tree):
    from cms import roles
    from cms.demo.setup import ensure_groups

    _, news = site_tree
    groups = ensure_groups(news)
    pavel = django_user_model.objects.create_user("pavel", password=PASSWORD)
    pavel.groups.add(groups[roles.CHIEF_EDITOR])
    return pavel


@pytest.fixture
def planned(piece_page, accounts):
    """The piece's three posts at 10:00 next Monday (a whole week ahead to drop in)."""
    today = timezone.localdate()
    monday = today + timedelta(days=7 - today.weekday())
    at = timezone.make_aware(datetime.combine(monday, time(10, 0)))
    rows = scheduling.schedule_page(piece_page)
    Delivery.objects.filter(pk__in=[r.pk for r in rows]).update(
        scheduled_at=at, next_attempt_at=at
    )
    return at


def test_the_chief_editor_drags_a_post_to_another_day(
    page_in_browser, live_server, chief, piece_page, planned
):
    page = page_in_browser
    base = live_server.url
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "pavel")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")

    monday = timezone.localtime(planned).date()
    page.goto(f"{base}/admin/syndication/calendar/?view=week&day={monday}")
    card = page.locator("[data-syndication-card][draggable=true]")
    assert card.count() == 1

    # The preview on hover: the time, the text the posts begin with, the networks.
    card.hover()
    preview = card.locator(".syndication-card__preview")
    preview.wait_for(state="visible")
    text = preview.inner_text()
    assert (
        planned.astimezone(timezone.get_current_timezone()).strftime("%d.%m.%Y 10:00")
        in text
    )
    assert piece_page.lead in text
    for name in ("ВКонтакте", "Одноклассники", "Telegram"):
        assert name in text
    shot(page, "calendar-1-preview")

    # Drag to Wednesday: the confirmation names the piece and the old time.
    wednesday = monday + timedelta(days=2)
    card.drag_to(page.locator(f"td[data-calendar-day='{wednesday}']"))
    dialog = page.locator("[data-move-dialog]")
    dialog.wait_for(state="visible")
    assert piece_page.title in dialog.inner_text()
    assert dialog.locator("[data-move-day]").input_value() == wednesday.strftime(
        "%d.%m.%Y"
    )
    # He clears the time and confirms: the browser asks for it, nothing moves.
    dialog.locator("[data-move-time]").fill("")
    dialog.locator("[data-move-confirm]").click()
    assert dialog.is_visible()
    assert (
        dialog.locator("[data-move-time]").evaluate("input => input.validationMessage")
        == "Укажите время, например 10:00."
    )
    shot(page, "calendar-2-confirm-time-missing")
    assert not PageLogEntry.objects.filter(action="syndication.move").exists()

    dialog.locator("[data-move-time]").fill("11:30")
    shot(page, "calendar-3-confirm")
    with page.expect_navigation():
        dialog.locator("[data-move-confirm]").click()
    page.locator(".messages li").first.wait_for(state="visible")
    page.wait_for_timeout(600)  # Wagtail slides the message in
    message = page.locator(".messages").inner_text()
    assert f"перенесены на {wednesday:%d.%m.%Y} 11:30" in message, message
    moved = page.locator(f"td[data-calendar-day='{wednesday}'] [data-syndication-card]")
    assert moved.count() == 1
    shot(page, "calendar-4-moved")

    new = timezone.make_aware(datetime.combine(wednesday, time(11, 30)))
    assert set(Delivery.objects.values_list("scheduled_at", flat=True)) == {new}
    entry = PageLogEntry.objects.get(page=piece_page, action="syndication.move")
    assert entry.user == chief
    assert entry.data["networks"] == ["ok", "telegram", "vk"]
