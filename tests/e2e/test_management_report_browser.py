"""In a real browser, the management's monthly journey (docs/journeys.md «Руководство»)
on the demo site, as the demo's «Руководство» user: the dashboard is last month's
summary with the report's three formats (DOCX and XLSX taken from there), the menu holds
«Результаты» only; then the period view for the last month (its moderation with the
reasons' chart and the register's changes seen at 1280x900), a piece's results and an
account's, and the month's PDF for the regional media department. Screenshots and the PDF's pages (pdftoppm) go to
.artifacts/ for a person to look at; the PDF's text is checked for what the department
must never receive: English words, figures without Russian digit grouping."""

from __future__ import annotations

import re
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from tests.results import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[2] / ".artifacts"
MONTHS_RU = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
             "сентябрь", "октябрь", "ноябрь", "декабрь"]  # fmt: skip
# The last whole month, the one the department asks for («ноябрь 2026» on 7 December
# 2026); its last day's morning, so every post of the month was observed for days.
LAST = timezone.localdate().replace(day=1) - timedelta(days=1)
FIRST = LAST.replace(day=1)
END_OF_MONTH = datetime(LAST.year, LAST.month, LAST.day, 9, 0, tzinfo=UTC)
MONTH = f"{MONTHS_RU[LAST.month - 1]} {LAST.year}"
# Latin words a Russian official letter may hold: the networks' own names.
PROPER_NAMES = {"Telegram", "MAX", "WordPress", "LiveJournal", "Telegraph", "e-mail"}


@pytest.fixture
def demo_month():
    from cms.demo.setup import load_demo
    from moderation.models import InboxItem, ModerationAction
    from results.groups import ensure_groups as results_groups

    demo = load_demo()
    results_groups()
    from accounts_registry.models import Account, AccountChange, ReportObligation

    accounts = list(
        Account.objects.filter(network__in=["vk", "ok", "max"]).order_by("network")
    )
    pages = demo["pages"][:6]
    factories.month_of_results(pages, accounts, END_OF_MONTH, days=22)
    for account in accounts:
        factories.audience(
            account,
            END_OF_MONTH - timedelta(days=29),
            [12400 + 17 * i + 3 * account.pk for i in range(116)],
        )
    vk = accounts[-1]
    for number, hours in enumerate([1, 2, 3, 5, 8, 30]):
        received = END_OF_MONTH - timedelta(days=12 - number)
        InboxItem.objects.create(
            account=vk, network=vk.network, remote_id=f"q{number}",
            text="Когда придёт выплата?", received_at=received,
            status=InboxItem.Status.REPLIED,
            answered_at=received + timedelta(hours=hours),
            deadline=received + timedelta(hours=24),
        )  # fmt: skip
    spam = InboxItem.objects.create(
        account=vk, network=vk.network, remote_id="s1", text="Купи диплом",
        received_at=END_OF_MONTH - timedelta(days=3),
        status=InboxItem.Status.DELETED,
    )  # fmt: skip
    for reason in ("spam", "spam", "obscene"):
        ModerationAction.objects.create(
            item=spam, account=vk, action="delete", reason=reason,
            created_at=END_OF_MONTH - timedelta(days=3),
        )  # fmt: skip
    # VK's account entered the register in the month and its 10-day notification
    # went two days late: the period view lists both.
    registered = END_OF_MONTH - timedelta(days=20)
    AccountChange.objects.filter(account=vk, action="created").update(at=registered)
    ReportObligation.objects.filter(account=vk, event="created").update(
        event_date=registered.date(),
        due_on=registered.date() + timedelta(days=10),
        reported_on=registered.date() + timedelta(days=12),
    )
    return pages, accounts


def shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"management-{name}.png"), full_page=True)


def pdf_pages(pdf: Path) -> list[Path]:
    """The report's pages as PNG, as a person would see them printed."""
    prefix = SHOTS / "management-report-page"
    for old in SHOTS.glob("management-report-page-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-png", "-r", "70", str(pdf), str(prefix)],
        check=True, timeout=60,
    )  # fmt: skip
    return sorted(SHOTS.glob("management-report-page-*.png"))


def test_management_reads_the_month_and_takes_the_pdf(
    page_in_browser, live_server, demo_month
):
    from cms.demo.setup import DEMO_PASSWORD

    pages, accounts = demo_month
    page = page_in_browser
    page.set_viewport_size({"width": 1280, "height": 3200})  # Wagtail scrolls inside
    problems = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "head")
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    # The dashboard is the month: its figures, its top pieces, its report.
    panel = page.locator("section.results-dashboard")
    assert panel.get_by_role("heading", name=f"Итоги за {MONTH}").is_visible()
    assert panel.get_by_role("link", name=pages[0].title).count() == 1
    shot(page, "dashboard")
    for fmt in ("DOCX", "XLSX"):
        with page.expect_download() as download:
            panel.get_by_role("link", name=fmt, exact=True).click()
        name = f"vestnik-report-{LAST:%Y-%m}.{fmt.lower()}"
        assert download.value.suggested_filename == name
        saved = SHOTS / f"management-report.{fmt.lower()}"
        download.value.save_as(str(saved))
        assert saved.read_bytes()[:2] == b"PK"
    # «Результаты» and nothing this person cannot use (Wagtail's help stays).
    labels = [
        text.strip()
        for text in page.locator(
            ".sidebar-main-menu__list > li .sidebar-menu-item__link"
        ).all_inner_texts()
    ]
    assert labels[0] == "Результаты", labels
    for section in ("Страницы", "Модерация", "Соцсети", "Реестр", "Настройки",
                    "Изображения", "Документы", "Отчёты"):  # fmt: skip
        assert not any(label.startswith(section) for label in labels), labels

    # From the dashboard to the month's full results (dates typed in the period
    # form are walked in test_results_browser.py).
    panel.get_by_role("link", name=f"Все результаты за {MONTH}").click()
    page.wait_for_url(f"**/admin/results/?from={FIRST:%d.%m.%Y}&to={LAST:%d.%m.%Y}")
    shot(page, "period")
    summary = page.locator("text=Материалы, отправленные").inner_text()
    sent = len(pages) * len(accounts)  # every piece to every account
    assert f"{sent} публикаций" in summary, summary

    # The month's moderation and register, as a laptop's window shows them.
    page.set_viewport_size({"width": 1280, "height": 900})
    moderation = page.get_by_role("heading", name="Модерация", exact=True)
    moderation.scroll_into_view_if_needed()
    assert page.locator("#results-reasons").is_visible()
    cards = page.locator("h2#results-moderation ~ dl.results-cards").first.inner_text()
    assert "Медианное время ответа\n4\xa0ч" in cards, cards
    page.screenshot(path=str(SHOTS / "management-period-moderation.png"))
    register = page.get_by_role("heading", name="Изменения в реестре")
    register.scroll_into_view_if_needed()
    table = page.locator("h2#results-register ~ .results-scroll").first
    assert accounts[-1].name in table.inner_text()
    assert table.locator("a").count() == 0  # «Руководство» cannot open the register
    assert "направлено с опозданием" in table.inner_text()
    page.screenshot(path=str(SHOTS / "management-period-register.png"))
    page.set_viewport_size({"width": 1280, "height": 3200})

    page.get_by_role("link", name=pages[0].title).first.click()
    page.wait_for_url(f"**/admin/results/piece/{pages[0].pk}/**")
    shot(page, "piece")

    page.goto(f"{live_server.url}/admin/results/account/{accounts[-1].pk}/")
    shot(page, "account")

    page.get_by_role("link", name="Результаты", exact=True).click()
    page.wait_for_url(f"{live_server.url}/admin/results/")
    page.select_option("#results-report-month", label=MONTH)
    with page.expect_download() as download:
        page.get_by_role("button", name="PDF").click()
    assert download.value.suggested_filename == f"vestnik-report-{LAST:%Y-%m}.pdf"
    pdf = SHOTS / "management-report.pdf"
    download.value.save_as(str(pdf))
    assert pdf_pages(pdf)
    assert problems == []

    text = subprocess.run(
        ["pdftotext", str(pdf), "-"],
        check=True, capture_output=True, text=True, timeout=60,
    ).stdout  # fmt: skip
    text = " ".join(text.split())
    assert "Министерство социальной защиты населения Кузбасса" in text
    assert f"за {MONTH}" in text
    assert f"с {FIRST:%d.%m.%Y} по {LAST:%d.%m.%Y}" in text
    # The letterhead's requisites (e-mail, ОКПО, ИНН) are the ministry's own.
    body = text[text.index("О результатах") :]
    english = set(re.findall(r"[A-Za-z][A-Za-z-]+", body)) - PROPER_NAMES
    assert not english, english
    # Thousands grouped with a space, never a comma or a bare run of digits.
    assert not re.findall(r"\d,\d{3}\b", body)
    assert not re.findall(r"(?<![\d.])\d{5,}(?![\d.])", body)
    assert re.search(r"\b\d{1,3} \d{3}\b", body)  # e.g. «40 116» views
