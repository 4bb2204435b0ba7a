"""A post queued for Facebook or Instagram is not sent once the network is switched
off: the delivery is cancelled with a reason the editor can act on."""

from __future__ import annotations

import pytest

from accounts_registry.models import Account
from accounts_registry.restricted import decide
from syndication.delivery import scheduling, sending
from syndication.models import Delivery

pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = pytest.mark.django_db


def test_switching_a_network_off_stops_its_queued_posts(piece_page, fake_clients):
    page_account = Account.objects.create(
        network="facebook", name="Страница", external_id="55", status="active"
    )
    decide("facebook", True, reason="Приказ № 1", actor="test")
    delivery = scheduling.schedule_page(piece_page, accounts=[page_account])[0]

    decide("facebook", False, reason="Приказ № 2", actor="test")
    sending.perform(delivery.pk)

    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.CANCELLED
    assert "заблокирована" in delivery.last_error
    assert page_account.pk not in fake_clients  # the network was never contacted


def test_an_enabled_network_is_sent_to(piece_page, fake_clients):
    page_account = Account.objects.create(
        network="facebook", name="Страница", external_id="55", status="active"
    )
    decide("facebook", True, reason="Приказ № 1", actor="test")
    delivery = scheduling.schedule_page(piece_page, accounts=[page_account])[0]
    sending.perform(delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT
    assert len(fake_clients[page_account.pk].calls) == 1
