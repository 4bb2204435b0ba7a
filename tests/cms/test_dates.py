"""A date that does not exist is named in the error, with its month's length; a half-typed
one is shown the expected form; the register's forms keep what the keeper typed."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from cms.dates import ExactDateField
from tests.accounts_registry.conftest import login


def error_of(text: str) -> str:
    field = ExactDateField(input_formats=["%d.%m.%Y", "%Y-%m-%d"])
    with translation.override("ru"):
        try:
            field.clean(text)
        except ValidationError as error:
            return " ".join(error.messages)
    return ""


@pytest.mark.parametrize(
    "text, message",
    [
        ("31.02.2026", "Такой даты нет: 31.02.2026 (в этом месяце 28 дней)."),
        ("29.02.2027", "Такой даты нет: 29.02.2027 (в этом месяце 28 дней)."),
        ("31.04.2026", "Такой даты нет: 31.04.2026 (в этом месяце 30 дней)."),
        ("32.01.2026", "Такой даты нет: 32.01.2026 (в этом месяце 31 день)."),
        ("15.13.2026", "Такой даты нет: 15.13.2026 (месяцев всего 12)."),
        ("00.05.2026", "Такой даты нет: 00.05.2026."),
        ("2026-02-30", "Такой даты нет: 2026-02-30 (в этом месяце 28 дней)."),
    ],
)
def test_impossible_date_is_named(text, message):
    assert error_of(text) == message


@pytest.mark.parametrize("text", ["12.2026", "abc", "31.02"])
def test_half_typed_date_gets_the_expected_form(text):
    assert error_of(text).startswith("Введите дату в виде ДД.ММ.ГГГГ, например ")


def test_real_dates_pass():
    assert error_of("29.02.2028") == ""
    assert error_of("01.01.2026") == ""


@pytest.mark.django_db
def test_account_form_names_the_impossible_date_and_keeps_the_input(
    client, django_user_model
):
    from accounts_registry.conf import KEEPER_GROUP
    from accounts_registry.models import Account
    from tests.accounts_registry.conftest import make_user

    keeper = make_user(django_user_model, "keeper", KEEPER_GROUP)
    account = Account.objects.create(
        network="vk", name="Минсоцзащиты", external_id="1", status="planned"
    )
    login(client, keeper)
    url = reverse("registry_account:edit", args=[account.pk])
    response = client.post(
        url,
        {
            "network": "vk",
            "kind": account.kind,
            "name": "Новое имя, ещё не сохранённое",
            "external_id": "1",
            "status": "planned",
            "created_on": "31.02.2026",
            "responsible": "Иванова И. И.",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Такой даты нет: 31.02.2026 (в этом месяце 28 дней)." in html
    assert 'value="31.02.2026"' in html
    assert "Новое имя, ещё не сохранённое" in html
    assert "Иванова И. И." in html
    account.refresh_from_db()
    assert account.name == "Минсоцзащиты"
