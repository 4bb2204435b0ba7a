"""Instagram Graph API client (docs/networks.md §5): ``<api_url>/<node>[/<edge>]``,
``access_token`` as a parameter, JSON answers, errors as Meta's envelope
``{"error": {"message", "type", "code", "error_subcode", "is_transient", ...}}``.

Publishing is two steps (§5.3): create a media container (``POST
/{ig-user-id}/media`` with ``image_url``, ``video_url`` + ``media_type=REELS``, or
``is_carousel_item=true`` children then ``media_type=CAROUSEL`` + ``children``), wait
until ``GET /{container-id}?fields=status_code`` says FINISHED, then ``POST
/{ig-user-id}/media_publish creation_id=…`` gives the media id. Instagram fetches
the media itself, so every URL must be public: photos that are not JPEG or not of
Instagram's size and ratio are re-encoded, and the generated cover card is drawn
(``syndication.render.cover_card``) and stored under MEDIA_ROOT
``syndication/cards/`` (``syndication/instagram/`` for re-encoded photos), passed by
its absolute URL on the site.

Edit: Unsupported - the IG Media node documents no caption update (only
``comment_enabled``, §5.5). Delete: ``DELETE /{ig-media-id}`` is UNVERIFIED (§5.3),
so it raises Unsupported unless ``INSTAGRAM_MEDIA_DELETE`` is set after checking
Meta's current docs. Comments: list, reply, hide, delete (§5.5); no bans (§5.5).
The credential is ``{"access_token", "ig_user_id"}`` (the account's external id is
used when ``ig_user_id`` is absent)."""

from __future__ import annotations

import hashlib
import time
from datetime import datetime
from urllib.parse import urljoin

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from syndication import conf
from syndication.exceptions import Unsupported
from syndication.ratelimit import token_key
from syndication.render import cover_card

from . import http
from .base import Client, RemoteComment, RemoteRef, ref_of
from .errors import (
    APIError,
    AuthError,
    OutcomeUnknown,
    PermanentError,
    RateLimited,
    TransientError,
)

# Meta's error table (§4.7, §5.7); the seconds are our wait before a retry.
AUTH_CODES = {102, 190, 3, 10}  # expired/revoked token, missing capability
AUTH_SUBCODES = {458, 459, 460, 463, 464, 467, 492}
RATE_CODES = {4: 60.0, 17: 300.0, 32: 300.0, 341: 300.0, 613: 60.0, 80002: 300.0}
TRANSIENT_CODES = {1: 5.0, 2: 5.0}
# Subcodes that decide before the code does (§5.7).
PUBLISH_LIMIT = 2207042  # code 9: 50 API posts per 24 h reached
SPAM = 2207051  # code 4, but retrying will not help
SUBCODE_TRANSIENT = {2207001: 10.0, 2207003: 30.0}  # server error, download timeout
NOT_READY_CODE = 9007  # "media not ready" - UNVERIFIED pair, see NOTES.md
NOT_READY_WAIT = 30.0
BLOCKED_CODE = 368  # temporarily blocked for policy violations: wait
GONE_CODES = {100}  # "does not exist" on a delete: already gone (UNVERIFIED)

IMAGE, CAROUSEL, REELS = "IMAGE", "CAROUSEL", "REELS"
CARD_DIR = "syndication/cards"
CONVERTED_DIR = "syndication/instagram"
COMMENT_FIELDS = "id,text,timestamp,username,from,parent_id,hidden"


def parse(response, *, network="instagram", payload=None, idempotent=False):
    """The JSON body, or the matching error."""
    context = {"network": network, "payload": payload, "response": response.text[:2000]}
    status = response.status_code
    try:
        body = response.json()
    except ValueError:
        body = None
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        if status == 429:
            raise RateLimited(f"HTTP {status}", retry_after=60.0, **context)
        if status == 504 and not idempotent:
            # A proxy that stopped waiting: like our own read timeout, the POST
            # (a publish, a reply) may have been acted on.
            raise OutcomeUnknown(f"HTTP {status}", **context)
        if status >= 500:
            raise TransientError(f"HTTP {status}", **context)
        if status >= 400:
            raise PermanentError(f"HTTP {status}", **context)
        if body is None:
            cls = TransientError if idempotent else OutcomeUnknown
            raise cls("unreadable answer", **context)
        return body
    code = _int(error.get("code"))
    subcode = _int(error.get("error_subcode"))
    message = str(error.get("error_user_msg") or error.get("message") or "error")
    context["response"] = body
    if code in AUTH_CODES or subcode in AUTH_SUBCODES or 200 <= code <= 299:
        raise AuthError(message, code=code, **context)
    if subcode == SPAM:
        raise PermanentError(message, code=code, **context)
    if subcode == PUBLISH_LIMIT:
        raise RateLimited(message, code=code, retry_after=3600.0, **context)
    if code in RATE_CODES:
        raise RateLimited(message, code=code, retry_after=RATE_CODES[code], **context)
    if subcode in SUBCODE_TRANSIENT:
        raise TransientError(
            message, code=code, retry_after=SUBCODE_TRANSIENT[subcode], **context
        )
    if code == NOT_READY_CODE:
        raise TransientError(message, code=code, retry_after=NOT_READY_WAIT, **context)
    if code == BLOCKED_CODE:
        raise TransientError(message, code=code, retry_after=3600.0, **context)
    if code in TRANSIENT_CODES or error.get("is_transient") is True or status >= 500:
        raise TransientError(
            message, code=code, retry_after=TRANSIENT_CODES.get(code, 5.0), **context
        )
    raise PermanentError(message, code=code, **context)


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


class InstagramClient(Client):
    network = "instagram"

    def __init__(self, account, credential=None, session=None):
        super().__init__(account, credential, session)
        self.token = self.credential.get("access_token", "")
        self.ig_user_id = str(
            self.credential.get("ig_user_id") or getattr(account, "external_id", "")
        )
        # Waiting for containers goes through this, so tests can count the waits.
        self.sleep = time.sleep

    def call(self, http_method: str, path: str, *, idempotent=False, **params):
        self.limit(token_key("instagram", self.token), "INSTAGRAM_RATE")
        data = {k: v for k, v in params.items() if v is not None}
        payload = {"method": http_method, "path": path, **data}
        url = f"{conf.api_url('instagram').rstrip('/')}/{path}"
        signed = {**data, "access_token": self.token}
        where = {"data": signed} if http_method == "POST" else {"params": signed}
        try:
            response = http.send(
                self.session, http_method, url, network=self.network, payload=payload,
                idempotent=idempotent, **where,
            )  # fmt: skip
        except APIError as exc:
            raise self._without_token(exc) from None
        return parse(response, payload=payload, idempotent=idempotent)

    def _without_token(self, exc: APIError) -> APIError:
        """A transport error names the URL, and a GET or DELETE carries the token in
        its query: the message goes to the delivery log and the moderators, so the
        token is replaced, and the cause (the same URL) is dropped from the chain."""
        if self.token:
            exc.args = tuple(str(a).replace(self.token, "***") for a in exc.args)
        exc.__cause__ = None
        return exc

    # -- publishing --------------------------------------------------------------
    def post_url(self, media_id, permalink: str = "") -> str:
        web = conf.sandbox_web_url("instagram")
        if web:
            return f"{web}profile/{self.ig_user_id}/#media{media_id}"
        return permalink

    def publish(self, post, *, idempotency_key: str = "") -> RemoteRef:
        """Containers, then media_publish. A container that is never published
        expires by itself in 24 h (§5.3), so creating one is safe to repeat."""
        if len(post.messages) != 1:
            raise PermanentError(
                f"an Instagram post is one message, got {len(post.messages)}",
                network=self.network,
            )
        message = post.messages[0]
        media_type = message.options.get("media_type", IMAGE)
        attachments = list(message.attachments)
        if not attachments:
            raise PermanentError("an Instagram post needs media", network=self.network)
        ref = RemoteRef(extra={"ig_user_id": self.ig_user_id, "media_type": media_type})
        try:
            if media_type == CAROUSEL:
                children = [self.create_container(a, carousel_item=True) for a in attachments]  # fmt: skip
                for child in children:
                    self.wait_until_ready(child)
                container = self._create(
                    media_type=CAROUSEL, children=",".join(children),
                    caption=message.text,
                )  # fmt: skip
            else:
                container = self.create_container(
                    attachments[0], caption=message.text, reel=media_type == REELS
                )
            ref.extra["container_id"] = container
            self.wait_until_ready(container)
            media_id = self.publish_container(container)
        except APIError as exc:
            exc.partial_ref = ref
            raise
        ref.ids.append(media_id)
        ref.url = self.post_url(media_id, self._permalink(media_id))
        return ref

    def _create(self, **params) -> str:
        result = self.call(
            "POST", f"{self.ig_user_id}/media", idempotent=True, **params
        )
        return str(result["id"])

    def create_container(self, attachment, *, carousel_item=False, caption=None, reel=False) -> str:  # fmt: skip
        params = {"caption": caption or None}
        if carousel_item:
            params["is_carousel_item"] = "true"
        if attachment.kind in ("video", "animation"):
            params["video_url"] = attachment.url
            # Feed videos publish as reels since Nov 2023; carousel videos say VIDEO
            # (UNVERIFIED for children, see NOTES.md).
            params["media_type"] = "VIDEO" if carousel_item else REELS
            if reel:
                params["share_to_feed"] = "true"
        else:
            params["image_url"] = self.public_image_url(attachment)
            alt = attachment.spec.get("alt", "")
            params["alt_text"] = alt or None
        return self._create(**params)

    def container_status(self, container_id: str) -> dict:
        return self.call(
            "GET", container_id, fields="status_code,status", idempotent=True
        )

    def wait_until_ready(self, container_id: str) -> None:
        """Poll the container until FINISHED, waiting longer each time up to the
        setting's bounds; ERROR and EXPIRED are final."""
        first, longest, budget = (float(x) for x in conf.get("INSTAGRAM_STATUS_POLL"))
        wait, waited = first, 0.0
        while True:
            answer = self.container_status(container_id)
            status = str(answer.get("status_code", ""))
            if status in ("FINISHED", "PUBLISHED"):
                return
            if status in ("ERROR", "EXPIRED"):
                detail = answer.get("status") or ""
                reason = (
                    "Instagram could not process the media"
                    if status == "ERROR"
                    else "the container expired (not published within 24 h)"
                )
                raise PermanentError(
                    f"{reason}: container {container_id} is {status}"
                    + (f" ({detail})" if detail else ""),
                    code=status, network=self.network, response=answer,
                )  # fmt: skip
            if waited >= budget:
                raise TransientError(
                    f"container {container_id} still {status or 'unknown'} after "
                    f"{waited:.0f} s",
                    retry_after=longest, network=self.network, response=answer,
                )  # fmt: skip
            self.sleep(wait)
            waited += wait
            wait = min(wait * 2, longest)

    def publish_container(self, container_id: str) -> str:
        path = f"{self.ig_user_id}/media_publish"
        try:
            result = self.call("POST", path, creation_id=container_id)
        except OutcomeUnknown:
            # Did it publish? A container that is still FINISHED did not: resending
            # is safe. PUBLISHED (or no answer) is for a person to check.
            try:
                status = self.container_status(container_id).get("status_code")
            except APIError:
                status = None
            if status != "FINISHED":
                raise
            result = self.call("POST", path, creation_id=container_id)
        except RateLimited:
            raise  # refused before acting (throttling, the 24 h quota): retry later
        except TransientError as exc:
            if exc.code != NOT_READY_CODE:
                self._unless_unpublished(container_id, exc)
            self.wait_until_ready(container_id)
            result = self.call("POST", path, creation_id=container_id)
        return str(result["id"])

    def _unless_unpublished(self, container_id: str, exc: TransientError):
        """A server error on media_publish (5xx, 2207001) may come after the media
        went out. A retry of the delivery creates and publishes a new container, so
        it is allowed only while this one is still FINISHED (unpublished)."""
        try:
            status = self.container_status(container_id).get("status_code")
        except APIError:
            status = None
        if status == "FINISHED":
            raise exc
        raise OutcomeUnknown(
            f"media_publish failed ({exc}), and container {container_id} is "
            f"{status or 'unknown'}: the post may be out",
            code=exc.code, network=self.network, payload=exc.payload,
            response=exc.response,
        )  # fmt: skip

    def _permalink(self, media_id: str) -> str:
        if conf.sandbox_web_url("instagram"):
            return ""
        try:
            answer = self.call("GET", media_id, fields="permalink", idempotent=True)
        except APIError:
            return ""  # the post is out; a missing link is no failure
        return str(answer.get("permalink", ""))

    # -- images Instagram can fetch ------------------------------------------------
    def public_image_url(self, attachment) -> str:
        """The URL Instagram will cURL: the photo itself when it is a ready JPEG,
        else a JPEG drawn or re-encoded by us and stored on the site."""
        if cover_card.is_generated_card(attachment):
            spec = attachment.spec
            background = None
            if spec.get("background_url"):
                try:
                    background = self.fetch_media(spec["background_url"]).content
                except APIError:
                    background = None  # the card is drawn on the plain colour
            data = cover_card.render_card(
                spec.get("title", ""), background, footer=spec.get("footer", "")
            )
            base = spec.get("base_url") or spec.get("background_url", "")
            return self._store(CARD_DIR, data, base)
        media = self.fetch_media(attachment.url)
        if cover_card.instagram_ready(media.content):
            return attachment.url
        try:
            data = cover_card.to_instagram_jpeg(media.content)
        except ValueError as exc:
            raise PermanentError(
                f"not an image: {attachment.url}", network=self.network
            ) from exc
        return self._store(CONVERTED_DIR, data, attachment.url)

    def _store(self, folder: str, data: bytes, base_url: str) -> str:
        name = f"{folder}/{hashlib.sha256(data).hexdigest()[:32]}.jpg"
        if not default_storage.exists(name):
            name = default_storage.save(name, ContentFile(data))
        url = default_storage.url(name)
        if not url.startswith(("http://", "https://")):
            if not base_url.startswith(("http://", "https://")):
                raise PermanentError(
                    "no public address for the Instagram image (the piece has no "
                    "absolute URL)",
                    network=self.network,
                )
            url = urljoin(base_url, url)
        return url

    # -- what Instagram does not allow -----------------------------------------------
    def edit(self, ref, post) -> RemoteRef:
        raise Unsupported(
            "edit: the Instagram API cannot change a published post's caption or media",
            network=self.network,
        )

    def delete(self, ref) -> None:
        enabled = str(conf.get("INSTAGRAM_MEDIA_DELETE")).lower() in {"1", "true", "yes"}  # fmt: skip
        if not enabled:
            raise Unsupported(
                "delete: no documented endpoint deletes a published Instagram post "
                "(INSTAGRAM_MEDIA_DELETE enables the UNVERIFIED DELETE /{media-id})",
                network=self.network,
            )
        for media_id in ref_of(ref).ids:
            try:
                self.call("DELETE", media_id, idempotent=True)
            except PermanentError as exc:
                if exc.code not in GONE_CODES:
                    raise

    def check_token(self) -> dict:
        fields = "id,username,name,followers_count"
        me = self.call("GET", self.ig_user_id, fields=fields, idempotent=True)
        info = {
            "ok": True,
            "id": me.get("id"),
            "name": me.get("name") or me.get("username", ""),
            "username": me.get("username", ""),
        }
        if me.get("followers_count") is not None:  # the registry's subscriber count
            info["subscribers"] = int(me["followers_count"])
        return info

    # -- comments and moderation ---------------------------------------------------
    def fetch_comments(self, post_remote_id, cursor=None):
        """Every comment and reply under the media after the cursor (the newest
        timestamp seen); our own account's answers are left out."""
        after = str(cursor or "")
        comments, seen_newest = [], after
        params = {"fields": COMMENT_FIELDS + ",replies{" + COMMENT_FIELDS + "}", "limit": 50}  # fmt: skip
        path = f"{post_remote_id}/comments"
        while True:
            page = self.call("GET", path, idempotent=True, **params)
            for item in page.get("data", []):
                replies = (item.get("replies") or {}).get("data", [])
                for entry in [item, *replies]:
                    comment = self._comment(entry, post_remote_id, item)
                    stamp = entry.get("timestamp", "")
                    if comment is None or (after and stamp < after):
                        continue
                    comments.append(comment)
                    seen_newest = max(seen_newest, stamp)
            after_cursor = ((page.get("paging") or {}).get("cursors") or {}).get("after")  # fmt: skip
            if not (page.get("paging") or {}).get("next") or not after_cursor:
                break
            params["after"] = after_cursor
        comments.sort(key=lambda c: c.raw.get("timestamp", ""))  # oldest first
        return comments, seen_newest or cursor

    def _comment(self, entry: dict, post_remote_id, parent: dict):
        author = entry.get("from") or {}
        author_id = str(author.get("id", ""))
        if author_id and author_id == self.ig_user_id:
            return None
        reply_to = str(entry.get("parent_id") or "")
        if not reply_to and entry is not parent:
            reply_to = str(parent.get("id", ""))
        return RemoteComment(
            id=str(entry["id"]), post_id=str(post_remote_id), author_id=author_id,
            author_name=entry.get("username") or author.get("username", ""),
            text=entry.get("text", ""), date=_date(entry.get("timestamp")),
            reply_to=reply_to, raw=entry,
        )  # fmt: skip

    def hide_comment(self, post_remote_id, comment_id) -> None:
        self.call("POST", str(comment_id), hide="true", idempotent=True)

    def unhide_comment(self, post_remote_id, comment_id) -> None:
        self.call("POST", str(comment_id), hide="false", idempotent=True)

    def delete_comment(self, post_remote_id, comment_id) -> None:
        try:
            self.call("DELETE", str(comment_id), idempotent=True)
        except PermanentError as exc:
            if exc.code not in GONE_CODES:
                raise

    def reply(self, post_remote_id, comment_id, text: str) -> str:
        result = self.call("POST", f"{comment_id}/replies", message=text)
        return str(result["id"])


def _date(value):
    """Graph timestamps: ``2017-08-31T18:10:30+0000``."""
    if not value:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        return None
