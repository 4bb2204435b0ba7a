"""In a real browser: an editor turns off the e-mails about her pages' posts that need
a check or were not sent, in Wagtail's account settings («Уведомления» → «Публикации в
соцсетях»), and the choice is kept (syndication.notifications reads it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from syndication import notifications
from syndication.models import NotificationPreference

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"
SHOTS = Path(__file__).resolve().parents[2] / ".artifacts" / "delivery"


def test_an_editor_turns_the_delivery_e_mails_off(
    page_in_browser, live_server, site_tree, django_user_model
):
    from cms.demo.setup import ensure_groups

    _, news = site_tree
    groups = ensure_groups(news)
    user = django_user_model.objects.create_user(
        "editor",
        "editor@minsoc.example",
        PASSWORD,
        first_name="Анна",
        last_name="Петрова",
    )
    user.groups.add(groups["Главный редактор"])
    assert notifications.wants_mail(user)
    page, base = page_in_browser, live_server.url
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    page.goto(f"{base}/admin/account/")
    page.get_by_role("tab", name="Уведомления").click()
    box = page.get_by_label(
        "Присылать письмо, когда публикации в соцсети нужна проверка или она не "
        "отправлена"
    )
    assert box.is_checked()  # on unless turned off
    # The switch drawn over the box, as Wagtail's own choices beside it.
    page.locator(".switch:has(#id_syndication_notifications-delivery_problems)").click()
    assert not box.is_checked()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "account-notifications.png"), full_page=True)
    with page.expect_navigation():
        page.get_by_role("button", name="Сохранить").click()
    page.screenshot(path=str(SHOTS / "account-saved.png"), full_page=True)
    assert not NotificationPreference.objects.get(user=user).delivery_problems
    assert not notifications.wants_mail(user)
    page.goto(f"{base}/admin/account/")
    page.get_by_role("tab", name="Уведомления").click()
    assert not box.is_checked()
