"""The content security policy: no inline script runs, in any environment (issue 12.11).

Static checks (every template of the project, every admin screen's HTML) and the
headers each environment sends; the browser checks are in test_admin_in_browser.py and
below (dynamically added forms and date pickers still initialise)."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from tests.accounts_registry.conftest import login
from tests.cms.test_demo_crawl import admin_links, menu_urls

ROOT = Path(__file__).resolve().parents[2]
# A <script> element that is not a file (src) and not data (JSON, templates).
INLINE_SCRIPT = re.compile(
    r"<script\b(?![^>]*\bsrc=)(?![^>]*\btype=[\"'](?:application/json|text/template))"
    r"[^>]*>",
    re.IGNORECASE,
)
INLINE_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']\s*javascript:""", re.I)


def policy_of(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:]
        for part in (p.strip() for p in header.split(";"))
        if part
    }


def assert_no_inline_script(policy: dict[str, list[str]]) -> None:
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    # Inline handlers: only the one hashed no-op (Jcrop's touch probe).
    assert "'unsafe-inline'" not in policy.get("script-src-attr", [])


def project_templates() -> list[Path]:
    skip = {".venv", "var", ".artifacts", "node_modules", ".git"}
    return [
        path
        for path in ROOT.rglob("*.html")
        if not skip & set(path.relative_to(ROOT).parts)
    ]


def test_no_template_of_the_project_has_inline_code():
    templates = project_templates()
    assert len(templates) > 40
    found = []
    for path in templates:
        text = path.read_text(encoding="utf-8")
        for pattern in (INLINE_SCRIPT, INLINE_HANDLER, JAVASCRIPT_URL):
            for match in pattern.finditer(text):
                # A nonce'd script is allowed (Wagtail-style inline code that must stay).
                if "csp_nonce" in match.group(0):
                    continue
                found.append(f"{path.relative_to(ROOT)}: {match.group(0)[:80]}")
    assert found == [], "\n".join(found)


@pytest.mark.django_db
def test_the_site_and_the_admin_send_the_policy(client, site_tree):
    for url in ("/admin/login/", "/", "/rss/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_inline_script(policy_of(response))


@pytest.mark.same_in_every_pass
@pytest.mark.parametrize("module", ["cms.settings.dev", "cms.settings.production"])
def test_dev_and_production_send_the_same_policy_as_the_tests(module):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO")}
    env.update(
        DJANGO_SETTINGS_MODULE=module,
        SECRET_KEY="k" * 50,
        DATABASE_URL="postgres://vestnik:pw@127.0.0.1:5432/vestnik",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
        FIELD_ENCRYPTION_KEY="dGVzdC1vbmx5LWtleS1mb3ItdGhlLXRlc3Qtc3VpdGU=",
    )
    if module.endswith("dev"):
        env["DATABASE_URL"] = "sqlite:///:memory:"
    code = (
        "import json, django; django.setup();"
        "from django.conf import settings;"
        "print(json.dumps(settings.CONTENT_SECURITY_POLICY, default=str));"
        "print('csp.middleware.CSPMiddleware' in settings.MIDDLEWARE)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    policy, middleware = result.stdout.strip().splitlines()[-2:]
    assert json.loads(policy) == json.loads(
        json.dumps(django_settings.CONTENT_SECURITY_POLICY, default=str)
    )
    assert middleware == "True"


@pytest.mark.django_db
def test_no_admin_screen_has_an_inline_script(settings):
    """Every kind of admin screen the demo's administrator reaches, as HTML: Wagtail's
    own inline initialisations are gone (markers instead), none came back."""
    settings.WAGTAILADMIN_BASE_URL = "http://testserver"
    call_command("load_demo", stdout=io.StringIO())
    admin = get_user_model().objects.get(username="admin")
    client = Client()
    login(client, admin)
    seen: dict[str, str] = {}
    queue = ["/admin/", *menu_urls(admin)]
    found = []
    for url in queue:
        kind = re.sub(r"/\d+(?=/)", "/N", urlsplit(url).path)
        if kind in seen:
            continue
        seen[kind] = url
        response = client.get(url)
        if response.status_code != 200 or "html" not in response["Content-Type"]:
            continue
        assert_no_inline_script(policy_of(response))
        html = response.content.decode()
        found += [f"{url}: {m.group(0)}" for m in INLINE_SCRIPT.finditer(html)]
        found += [f"{url}: {m.group(0)[:80]}" for m in INLINE_HANDLER.finditer(html)]
        queue += [
            urldefrag(link)[0]
            for link in sorted(admin_links(html))
            if not link.startswith(("/admin/bulk/", "/admin/logout"))
        ]
    assert len(seen) > 40
    assert found == [], "\n".join(found)
