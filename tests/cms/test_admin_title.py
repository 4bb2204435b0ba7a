"""The browser tab of an admin screen names the product, in Russian, never «Wagtail»."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db

TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def title(response) -> str:
    return " ".join(TITLE.search(response.content.decode()).group(1).split())


def test_the_login_tab_names_the_product(client):
    assert title(client.get("/admin/login/")) == "Войти - Вестник"


def test_every_admin_tab_names_the_product(admin_client):
    for url in ("/admin/", "/admin/pages/", "/admin/users/"):
        text = title(admin_client.get(url))
        assert text.endswith(" - Вестник"), (url, text)
        assert "Wagtail" not in text, (url, text)
