"""MAX Bot API client (docs/networks.md §9; facts and sources in NOTES.md, "MAX").

REST over JSON at ``MAX_API_URL`` (default ``https://platform-api2.max.ru``, the
current host). The bot token travels in the ``Authorization`` header, raw, without
``Bearer`` — never in the query string (MAX answers 403 ``deprecated.token``). Targets
go in the query (``?chat_id=``, ``?message_id=``). Success bodies are bare JSON
(``{"message": …}``, ``{"success": true}``); errors are HTTP 4xx/5xx with
``{"code", "message"}``.

The host's certificate chains to the Russian Trusted Root CA (Минцифры), which the
usual bundles lack: ``MAX_CA_BUNDLE`` names a PEM bundle passed as ``verify=`` to every
MAX call (API host and upload hosts); empty means requests' default bundle. See
NOTES.md for how an operator builds it.
"""

from __future__ import annotations

import html
import re
import time
from datetime import UTC, datetime

from syndication import conf
from syndication.exceptions import Unsupported
from syndication.ratelimit import token_key

from . import http
from .base import Client, RemoteComment, RemoteRef, ref_of
from .errors import (
    APIError,
    AuthError,
    OutcomeUnknown,
    PermanentError,
    RateLimited,
    TransientError,
    answer_of,
    server_error,
)

NOT_READY = "attachment.not.ready"
TAG = re.compile(r"<[^>]*>")
# Seconds our clock and MAX's may differ when a message's time is compared with the
# first attempt's.
LOOKUP_CLOCK_SKEW = 300
# Render attachment kind -> the upload ``type`` of POST /uploads.
UPLOAD_TYPES = {"photo": "image", "video": "video", "animation": "video"}


def ca_bundle():
    """The ``verify=`` value of MAX calls: the configured bundle path, else True."""
    return conf.get("MAX_CA_BUNDLE") or True


def parse(response, *, payload=None, idempotent=False):
    """The JSON body of a success, or the error it maps to."""
    context = {"network": "max", "payload": payload, "response": response.text[:2000]}
    status = response.status_code
    try:
        body = response.json()
    except ValueError:
        body = None
    if status < 400:
        if isinstance(body, dict):
            if body.get("success") is False:  # SimpleQueryResult with a reason
                raise PermanentError(str(body.get("message") or "refused"), **context)
            return body
        if status >= 200 and not response.content:
            return {}
        cls = TransientError if idempotent else OutcomeUnknown
        raise cls(f"unreadable answer, HTTP {status}", **context)
    error = body if isinstance(body, dict) else {}
    code = str(error.get("code") or status)
    text = str(error.get("message") or error.get("error") or f"HTTP {status}")
    message = f"{status} {code}: {text}"
    if status == 429:
        # MAX sends no Retry-After (UNVERIFIED, docs/networks.md §9.7): a short wait.
        after = response.headers.get("Retry-After")
        exc = RateLimited(message, code=code, retry_after=float(after or 1), **context)
    elif status in {401, 403}:  # verify.token, deprecated.token, chat.denied
        exc = AuthError(message, code=code, **context)
    elif status >= 500:
        # A gateway that stopped waiting (502, 504) or a server that failed after
        # storing the message: MAX may have sent it, and a send is not repeated
        # blindly (the delivery looks it up first: ``find_published``).
        if not error:
            message = f"{message} ({answer_of(response)})"
        exc = server_error(message, idempotent=idempotent, code=code, **context)
    else:
        exc = PermanentError(message, code=code, **context)
    exc.status = status
    raise exc


class MaxClient(Client):
    network = "max"

    def __init__(self, account, credential=None, session=None):
        super().__init__(account, credential, session)
        self.token = self.credential.get("bot_token", "")
        self.chat_id = str(account.external_id)

    # -- the one call path ---------------------------------------------------------
    def call(
        self, method: str, path: str, *, params=None, body=None, idempotent=False,
        in_chat=False,
    ):  # fmt: skip
        """``method`` ``<MAX_API_URL><path>``; ``in_chat``: a send, edit or delete in
        the channel, which MAX limits to 2 per second per chat."""
        self.limit(token_key("max", self.token, "bot"), "MAX_RATE")
        if in_chat:
            self.limit(
                token_key("max", self.token, "chat", self.chat_id), "MAX_RATE_CHAT"
            )
        url = conf.api_url("max").rstrip("/") + path
        params = {k: v for k, v in (params or {}).items() if v is not None}
        payload = {"method": method, "path": path, "params": params, "body": body}
        kwargs = {"json": body} if body is not None else {}
        response = http.send(
            self.session, method, url, network=self.network, payload=payload,
            idempotent=idempotent, params=params, verify=ca_bundle(),
            headers={"Authorization": self.token}, **kwargs,
        )  # fmt: skip
        return parse(response, payload=payload, idempotent=idempotent)

    def post_url(self, mid: str, url: str = "") -> str:
        web = conf.sandbox_web_url("max")
        if web:
            return f"{web}channel/{self.chat_id}/#{mid}"
        return url or ""

    # -- media ---------------------------------------------------------------------
    def upload(self, attachment) -> dict:
        """Upload one of our renditions; the ``AttachmentRequest`` that sends it."""
        kind = UPLOAD_TYPES.get(attachment.kind)
        if kind is None:
            raise Unsupported(f"attachment {attachment.kind}", network=self.network)
        media = self.fetch_media(attachment.url)
        if kind == "image" or media.content_type == "image/gif":
            kind = "image"  # a GIF animation is an image for MAX
        # Asking for an upload URL creates nothing visible: safe to repeat.
        slot = self.call("POST", "/uploads", params={"type": kind}, idempotent=True)
        if not slot.get("url"):
            raise PermanentError("no upload URL", network=self.network, response=slot)
        self.limit(token_key("max", self.token, "bot"), "MAX_RATE")
        response = http.send(
            self.session, "POST", slot["url"], network=self.network,
            payload={"upload": kind}, idempotent=True, verify=ca_bundle(),
            files={"data": (media.filename, media.content, media.content_type)},
        )  # fmt: skip
        if slot.get("token") and response.status_code < 400:
            # Video/audio: the token came up front and the upload host's answer is
            # not JSON (the official TS SDK reads it as text): only its status counts.
            result = {}
        else:
            result = parse(response, payload={"upload": kind}, idempotent=True)
        token = slot.get("token") or result.get("token")  # video/audio: up front
        if not token:
            photos = result.get("photos") or {}
            token = next(iter(photos.values()), {}).get("token")
        if not token:
            raise PermanentError(
                "upload gave no token", network=self.network, response=result
            )
        return {
            "type": "image" if kind == "image" else kind,
            "payload": {"token": token},
        }

    def _uploads(self, message) -> list[dict]:
        return [self.upload(item) for item in message.attachments]

    def _body(self, message, attachments) -> dict:
        body = {"text": message.text or None, "format": message.parse_mode or None}
        if attachments is not None:
            body["attachments"] = attachments
        return body

    def _not_ready_retry(self, send):
        """MAX may refuse a message whose fresh upload is still being processed
        (400 ``attachment.not.ready``): try again after growing pauses."""
        delays = list(conf.get("MAX_ATTACHMENT_RETRY_DELAYS"))
        while True:
            try:
                return send()
            except PermanentError as exc:
                if exc.code != NOT_READY or not delays:
                    raise
                time.sleep(float(delays.pop(0)))

    # -- publishing ----------------------------------------------------------------
    def publish(self, post, *, idempotency_key: str = "") -> RemoteRef:
        # MAX has no idempotency key: an unknown outcome is for a person to decide.
        ref = RemoteRef(extra={"chat_id": self.chat_id, "messages": []})
        try:
            for message in post.messages:
                attachments = self._uploads(message)
                body = self._body(message, attachments or None)
                params = {"chat_id": self.chat_id, **self._link_params(message)}
                result = self._not_ready_retry(
                    lambda body=body, params=params: self.call(
                        "POST", "/messages", params=params, body=body, in_chat=True
                    )
                )
                sent = result.get("message") or {}
                mid = str((sent.get("body") or {}).get("mid") or "")
                if not mid:
                    raise OutcomeUnknown(
                        "sent, but no message id came back", network=self.network,
                        response=result,
                    )  # fmt: skip
                ref.ids.append(mid)
                ref.extra["messages"].append({
                    "mid": mid, "media": [a.url for a in message.attachments],
                    "url": sent.get("url") or "",
                })  # fmt: skip
        except APIError as exc:
            exc.partial_ref = ref
            raise
        if ref.ids:
            ref.url = self.post_url(ref.ids[0], ref.extra["messages"][0]["url"])
        return ref

    can_find_published = True

    def find_published(self, post, since: datetime) -> RemoteRef | None:
        """After a send with an unknown outcome: the channel's latest messages
        (``GET /messages?chat_id=``, newest first, docs/networks.md §9) searched for one
        with our text, sent since the first attempt. MAX returns the text without
        markup, so the texts are compared without tags and whitespace."""
        if len(post.messages) != 1 or not visible(post.messages[0].text):
            raise Unsupported(
                "find_published: not one message with text", network=self.network
            )
        message = post.messages[0]
        wanted = visible(message.text)
        result = self.call(
            "GET", "/messages", params={"chat_id": self.chat_id, "count": 50},
            idempotent=True,
        )  # fmt: skip
        earliest = (since.timestamp() - LOOKUP_CLOCK_SKEW) * 1000
        for item in result.get("messages") or []:
            body = item.get("body") or {}
            if int(item.get("timestamp") or 0) < earliest:
                break  # newest first: the rest is older than the first attempt
            if body.get("mid") and visible(body.get("text")) == wanted:
                mid = str(body["mid"])
                ref = RemoteRef(ids=[mid], extra={"chat_id": self.chat_id, "messages": [{
                    "mid": mid, "media": [a.url for a in message.attachments],
                    "url": item.get("url") or "",
                }]})  # fmt: skip
                ref.url = self.post_url(mid, item.get("url") or "")
                return ref
        return None

    @staticmethod
    def _link_params(message) -> dict:
        if message.options.get("disable_link_preview"):
            return {"disable_link_preview": "true"}
        return {}

    def edit(self, ref, post) -> RemoteRef:
        """Text and images are edited in place (``PUT /messages``); the number of
        messages cannot change (``Unsupported``: the delivery log says so)."""
        ref = ref_of(ref)
        sent = ref.extra.get("messages", [])
        if len(sent) != len(post.messages):
            raise Unsupported(
                "edit: the number of messages changed", network=self.network
            )
        for old, message in zip(sent, post.messages, strict=True):
            media = [a.url for a in message.attachments]
            # attachments null keeps the current ones; [] removes them all.
            attachments = None if media == old.get("media") else self._uploads(message)
            body = self._body(message, attachments)
            self._not_ready_retry(
                lambda body=body, old=old: self.call(
                    "PUT", "/messages", params={"message_id": old["mid"]}, body=body,
                    idempotent=True, in_chat=True,
                )
            )  # fmt: skip
            old["media"] = media
        ref.extra["messages"] = sent
        return ref

    def delete(self, ref) -> None:
        for mid in ref_of(ref).ids:
            try:
                self.call(
                    "DELETE", "/messages", params={"message_id": mid}, idempotent=True,
                    in_chat=True,
                )  # fmt: skip
            except PermanentError as exc:
                if not _gone(exc):
                    raise

    def check_token(self) -> dict:
        """The bot (GET /me), the channel and the bot's rights in it (GET
        /chats/{id}/members/me): posting needs an admin with ``write``."""
        me = self.call("GET", "/me", idempotent=True)
        member = self.call("GET", f"/chats/{self.chat_id}/members/me", idempotent=True)
        chat = self.call("GET", f"/chats/{self.chat_id}", idempotent=True)
        rights = member.get("permissions")
        owner = bool(member.get("is_owner"))
        can_post = owner or (
            bool(member.get("is_admin")) and (rights is None or "write" in rights)
        )
        status = "owner" if owner else "admin" if member.get("is_admin") else "member"
        if status == "admin" and not can_post:
            status = "admin without write"  # the right the registry asks to grant
        return {
            "ok": can_post, "bot": me.get("username") or me.get("name") or "",
            "name": chat.get("title", ""), "id": chat.get("chat_id"), "status": status,
            "permissions": rights or [],
            "subscribers": chat.get("participants_count"),
        }  # fmt: skip

    # -- channel comments (spec 0.0.33; dev.max.ru "Модерация комментариев") --------
    def fetch_comments(self, post_remote_id=None, cursor=None):
        """The newest comments of one post (up to 100), those after ``cursor`` (the
        newest timestamp already seen, ms). The cursor is applied here, not sent as
        ``after``: what MAX's ``after`` counts is UNVERIFIED (NOTES.md)."""
        if not post_remote_id:
            raise Unsupported("fetch_comments without a post", network=self.network)
        result = self.call(
            "GET", f"/messages/{post_remote_id}/comments", params={"count": 100},
            idempotent=True,
        )  # fmt: skip
        comments, newest = [], int(cursor) if cursor else 0
        for message in result.get("messages") or []:
            body = message.get("body") or {}
            sender = message.get("sender") or {}
            stamp = int(message.get("timestamp") or 0)
            if cursor and stamp <= int(cursor):
                continue  # seen on an earlier poll
            newest = max(newest, stamp)
            if sender.get("is_bot"):
                continue  # our own replies are not readers' comments
            comments.append(
                RemoteComment(
                    id=str(body.get("mid", "")),
                    post_id=str(
                        (message.get("recipient") or {}).get("post_id") or post_remote_id
                    ),
                    author_id=str(sender.get("user_id", "")),
                    author_name=sender.get("name") or " ".join(
                        p for p in (sender.get("first_name"), sender.get("last_name")) if p
                    ),
                    text=body.get("text") or "",
                    date=datetime.fromtimestamp(stamp / 1000, UTC) if stamp else None,
                    reply_to=str((message.get("link") or {}).get("mid") or ""),
                    raw=message,
                )
            )  # fmt: skip
        comments.reverse()  # oldest first, as the inbox stores them
        return comments, str(newest) if newest else cursor

    def delete_comment(self, post_remote_id, comment_id) -> None:
        try:
            self.call(
                "DELETE", f"/messages/{post_remote_id}/comments",
                params={"comment_id": comment_id}, idempotent=True,
            )  # fmt: skip
        except PermanentError as exc:
            if not _gone(exc):
                raise

    def reply(self, post_remote_id, comment_id, text: str) -> str:
        result = self.call(
            "POST", f"/messages/{post_remote_id}/comments",
            body={"text": text, "link": {"type": "reply", "mid": str(comment_id)}},
        )  # fmt: skip
        return str(((result.get("message") or {}).get("body") or {}).get("mid", ""))


def visible(text) -> str:
    """A message's text as MAX shows it, for comparing: no tags, no whitespace."""
    return "".join(html.unescape(TAG.sub("", str(text or ""))).split())


def _gone(exc: APIError) -> bool:
    """Deleting what no longer exists: MAX answers 404 (docs/networks.md §9.7)."""
    return getattr(exc, "status", None) == 404
