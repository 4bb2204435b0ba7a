"""In a real browser: a registry keeper (with TOTP) adds an account as active, sees the
report due on the dashboard, generates the notification and marks it sent."""

import datetime

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts_registry.models import Account
from accounts_registry.obligations import local_today

from .conftest import make_user
from .test_registry_security import current_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_keeper_registers_account_and_files_the_report(
    page_in_browser, live_server, django_user_model
):
    keeper = make_user(django_user_model, "keeper", "Хранитель реестра")
    device = TOTPDevice.objects.create(user=keeper, name="phone", confirmed=True)
    page, base = page_in_browser, live_server.url

    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "keeper")
    page.fill("#id_password", "pw-123456!")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/registry/2fa/verify/**")
    page.fill("#id_token", current_code(device))
    page.press("#id_token", "Enter")
    page.wait_for_url(f"{base}/admin/")

    created = local_today() - datetime.timedelta(days=8)  # registered late: 2 days left
    page.goto(f"{base}/admin/accounts_registry/account/create/")
    page.select_option("#id_network", "vk")
    page.fill("#id_name", "Минсоцзащиты Кузбасса ВКонтакте")
    page.fill("#id_external_id", "219876")
    page.fill("#id_url", "https://vk.com/minsoc42")
    page.select_option("#id_status", "active")
    page.fill("#id_created_on", created.strftime("%d.%m.%Y"))  # WAGTAIL_DATE_FORMAT
    # Close the field's calendar as a click elsewhere does: on the ModelViewSet form
    # it otherwise covers «Создать» (the click then lands on a day of the calendar).
    # It opens a moment after the focus: wait for it, then for it to go.
    calendar = page.locator(".xdsoft_datetimepicker:visible")
    calendar.wait_for()
    page.locator("body").dispatch_event("mousedown")
    calendar.wait_for(state="hidden")
    page.fill("#id_responsible", "Иванова А. П.")
    page.locator("footer button[type=submit]").first.click()
    page.wait_for_url(f"{base}/admin/accounts_registry/account/")
    account = Account.objects.get(external_id="219876")
    assert account.report_obligations.get().due_on == created + datetime.timedelta(10)

    page.goto(f"{base}/admin/")
    panel = page.locator("#registry-panel-heading").locator("..")
    assert "Минсоцзащиты Кузбасса ВКонтакте" in panel.inner_text()
    panel.get_by_role("link", name="Сформировать уведомление").click()

    page.get_by_label("Минсоцзащиты Кузбасса ВКонтакте", exact=False).check()
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(f"{base}/admin/registry/notifications/*/")
    assert "https://vk.com/minsoc42" in page.content()

    page.fill("#id_outgoing_number", "01-15/777")
    page.press("#id_outgoing_number", "Enter")
    page.wait_for_selector("text=отмечено как отправленное")
    obligation = account.report_obligations.get()
    assert obligation.outgoing_number == "01-15/777"
    assert obligation.reported_on == local_today()
