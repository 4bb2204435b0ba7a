"""The account's history on its page: newest first, the last 20 with the count in words
and a link to the whole of it, long values as «было»/«стало», Vestnik's own actors in
Russian."""

import re

import pytest
from django.urls import reverse

from accounts_registry.history import acting_as
from accounts_registry.models import Account, AccountChange

from .conftest import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def busy(keeper):
    account = Account.objects.create(
        network="vk", name="Минсоцзащиты", external_id="1", status="planned"
    )
    for i in range(1, 25):
        account.changed_by = keeper
        account.responsible = f"Ответственный {i}"
        account.save()
    return account


def changes_on_page(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'data-change="(\d+)"', html)]


def test_newest_twenty_first_then_the_whole_history(client, keeper, busy):
    login(client, keeper)
    url = reverse("registry_account:inspect", args=[busy.pk])
    html = client.get(url).content.decode()
    newest = list(busy.changes.values_list("pk", flat=True))
    assert len(newest) == 25
    assert changes_on_page(html) == newest[:20]
    assert "История: 25 изменений" in html
    assert "Сначала новые." in html and "Показано: 20 из 25." in html
    assert "Ответственный 23" in html and "Ответственный 3»" not in html
    whole = client.get(url + "?history=all").content.decode()
    assert changes_on_page(whole) == newest
    assert "Показать только последние" in whole


def test_long_values_on_lines_of_their_own_and_actors_in_words(client, keeper, busy):
    busy.changed_by = keeper
    busy.purpose = "Новости министерства"
    busy.save()
    busy.purpose = "Информирование жителей Кузбасса о мерах социальной поддержки " * 2
    busy.save()
    busy.changed_by = None
    with acting_as("token refresh"):
        busy.url = "https://vk.com/minsoc42"
        busy.save()
    AccountChange.objects.create(
        account=busy, action="changed", actor="registry import", changes={}
    )
    login(client, keeper)
    html = client.get(reverse("registry_account:inspect", args=[busy.pk])).content
    html = html.decode()
    assert "было: «Новости министерства»" in html
    assert "стало: «Информирование жителей Кузбасса" in html
    # A short change stays on one line.
    assert "«Ответственный 23»</span> → «Ответственный 24»" in html
    assert "Вестник (обновление токена)" in html and "импорт из файла" in html
    assert "token refresh" not in html and "registry import" not in html
    assert "История: 1 изменение" not in html
