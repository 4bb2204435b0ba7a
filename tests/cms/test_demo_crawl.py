"""Every screen a demo user can reach answers without a server error.

The demo is what a newcomer opens first: each of its users logs in, opens every item
of their admin menu, then every admin link those screens show (one level deep, as a
person clicking around would), and the public site and the sandbox walls. A 500
anywhere, or an admin screen that shows a user an English word where Russian is
expected, fails here before a person meets it.
"""

from __future__ import annotations

import io
import re
from urllib.parse import urldefrag, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client, RequestFactory
from wagtail.admin.menu import admin_menu

from tests.accounts_registry.conftest import login

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="(/[^"]*)"')
# Links that change state on GET (none should) or leave the session are not followed.
SKIP = ("/logout/", "/admin/logout", "/static/", "/media/", "/documents/")
# Downloads and exports are checked by their own tests; here only that they answer.
MAX_LINKS_PER_USER = 250
# What a browser installed with its defaults asks for: the admin must stay Russian.
ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


def menu_urls(user) -> list[str]:
    request = RequestFactory().get("/admin/")
    request.user = user
    urls = []

    def walk(items):
        for item in items:
            submenu = getattr(item, "menu", None)
            if submenu is not None:
                walk(submenu.menu_items_for_request(request))
            elif item.url.startswith("/"):
                urls.append(item.url)

    walk(admin_menu.menu_items_for_request(request))
    return urls


def admin_links(html: str) -> set[str]:
    links = set()
    for href in HREF.findall(html):
        url = urldefrag(href.replace("&amp;", "&"))[0]
        if url.startswith("/admin/") and not url.startswith(SKIP):
            links.add(url)
    return links


def fetch(client: Client, url: str):
    response = client.get(url)
    assert response.status_code < 500, f"{url} answered {response.status_code}"
    return response


@pytest.fixture
def demo(settings):
    settings.WAGTAILADMIN_BASE_URL = "http://testserver"
    call_command("load_demo", stdout=io.StringIO())
    return get_user_model().objects


@pytest.mark.parametrize(
    "username", ["admin", "editor", "chief", "moderator", "keeper", "tech", "head"]
)
def test_every_admin_screen_a_demo_user_reaches_answers(demo, username):
    user = demo.get(username=username)
    client = Client(**ENGLISH_BROWSER)
    login(client, user)  # TOTP verified, as after the demo's first login
    menu = menu_urls(user)
    assert menu, f"{username} sees an empty admin menu"

    seen: set[str] = set()
    queue = ["/admin/", *menu]
    for url in list(queue):
        seen.add(url)
        response = fetch(client, url)
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            page = response.content.decode()
            assert 'lang="ru"' in page, f"{url} is not in Russian"
            queue.extend(sorted(admin_links(page) - seen - set(queue)))

    followed = [u for u in queue if u not in seen][:MAX_LINKS_PER_USER]
    for url in followed:
        fetch(client, url)
    assert len(seen) + len(followed) > len(menu)


def test_the_public_site_and_the_sandbox_walls_answer(demo):
    from cms.models import NewsPage

    client = Client(**ENGLISH_BROWSER)
    urls = ["/", "/sitemap.xml", "/sandbox/"]
    urls += [page.url for page in NewsPage.objects.live()]
    home = fetch(client, "/").content.decode()
    urls += [u for u in HREF.findall(home) if not u.startswith(SKIP)]
    sandbox = fetch(client, "/sandbox/").content.decode()
    urls += [u for u in HREF.findall(sandbox) if u.startswith("/sandbox/")]
    for url in dict.fromkeys(urls):
        response = fetch(client, url)
        assert response.status_code in (200, 301, 302), url
        assert urlsplit(response.get("Location", "")).netloc in ("", "testserver")


def test_the_login_page_is_russian_for_an_english_browser(db):
    page = Client(**ENGLISH_BROWSER).get("/admin/login/").content.decode()
    assert 'lang="ru"' in page and "Войти" in page


def test_a_user_who_picks_english_in_the_profile_gets_it(demo):
    from wagtail.users.models import UserProfile

    user = demo.get(username="editor")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client()
    client.force_login(user)
    assert 'lang="en"' in client.get("/admin/").content.decode()


def test_every_demo_piece_previews_for_every_network(demo):
    """The «Соцсети» panel of each demo piece (every block type among them) for one
    account of every network: a template that trips on one network's poll or video
    breaks the whole panel, so each must render."""
    from django.urls import reverse

    from accounts_registry.models import Account
    from accounts_registry.restricted import decide
    from cms.models import NewsPage
    from syndication.delivery.scheduling import sendable_networks

    for network in ("facebook", "instagram"):
        decide(network, True, reason="проверка предпросмотра", actor="test")
    Account.objects.update(is_active=False)  # no account: one stand-in per network
    networks = sendable_networks()
    assert {"vk", "ok", "telegram", "max", "facebook", "instagram"} <= set(networks)
    client = Client(**ENGLISH_BROWSER)
    client.force_login(demo.get(username="admin"))
    polls = 0
    for page in NewsPage.objects.all():
        response = fetch(client, reverse("syndication_preview", args=[page.pk]))
        html = response.content.decode()
        assert response.status_code == 200 and "sp-error" not in html, page.title
        for code in networks:
            assert f"sp-{code}" in html, (page.title, code)
        for block in page.body:
            if block.block_type == "poll":  # its answers, as text, where sent natively
                answer = block.value["options"][0]
                polls += 1
                assert html.count(f"<li>{answer}</li>") >= 3, page.title  # VK, OK, TG
    assert polls
