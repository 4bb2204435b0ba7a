"""«Помощь» → «Руководство редактора» opens Vestnik's own Russian guide to the
editor's day, not Wagtail's English one (guide.wagtail.org); so does the dashboard's
link beside «Аккаунт». Only those who write or approve pieces are offered it, and the
menu item is a plain one: no orange count on «Помощь» until dismissed."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from cms import roles
from tests.voice.panel_support import PLAIN_LEAD, make_piece, make_user

pytestmark = pytest.mark.django_db

GUIDE = "/admin/guide/"


def words(html: str) -> str:
    html = re.sub(r"<(script|style|svg|template)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).replace("\xa0", " ").split())


def help_menu(html: str) -> list[dict]:
    """The sidebar's «Помощь» items, as Wagtail hands them to its script."""
    props = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("_type") == "wagtail.sidebar.SubMenuItem" and (
                node["_args"][0].get("name") == "help"
            ):
                found.extend(item["_args"][0] for item in node["_args"][1])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props[1]))
    return found


@pytest.fixture
def news(site_tree):
    return site_tree[1]


def test_the_editor_finds_the_russian_guide(client, django_user_model, news):
    editor = make_user(django_user_model, news, "editor", roles.EDITOR)
    client.force_login(editor)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "guide.wagtail.org" not in home
    items = {item["name"]: item for item in help_menu(home)}
    assert "editor-guide" not in items  # Wagtail's, to its English guide
    guide = items["vestnik-editor-guide"]
    assert (guide["label"], guide["url"]) == ("Руководство редактора", GUIDE)
    assert not any(item.get("attrs", {}).get("target") for item in items.values())
    # The dashboard's link beside «Аккаунт» (Wagtail's «Руководство редактора
    # Wagtail 8.0.1») leads to the same page.
    assert f'href="{GUIDE}">Руководство редактора</a>' in home
    assert "Руководство редактора Wagtail" not in home

    text = words(client.get(GUIDE).content.decode())
    for heading in (
        "Руководство редактора",
        "Текст из блоков",
        "Как выйдут посты: панель «Соцсети»",
        "Простым языком: панель «Стиль»",
        "Согласование и время выхода постов",
    ):
        assert heading in text, heading
    assert (
        "нажмите «+» между блоками и выберите нужный: Текст, Фото, Галерея, "
        "Инфографика, Карточки, Анимация, Видео, Прямая трансляция, Опрос, "
        "Конкурс или акция, Цитата." in text
    )
    assert "«в ближайшее свободное окно»" in text and "Ctrl+Z" in text
    # Only the panels' and buttons' names and «Ctrl+Z» in Latin letters: no
    # untranslated sentence.
    body = text[text.index("Как материал проходит путь") :]
    assert set(re.findall(r"[A-Za-z]+", body)) <= {"Ctrl", "Z", "n"}, body

    # The buttons the guide names are the editor's own.
    page = make_piece(news, "Выплаты выросли", PLAIN_LEAD, "vyplaty")
    editing = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    editing = editing.content.decode()
    assert "Сохранить черновик" in editing and "Отправить в " in editing


@pytest.mark.parametrize(
    "role", [roles.MODERATOR, roles.REGISTRY_KEEPER, roles.MANAGEMENT]
)
def test_who_writes_nothing_is_not_offered_it(
    client, django_user_model, news, settings, role
):
    settings.REGISTRY_REQUIRE_OTP = False  # the keeper's second factor is not this
    client.force_login(make_user(django_user_model, news, "someone", role))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    names = [item["name"] for item in help_menu(home)]
    assert "keyboard-shortcuts-trigger" in names  # «Помощь» itself stays
    assert "vestnik-editor-guide" not in names and "editor-guide" not in names
    assert GUIDE not in home and "guide.wagtail.org" not in home
