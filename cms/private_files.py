"""Files that are not for the public (issue 12.4): the sent 10-day letter and whatever
else a model stores that only some staff may read.

They live in the ``private`` storage (``PRIVATE_MEDIA_ROOT``), a folder outside
``MEDIA_ROOT`` that no web server serves: neither Django in development (``cms/urls.py``
serves MEDIA_ROOT only) nor the production front server (``deploy/nginx/``). A file
gets a random name (no counter to guess) and is read only through a view that checks
the reader's permission first and then calls ``private_file_response``. The storage has
no URLs: asking for one is an error, so a template cannot link a private file by
mistake.

A system check (cms.E010) refuses a ``PRIVATE_MEDIA_ROOT`` inside ``MEDIA_ROOT`` (or
``STATIC_ROOT``), where the front server would publish it.
"""

from __future__ import annotations

import secrets
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core import checks
from django.core.files.storage import FileSystemStorage, storages
from django.http import FileResponse, Http404
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property

from .media import MEDIA_CSP


class PrivateFileStorage(FileSystemStorage):
    """A file system storage without URLs, in ``PRIVATE_MEDIA_ROOT`` unless given a
    ``location`` (read when first used, and again when the setting changes, as
    Django's storage does with MEDIA_ROOT)."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError(
            "private files have no URL: serve them through a view that checks "
            "permission (cms.private_files.private_file_response)"
        )


def private_storage() -> PrivateFileStorage:
    """The ``private`` storage (a callable, so a FileField's migration names it
    rather than freezing its folder)."""
    return storages["private"]


@deconstructible
class RandomName:
    """``upload_to`` that keeps nothing of the given name but its extension: a
    folder, then 32 random hex characters."""

    def __init__(self, folder: str):
        self.folder = folder.strip("/")

    def __call__(self, instance, filename: str) -> str:
        suffix = PurePosixPath(filename).suffix.lower()[:10]
        return f"{self.folder}/{secrets.token_hex(16)}{suffix}"

    def __eq__(self, other):
        return isinstance(other, RandomName) and other.folder == self.folder


def private_file_response(field_file, download_name: str) -> FileResponse:
    """The private file of ``field_file`` as a download (call after the permission
    check). Not cached by browsers or proxies; never rendered by the browser."""
    if not field_file or not field_file.storage.exists(field_file.name):
        raise Http404
    response = FileResponse(
        field_file.storage.open(field_file.name, "rb"),
        as_attachment=True,
        filename=download_name,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = MEDIA_CSP
    return response


def _inside(path: Path, folder: Path) -> bool:
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


@checks.register(checks.Tags.security, deploy=False)
def check_private_root(app_configs=None, **kwargs):
    private = Path(settings.PRIVATE_MEDIA_ROOT)
    errors = []
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        public = getattr(settings, name, None)
        if public and _inside(private, Path(public)):
            errors.append(
                checks.Error(
                    f"PRIVATE_MEDIA_ROOT ({private}) is inside {name} ({public}), "
                    "which the web server publishes.",
                    hint="Give PRIVATE_MEDIA_ROOT a folder of its own.",
                    id="cms.E010",
                )
            )
    return errors
