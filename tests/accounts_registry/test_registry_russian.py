"""Every registry screen a keeper, a technician or an administrator can reach is in
Russian (issue 15): a crawl of the registry's admin screens, one level of links deep
(filters, inspect, edit, create, the letter, the credential and design forms), fails on
any Latin word outside a short allow-list of proper names and formats."""

import datetime
import re
from urllib.parse import urldefrag

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from accounts_registry.access import AccessGrant
from accounts_registry.models import Account
from accounts_registry.notification_views import mark_notification_sent
from accounts_registry.obligations import Notification

from .conftest import SECRET, login, make_user

pytestmark = pytest.mark.django_db

# Proper names, formats and units a Russian admin writes in Latin letters.
ALLOWED = {
    *[
        "VK",
        "OK",
        "Telegram",
        "MAX",
        "Facebook",
        "Instagram",
        "WordPress",
        "LiveJournal",
        "Telegraph",
    ],
    *[
        "OAuth",
        "TOTP",
        "PDF",
        "DOCX",
        "XLSX",
        "CSV",
        "JSON",
        "URL",
        "ID",
        "FA",
        "Meta",
        "Platforms",
        "Inc",
    ],
    *["Wagtail", "e-mail", "ISO"],
}
REGISTRY = ("/admin/accounts_registry/", "/admin/registry/", "/admin/settings/")
SKIP = ("/logout", "/export", "/docx/", "/pdf/", "?export=", "/connect/", "/2fa/")
LATIN = re.compile(r"[A-Za-z][A-Za-z-]*")
NOT_WORDS = re.compile(r"\S+://\S+|\S*@\S+|\b[\w.-]+\.(?:ru|com|org|example)\b")
ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


@pytest.fixture
def register(django_user_model):
    vk = Account(
        network="vk",
        name="Минсоцзащиты Кузбасса",
        external_id="123456",
        url="https://vk.com/club123456",
        status=Account.Status.ACTIVE,
        created_on=datetime.date(2026, 11, 30),
    )
    vk.set_credential({"access_token": SECRET, "token_type": "community"})
    vk.save()
    Account.objects.create(
        network="facebook",
        name="Страница министерства",
        external_id="42",
        status="active",
    )
    Account.objects.create(network="telegram", name="Канал", external_id="@minsoc")
    keeper = make_user(
        django_user_model,
        "keeper",
        "Хранитель реестра",
        first_name="Анна",
        last_name="Реестрова",
    )
    AccessGrant.objects.create(
        account=vk,
        person="Иванова Анна",
        role="editor",
        since=datetime.date(2026, 1, 1),
    )
    note = Notification.objects.create(created_by=keeper)
    vk.report_obligations.update(notification=note)
    mark_notification_sent(note, "01-12/345", datetime.date(2026, 12, 1), keeper)
    Notification.objects.create(created_by=keeper)
    return keeper


def visible_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "template", "noscript", "svg"]):
        hidden.decompose()
    for node in soup.select("[hidden], .w-sr-only, .visuallyhidden"):
        node.decompose()
    parts = [soup.title.get_text() if soup.title else ""]
    main = soup.find("main") or soup
    parts.append(main.get_text(" "))
    for element in main.find_all(attrs={"placeholder": True}):
        parts.append(element["placeholder"])
    for element in main.find_all("option"):
        parts.append(element.get_text())
    return " ".join(parts)


def english_words(html: str) -> set[str]:
    text = NOT_WORDS.sub(" ", visible_text(html))
    return {w for w in LATIN.findall(text) if w not in ALLOWED and len(w) > 1}


def links(html: str) -> set[str]:
    found = set()
    for href in re.findall(r'href="(/admin/[^"]*)"', html):
        url = urldefrag(href.replace("&amp;", "&"))[0]
        if url.startswith(REGISTRY) and not any(s in url for s in SKIP):
            found.add(url)
    return found


@pytest.mark.parametrize("role", ["keeper", "tech", "admin"])
def test_every_registry_screen_is_russian(register, django_user_model, role):
    if role == "keeper":
        user = register
    elif role == "tech":
        user = make_user(
            django_user_model,
            "tech",
            "Технический специалист",
            first_name="Пётр",
            last_name="Техников",
        )
    else:
        user = make_user(
            django_user_model,
            "boss",
            is_superuser=True,
            first_name="Игорь",
            last_name="Главный",
        )
    client = Client(**ENGLISH_BROWSER)
    login(client, user)
    start = [
        "/admin/",
        "/admin/accounts_registry/account/",
        "/admin/accounts_registry/reportobligation/",
        "/admin/accounts_registry/accessgrant/",
        "/admin/registry/notifications/new/",
        "/admin/registry/restricted-networks/",
        "/admin/settings/accounts_registry/letterrequisites/",
    ]
    found: dict[str, set[str]] = {}
    seen, queue = set(), list(start)
    while queue and len(seen) < 120:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code != 200 or "html" not in response["Content-Type"]:
            continue
        html = response.content.decode()
        words = english_words(html)
        if words:
            found[url] = words
        if url in start or url.count("/") <= 5:
            queue.extend(sorted(links(html) - seen))
    assert len(seen) > 15
    assert found == {}
