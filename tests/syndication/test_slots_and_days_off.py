"""Posting slots edited as a form (weekday checkboxes, times as people write them) and
the non-working days the scheduler skips: a post «в ближайшее свободное окно» on the
eve of the New Year holidays goes out on the first working day after them."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from syndication import days_off
from syndication.days_off import NonWorkingDays
from syndication.delivery import scheduling
from syndication.models import AccountSettings

from .test_delivery_support import make_account

pytest_plugins = ["tests.syndication.test_delivery_support"]


def local(*args) -> datetime:
    return timezone.make_aware(datetime(*args))


def messages_of(text: str) -> list[str]:
    with translation.override("ru"):
        try:
            days_off.parse(text)
        except ValidationError as error:
            return error.messages
    return []


def test_russian_holidays_by_default():
    holidays = days_off.parse(days_off.RUSSIAN_HOLIDAYS)
    for day in ["01.01", "05.01", "08.01", "23.02", "08.03", "01.05", "09.05"]:
        d, m = map(int, day.split("."))
        assert date(2027, m, d) in holidays, day
    assert date(2027, 6, 12) in holidays and date(2027, 11, 4) in holidays
    assert date(2027, 1, 9) not in holidays and date(2027, 5, 4) not in holidays


def test_dated_days_ranges_over_the_new_year_and_mistakes_named():
    days = days_off.parse("30.06.2026\n25.12–02.01; 10.06.2027 – 11.06.2027")
    assert date(2026, 6, 30) in days and date(2027, 6, 30) not in days
    assert date(2030, 12, 27) in days and date(2031, 1, 2) in days
    assert date(2027, 6, 11) in days and date(2028, 6, 11) not in days
    assert messages_of("30.02, 1 мая, 10.05–01.05.2027, 05.01.2027–03.01.2027") == [
        "Такой даты нет: 30.02.",
        "«1 мая» — не дата: пишите ДД.ММ, ДД.ММ.ГГГГ или диапазон ДД.ММ–ДД.ММ.",
        "«10.05–01.05.2027»: укажите год на обоих концах диапазона или ни на одном.",
        "«05.01.2027–03.01.2027»: диапазон кончается раньше, чем начинается.",
    ]


@pytest.mark.django_db
def test_a_slot_on_a_holiday_moves_to_the_next_working_slot(accounts):
    vk = accounts[0]
    # Thursday 31.12.2026 after its last slot: 1–8 January are holidays, 9–10 a
    # weekend, so Monday 11 January 09:00.
    evening = local(2026, 12, 31, 19, 0)
    assert scheduling.next_free_slot(vk, evening) == local(2027, 1, 11, 9)
    # 12.06.2026 is a Friday: Thursday's evening post waits until Monday.
    assert scheduling.next_free_slot(vk, local(2026, 6, 11, 19)) == local(
        2026, 6, 15, 9
    )
    # The account posts on Saturdays too: Saturday 9 January is no holiday.
    AccountSettings.objects.create(
        account=vk, slot_times=["10:00"], slot_weekdays=[0, 1, 2, 3, 4, 5]
    )
    assert scheduling.next_free_slot(vk, evening) == local(2027, 1, 9, 10)
    # The technician adds 31.12.2026 and clears the January days.
    NonWorkingDays.objects.create(dates="31.12.2026, 23.02")
    assert scheduling.next_free_slot(vk, local(2026, 12, 31, 8)) == local(
        2027, 1, 1, 10
    )


@pytest.fixture
def admin_client_ru(client, django_user_model):
    user = django_user_model.objects.create_superuser("tech", "t@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_slots_form_has_weekday_checkboxes_and_times(admin_client_ru):
    vk = make_account("vk", "1001")
    add = reverse("syndication_account_settings:add")
    html = admin_client_ru.get(add).content.decode()
    assert 'type="checkbox" name="slot_weekdays" value="0"' in html
    assert "Понедельник" in html and "Воскресенье" in html
    assert 'value="09:00, 12:00, 15:00, 18:00"' in html  # the defaults, in words
    assert "[&quot;09:00" not in html and '["09:00"' not in html

    bad = admin_client_ru.post(
        add,
        {"account": vk.pk, "send_by_default": "on", "slot_times": "9:30, 25:00, 1830"},
    )
    text = bad.content.decode()
    assert bad.status_code == 200
    assert "Такого времени нет: 25:00." in text
    assert "«1830» — не время: пишите ЧЧ:ММ, например 09:00." in text
    assert "Отметьте хотя бы один день" in text
    assert 'value="9:30, 25:00, 1830"' in text  # what was typed stays

    good = admin_client_ru.post(
        add,
        {
            "account": vk.pk,
            "send_by_default": "on",
            "slot_times": "18:00, 9.30 12:00, 09:30",
            "slot_weekdays": ["0", "2", "5"],
        },
    )
    assert good.status_code == 302
    saved = AccountSettings.objects.get(account=vk)
    assert saved.slot_times == ["09:30", "12:00", "18:00"]
    assert saved.slot_weekdays == [0, 2, 5]
    listing = admin_client_ru.get(good["Location"])
    text = listing.content.decode()
    assert "Пн, Ср, Сб: 09:30, 12:00, 18:00" in text
    cells = [
        " ".join(cell.split())
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", text, re.S)
    ]
    assert "да" in cells and "True" not in cells
    assert f"Настройки отправки «{vk}» сохранены." in text


@pytest.mark.django_db
def test_non_working_days_are_edited_in_settings(admin_client_ru):
    url = reverse("wagtailsettings:edit", args=["syndication", "nonworkingdays"])
    html = admin_client_ru.get(url, follow=True).content.decode()
    assert "01.01–08.01, 23.02, 08.03, 01.05, 09.05, 12.06, 04.11" in html
    url = admin_client_ru.get(url).url or url
    response = admin_client_ru.post(url, {"dates": "01.01–08.01, 31.02"})
    assert "Такой даты нет: 31.02." in response.content.decode()
    admin_client_ru.post(url, {"dates": "01.01–08.01\n31.12.2026"})
    assert date(2026, 12, 31) in days_off.days_off()


@pytest.mark.django_db
def test_the_calendar_says_why_a_holiday_has_no_slots(admin_client_ru):
    make_account("vk", "1001")
    week = admin_client_ru.get(
        reverse("syndication_calendar") + "?view=week&day=2026-12-31"
    ).content.decode()
    first = week.split("1 января")[1].split("</td>")[0]
    assert "нерабочий день" in first and "09:00" not in first
    assert week.count("нерабочий день") == 3  # 1, 2 and 3 January
    assert "31 декабря</div>" in week  # a working Thursday: no mark
