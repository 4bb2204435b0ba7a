"""Every kind of admin screen, opened in Chromium as the demo's administrator, runs under
the production content security policy and asks no host but the site's own.

- CSP (issue 12.11): the test settings send the same policy as production (no inline
  script); a violation reported by the browser, or a script error (an initialisation
  that no longer ran), fails here.
- Closed network (issue 15): the admin must work inside the ministry's network and send
  nothing abroad (gravatar.com avatars, releases.wagtail.org's update check). Requests
  to any other host are recorded and aborted, so the test never reaches the internet.

The walk: the admin menu, then one screen of every kind linked from those screens (edit
forms, add forms, listings; ids collapsed, so 30 page edit links count once), plus the
page editor of a demo piece and the public site. Screenshots of each screen go to
.artifacts/admin-screens/ (not committed).
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from cms.models import NewsPage
from tests.accounts_registry.conftest import login
from tests.browser import wait_for_live_server_requests
from tests.cms.test_demo_crawl import admin_links, menu_urls

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / ".artifacts" / "admin-screens"
# Screens that act on GET or end the session are not opened.
SKIP = ("/admin/logout", "/admin/api/", "/admin/bulk/", "/django-admin/")
# Files, not screens: the dashboard's month panel links the report as PDF/DOCX/XLSX,
# which the browser downloads instead of rendering (Page.goto fails on a download).
DOWNLOADS = (".pdf", ".docx", ".xlsx", ".csv", ".zip")
MAX_SCREENS = 120

RECORDER = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"} ` +
    `at ${event.sourceFile}:${event.lineNumber}: ${event.sample}`
  );
});
"""


def screen_kind(url: str) -> str:
    """/admin/pages/12/edit/ and /admin/pages/31/edit/ are one kind of screen."""
    path = urlsplit(url).path
    return re.sub(r"/\d+(?=/)", "/N", path)


@pytest.fixture
def demo_admin(settings, live_server):
    # The demo stores the site's address (absolute links and images in the previews).
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    call_command("load_demo", stdout=io.StringIO())
    return get_user_model().objects.get(username="admin")


class Walk:
    """What the browser saw while opening screens."""

    def __init__(self, page, own_host: str):
        self.page = page
        self.own_host = own_host
        self.violations: list[str] = []
        self.script_errors: list[str] = []
        self.foreign_requests: list[str] = []
        self.opened: list[str] = []
        self.current = ""
        page.on(
            "pageerror",
            lambda error: self.script_errors.append(f"{self.current}: {error}"),
        )
        page.on("console", self.console)
        page.route("**/*", self.route)

    def console(self, message):
        if "Content Security Policy" in message.text:
            self.violations.append(f"{self.current}: {message.text}")

    def route(self, route):
        host = urlsplit(route.request.url).netloc
        if route.request.url.startswith(("data:", "blob:")) or host == self.own_host:
            route.continue_()
            return
        self.foreign_requests.append(f"{self.current}: {route.request.url}")
        route.abort()

    def open(self, base: str, url: str) -> str:
        self.current = url
        self.page.goto(base + url, wait_until="load")
        self.violations += [
            f"{url}: {v}" for v in self.page.evaluate("window.__violations")
        ]
        self.opened.append(url)
        name = re.sub(r"[^a-z0-9]+", "-", screen_kind(url).lower()).strip("-")
        self.page.screenshot(path=str(ARTIFACTS / f"{name or 'root'}.png"))
        return self.page.content()


def test_every_admin_screen_runs_under_the_csp_and_asks_no_foreign_host(
    live_server, browser, demo_admin
):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    client = Client()
    login(client, demo_admin)  # TOTP verified, as after the first login
    context = browser.new_context(
        locale="ru-RU", viewport={"width": 1280, "height": 900}
    )
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    context.add_init_script(RECORDER)
    page = context.new_page()
    page.set_default_timeout(30_000)
    walk = Walk(page, urlsplit(live_server.url).netloc)

    piece = NewsPage.objects.live().first()
    start = [
        "/admin/",
        *menu_urls(demo_admin),
        f"/admin/pages/{piece.pk}/edit/",
        f"/admin/pages/add/cms/newspage/{piece.get_parent().pk}/",
    ]
    kinds: dict[str, str] = {}
    for url in start:
        kinds.setdefault(screen_kind(url), url)
    queue = list(dict.fromkeys(kinds.values()))
    for url in queue:
        if len(walk.opened) >= MAX_SCREENS:
            break
        html = walk.open(live_server.url, url)
        if url in start:
            for link in sorted(admin_links(html)):
                link = urldefrag(link)[0]
                if (
                    link.startswith(SKIP)
                    or urlsplit(link).path.endswith(DOWNLOADS)
                    or screen_kind(link) in kinds
                ):
                    continue
                kinds[screen_kind(link)] = link
                queue.append(link)

    # The public site is checked by the same policy.
    for url in ("/", piece.url):
        walk.open(live_server.url, url)
    context.close()
    wait_for_live_server_requests()

    assert len(walk.opened) > 25, walk.opened
    assert walk.violations == [], "\n".join(walk.violations)
    assert walk.script_errors == [], "\n".join(walk.script_errors)
    assert walk.foreign_requests == [], "\n".join(walk.foreign_requests)


def test_forms_added_later_and_date_pickers_still_initialise(
    live_server, browser, demo_admin
):
    """What Wagtail's inline scripts did now comes from inline-init.js: a child form
    InlinePanel adds (with its chooser) and a date picker still come alive."""
    client = Client()
    login(client, demo_admin)
    context = browser.new_context(
        locale="ru-RU", viewport={"width": 1280, "height": 900}
    )
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    context.add_init_script(RECORDER)
    page = context.new_page()
    page.set_default_timeout(30_000)
    walk = Walk(page, urlsplit(live_server.url).netloc)

    walk.open(live_server.url, "/admin/workflows/add/")
    children = page.locator("#id_workflow_tasks-FORMS > [data-inline-panel-child]")
    before = children.count()
    page.click("#id_workflow_tasks-ADD")  # InlinePanel's own button: the panel lives
    assert children.count() == before + 1
    # The new child's task chooser was initialised from its marker: it opens its modal.
    page.locator(
        f"#id_workflow_tasks-{before}-task-chooser [data-chooser-action-choose]"
    ).first.click()
    modal = page.locator(".modal-dialog")
    modal.wait_for(state="visible")
    page.wait_for_timeout(500)  # the modal fades in
    page.screenshot(path=str(ARTIFACTS / "workflow-task-added.png"))
    assert "задач" in modal.inner_text().lower()

    walk.open(live_server.url, "/admin/reports/site-history/")
    marker = page.locator("[data-vestnik-init='initDateChooser']").first
    field_id = marker.get_attribute("data-vestnik-for")
    # The filters sit in a closed drawer: ask jQuery whether the picker is attached.
    assert page.evaluate(
        "id => Boolean(window.jQuery('#' + id).data('xdsoft_datetimepicker'))",
        field_id,
    )
    context.close()
    wait_for_live_server_requests()

    assert walk.violations == [], "\n".join(walk.violations)
    assert walk.script_errors == [], "\n".join(walk.script_errors)
