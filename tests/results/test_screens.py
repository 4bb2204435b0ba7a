"""The «Результаты» screens: who sees them and what they say."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from cms import roles
from tests.results import factories

pytest_plugins = ["tests.syndication.test_delivery_support"]


@pytest.fixture
def chief(django_user_model, db):
    user = django_user_model.objects.create_user("chief", password="x")
    group = Group.objects.get(name=roles.CHIEF_EDITOR)  # kept in step after migrate
    from django.contrib.auth.models import Permission

    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


@pytest.fixture
def results(piece_page):
    sent = timezone.now() - timedelta(days=2)
    vk = factories.account()
    tg = factories.account("telegram", "Минсоц в Telegram", "@minsoc")
    mx = factories.account("max", "Минсоц в MAX", "-7001")
    factories.tracked(piece_page, vk, sent, views=(120, 480, 900), likes=(3, 10, 27))
    factories.tracked(piece_page, mx, sent, views=(40, 90, 150), likes=(), remote="m1")
    factories.audience(vk, sent, [2000, 2011, 2030])
    factories.audience(tg, sent, [1500, 1497])
    return piece_page, vk, tg, mx


def test_period_view_sums_networks_and_names_what_is_not_reported(
    client, chief, results
):
    client.force_login(chief)
    response = client.get(reverse("results_index"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Результаты" in html
    assert "1\xa0050" in html  # views: 900 + 150
    assert "2 публикации" in html
    assert "нет данных у сети" in html  # MAX gives no reactions
    max_row = re.search(r"<td>MAX</td>(.*?)</tr>", html, re.S).group(1)
    # Reach, reactions, reposts: said so, never a zero standing in for them.
    assert max_row.count("нет данных у сети") == 3 and ">0<" not in max_row
    assert "+30" in html and "−3" in html  # audience change of VK and Telegram
    assert "Выплаты выросли" in html  # the top piece
    assert "Только текст" in html  # text blocks only; capitalised as block names are
    assert "сети без счётчиков публикаций" not in html  # every network here has one
    assert 'id="results-chart-data"' in html


def test_piece_view_puts_its_posts_side_by_side(client, chief, results):
    page, *_ = results
    client.force_login(chief)
    response = client.get(reverse("results_piece", args=[page.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Минсоц ВКонтакте" in html and "Минсоц в MAX" in html
    data = response.context["chart"]["lines"]
    assert [len(line["points"]) for line in data] == [3, 3]
    assert data[0]["points"][0]["x"] == 1.0


def test_account_view_shows_the_audience_series(client, chief, results):
    _, _, tg, _ = results
    client.force_login(chief)
    response = client.get(reverse("results_account", args=[tg.pk]))
    assert response.status_code == 200
    assert [p["y"] for p in response.context["chart"]["points"]] == [1500, 1497]
    html = response.content.decode()
    # Telegram gives no counter of a post; its comments are Vestnik's own count.
    assert "не даёт счётчиков публикаций" in html and "подсчитывает Вестник" in html


def test_a_period_is_chosen_by_dates(client, chief, results):
    client.force_login(chief)
    response = client.get(
        reverse("results_index"), {"from": "2020-01-01", "to": "2020-01-31"}
    )
    assert response.context["data"].total.posts == 0
    assert "0 публикаций" in response.content.decode()


MONTHS_RU = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
             "сентябрь", "октябрь", "ноябрь", "декабрь"]  # fmt: skip


def test_period_days_read_in_russian_order_whatever_the_browser(client, chief, results):
    """Wagtail's date widget (WAGTAIL_DATE_FORMAT, дд.мм.гггг), not a bare
    ``type=date`` that shows the browser language's order; ISO links still work."""
    client.force_login(chief)
    html = client.get(reverse("results_index")).content.decode()
    assert 'type="date"' not in html and 'type="month"' not in html
    last = timezone.localdate().replace(day=1) - timedelta(days=1)
    month = MONTHS_RU[last.month - 1]
    assert f'<option value="{last:%Y-%m}" selected>{month} {last.year}<' in html
    assert (
        f'value="{timezone.localdate():%d.%m.%Y}"' in html
    )  # the last 30 days end today
    chosen = client.get(reverse("results_index"), {"from": "05.01.2020", "to": "31.01.2020"})  # fmt: skip
    assert chosen.context["chosen"]
    assert chosen.context["first_day"].isoformat() == "2020-01-05"
    page = chosen.content.decode()
    assert 'value="05.01.2020"' in page and 'value="31.01.2020"' in page


def test_the_report_offers_the_month_on_the_screen(client, chief, results):
    """A period inside one month offers that month's report, in Russian words (the
    «PDF» button next to it prints what the screen shows); a period across months,
    or older than the kept 13, offers the last whole month."""
    client.force_login(chief)
    first = (timezone.localdate().replace(day=1) - timedelta(days=40)).replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    one = client.get(reverse("results_index"), {"from": f"{first:%d.%m.%Y}", "to": f"{last:%d.%m.%Y}"})  # fmt: skip
    label = f"{MONTHS_RU[first.month - 1]} {first.year}"
    assert f'<option value="{first:%Y-%m}" selected>{label}<' in one.content.decode()
    assert 'formaction="/admin/results/report.pdf"' in one.content.decode()
    previous = timezone.localdate().replace(day=1) - timedelta(days=1)
    across = client.get(reverse("results_index"), {"from": f"{first:%d.%m.%Y}", "to": f"{previous:%d.%m.%Y}"})  # fmt: skip
    assert across.context["report_month"] == f"{previous:%Y-%m}"
    old = client.get(reverse("results_index"), {"from": "01.01.2020", "to": "31.01.2020"})  # fmt: skip
    assert old.context["report_month"] == f"{previous:%Y-%m}"


def test_editor_without_the_permission_is_refused(client, django_user_model, db):
    user = django_user_model.objects.create_user("anna", password="x")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    refused = client.get(reverse("results_index"))  # Wagtail: home with a message
    assert refused.status_code == 302 and refused.url == "/admin/"
    assert 'href="/admin/results/"' not in client.get("/admin/").content.decode()


def test_telegram_comments_are_labelled_as_counted_by_vestnik(client, chief, results):
    page, _vk, tg, _mx = results
    tracking = factories.tracked(
        page, tg, timezone.now() - timedelta(days=1), views=(), likes=(), remote="55"
    )
    tracking.comments = 4  # Vestnik's own count, from the moderation inbox
    tracking.save()
    client.force_login(chief)
    html = client.get(reverse("results_index")).content.decode()
    telegram_row = re.search(r"<td>Telegram</td>(.*?)</tr>", html, re.S).group(1)
    assert "4 <small" in telegram_row and "подсчёт Вестника" in telegram_row
    assert "в т. ч." not in telegram_row  # the whole figure is Vestnik's
    cards = re.search(r'<dl class="results-cards">(.*?)</dl>', html, re.S).group(1)
    assert "в т. ч. подсчёт Вестника" in cards  # VK's own comments plus ours
    assert telegram_row.count("нет данных у сети") == 4  # views, reach, likes, reposts
    assert "Комментарии в Telegram подсчитывает Вестник" in html
    vk_row = re.search(r"<td>ВКонтакте</td>(.*?)</tr>", html, re.S).group(1)
    assert "подсчёт Вестника" not in vk_row  # VK reports its comments itself
    piece = client.get(reverse("results_piece", args=[page.pk])).content.decode()
    assert piece.count("подсчёт Вестника") == 2  # the Telegram row and the total
