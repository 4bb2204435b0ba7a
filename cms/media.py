"""How user-uploaded files are served: never as an active document of this site.

An uploaded file is whatever its uploader made it: an "image" may be an SVG with a
script, a "document" an HTML page. Opened from the site's own origin it would run with
the reader's session (the chief editor's, the administrator's). So every file under
``MEDIA_URL`` is served with a sandboxing CSP (no script, no plugin, no same-origin
access even if a browser renders it), ``nosniff`` (the declared type is the only type),
and, unless it is a raster image or a video the site shows inline, as a download.
Folders whose files are not public (``UNSERVED_FOLDERS``) are not served at all.

Development serves media through ``serve_media`` (``cms/urls.py``); production's front
web server sets the same headers (``deploy/nginx/vestnik-media.conf``, README
«Security»); ``tests/security/test_uploads.py`` keeps the two in step.
"""

from __future__ import annotations

import posixpath
from pathlib import PurePosixPath

from django.http import Http404
from django.views.static import serve

# The policy of every uploaded file: nothing may load or run; inline styles only (an
# image viewer's own); "sandbox" gives the document a unique opaque origin.
MEDIA_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
# What the site shows inline (<img>, <video>): everything else is a download.
INLINE_EXTENSIONS = frozenset(
    {".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".mp4", ".webm"}
)


# Folders of MEDIA_ROOT never served as files (issue 12.4): Wagtail's documents are read
# through its view, which checks a collection's privacy; registry/ held the sent 10-day
# letters before they moved to the private storage (cms/private_files.py).
UNSERVED_FOLDERS = ("documents/", "registry/")


def is_unserved(path: str) -> bool:
    normal = posixpath.normpath(path).lstrip("/")
    return normal.startswith(UNSERVED_FOLDERS) or normal + "/" in UNSERVED_FOLDERS


def media_headers(path: str) -> dict[str, str]:
    """The security headers of the uploaded file at ``path`` (relative to MEDIA_URL)."""
    headers = {
        "Content-Security-Policy": MEDIA_CSP,
        "X-Content-Type-Options": "nosniff",
    }
    if PurePosixPath(path).suffix.lower() not in INLINE_EXTENSIONS:
        headers["Content-Disposition"] = "attachment"
    return headers


def serve_media(request, path, document_root=None):
    """``django.views.static.serve`` with the headers above (development only)."""
    if is_unserved(path):
        raise Http404
    response = serve(request, path, document_root=document_root)
    for name, value in media_headers(path).items():
        response[name] = value
    return response
