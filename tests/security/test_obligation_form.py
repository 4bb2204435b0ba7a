"""Issue 12.10: adding a 10-day report obligation by hand answers a bad form with the
form and its errors, never a 500."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from accounts_registry.models import Account, ReportObligation
from tests.accounts_registry.conftest import login, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(client, django_user_model):
    user = make_user(django_user_model, "chief", is_superuser=True, is_staff=True)
    login(client, user)
    return user


@pytest.fixture
def account():
    return Account.objects.create(
        network="vk", name="Минсоц", external_id="777", status=Account.Status.PLANNED
    )


def create_url():
    return reverse("registry_reportobligation:add")


def test_empty_post_is_a_form_error(client, admin):
    response = client.post(create_url(), {})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"account", "event", "event_date"} <= set(errors)
    assert errors["event_date"] == ["Требуется заполнить это поле."]
    assert not ReportObligation.objects.exists()


def test_the_create_form_asks_for_the_account_the_event_and_its_date(client, admin):
    response = client.get(create_url())
    assert response.status_code == 200
    form = response.context["form"]
    assert {"account", "event", "event_date"} <= set(form.fields)


def test_a_filled_form_creates_the_obligation_with_its_due_date(client, admin, account):
    response = client.post(
        create_url(),
        {"account": account.pk, "event": "created", "event_date": "2026-12-01"},
    )
    assert response.status_code == 302, response.context["form"].errors
    obligation = ReportObligation.objects.get()
    assert obligation.event_date == datetime.date(2026, 12, 1)
    assert obligation.due_on == datetime.date(2026, 12, 11)


def test_a_second_obligation_for_the_same_event_is_a_form_error(client, admin, account):
    data = {"account": account.pk, "event": "created", "event_date": "2026-12-01"}
    assert client.post(create_url(), data).status_code == 302
    response = client.post(create_url(), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert ReportObligation.objects.count() == 1


@pytest.mark.parametrize(
    "data",
    [
        {"event_date": "not a date"},
        {"event_date": "2026-02-30", "event": "created"},
        {"event": "exploded", "event_date": "2026-12-01"},
        {"account": "999999", "event": "created", "event_date": "2026-12-01"},
        {"account": "x", "event": "deleted", "event_date": "01.12.2026"},
        {"reported_on": "2026-12-02", "outgoing_number": "1" * 500},
    ],
)
def test_bad_values_are_form_errors(client, admin, data):
    response = client.post(create_url(), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not ReportObligation.objects.exists()
