"""In a real browser, as the chief editor: the «Результаты» section, its charts, one
piece's posts side by side, an account's audience, and the monthly report."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from tests.results import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"
MONTHS_RU = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
             "сентябрь", "октябрь", "ноябрь", "декабрь"]  # fmt: skip
SHOTS = Path(__file__).resolve().parents[2] / ".artifacts"


@pytest.fixture
def chief(site_tree, django_user_model):
    from cms.demo.setup import ensure_groups

    _, news = site_tree
    groups = ensure_groups(news)
    from results.groups import ensure_groups as results_groups

    results_groups()
    user = django_user_model.objects.create_user(
        "chief", password=PASSWORD, first_name="Павел"
    )
    user.groups.add(groups["Главный редактор"])
    return user


@pytest.fixture
def month(site_tree):
    from cms.models import NewsPage

    _, news = site_tree
    titles = [
        "Пособие на ребёнка выросло на 8 %",
        "Центр реабилитации открыт в Новокузнецке",
        "Как оформить выплату через Госуслуги",
        "Ветеранам вручили ключи от квартир",
        "Горячая линия работает в праздники",
    ]
    pages = [
        news.add_child(instance=NewsPage(title=t, slug=f"r{i}", lead="Лид."))
        for i, t in enumerate(titles)
    ]
    now = timezone.now()
    vk = factories.account(name="Минсоцзащиты Кузбасса")
    mx = factories.account("max", "Минсоц в MAX", "-7001")
    tg = factories.account("telegram", "Минсоц в Telegram", "@minsoc")
    factories.month_of_results(pages, [vk, mx], now)
    start = now - timedelta(days=20)
    factories.audience(vk, start, [5200 + 9 * i for i in range(80)])
    factories.audience(tg, start, [3100 + 4 * i - (i % 7) for i in range(80)])
    return pages, vk, tg


def shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"results-{name}.png"), full_page=True)


def drawn(page, selector) -> bool:
    return page.locator(selector).evaluate(
        "c => !!Chart.getChart(c) && c.width > 100 && c.height > 50"
    )


def test_chief_reads_the_month_and_downloads_the_report(
    page_in_browser, live_server, chief, month
):
    pages, vk, tg = month
    page = page_in_browser
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.get_by_role("link", name="Результаты", exact=True).click()
    page.wait_for_url(f"{live_server.url}/admin/results/")
    assert "10 публикаций" in page.content()
    shot(page, "period")
    assert problems == []
    assert drawn(page, "#results-by-day") and drawn(page, "#results-by-hour")
    assert "Пособие на ребёнка выросло на 8 %" in page.content()
    shot(page, "period")

    # The days read дд.мм.гггг (Wagtail's date widget, not the browser locale's
    # order of a bare type=date). Half-filled: the start moved, the end kept.
    end = page.input_value("input[name=to]")
    assert end == timezone.localdate().strftime("%d.%m.%Y")  # the last 30 days
    # The last piece was sent 8 days 8 hours ago (factories.month_of_results): a
    # local calendar day 9 days back before 08:00, 8 days back after it. Nine
    # days keep it in the period whatever the hour of the run.
    first = (timezone.localdate() - timedelta(days=9)).strftime("%d.%m.%Y")
    page.fill("input[name=from]", first)
    page.keyboard.press("Escape")  # close the date picker
    page.get_by_role("button", name="Показать").click()
    page.wait_for_load_state()
    assert "публикаци" in page.content() and f"from={first}" in page.url
    assert page.input_value("input[name=from]") == first
    assert page.locator("input[name=from]").get_attribute("type") == "text"
    page.click("input[name=from]")  # Wagtail's own picker opens, in Russian
    page.wait_for_selector(".xdsoft_datetimepicker", state="visible")
    shot(page, "period-chosen")
    page.keyboard.press("Escape")

    page.get_by_role("link", name="Горячая линия работает в праздники").first.click()
    page.wait_for_url(f"**/admin/results/piece/{pages[4].pk}/")
    assert drawn(page, "#results-piece")
    lines = page.locator("#results-piece").evaluate(
        "c => Chart.getChart(c).data.datasets.length"
    )
    assert lines == 2  # VK and MAX side by side
    shot(page, "piece")

    page.goto(f"{live_server.url}/admin/results/account/{tg.pk}/")
    assert drawn(page, "#results-audience")
    assert "не даёт счётчиков публикаций" in page.content()
    shot(page, "account")

    page.goto(f"{live_server.url}/admin/results/")
    this_month = timezone.localdate().strftime("%Y-%m")
    month_word = page.locator("#results-report-month option:checked").inner_text()
    last = timezone.localdate().replace(day=1) - timedelta(days=1)
    assert month_word == f"{MONTHS_RU[last.month - 1]} {last.year}"  # not «November»
    page.select_option("#results-report-month", this_month)
    with page.expect_download() as download:
        page.get_by_role("button", name="XLSX").click()
    assert download.value.suggested_filename == f"vestnik-report-{this_month}.xlsx"
    with page.expect_download() as download:
        page.get_by_role("button", name="PDF").click()
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    assert problems == []
