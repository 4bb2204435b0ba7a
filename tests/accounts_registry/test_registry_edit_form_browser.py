"""The account's form on a laptop screen (1366×768, and the 657 pixels left of it under a
browser's bars), sent half-filled: the impossible date is named and kept as typed (the
date picker used to roll 31.02.2026 over into 03.03.2026 and save that), and no field —
the last one, «Заметки», included — is left under the sticky save bar, whether scrolled
with the wheel or reached with Tab. VESTNIK_SCREENSHOTS=DIR keeps the screenshots."""

import pytest

from accounts_registry.models import Account

from .conftest import make_user
from .test_registry_journeys_browser import log_in, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Where the element is against the save bar (Wagtail's fixed footer, with its
# «несохранённые изменения» notice) and the sticky header.
PLACE = """(el) => {
  const r = (el || document.activeElement).getBoundingClientRect();
  const bar = [...document.querySelectorAll('footer.footer, footer.footer *')]
    .map(e => e.getBoundingClientRect()).filter(b => b.height > 0);
  const head = document.querySelector('header.w-slim-header').getBoundingClientRect();
  return {id: (el || document.activeElement).id, top: r.top, bottom: r.bottom,
          bar: Math.min(...bar.map(b => b.top)), head: head.bottom};
}"""


def scroll_to_the_end(page):
    page.mouse.move(700, 300)
    for _ in range(12):
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(40)
    page.wait_for_timeout(300)


def test_half_filled_form_on_a_laptop(page_in_browser, live_server, django_user_model):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    account = Account.objects.create(
        network="vk",
        name="Минсоцзащиты Кузбасса ВКонтакте",
        external_id="219876",
        status="active",
        responsible="Иванова А. П.",
    )
    keeper = make_user(django_user_model, "keeper", "Хранитель реестра")
    device = TOTPDevice.objects.create(user=keeper, name="phone", confirmed=True)
    page, base = page_in_browser, live_server.url
    page.emulate_media(reduced_motion="reduce")  # no smooth scrolling to wait for
    page.set_viewport_size({"width": 1366, "height": 768})
    log_in(page, base, keeper, device)
    page.goto(f"{base}/admin/accounts_registry/account/edit/{account.pk}/")

    page.fill("#id_name", "")
    page.fill("#id_created_on", "31.02.2026")
    page.fill("#id_responsible", "Петров П. П.")
    page.fill("#id_notes", "Проверить виджеты\nпосле обновления\nгоспаблика")
    page.keyboard.press("Escape")  # the date picker's calendar
    page.locator("footer button[type=submit]").first.click()
    page.wait_for_selector(".error-message")
    errors = sorted(page.locator(".error-message").all_inner_texts())
    assert errors == [
        "Такой даты нет: 31.02.2026 (в этом месяце 28 дней).",
        "Требуется заполнить это поле.",
    ]
    assert page.input_value("#id_created_on") == "31.02.2026"
    assert page.input_value("#id_responsible") == "Петров П. П."
    assert "госпаблика" in page.input_value("#id_notes")
    before = account.created_on
    account.refresh_from_db()
    assert account.created_on == before and account.responsible == "Иванова А. П."
    shot(page, "keeper-form-1-errors")

    for height in (768, 657):
        page.set_viewport_size({"width": 1366, "height": height})
        page.evaluate("document.querySelector('main').scrollTo(0, 0)")
        scroll_to_the_end(page)
        notes = page.evaluate(PLACE, page.query_selector("#id_notes"))
        label = page.evaluate(PLACE, page.query_selector("label[for=id_notes]"))
        assert notes["bottom"] <= notes["bar"] and label["top"] >= label["head"], notes
        shot(page, f"keeper-form-2-end-{height}")

        # Tab through the form from its first field: each is shown above the bar.
        page.evaluate("document.querySelector('main').scrollTo(0, 0)")
        page.focus("#id_network")
        seen = []
        while True:
            page.keyboard.press("Tab")
            page.wait_for_timeout(60)
            place = page.evaluate(PLACE, None)
            if place["id"].startswith("id_"):
                seen.append(place["id"])
                assert place["head"] <= place["top"], place
                assert place["bottom"] <= place["bar"], place
            if place["id"] == "id_notes" or len(seen) > 30:
                break
        assert seen[-1] == "id_notes" and "id_responsible" in seen
