"""Response deadlines: an urgent item is due four calendar hours after it arrived,
nights and weekends included (regulation: a threat or an illegal offer cannot wait for
Monday); an ordinary one in nine working hours."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction

from moderation.deadlines import deadline_for
from moderation.models import InboxItem
from moderation.rule_engine import apply_rules

NOVOKUZNETSK = ZoneInfo("Asia/Novokuznetsk")
FRIDAY_EVENING = datetime(2026, 11, 27, 17, 0, tzinfo=NOVOKUZNETSK)


def test_urgent_is_four_calendar_hours_even_over_a_weekend_night():
    assert deadline_for(FRIDAY_EVENING, urgent=True) == datetime(
        2026, 11, 27, 21, 0, tzinfo=NOVOKUZNETSK
    )
    # The same item, not urgent, waits for Monday's working hours.
    assert deadline_for(FRIDAY_EVENING, urgent=False) == datetime(
        2026, 11, 30, 17, 0, tzinfo=NOVOKUZNETSK
    )


def test_the_urgent_target_is_a_setting(settings):
    settings.MODERATION_URGENT_HOURS = 2
    assert deadline_for(FRIDAY_EVENING, urgent=True) == FRIDAY_EVENING + timedelta(
        hours=2
    )


@pytest.mark.django_db(transaction=True)
def test_an_item_a_rule_marks_urgent_is_due_in_four_hours(vk_account, fake_client):
    item = InboxItem.objects.create(account=vk_account, network="vk", remote_id="9",
                                    label="illegal", labels=["illegal"], score=1.0)  # fmt: skip
    InboxItem.objects.filter(pk=item.pk).update(received_at=FRIDAY_EVENING)
    item.refresh_from_db()
    with transaction.atomic():
        apply_rules(item)
    item.refresh_from_db()
    assert item.urgent
    assert item.deadline == FRIDAY_EVENING + timedelta(hours=4)
