"""Uploaded files never run as a document of the site (issue 12.1).

SVG images are refused (an SVG can carry a script that would run with the chief
editor's session), and every uploaded file is served with a sandboxing CSP, nosniff,
and as a download unless it is a raster image or a video: by Django in development
(cms/media.py) and by the production front server (deploy/nginx/vestnik-media.conf,
README «Security»), which must say the same."""

from __future__ import annotations

import io
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import PIL.Image
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

from cms.media import INLINE_EXTENSIONS, MEDIA_CSP, media_headers
from tests.security.conftest import urls_built_with

ROOT = Path(__file__).resolve().parents[2]
NGINX_CONF = ROOT / "deploy" / "nginx" / "vestnik-media.conf"
EVIL_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>fetch('/admin/registry/').then(r => r.text())</script>"
    b'<rect width="10" height="10"/></svg>'
)


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    PIL.Image.new("RGB", (4, 4), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


PNG = png_bytes()
FILES = {
    "images/evil.svg": EVIL_SVG,
    "images/photo.png": PNG,
    # Any other folder (documents/ itself is not served: test_private_files.py).
    "syndication/page.html": b"<script>alert(1)</script>",
    "syndication/letter.pdf": b"%PDF-1.4 <script>alert(1)</script>",
    "syndication/clip.mp4": b"\x00\x00\x00\x18ftypmp42",
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, content",
    [
        ("chart.svg", EVIL_SVG),
        # The same SVG under a raster name: Wagtail reads the bytes, not the name.
        ("chart.png", EVIL_SVG),
    ],
)
def test_an_svg_image_is_refused(name, content):
    form_class = get_image_form(get_image_model())
    form = form_class(
        data={"title": "Диаграмма", "collection": 1},
        files={"file": SimpleUploadedFile(name, content)},
    )
    assert not form.is_valid()
    assert "file" in form.errors


@pytest.mark.django_db
def test_a_png_image_is_accepted():
    form_class = get_image_form(get_image_model())
    form = form_class(
        data={"title": "Фото", "collection": 1},
        files={"file": SimpleUploadedFile("photo.png", PNG)},
    )
    assert form.is_valid(), form.errors


@pytest.fixture
def media_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    for name, content in FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
    return tmp_path


def assert_sandboxed(name: str, headers) -> None:
    assert headers.get("Content-Security-Policy") == MEDIA_CSP, name
    assert headers.get("X-Content-Type-Options") == "nosniff", name
    disposition = headers.get("Content-Disposition") or "inline"
    if Path(name).suffix in INLINE_EXTENSIONS:
        assert disposition.startswith("inline"), name
    else:
        assert disposition == "attachment", name


@pytest.mark.django_db
def test_development_serves_media_sandboxed(client, media_files, settings):
    with urls_built_with(DEBUG=True, MEDIA_ROOT=media_files):
        for name in FILES:
            response = client.get(f"/media/{name}")
            assert response.status_code == 200, name
            assert_sandboxed(name, response.headers)
    # The site's own policy is not applied over it: the sandbox is what counts.
    assert "sandbox" in MEDIA_CSP and "default-src 'none'" in MEDIA_CSP


def test_the_svg_rule_does_not_depend_on_the_extension_list():
    assert ".svg" not in INLINE_EXTENSIONS and ".html" not in INLINE_EXTENSIONS
    assert media_headers("images/evil.svg")["Content-Disposition"] == "attachment"
    assert media_headers("IMAGES/PHOTO.JPG").get("Content-Disposition") is None


def nginx_header_lines(block: str) -> dict[str, str]:
    return dict(re.findall(r'add_header\s+(\S+)\s+"([^"]*)"\s+always;', block))


def test_the_production_front_server_sends_the_same_headers():
    conf = NGINX_CONF.read_text()
    outer, _, nested = conf.partition("location ~*")
    assert nginx_header_lines(outer) == {
        "Content-Security-Policy": MEDIA_CSP,
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": "attachment",
    }
    # nginx drops the outer add_header lines in a nested location: repeated there.
    assert nginx_header_lines(nested) == {
        "Content-Security-Policy": MEDIA_CSP,
        "X-Content-Type-Options": "nosniff",
    }
    pattern = re.search(r"\\\.\(\?:([^)]*)\)\$", nested).group(1)
    inline = {f".{ext}" for ext in pattern.replace("jpe?g", "jpg|jpeg").split("|")}
    assert inline == set(INLINE_EXTENSIONS)


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("nginx"), reason="nginx is not installed")
def test_nginx_serves_media_with_those_headers(tmp_path):
    media = tmp_path / "media"
    for name, content in FILES.items():
        (media / name).parent.mkdir(parents=True, exist_ok=True)
        (media / name).write_bytes(content)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    site = NGINX_CONF.read_text().replace("/srv/vestnik/media/", f"{media}/")
    (tmp_path / "media.conf").write_text(site)
    temp = {
        name: tmp_path / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")
    }
    (tmp_path / "nginx.conf").write_text(
        f"""
        daemon off;
        master_process off;
        pid {tmp_path}/nginx.pid;
        error_log {tmp_path}/error.log;
        events {{}}
        http {{
            access_log off;
            client_body_temp_path {temp["body"]};
            proxy_temp_path {temp["proxy"]};
            fastcgi_temp_path {temp["fastcgi"]};
            uwsgi_temp_path {temp["uwsgi"]};
            scgi_temp_path {temp["scgi"]};
            types {{
                image/svg+xml svg; image/png png; text/html html;
                application/pdf pdf; video/mp4 mp4;
            }}
            server {{
                listen 127.0.0.1:{port};
                include {tmp_path}/media.conf;
            }}
        }}
        """
    )
    process = subprocess.Popen(
        ["nginx", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        stderr=subprocess.PIPE,
    )
    try:
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        for name in FILES:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/media/{name}") as r:
                assert r.read() == FILES[name]
                assert_sandboxed(name, r.headers)
    finally:
        process.terminate()
        process.wait(timeout=10)
