"""The period view's «Модерация» and «Изменения в реестре» (docs/journeys.md,
management, monthly): the monthly report's figures for the same fixture data, in
words and a chart, read by «Руководство» without links into the register."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from accounts_registry.admin_urls import account_url
from accounts_registry.models import ReportObligation
from results.report.figures import notice_words
from results.views.period_sections import duration_words
from tests.results.test_management_role import head  # noqa: F401 (a fixture)
from tests.results.test_report import november  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db
pytest_plugins = ["tests.syndication.test_delivery_support"]

NOVEMBER = reverse("results_index") + "?from=01.11.2026&to=30.11.2026"
DECEMBER = reverse("results_index") + "?from=01.12.2026&to=31.12.2026"


def text(html: str) -> str:
    """The page's words, tags dropped and spaces (no-break ones too) made plain."""
    words = re.sub(r"<[^>]+>", " ", html).replace("\xa0", " ")
    return " ".join(words.split())


def section(html: str, anchor: str) -> str:
    start = html.index(">", html.index(f'id="{anchor}"')) + 1
    following = html.find("<h2", start)
    return html[start : following if following > 0 else None]


@pytest.mark.parametrize(
    "delta, words",
    [
        (timedelta(hours=2, minutes=15), "2\xa0ч 15\xa0мин"),
        (timedelta(hours=3), "3\xa0ч"),
        (timedelta(minutes=40), "40\xa0мин"),
        (timedelta(seconds=10), "0\xa0мин"),
        (timedelta(hours=30), "1\xa0день 6\xa0ч"),
        (timedelta(days=3, minutes=5), "3\xa0дня"),
        (timedelta(days=5), "5\xa0дней"),
        (None, "—"),
    ],
)
def test_time_to_answer_in_words(delta, words):
    assert duration_words(delta) == words


def test_report_words(november):  # noqa: F811
    _vk, tg = november
    due = date(2026, 11, 20)
    report = ReportObligation(account=tg, event="deleted", event_date=due, due_on=due)
    today = date(2026, 12, 7)
    assert notice_words(report, today) == (
        "не направлено, срок истёк 20.11.2026",
        "late",
    )
    report.reported_on = date(2026, 11, 18)
    assert notice_words(report, today) == ("направлено вовремя, 18.11.2026", "ok")
    report.reported_on = date(2026, 11, 25)
    assert notice_words(report, today)[0] == (
        "направлено с опозданием, 25.11.2026 (срок\xa0— 20.11.2026)"
    )
    assert notice_words(None, today) == ("—", "")


def test_moderation_shows_the_reports_figures(client, head, november):  # noqa: F811
    client.force_login(head)
    html = client.get(NOVEMBER).content.decode()
    words = text(section(html, "results-moderation"))
    assert words.startswith("Модерация По ящику модерации Вестника:")
    # The report's figures for November (tests/results/test_report.py).
    assert "Получено комментариев и сообщений 7" in words
    assert "Удалено или скрыто 3" in words
    assert "Медианное время ответа 3 ч" in words
    # 1, 2, 3, 4, 30 hours: the 90th percentile lies between 4 and 30 hours.
    assert "90 % ответов даны в течение 19 ч 36 мин" in words
    assert "Пропущено сроков ответа 2 из 6" in words
    # By network: all of VK's, Telegram's one unanswered comment, and the total.
    assert "ВКонтакте 6 3 Спам: 2, Нецензурная брань: 1 5 3 ч 19 ч 36 мин 5 1" in words
    assert "Telegram 1 0 — 0 — — 1 1" in words
    assert "Итого 7 3" in words
    assert 'id="results-reasons"' in html
    chart = json.loads(
        re.search(r'id="results-chart-data"[^>]*>(.*?)</script>', html, re.S)[1]
    )["moderation"]
    assert chart["reasons"] == ["Спам", "Нецензурная брань"]
    assert chart["datasets"] == [{"label": "ВКонтакте", "data": [2, 1]}]


def test_register_for_management_has_no_links(client, head, november):  # noqa: F811
    vk, tg = november
    client.force_login(head)
    html = client.get(NOVEMBER).content.decode()
    register = section(html, "results-register")
    words = text(register)
    assert "Внесено: 2, удалено: 0, изменено: 0." in words
    assert f"10.11.2026 {vk.name}" in words.replace("&quot;", '"')
    assert "Минсоц в Telegram Telegram Внесён в реестр" in words
    assert "<a " not in register
    assert "/admin/accounts_registry/" not in html

    december = text(section(client.get(DECEMBER).content.decode(), "results-register"))
    assert "Внесено: 0, удалено: 1, изменено: 0." in december
    assert "Минсоц в Telegram Telegram Удалён Статус:" in december
    due = tg.report_obligations.get(event="deleted").due_on
    assert f"ещё не направлено, срок — {due:%d.%m.%Y}" in december


def test_register_links_for_who_may_open_it(client, admin_user, november):  # noqa: F811
    vk, tg = november
    client.force_login(admin_user)
    register = section(client.get(NOVEMBER).content.decode(), "results-register")
    assert f'href="{account_url(vk)}"' in register
    assert f'href="{account_url(tg)}"' in register


def test_an_empty_period_says_so(client, head):  # noqa: F811
    client.force_login(head)
    html = client.get(
        reverse("results_index") + "?from=01.01.2026&to=31.01.2026"
    ).content.decode()
    assert "За период комментариев не было." in text(
        section(html, "results-moderation")
    )
    assert 'id="results-reasons"' not in html
    assert "Реестр в периоде не менялся." in text(section(html, "results-register"))
