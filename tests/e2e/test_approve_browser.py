"""Павел approves Анна's piece from the page editor (issue 17, journey «Павел» step 2):
the approve dialog shows the accounts and the time; he leaves the time empty at first
and is asked for it, then gives it in дд.мм.гггг чч:мм; the piece is published and its
posts are planned for the chosen accounts at that time; the date-time picker never
stays open over the button once he has left the field. Screenshots go to
/.artifacts/editor/ (not committed)."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts_registry.models import Account
from cms import roles
from cms.demo.setup import ensure_groups, ensure_workflow
from cms.models import NewsPage
from syndication.delivery import scheduling
from syndication.models import Delivery
from syndication.views import plan

pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"
SHOTS = Path(os.environ.get("EDITOR_SHOTS", "/.artifacts/editor"))


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


@pytest.fixture
def submitted(site_tree, django_user_model, accounts):
    _, news = site_tree
    groups = ensure_groups(news)
    ensure_workflow(news, groups)
    anna = django_user_model.objects.create_user("anna", password=PASSWORD)
    anna.groups.add(groups[roles.EDITOR])
    pavel = django_user_model.objects.create_user("pavel", password=PASSWORD)
    pavel.groups.add(groups[roles.CHIEF_EDITOR])
    page = news.add_child(
        instance=NewsPage(
            title="Зимние выплаты семьям Кузбасса выросли",
            lead="С 1 декабря пособие выросло. Пересчёт сделаем сами.",
            live=False,
            body=[("text", "<p>Заявление писать не нужно.</p>")],
        )
    )
    page.save_revision(user=anna)
    page.get_workflow().start(page, anna)
    return page


def open_pickers(page) -> int:
    """Date-time pickers shown now (each field's picker is a div under <body>)."""
    return page.locator(".xdsoft_datetimepicker:visible").count()


def test_the_chief_editor_chooses_accounts_and_time_when_approving(
    page_in_browser, live_server, submitted
):
    page = page_in_browser
    base = live_server.url
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "pavel")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")

    page.goto(f"{base}/admin/pages/{submitted.pk}/edit/")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("button", name="Согласовать и опубликовать").click()
    modal = page.locator(".modal-content")
    modal.locator("input[name=schedule_mode]").first.wait_for()
    send_at = modal.locator("input[name=send_at]")
    assert not send_at.is_visible()  # «сразу» is chosen: no time field
    shot(page, "approve-1-dialog")

    # He drops Одноклассники, chooses «в заданное время» and forgets the time.
    modal.get_by_label("Одноклассники: ok 2002").uncheck()
    modal.locator("input[name=schedule_mode][value=at]").check()
    assert send_at.is_visible()
    assert "кемеровскому времени" in modal.inner_text()
    shot(page, "approve-1b-at-chosen")
    modal.get_by_role("button", name="Согласовать", exact=True).click()
    modal.get_by_text("Укажите время отправки.").wait_for()
    shot(page, "approve-2-time-missing")

    when = timezone.localtime(timezone.now() + timedelta(days=2)).replace(
        hour=10, minute=0, second=0, microsecond=0
    )
    # A click in the field opens the picker; he types the time instead and goes on
    # to the comment without a click elsewhere: the picker closes as he leaves.
    modal.locator("input[name=send_at]").click()
    page.locator(".xdsoft_datetimepicker:visible").wait_for()
    shot(page, "approve-2b-picker-open")
    modal.locator("input[name=send_at]").fill(when.strftime("%d.%m.%Y %H:%M"))
    modal.locator("textarea[name=comment]").focus()
    page.wait_for_timeout(300)
    assert open_pickers(page) == 0
    # He types it again and goes straight on, quicker than the picker's 100 ms:
    # it must not open over the button once he has left the field.
    modal.locator("input[name=send_at]").fill(when.strftime("%d.%m.%Y %H:%M"))
    modal.locator("textarea[name=comment]").fill("Согласовано")
    page.wait_for_timeout(400)
    assert open_pickers(page) == 0
    shot(page, "approve-3-time-given")
    modal.get_by_role("button", name="Согласовать", exact=True).click()
    page.wait_for_url(lambda url: "/edit/" not in url)
    page.locator(".messages li").first.wait_for()
    page.wait_for_timeout(600)
    shot(page, "approve-4-approved")
    messages = page.locator(".messages").inner_text()
    assert "Публикация запланирована" in messages, messages

    submitted.refresh_from_db()
    assert submitted.live
    deliveries = Delivery.objects.filter(page=submitted).select_related("account")
    assert {d.account.network for d in deliveries} == {"vk", "telegram"}
    assert {d.scheduled_at for d in deliveries} == {when}
    assert Account.objects.filter(network="ok").exists()


def test_the_chief_editor_approves_into_the_next_free_slot(
    page_in_browser, live_server, submitted, accounts
):
    """«В ближайшее свободное окно»: the dialog names the slot each ticked account
    gets before he approves, and the message after it states the same slots."""
    vk = accounts[0]
    earlier = submitted.get_parent().add_child(
        instance=NewsPage(title="Приём граждан в январе", lead="График.", live=False)
    )
    other = Delivery.objects.create(  # VK's next slot is taken by another piece
        page=earlier,
        account=vk,
        revision=earlier.save_revision(),
        scheduled_at=scheduling.next_free_slot(vk),
    )
    vk_slot = scheduling.next_free_slot(vk)
    telegram_slot = scheduling.next_free_slot(accounts[2])
    page = page_in_browser
    base = live_server.url
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "pavel")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")

    page.goto(f"{base}/admin/pages/{submitted.pk}/edit/")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("button", name="Согласовать и опубликовать").click()
    modal = page.locator(".modal-content")
    modal.locator("input[name=schedule_mode]").first.wait_for()
    slots = modal.locator("[data-syndication-slots]")
    assert not slots.is_visible()  # only with «в ближайшее свободное окно»
    modal.get_by_label("Одноклассники: ok 2002").uncheck()
    modal.get_by_label("В ближайшее свободное окно").check()
    slots.wait_for()
    text = slots.inner_text()
    assert f"ВКонтакте: vk 1001 — {plan.when_text(vk_slot, timezone.now())}" in text
    assert "Одноклассники" not in text  # unticked: no slot shown
    assert not modal.locator("input[name=send_at]").is_visible()
    shot(page, "approve-slot-1-dialog")
    modal.get_by_role("button", name="Согласовать", exact=True).click()
    page.wait_for_url(lambda url: "/edit/" not in url)
    page.locator(".messages li").first.wait_for()
    shot(page, "approve-slot-2-approved")
    messages = page.locator(".messages").inner_text()
    assert plan.when_text(vk_slot, timezone.now()) in messages, messages
    deliveries = Delivery.objects.filter(page=submitted).exclude(pk=other.pk)
    assert {d.account.network: d.scheduled_at for d in deliveries} == {
        "vk": vk_slot,
        "telegram": telegram_slot,
    }
    # The calendar's week marks the slots still ahead: Telegram's and VK's taken.
    day = f"{timezone.localtime(vk_slot):%Y-%m-%d}"
    page.goto(f"{base}{reverse('syndication_calendar')}?day={day}")
    taken = page.locator(
        f"td[data-calendar-day='{day}'] .syndication-slot",
        has_text=f"{timezone.localtime(vk_slot):%H:%M}",
    )
    assert "свободно у" in taken.inner_text()
    shot(page, "approve-slot-3-calendar")


def test_the_chief_editor_approves_from_the_dashboard_and_is_told_the_plan(
    page_in_browser, live_server, submitted, accounts
):
    """The dashboard's «Ожидают согласования» opens the same dialog; after it the
    dashboard says what happens next, as the editor does."""
    page = page_in_browser
    base = live_server.url
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "pavel")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    row = page.locator("tr", has_text=submitted.title)
    row.locator("[data-w-dropdown-target='toggle']").click()
    shot(page, "dashboard-approve-1-panel")
    row.get_by_role("button", name="Согласовать", exact=True).click()
    modal = page.locator(".modal-content")
    modal.locator("input[name=schedule_mode]").first.wait_for()
    # Half-filled: «в заданное время» without the time is refused first.
    modal.get_by_label("Одноклассники: ok 2002").uncheck()
    modal.get_by_label("В заданное время").check()
    modal.get_by_role("button", name="Согласовать", exact=True).click()
    modal.get_by_text("Укажите время отправки.").wait_for()
    modal.get_by_label("В ближайшее свободное окно").check()
    slots = modal.locator("[data-syndication-slots]").inner_text()
    shot(page, "dashboard-approve-2-dialog")
    modal.get_by_role("button", name="Согласовать", exact=True).click()
    page.locator(".messages li").first.wait_for()
    shot(page, "dashboard-approve-3-told")
    assert page.url.rstrip("/") == f"{base}/admin"
    message = page.locator(".messages").inner_text()
    deliveries = Delivery.objects.filter(page=submitted).select_related("account")
    assert {d.account.network for d in deliveries} == {"vk", "telegram"}
    assert "Публикация запланирована:" in message, message
    for delivery in deliveries:
        when = plan.when_text(delivery.scheduled_at, timezone.now())
        assert when in message and when in slots, (message, slots)


def test_the_editors_tab_lists_each_accounts_next_free_slot(
    page_in_browser, live_server, submitted, accounts
):
    """The «Соцсети» tab has the same choice and the same list, for the ticked
    accounts only, shown only with «в ближайшее свободное окно»."""
    page = page_in_browser
    base = live_server.url
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "pavel")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    page.goto(f"{base}/admin/pages/{submitted.pk}/edit/")
    page.get_by_role("tab", name="Соцсети").click()
    slots = page.locator("[data-syndication-choice] [data-syndication-slots]")
    assert slots.is_hidden()
    page.uncheck(f"input[name=syndication-accounts][value='{accounts[1].pk}']")
    page.check("input[name=syndication-schedule_mode][value=slot]")
    slots.wait_for()
    text = slots.inner_text()
    telegram = plan.when_text(scheduling.next_free_slot(accounts[2]), timezone.now())
    assert f"Telegram: telegram -1003 — {telegram}" in text, text
    assert "Одноклассники" not in text
    assert page.locator("[data-syndication-send-at]").is_hidden()
    shot(page, "tab-slot-1-chosen")
