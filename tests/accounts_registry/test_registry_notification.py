import datetime
import io

import pytest
from django.urls import reverse

from accounts_registry.models import Account, AccountChange, Notification
from accounts_registry.obligations import local_today

from .conftest import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def events():
    a = Account.objects.create(
        network="vk",
        name="ВК Минсоц",
        external_id="10",
        status="active",
        url="https://vk.com/minsoc",
        created_on=datetime.date(2026, 3, 2),
    )
    b = Account.objects.create(
        network="ok",
        name="ОК Минсоц",
        external_id="20",
        status="active",
        created_on=datetime.date(2026, 3, 20),
    )
    return a, b


def test_generate_for_a_period_print_docx_and_mark_sent(
    client, keeper, events, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    a, b = events
    login(client, keeper)
    response = client.post(
        reverse("registry_notification_new"),
        {"date_from": "01.03.2026", "date_to": "10.03.2026"},
    )
    assert response.status_code == 302
    note = Notification.objects.get()
    assert list(note.obligations.values_list("account", flat=True)) == [a.pk]

    page = client.get(response["Location"] + "?print=1").content.decode()
    assert "https://vk.com/minsoc" in page and "02.03.2026" in page
    assert "ОК Минсоц" not in page

    docx = client.get(reverse("registry_notification_docx", args=[note.pk]))
    from docx import Document

    text = "\n".join(
        cell.text
        for table in Document(io.BytesIO(docx.content)).tables
        for row in table.rows
        for cell in row.cells
    )
    assert "ВК Минсоц" in text and "ВКонтакте" in text and "02.03.2026" in text

    sent = client.post(
        reverse("registry_notification_sent", args=[note.pk]),
        {"outgoing_number": "01-12/345", "sent_on": "11.03.2026"},
    )
    assert sent.status_code == 302
    ob = a.report_obligations.get()
    assert ob.outgoing_number == "01-12/345"
    assert ob.reported_on == datetime.date(2026, 3, 11)
    assert b.report_obligations.get().reported_on is None
    note.refresh_from_db()
    assert note.document.name.endswith(".docx")
    assert AccountChange.objects.filter(account=a, action="reported").exists()


def test_choose_events_explicitly(client, keeper, events):
    a, b = events
    login(client, keeper)
    ob = b.report_obligations.get()
    client.post(reverse("registry_notification_new"), {"obligations": [ob.pk]})
    assert list(Notification.objects.get().obligations.all()) == [ob]


def test_empty_choice_is_refused(client, keeper, events):
    login(client, keeper)
    response = client.post(
        reverse("registry_notification_new"),
        {"date_from": (local_today() + datetime.timedelta(days=30)).isoformat()},
    )
    assert response.status_code == 200
    assert not Notification.objects.exists()
