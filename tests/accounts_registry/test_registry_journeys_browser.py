"""The two desks of issue 15 in a real browser, with half-filled input on the way.

The keeper adds an account, sees its 10-day report, gets the letter in DOCX and PDF (the
PDF's first page rendered to PNG: A4, with text) and marks it sent with its number. The
technician opens the dashboard, finds a token that expired, replaces it through the
network's form and sees its health turn green. Set VESTNIK_SCREENSHOTS=DIR to keep the
screenshots."""

import datetime
import io
import os
import shutil
import subprocess

import pytest
from django.utils import timezone

from accounts_registry import health
from accounts_registry.models import Account
from accounts_registry.obligations import local_today
from accounts_registry.requisites import LetterRequisites

from .conftest import SECRET, make_user
from .test_registry_letter import REQUISITES
from .test_registry_security import current_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def shot(page, name):
    folder = os.environ.get("VESTNIK_SCREENSHOTS")
    if folder:
        page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)


def log_in(page, base, user, device):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "pw-123456!")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/registry/2fa/verify/**")
    page.fill("#id_token", current_code(device))
    page.press("#id_token", "Enter")
    page.wait_for_url(f"{base}/admin/")


def download(page, link_name) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    return open(info.value.path(), "rb").read()


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils not installed")
def test_keepers_day(page_in_browser, live_server, django_user_model, tmp_path):
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from docx import Document
    from PIL import Image

    record = LetterRequisites.load()
    for name, value in REQUISITES.items():
        setattr(record, name, value)
    record.save()
    keeper = make_user(
        django_user_model, "keeper", "Хранитель реестра", first_name="Анна"
    )
    device = TOTPDevice.objects.create(user=keeper, name="phone", confirmed=True)
    page, base = page_in_browser, live_server.url
    log_in(page, base, keeper, device)

    # Half-filled: no name yet. The form says what is missing and keeps the rest.
    page.goto(f"{base}/admin/accounts_registry/account/new/")
    page.select_option("#id_network", "ok")
    page.fill("#id_external_id", "57000123")
    page.select_option("#id_status", "active")
    page.locator("footer button[type=submit]").first.click()
    page.wait_for_selector(".error-message")
    shot(page, "keeper-1-half-filled-account")
    assert page.input_value("#id_external_id") == "57000123"
    assert not Account.objects.exists()

    created = local_today() - datetime.timedelta(days=8)  # registered late: 2 days left
    page.fill("#id_name", "Минсоцзащиты Кузбасса в Одноклассниках")
    page.fill("#id_url", "https://ok.ru/group/57000123")
    page.fill("#id_created_on", created.strftime("%d.%m.%Y"))  # WAGTAIL_DATE_FORMAT
    # Close the field's calendar as a click elsewhere does: on the ModelViewSet form
    # it otherwise covers «Создать» (the click then lands on a day of the calendar).
    # It opens a moment after the focus: wait for it, then for it to go.
    calendar = page.locator(".xdsoft_datetimepicker:visible")
    calendar.wait_for()
    page.locator("body").dispatch_event("mousedown")
    calendar.wait_for(state="hidden")
    page.locator("footer button[type=submit]").first.click()
    page.wait_for_url(f"{base}/admin/accounts_registry/account/")
    assert "Аккаунт «Одноклассники: Минсоцзащиты" in page.inner_text(".messages")
    assert "добавлен" in page.inner_text(".messages")
    account = Account.objects.get(external_id="57000123")
    assert account.report_obligations.get().due_on == created + datetime.timedelta(10)

    page.goto(f"{base}/admin/")
    panel = page.locator("#registry-panel-heading").locator("..")
    assert "Минсоцзащиты Кузбасса в Одноклассниках" in panel.inner_text()
    panel.get_by_role("link", name="Сформировать уведомление").click()
    page.get_by_label("Минсоцзащиты Кузбасса в Одноклассниках", exact=False).check()
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(f"{base}/admin/registry/notifications/*/")
    shot(page, "keeper-2-letter")
    sheet = page.locator(".registry-sheet").inner_text()
    assert "О создании аккаунта в социальной сети" in sheet
    assert "В.Г. Петрова" in sheet and "Сидорова Анна Ивановна" in sheet

    docx = Document(io.BytesIO(download(page, "Скачать DOCX")))
    assert docx.core_properties.author == REQUISITES["organisation"]
    pdf = download(page, "Скачать PDF")
    (tmp_path / "letter.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", "letter.pdf", "page"],
        cwd=tmp_path,
        check=True,
    )
    first = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    assert abs(first.height / first.width - 297 / 210) < 0.01  # A4
    assert sum(first.histogram()[:128]) > 0.005 * first.width * first.height  # text

    # Half-filled: «Отметить как отправленное» without the number.
    page.fill("#id_outgoing_number", "")
    page.locator("form[action$='/sent/'] button[type=submit]").click()
    # The browser itself stops the form: the number is required.
    missing = "e => e.validity.valueMissing"
    assert page.eval_on_selector("#id_outgoing_number", missing)
    assert account.report_obligations.get().reported_on is None
    page.fill("#id_outgoing_number", "01-15/777")
    page.locator("form[action$='/sent/'] button[type=submit]").click()
    page.wait_for_selector("text=отмечено как отправленное")
    shot(page, "keeper-3-sent")
    obligation = account.report_obligations.get()
    assert (obligation.outgoing_number, obligation.reported_on) == (
        "01-15/777",
        local_today(),
    )
    assert "01-15/777" in page.locator(".registry-sheet").inner_text()


class WorkingClient:
    def check_token(self):
        return {"ok": True}


def test_technicians_day(page_in_browser, live_server, django_user_model, monkeypatch):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    expired = Account(
        network="vk",
        name="Минсоцзащиты Кузбасса",
        external_id="123456",
        url="https://vk.com/club123456",
        status="active",
        health="ok",
    )
    gone = timezone.now() - datetime.timedelta(hours=3)
    expired.set_credential(
        {
            "access_token": SECRET,
            "token_type": "community",
            "expires_at": gone.isoformat(),
        }
    )
    expired.save()
    tech = make_user(
        django_user_model, "tech", "Технический специалист", first_name="Пётр"
    )
    device = TOTPDevice.objects.create(user=tech, name="phone", confirmed=True)
    page, base = page_in_browser, live_server.url
    log_in(page, base, tech, device)

    panel = page.locator("#registry-tokens-heading").locator("..")
    row = panel.locator(f"tr[data-account='{expired.pk}']")
    assert row.get_attribute("data-state") == "expired"
    assert "истёк" in row.inner_text()
    shot(page, "tech-1-dashboard-expired")
    row.get_by_role("link", name="Заменить").click()
    page.wait_for_url(f"{base}/admin/registry/account/{expired.pk}/credential/")
    assert "Минсоцзащиты Кузбасса" in page.inner_text("h1")

    # Half-filled: the new key without its type.
    new_secret = "vk1.a.NEW-COMMUNITY-KEY-0000-5678"
    page.fill("#id_access_token", new_secret)
    page.get_by_role("button", name="Сохранить учётные данные").click()
    page.wait_for_selector(".error-message")
    shot(page, "tech-2-half-filled-credential")
    assert new_secret not in page.content()
    page.fill("#id_access_token", new_secret)
    page.select_option("#id_token_type", "community")
    page.get_by_role("button", name="Сохранить учётные данные").click()
    page.wait_for_url(f"{base}/admin/accounts_registry/account/inspect/{expired.pk}/")
    expired.refresh_from_db()
    assert expired.get_credential()["access_token"] == new_secret
    assert expired.credential_expires_at is None

    monkeypatch.setattr(health, "_get_client", lambda account: WorkingClient())
    page.goto(f"{base}/admin/")
    row = page.locator(f"tr[data-account='{expired.pk}']")
    with page.expect_navigation():
        row.get_by_role("button", name="Проверить сейчас").click()
    assert page.url == f"{base}/admin/"
    row = page.locator(f"tr[data-account='{expired.pk}']")
    assert row.get_attribute("data-state") == "valid"
    badge = row.locator(".state")
    assert badge.inner_text() == "действует"
    assert "state-ok" in badge.get_attribute("class")
    shot(page, "tech-3-dashboard-green")
