"""«Соцсети» → «Настройки аккаунтов» as the technician reads it: Wagtail's generic
screens built their phrases from the model's verbose name, «настройки отправки
аккаунта» in both numbers, and said «1 настройки отправки аккаунта», «Нет настройки
отправки аккаунта для отображения», «Новый: Настройки…», «… удалёно» and «: True».
Every screen of the list says whole Russian sentences instead."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from cms import roles
from cms.demo.setup import ensure_groups
from syndication.models import AccountSettings

from .test_delivery_support import make_account

pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = pytest.mark.django_db

URL = "syndication_account_settings"
# What Wagtail built from the verbose name, on any of the screens.
BROKEN = re.compile(
    r"\d+ настройки отправки аккаунта|Нет настройки|Новый:|Новое:|удалёно|: True"
    r"|Есть \d+ совпадений"
)


def words(html: str) -> str:
    """The page's text as a person reads it: no scripts, tags or runs of spaces."""
    html = re.sub(r"<(script|style|svg|template)\b.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", html).replace("\xa0", " ").replace("&#x27;", "'")
    return " ".join(text.split())


@pytest.fixture
def technician(client, django_user_model, piece_page, settings):
    settings.REGISTRY_REQUIRE_OTP = False  # the second factor is tested elsewhere
    ensure_groups(piece_page.get_parent().specific)
    user = django_user_model.objects.create_user("tech", password="pw")
    user.groups.add(Group.objects.get(name=roles.TECHNICAL_OFFICER))
    client.force_login(user)
    return client


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    text = words(response.content.decode())
    assert not BROKEN.search(text), BROKEN.search(text)[0]
    return text


def test_the_list_counts_in_russian(technician):
    index = reverse(f"{URL}:index")
    empty = page(technician, index)
    assert "Настройки аккаунтов" in empty and "Добавить настройки аккаунта" in empty
    assert (
        "Своих настроек пока нет ни у одного аккаунта: все отправляют новые "
        "материалы по умолчанию, в общие окна публикации." in empty
    )
    counted = {}
    for number in range(1, 6):
        AccountSettings.objects.create(account=make_account("ok", f"ok{number}"))
        counted[number] = page(technician, index)
    assert "Настройки 1 аккаунта" in counted[1]
    assert "Настройки 2 аккаунтов" in counted[2]
    assert "Настройки 5 аккаунтов" in counted[5]

    AccountSettings.objects.filter(account__external_id="ok1").update(
        send_by_default=False
    )
    filtered = page(technician, index + "?send_by_default=true")
    assert "Отправлять новые материалы по умолчанию: Да" in filtered
    assert "Найдено 4 совпадения" in filtered  # Wagtail's: «Есть 4 совпадений»


def test_each_form_and_message_in_russian(technician, django_user_model):
    vk = make_account("vk", "1001")
    ok = make_account("ok", "2002")
    new = page(technician, reverse(f"{URL}:add"))
    assert "Новые настройки аккаунта" in new
    response = technician.post(
        reverse(f"{URL}:add"),
        {"account": vk.pk, "send_by_default": "on", "slot_times": "9:30, 25:00"},
    )
    assert "Настройки не сохранены: исправьте ошибки." in words(
        response.content.decode()
    )
    response = technician.post(
        reverse(f"{URL}:add"),
        {"account": vk.pk, "send_by_default": "on", "slot_times": "09:30",
         "slot_weekdays": ["0"]},
    )  # fmt: skip
    saved = AccountSettings.objects.get(account=vk)
    assert f"Настройки отправки «{vk}» сохранены." in page(
        technician, response["Location"]
    )

    edit = page(technician, reverse(f"{URL}:edit", args=[saved.pk]))
    assert f"Настройки отправки: {vk}" in edit
    copy = page(technician, reverse(f"{URL}:copy", args=[saved.pk]))
    assert "Новые настройки аккаунта" in copy
    history = page(technician, reverse(f"{URL}:history", args=[saved.pk]))
    assert f"История: {vk}" in history and "Настройки аккаунтов" in history

    # Deleting is the administrator's (the technician's role has no such right).
    technician.force_login(django_user_model.objects.create_superuser("admin"))
    delete = page(technician, reverse(f"{URL}:delete", args=[saved.pk]))
    assert "Удаление настроек отправки" in delete
    assert (
        "Удалить настройки отправки этого аккаунта? Он будет отправлять по общим "
        "правилам: новые материалы — по умолчанию, в общие окна публикации." in delete
    )
    AccountSettings.objects.create(account=ok)
    response = technician.post(reverse(f"{URL}:delete", args=[saved.pk]))
    after = page(technician, response["Location"])
    assert f"Настройки отправки «{vk}» удалены." in after
    assert "Настройки 1 аккаунта" in after
