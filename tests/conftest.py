"""Fixtures shared by every test module: a small page tree, images, a browser."""

from __future__ import annotations

import os
import shutil

import pytest
from wagtail.models import Page, Site

from tests.browser import (
    close_idle_live_server_connections,
    wait_for_live_server_requests,
)
from tests.factories import make_image


def restore_wagtail_initial_data():
    """Recreate what Wagtail's migrations put in an empty database.

    A transactional test (live_server, browser, real workers) ends by flushing every table,
    which also removes the root page, the default locale and the root collection that the
    migrations created; the tests after it on the same worker need them back."""
    from wagtail.models import Collection, Locale

    Locale.objects.get_or_create(language_code="ru")
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Page.objects.exists():
        root = Page.add_root(title="Root", slug="root", locale=Locale.get_default())
        welcome = root.add_child(instance=Page(title="Welcome", slug="home"))
        Site.objects.create(
            hostname="localhost", root_page=welcome, is_default_site=True
        )


@pytest.fixture(autouse=True)
def _clear_wagtail_caches():
    """Wagtail caches renditions by image id, and ids are reused after a rollback: one
    test's picture must not turn up in the next."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """With Redis as the limiter's store (the PostgreSQL + Redis pass), one test's
    windows and network-asked pauses must not hold the next test's calls; each xdist
    worker has its own namespace (cms/settings/test.py), so this never touches the
    other worker's."""
    from syndication import ratelimit

    store = ratelimit.backend()
    if hasattr(store, "forget"):
        store.forget()


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker and marker.kwargs.get("transaction"):
        return True
    return bool(
        {"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ()))
    )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    # Before any fixture is torn down: a test that used the live server (the sandbox
    # over HTTP, not only Chromium) lets the server's busy request threads finish
    # first, or one still closing its connection after the flush printed
    # «DatabaseWrapper objects created in a thread can only be used in that same
    # thread» (SQLite pass). Idle keep-alive threads are not waited for.
    if "live_server" in getattr(item, "fixturenames", ()):
        wait_for_live_server_requests()
    if nextitem is None:
        # The worker's last test: idle keep-alive threads are closed while the live
        # server still shares its connection (tests/browser.py says why).
        close_idle_live_server_connections()
    # After every fixture is torn down, i.e. after the flush.
    yield
    # With no next test the session fixtures are gone too, the test database included.
    if nextitem is not None and _is_transactional(item):
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            restore_wagtail_initial_data()


@pytest.fixture
def image(db):
    return make_image()


@pytest.fixture
def site_tree(db):
    """Home page at the default site's root with a news list under it, as in bakerydemo."""
    from cms.models import HomePage, NewsIndexPage

    root = Page.get_first_root_node()
    home = HomePage(title="Минсоцзащиты Кузбасса", slug="test-home")
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "Минсоцзащиты",
        },
    )
    news = NewsIndexPage(title="Новости", slug="news")
    home.add_child(instance=news)
    return home, news


@pytest.fixture
def news_page(site_tree, image):
    from cms.models import NewsPage

    _, news = site_tree
    page = NewsPage(
        title="Выплаты выросли",
        slug="vyplaty",
        lead="С 1 декабря пособие выросло на 8 %.",
        cover=image,
        body=[("text", "<p>Новую сумму начислят сами.</p>")],
    )
    page.tags.set(["соцзащита", "Кузбасс"])
    news.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


# --- browser ---------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright; never a downloaded browser build."""
    if not shutil.which("chromium") and not os.path.exists(CHROMIUM):
        if os.environ.get("VESTNIK_REQUIRE_BROWSER") == "1":
            pytest.fail(
                "chromium is required (VESTNIK_REQUIRE_BROWSER=1) but not installed"
            )
        pytest.skip("Debian's chromium is not installed: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop; Django refuses sync DB calls inside one.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page_in_browser(browser):
    context = browser.new_context(
        locale="ru-RU", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
    wait_for_live_server_requests()


DATABASE_FIXTURES = {"db", "transactional_db", "live_server", "django_db_setup"}


def pytest_collection_modifyitems(config, items):
    # The PostgreSQL + Redis pass leaves out tests marked same_in_every_pass
    # (tests/run_suite.py): a test that uses the pass's database cannot carry it.
    wrong = [
        item.nodeid
        for item in items
        if item.get_closest_marker("same_in_every_pass")
        and (
            item.get_closest_marker("django_db")
            or DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        )
    ]
    if wrong:
        raise pytest.UsageError(
            "marked same_in_every_pass but uses the test database: " + ", ".join(wrong)
        )
