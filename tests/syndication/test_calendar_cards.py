"""The calendar (issue 17): one card per piece per time with its networks as
badges and a legend; a scheduled card moves to another time in one step, and the
move is in the page's history."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from syndication.delivery import scheduling
from syndication.models import Delivery

pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = pytest.mark.django_db


@pytest.fixture
def chief(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "c@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def planned(piece_page, accounts):
    at = (timezone.now() + timedelta(days=1)).replace(second=0, microsecond=0)
    rows = scheduling.schedule_page(piece_page)
    Delivery.objects.filter(pk__in=[r.pk for r in rows]).update(
        scheduled_at=at, next_attempt_at=at
    )
    return at


def test_one_card_per_piece_and_time(chief, piece_page, planned):
    day = timezone.localtime(planned).date()
    response = chief.get(reverse("syndication_calendar"), {"day": day.isoformat()})
    html = response.content.decode()
    assert html.count("data-syndication-card") == 1
    # each network as its mark, named in full for the tooltip and screen readers
    for name, mark in (
        ("ВКонтакте", "ВК"),
        ("Одноклассники", "ОК"),
        ("Telegram", "TG"),
    ):
        assert f'aria-label="{name}: запланировано">{mark}</a>' in html
    assert "syndication-legend" in html and "требует проверки" in html
    assert f'title="{piece_page.title}"' in html


def test_a_card_moves_and_the_move_is_logged(chief, piece_page, planned):
    new = timezone.localtime(planned + timedelta(hours=5))
    response = chief.post(
        reverse("syndication_calendar_move"),
        {
            "page": piece_page.pk,
            "from": timezone.localtime(planned).strftime("%Y-%m-%dT%H:%M"),
            "to": new.strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 302
    assert set(Delivery.objects.values_list("scheduled_at", flat=True)) == {new}
    entry = PageLogEntry.objects.get(page=piece_page, action="syndication.move")
    assert entry.data["networks"] == ["ok", "telegram", "vk"]


def test_moving_needs_the_right_to_act(client, django_user_model, piece_page, planned):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("viewer", password="pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_delivery"),
    )
    client.force_login(user)
    html = client.get(reverse("syndication_calendar")).content.decode()
    assert 'name="to"' not in html
    client.post(
        reverse("syndication_calendar_move"),
        {"page": piece_page.pk, "from": "2030-01-01T10:00", "to": "2030-01-02T10:00"},
    )
    assert set(Delivery.objects.values_list("scheduled_at", flat=True)) == {planned}


def test_a_move_into_the_past_is_refused(chief, piece_page, planned):
    """A card dropped on yesterday (or a typed past time) would be sent at once."""
    past = timezone.localtime(timezone.now() - timedelta(hours=2))
    response = chief.post(
        reverse("syndication_calendar_move"),
        {
            "page": piece_page.pk,
            "from": timezone.localtime(planned).strftime("%Y-%m-%dT%H:%M"),
            "to": past.strftime("%Y-%m-%dT%H:%M"),
        },
        follow=True,
    )
    assert "уже прошло: выберите время в будущем" in response.content.decode()
    assert set(Delivery.objects.values_list("scheduled_at", flat=True)) == {planned}
    assert not PageLogEntry.objects.filter(action="syndication.move").exists()


def test_a_scheduled_card_is_draggable_and_previews_its_post(
    chief, piece_page, planned
):
    day = timezone.localtime(planned).date()
    html = chief.get(
        reverse("syndication_calendar"), {"day": day.isoformat()}
    ).content.decode()
    assert html.count('draggable="true"') == 1
    assert html.count("data-calendar-day=") == 7  # every day of the week is a target
    assert "syndication/calendar.js" in html
    preview = html.split('class="syndication-card__preview"')[1].split("</div>")[0]
    assert piece_page.lead in preview  # the text every post begins with
    assert timezone.localtime(planned).strftime("%d.%m.%Y %H:%M") in preview
    for name in ("ВКонтакте", "Одноклассники", "Telegram"):
        assert name in preview
    assert "время Кемерова" in preview or "UTC+7" in preview


def test_a_sent_card_is_not_draggable(chief, piece_page, planned):
    Delivery.objects.update(status=Delivery.Status.SENT)
    day = timezone.localtime(planned).date()
    html = chief.get(
        reverse("syndication_calendar"), {"day": day.isoformat()}
    ).content.decode()
    assert 'draggable="true"' not in html
    assert "syndication-card__preview" in html  # the preview stays


def test_a_days_slots_and_cards_read_in_the_order_of_time():
    """The week's column: a post sits under the slot it went into (a slot at the
    same minute comes first), not after a block of every slot of the day."""
    from datetime import datetime

    from syndication.views.calendar import timeline

    def at(hour, minute=0):
        return datetime(2027, 1, 15, hour, minute)

    slots = [{"at": at(9)}, {"at": at(12)}, {"at": at(15)}]
    cards = [{"at": at(12)}, {"at": at(10, 30)}]
    order = [(kind, e["at"].strftime("%H:%M")) for kind, e in timeline(cards, slots)]
    assert order == [
        ("slot", "09:00"),
        ("card", "10:30"),
        ("slot", "12:00"),
        ("card", "12:00"),
        ("slot", "15:00"),
    ]
