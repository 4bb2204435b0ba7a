"""Telegram authors. The name comes with every update (``from.first_name``/``last_name``,
the link only when the user has a ``username``: moderation/webhooks/telegram.py); the
Bot API gives the picture: ``getUserProfilePhotos user_id limit=1`` (a
``UserProfilePhotos``: ``total_count`` and ``photos``, each photo its ``PhotoSize``s
from small to large), then ``getFile file_id`` (a ``File`` with ``file_path``) and
the bytes from ``<api>/file/bot<token>/<file_path>`` (docs/networks.md §3.9).

That download link holds the bot's token, so a page never sees it: the avatar is
served by the desk (``moderation_author_avatar``), which asks ``getFile`` itself.
A user who hid their photos, and a channel writing in the group (a negative id, no
``getUserProfilePhotos``), have none: the desk shows the name without a picture."""

from __future__ import annotations

from urllib.parse import urlencode

from django.urls import reverse

from syndication import conf
from syndication.api import http

from . import Found

AVATAR_SIZE = 96  # the smallest PhotoSize at least this wide is enough for the desk
MAX_BYTES = 1_000_000
IMAGE_TYPES = {"image/jpeg", "image/png", "image/webp", "image/svg+xml"}


def _smallest_enough(sizes: list[dict]) -> dict | None:
    sizes = [s for s in sizes if isinstance(s, dict) and s.get("file_id")]
    if not sizes:
        return None
    wide = [s for s in sizes if int(s.get("width") or 0) >= AVATAR_SIZE]
    return min(wide, key=lambda s: s.get("width") or 0) if wide else sizes[-1]


def lookup(client, author_ids: list[str]) -> list[Found]:
    found = []
    for author_id in author_ids:
        avatar = ""
        if author_id.isdigit():  # a person; a negative id is a chat
            answer = client.call("getUserProfilePhotos", user_id=int(author_id),
                                 limit=1, idempotent=True)  # fmt: skip
            photos = (answer or {}).get("photos") or []
            size = _smallest_enough(photos[0]) if photos else None
            if size:
                avatar = avatar_path(client.account.pk, author_id, size["file_id"])
        # The name stays the one the update gave (the item's author_name).
        found.append(Found(author_id=author_id, name="", avatar_url=avatar))
    return found


def avatar_path(account_pk: int, author_id: str, file_id: str) -> str:
    path = reverse("moderation_author_avatar", args=[account_pk, author_id])
    return f"{path}?{urlencode({'file': file_id})}"


def download(client, file_id: str) -> tuple[str, bytes] | None:
    """The picture's content type and bytes, or None when Telegram gives no image.
    Raises the client's errors for a network fault."""
    answer = client.call("getFile", file_id=file_id, idempotent=True) or {}
    file_path = str(answer.get("file_path") or "")
    if not file_path or int(answer.get("file_size") or 0) > MAX_BYTES:
        return None
    base = conf.api_url("telegram").rstrip("/")
    response = http.send(
        client.session, "GET", f"{base}/file/bot{client.token}/{file_path}",
        network="telegram", payload={"method": "file"}, idempotent=True,
    )  # fmt: skip
    kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if kind not in IMAGE_TYPES and file_path.lower().endswith((".jpg", ".jpeg")):
        kind = "image/jpeg"  # the file server may answer application/octet-stream
    if response.status_code != 200 or kind not in IMAGE_TYPES:
        return None
    if len(response.content) > MAX_BYTES:
        return None
    return kind, response.content
