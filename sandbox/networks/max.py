"""The emulated MAX Bot API under ``/sandbox/max/`` (docs/networks.md §9, checklist §9.8).

Wire format: REST resources, JSON bodies, targets in the query (``?chat_id=``,
``?message_id=``); success bodies are bare (``{"message": …}``, ``{"success": true}``),
errors are HTTP 4xx/5xx with ``{"code", "message"}``. The token is read from the
``Authorization`` header only: ``?access_token=`` answers 403 ``deprecated.token``, a
missing or unknown token 401 ``verify.token`` (both from live answers quoted in §9.2).

What the sandbox chooses where MAX's answer is UNVERIFIED (documented in NOTES.md):
``Bearer <token>`` is refused like an unknown token; text over 4000 UTF-16 units, a
``format`` other than markdown/html, an audio/file/sticker/contact mixed with other
attachments, an unknown upload token and ``notify=false`` to a channel are 400
``proto.payload``; posting without the ``write`` right or deleting comments without
``delete`` is 403 ``chat.denied``; a missing message is 404 ``not.found``. Unsupported
HTML tags are stripped silently, as MAX says it does.

Ids: chat ids are the account's (negative) ``external_id``; message and comment ids
are ``mid.`` + 32 hex digits that encode the account and its sequence number, so a
post and its comments are found without a lookup table. Video uploads are "not ready"
for the first ``SANDBOX_MAX_NOT_READY`` sends that use them (400
``attachment.not.ready``). Faults from the faults page apply per route, named
``"<VERB> /<resource>"`` (e.g. ``POST /messages``).
"""

from __future__ import annotations

import hashlib
import html as html_lib
import json
import math
import re
import secrets
import time
from datetime import UTC, datetime

import bleach
from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from sandbox import callbacks, stats
from sandbox.common import reader_comment_row, request_params, take_fault, windows
from sandbox.models import (
    MAX,
    SandboxAccount,
    SandboxComment,
    SandboxMedia,
    SandboxPost,
)
from sandbox.serve import arrival

TEXT_LIMIT = 4000
FORMATS = {"markdown", "html"}
HTML_TAGS = {"i", "em", "b", "strong", "del", "s", "ins", "u", "a", "pre", "code",
             "mark", "blockquote", "h1"}  # fmt: skip
ALONE = {"audio", "file", "sticker", "contact"}  # "MUST be the only attachment"
ALL_RIGHTS = ["read_all_messages", "add_remove_members", "add_admins", "change_chat_info",
              "pin_message", "edit_link", "write", "edit", "delete", "can_call",
              "view_stats"]  # fmt: skip
BOT_RATE = (30, 1.0)  # requests per second per bot (§9.7)
CHAT_RATE = (2, 1.0)  # sends, edits, deletes per second per chat (§9.7)
SECRET = re.compile(r"[A-Za-z0-9_-]{5,256}")
MID = re.compile(r"mid\.([0-9a-f]{8})([0-9a-f]{24})")
# What Vestnik subscribes to: readers' comments and messages to the bot.
WEBHOOK_UPDATES = ("message_created", "message_edited", "comment_created",
                   "comment_edited", "comment_removed")  # fmt: skip


class MaxFail(Exception):
    def __init__(self, status: int, code: str, message: str):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _error(fail: MaxFail) -> JsonResponse:
    return JsonResponse(
        {"code": fail.code, "message": fail.message}, status=fail.status
    )


def bad(message: str) -> MaxFail:
    return MaxFail(400, "proto.payload", message)


def ms(value: datetime | None = None) -> int:
    return int((value or datetime.now(UTC)).timestamp() * 1000)


# -- ids -----------------------------------------------------------------------------


def mid_of(account: SandboxAccount, number: int) -> str:
    return f"mid.{account.pk:08x}{number:024x}"


def parse_mid(mid: str) -> tuple[int, int] | None:
    match = MID.fullmatch(str(mid or ""))
    return (int(match.group(1), 16), int(match.group(2), 16)) if match else None


def bot_user_id(token: str) -> int:
    return int(hashlib.sha256(token.encode()).hexdigest()[:8], 16)


def rights(account: SandboxAccount) -> list[str]:
    return list(account.extra.get("permissions", ALL_RIGHTS))


# -- the JSON objects ------------------------------------------------------------------


def page_url(account: SandboxAccount, mid: str = "") -> str:
    """The post on the sandbox's channel page (a path: the sandbox has no host name
    of its own; MAX gives ``https://max.ru/c/…``)."""
    path = reverse("sandbox:max_channel", kwargs={"chat": account.external_id})
    return path + (f"#{mid}" if mid else "")


def visible_text(text: str, fmt: str) -> str:
    if fmt != "html":
        return text
    return html_lib.unescape(bleach.clean(text, tags=set(), strip=True))


def message_object(post: SandboxPost, *, with_stat: bool = False) -> dict:
    """A ``Message``. ``stat`` only when ``with_stat``: the schema says «Available
    only for channels in getMessages method context» (``GET /messages``), so the
    single-message read (``GET /messages/{mid}``) answers without it."""
    account = post.account
    # MAX returns the text without markup (formatting comes as ``markup`` ranges,
    # which the sandbox leaves empty).
    body = {"mid": mid_of(account, post.remote_id), "seq": post.remote_id,
            "text": visible_text(post.text, post.parse_mode), "markup": []}  # fmt: skip
    if post.attachments.get("items"):
        body["attachments"] = post.attachments["items"]
    message = {
        "sender": None,  # posted on behalf of the channel
        "recipient": {"chat_id": int(account.external_id), "chat_type": "channel"},
        "timestamp": ms(post.created_at),
        "body": body,
        "url": page_url(account, body["mid"]),
    }
    if with_stat:
        message["stat"] = {"views": stats.post_counters(post)["views"]}
    return message


def comment_object(comment: SandboxComment) -> dict:
    post, account = comment.post, comment.post.account
    first, _, last = comment.author_name.partition(" ")
    message = {
        "sender": {"user_id": comment.author_id, "first_name": first, "last_name": last or None,
                   "name": comment.author_name, "is_bot": False,
                   "last_activity_time": ms(comment.created_at)},
        "recipient": {"chat_id": int(account.external_id), "chat_type": "channel",
                      "post_id": mid_of(account, post.remote_id)},
        "timestamp": ms(comment.created_at),
        "body": {"mid": mid_of(account, comment.remote_id), "seq": comment.remote_id,
                 "text": comment.text, "markup": []},
    }  # fmt: skip
    if comment.reply_to:
        message["link"] = {"type": "reply", "mid": mid_of(account, comment.reply_to)}
    if comment.author_id == bot_user_id(account.token):
        message["sender"].update(
            is_bot=True, name="Sandbox bot", first_name="Sandbox bot"
        )
    return message


def comment_written(comment: SandboxComment) -> None:
    """A reader's comment reaches the bot's subscription as ``comment_created``."""
    callbacks.max_update(
        comment.post.account, "comment_created", {"message": comment_object(comment)}
    )


# -- the API view ------------------------------------------------------------------------


@csrf_exempt
def api_view(request, path: str):
    arrived = arrival(request)
    if "access_token" in request.GET:
        return _error(MaxFail(403, "deprecated.token",
                              "Query parameter access_token is deprecated, use Authorization header"))  # fmt: skip
    token = request.headers.get("Authorization", "")
    accounts = (
        list(SandboxAccount.objects.filter(network=MAX, token=token)) if token else []
    )
    if not accounts or accounts[0].token_revoked:
        return _error(MaxFail(401, "verify.token", "Invalid access_token"))
    parts = [p for p in path.split("/") if p]
    route = f"{request.method} /{parts[0]}"
    try:
        latency, fault = take_fault(MAX, accounts[0], route)
        if latency:
            time.sleep(latency / 1000)
        if fault == "http500":
            raise MaxFail(500, "internal.error", "Internal Server Error")
        if fault == "rate_limit":
            raise MaxFail(429, "too.many.requests", "Too many requests")
        if fault == "auth":
            raise MaxFail(401, "verify.token", "Invalid access_token")
        params = request_params(request)
        for pattern, verbs in ROUTES:
            match = pattern.fullmatch("/".join(parts))
            if match:
                handler = verbs.get(request.method)
                if handler is None:
                    raise MaxFail(405, "method.not.allowed", "Method not allowed")
                return JsonResponse(
                    handler(request, accounts, params, arrived, *match.groups())
                )
        raise MaxFail(404, "not.found", f"Path /{path} not found")
    except MaxFail as fail:
        return _error(fail)


def _limit(accounts, arrived, chat_account=None) -> None:
    first = accounts[0]
    if not first.enforce_rate_limits:
        return
    wait = windows.hit(f"max:bot:{first.token}", *BOT_RATE, arrived)
    if not wait and chat_account is not None:
        wait = windows.hit(f"max:chat:{chat_account.pk}", *CHAT_RATE, arrived)
    if wait:
        # No Retry-After: the one report of a real 429 shows none (UNVERIFIED).
        raise MaxFail(429, "too.many.requests",
                      f"Too many requests. Retry in {max(1, math.ceil(wait))} s")  # fmt: skip


def _chat(accounts, chat_id) -> SandboxAccount:
    for account in accounts:
        if str(chat_id) == account.external_id:
            return account
    raise MaxFail(403, "chat.denied", f"Invalid chatId: {chat_id or 0}")


def _post_of(accounts, mid) -> SandboxPost:
    parsed = parse_mid(mid)
    found = None
    if parsed:
        found = (
            SandboxPost.objects.filter(
                account__in=accounts,
                account__pk=parsed[0],
                remote_id=parsed[1],
                deleted=False,
            )
            .select_related("account")
            .first()
        )
    if found is None:
        raise MaxFail(404, "not.found", f"Message {mid} not found")
    return found


def _need(account, right: str) -> None:
    if right not in rights(account):
        raise MaxFail(403, "chat.denied", f"Bot has no permission: {right}")


# -- bot and chats ---------------------------------------------------------------------


def _bot(token: str) -> dict:
    return {"user_id": bot_user_id(token), "first_name": "Sandbox bot", "last_name": None,
            "name": "Sandbox bot", "username": "vestnik_sandbox_bot", "is_bot": True,
            "last_activity_time": ms()}  # fmt: skip


def get_me(request, accounts, params, arrived):
    _limit(accounts, arrived)
    return _bot(accounts[0].token)


def get_chat(request, accounts, params, arrived, chat_id):
    _limit(accounts, arrived)
    account = _chat(accounts, chat_id)
    return {"chat_id": int(account.external_id), "type": "channel", "status": "active",
            "title": account.name, "description": account.description or None,
            "participants_count": stats.audience(account),
            "is_public": True, "last_event_time": ms()}  # fmt: skip


def get_membership(request, accounts, params, arrived, chat_id):
    _limit(accounts, arrived)
    account = _chat(accounts, chat_id)
    return {**_bot(account.token), "is_owner": False,
            "is_admin": True, "permissions": rights(account),
            "join_time": ms(account.created_at)}  # fmt: skip


def get_members(request, accounts, params, arrived, chat_id):
    """``ChatMembersList`` for ``user_ids`` (comma-separated; ``count``/``marker``
    ignored then): the channel's readers who commented, as ``ChatMember``s, a
    ``UserWithPhoto`` with the avatar the sandbox draws. Without ``user_ids``, the
    first ``count`` of them."""
    _limit(accounts, arrived)
    account = _chat(accounts, chat_id)
    readers = SandboxComment.objects.filter(post__account=account).exclude(
        author_id=bot_user_id(account.token)
    )
    wanted = [i for i in str(params.get("user_ids") or "").split(",") if i.strip()]
    if wanted:
        if not all(i.strip().isdigit() for i in wanted):
            raise bad("user_ids must be numbers")
        readers = readers.filter(author_id__in=[int(i) for i in wanted])
    members, seen = [], set()
    for comment in readers.order_by("created_at"):
        if comment.author_id in seen:
            continue
        seen.add(comment.author_id)
        members.append(chat_member(request, comment))
    if not wanted:
        members = members[: _number(params, "count", 20)]
    return {"members": members, "marker": None}


def chat_member(request, comment: SandboxComment) -> dict:
    first, _, last = comment.author_name.partition(" ")
    avatar = request.build_absolute_uri(
        reverse("sandbox:avatar", args=[comment.author_id])
    )
    return {"user_id": comment.author_id, "first_name": first, "last_name": last or None,
            "name": comment.author_name, "username": None, "is_bot": False,
            "last_activity_time": ms(comment.created_at), "description": None,
            "avatar_url": avatar, "full_avatar_url": avatar,
            "last_access_time": ms(comment.created_at), "is_owner": False,
            "is_admin": False, "join_time": ms(comment.created_at)}  # fmt: skip


# -- uploads ----------------------------------------------------------------------------


def get_upload_url(request, accounts, params, arrived):
    _limit(accounts, arrived)
    kind = str(params.get("type", ""))
    if kind == "photo":
        raise bad("type=photo is no longer supported, use image")
    if kind not in {"image", "video", "audio", "file"}:
        raise bad(f"Unknown upload type: {kind}")
    key = secrets.token_hex(16)
    SandboxMedia.objects.create(
        account=accounts[0], key=key, kind=kind, meta={"type": kind, "uploaded": False}
    )
    url = request.build_absolute_uri(reverse("sandbox:max_upload", kwargs={"key": key}))
    answer = {"url": url}
    if kind in {"video", "audio"}:  # their token comes up front (§9.3)
        answer["token"] = key
    return answer


@csrf_exempt
def upload_view(request, key: str):
    """The upload host: one file per URL, multipart field ``data``."""
    media = SandboxMedia.objects.filter(key=key).first()
    if media is None or request.method != "POST":
        return _error(MaxFail(404, "not.found", "Upload URL not found"))
    upload = request.FILES.get("data")
    if upload is None:
        return _error(bad("No file in field data"))
    media.filename = upload.name[:200]
    media.content_type = upload.content_type or ""
    media.data = upload.read()
    media.meta = {**media.meta, "uploaded": True,
                  "not_ready": int(getattr(settings, "SANDBOX_MAX_NOT_READY", 1))
                  if media.kind in {"video", "audio", "file"} else 0}  # fmt: skip
    media.save()
    if media.kind == "image":
        return JsonResponse({"photos": {secrets.token_hex(4): {"token": key}}})
    if media.kind == "file":
        return JsonResponse({"token": key})
    return JsonResponse({"id": secrets.randbelow(10**9)})  # video/audio: token known


# -- messages --------------------------------------------------------------------------


def _clean_text(body: dict) -> str:
    text = body.get("text")
    text = "" if text is None else str(text)
    fmt = body.get("format")
    if fmt is not None and fmt not in FORMATS:
        raise bad(f"Invalid format: {fmt}")
    if len(text.encode("utf-16-le")) // 2 > TEXT_LIMIT:
        raise bad(f"text: size must be between 0 and {TEXT_LIMIT}")
    if fmt == "html":  # "All others will be stripped"
        text = bleach.clean(text, tags=HTML_TAGS, attributes={"a": ["href"]},
                            protocols=["http", "https", "mailto", "max"], strip=True)  # fmt: skip
    return text


def _attachments(account, items) -> list[dict]:
    """Resolve upload tokens; returns the attachments as messages carry them."""
    if items is None:
        return []
    if not isinstance(items, list):
        raise bad("attachments must be a list")
    kinds = [str((item or {}).get("type", "")) for item in items]
    if len(items) > 1 and ALONE & set(kinds):
        raise bad("Audio, file, sticker and contact must be the only attachment")
    result = []
    for item, kind in zip(items, kinds, strict=True):
        payload = (item or {}).get("payload") or {}
        if kind == "inline_keyboard" or kind == "share":
            result.append({"type": kind, "payload": payload})
            continue
        token = payload.get("token")
        if not token and isinstance(payload.get("photos"), dict):
            token = next(iter(payload["photos"].values()), {}).get("token")
        media = SandboxMedia.objects.filter(key=str(token or "")).first()
        if media is None or not media.meta.get("uploaded"):
            raise bad(f"Invalid attachment token for {kind}")
        if media.meta.get("not_ready", 0) > 0:
            SandboxMedia.objects.filter(pk=media.pk).update(
                meta={**media.meta, "not_ready": media.meta["not_ready"] - 1}
            )
            raise MaxFail(400, "attachment.not.ready",
                          "Key: errors.process.attachment.file.not.processed")  # fmt: skip
        url = reverse("sandbox:media", kwargs={"key": media.key})
        result.append({"type": kind, "payload": {"token": media.key, "url": url,
                                                 "photo_id": media.pk}})  # fmt: skip
    return result


def send_message(request, accounts, params, arrived):
    account = _chat(accounts, params.get("chat_id"))
    _limit(accounts, arrived, account)
    _need(account, "write")
    body = _json_body(request)
    if body.get("notify") is False:
        raise bad("notify=false is not allowed for channels")
    text = _clean_text(body)
    items = _attachments(account, body.get("attachments"))
    if not text.strip() and not items:
        raise bad("Message text or attachments are required")
    post = SandboxPost.objects.create(
        account=account, remote_id=account.next_id(), kind="photo" if items else "text",
        text=text, parse_mode=str(body.get("format") or ""),
        attachments={"items": items}, meta={"views": 0, "format": body.get("format"),
                                            "preview": not _flag(params.get("disable_link_preview"))},
    )  # fmt: skip
    callbacks.max_update(account, "message_created", {"message": message_object(post)})
    return {"message": message_object(post)}


def edit_message(request, accounts, params, arrived):
    post = _post_of(accounts, params.get("message_id"))
    _limit(accounts, arrived, post.account)
    _need(post.account, "edit")
    body = _json_body(request)
    post.text = _clean_text(body)
    post.parse_mode = str(body.get("format") or "")
    if "attachments" in body and body["attachments"] is not None:  # null keeps them
        post.attachments = {"items": _attachments(post.account, body["attachments"])}
    post.edited_at = datetime.now(UTC)
    post.save()
    callbacks.max_update(
        post.account, "message_edited", {"message": message_object(post)}
    )
    return {"success": True}


def delete_message(request, accounts, params, arrived):
    post = _post_of(accounts, params.get("message_id"))
    _limit(accounts, arrived, post.account)
    _need(post.account, "delete")
    post.deleted = True
    post.save(update_fields=["deleted"])
    callbacks.max_update(post.account, "message_removed", {
        "message_id": mid_of(post.account, post.remote_id),
        "chat_id": int(post.account.external_id), "user_id": bot_user_id(post.account.token),
    })  # fmt: skip
    return {"success": True}


def list_messages(request, accounts, params, arrived):
    _limit(accounts, arrived)
    if params.get("message_ids"):
        # A filter: an id that is gone (deleted) or not the bot's is left out of the
        # list rather than failing the others (UNVERIFIED at MAX, the natural reading
        # of «Comma-separated list of message ids to get»).
        posts = []
        for mid in str(params["message_ids"]).split(","):
            try:
                posts.append(_post_of(accounts, mid.strip()))
            except MaxFail:
                continue
        if params.get("chat_id"):
            chat = str(params["chat_id"])
            posts = [p for p in posts if p.account.external_id == chat]
    else:
        account = _chat(accounts, params.get("chat_id"))
        count = min(max(_number(params, "count", 50), 1), 100)
        posts = list(account.posts.filter(deleted=False).order_by("-remote_id")[:count])
    return {"messages": [message_object(p, with_stat=True) for p in posts]}


def get_message(request, accounts, params, arrived, mid):
    _limit(accounts, arrived)
    return message_object(_post_of(accounts, mid))


# -- channel comments ------------------------------------------------------------------


def _comment_of(post, comment_id) -> SandboxComment:
    parsed = parse_mid(comment_id)
    comment = None
    if parsed and parsed[0] == post.account.pk:
        comment = post.comments.filter(remote_id=parsed[1], deleted=False).first()
    if comment is None:
        raise MaxFail(404, "not.found", f"Comment {comment_id} not found")
    return comment


def list_comments(request, accounts, params, arrived, mid):
    _limit(accounts, arrived)
    post = _post_of(accounts, mid)
    _need(post.account, "read_all_messages")
    comments = post.comments.filter(deleted=False).order_by("-remote_id")
    if params.get("comment_ids"):
        wanted = [parse_mid(c) for c in str(params["comment_ids"]).split(",")]
        comments = comments.filter(remote_id__in=[w[1] for w in wanted if w])
    else:
        if params.get("after"):
            after = datetime.fromtimestamp(_number(params, "after", 0) / 1000, UTC)
            comments = comments.filter(created_at__gt=after)
        if params.get("before"):
            before = datetime.fromtimestamp(_number(params, "before", 0) / 1000, UTC)
            comments = comments.filter(created_at__lt=before)
        comments = comments[: min(max(_number(params, "count", 50), 1), 100)]
    return {"messages": [comment_object(c) for c in comments]}


def get_comment(request, accounts, params, arrived, mid, comment_id):
    _limit(accounts, arrived)
    return comment_object(_comment_of(_post_of(accounts, mid), comment_id))


def add_bot_comment(request, accounts, params, arrived, mid):
    post = _post_of(accounts, mid)
    _limit(accounts, arrived, post.account)
    _need(post.account, "write")
    body = _json_body(request)
    if body.get("attachments"):
        raise bad("Comments cannot have attachments")
    text = _clean_text(body)
    if not text.strip():
        raise bad("Comment text is required")
    link = body.get("link") or {}
    parent = _comment_of(post, link["mid"]) if link.get("mid") else None
    comment = SandboxComment.objects.create(
        post=post, remote_id=post.account.next_id(),
        author_id=bot_user_id(post.account.token), author_name="Sandbox bot", text=text,
        reply_to=parent.remote_id if parent else None,
    )  # fmt: skip
    return {"message": comment_object(comment)}


def edit_comment(request, accounts, params, arrived, mid):
    post = _post_of(accounts, mid)
    _limit(accounts, arrived, post.account)
    comment = _comment_of(post, params.get("comment_id"))
    if comment.author_id != bot_user_id(post.account.token):
        raise MaxFail(403, "chat.denied", "Cannot edit other users' comments")
    comment.text = _clean_text(_json_body(request))
    comment.save(update_fields=["text"])
    return {"success": True}


def delete_comment(request, accounts, params, arrived, mid):
    post = _post_of(accounts, mid)
    _limit(accounts, arrived, post.account)
    _need(post.account, "delete")
    comment = _comment_of(post, params.get("comment_id"))
    comment.deleted = True
    comment.save(update_fields=["deleted"])
    callbacks.max_update(post.account, "comment_removed", {
        "message_id": mid_of(post.account, comment.remote_id),
        "chat_id": int(post.account.external_id), "user_id": comment.author_id,
        "post_id": mid_of(post.account, post.remote_id),
    })  # fmt: skip
    return {"success": True}


# -- webhook subscriptions ---------------------------------------------------------------


def get_subscriptions(request, accounts, params, arrived):
    _limit(accounts, arrived)
    first = accounts[0]
    if not first.callback_url:
        return {"subscriptions": []}
    return {"subscriptions": [{"url": first.callback_url, "time": ms(first.created_at),
                               "update_types": first.extra.get("update_types") or None}]}  # fmt: skip


def subscribe(request, accounts, params, arrived):
    """Store the URL, secret and update types for every channel of this bot. Unlike
    MAX (HTTPS on 443 only since 25 May 2026), plain http is accepted: the demo runs
    on http://127.0.0.1."""
    _limit(accounts, arrived)
    body = _json_body(request)
    url = str(body.get("url") or "")
    secret = str(body.get("secret") or "")
    types = body.get("update_types") or []
    if not url.startswith(("http://", "https://")):
        raise bad("url must be an HTTPS URL")
    if secret and not SECRET.fullmatch(secret):
        raise bad("secret must be 5-256 characters [A-Za-z0-9_-]")
    if not isinstance(types, list):
        raise bad("update_types must be a list")
    for account in accounts:
        account.callback_url, account.callback_secret = url, secret
        account.extra = {**account.extra, "update_types": [str(t) for t in types]}
        account.save(update_fields=["callback_url", "callback_secret", "extra"])
    return {"success": True}


def unsubscribe(request, accounts, params, arrived):
    _limit(accounts, arrived)
    url = str(params.get("url") or "")
    for account in accounts:
        if account.callback_url == url:
            account.callback_url, account.callback_secret = "", ""
            account.save(update_fields=["callback_url", "callback_secret"])
    return {"success": True}


def get_updates(request, accounts, params, arrived):
    """Long polling is not emulated: with a webhook MAX refuses it (405, §9.6), and
    without one the sandbox has no update queue; both answer 405."""
    raise MaxFail(405, "method.not.allowed", "Long polling is not available")


# -- helpers ----------------------------------------------------------------------------


def _json_body(request) -> dict:
    try:
        body = json.loads(request.body or b"{}")
    except ValueError:
        raise bad("Malformed JSON body") from None
    if not isinstance(body, dict):
        raise bad("Body must be a JSON object")
    return body


def _number(params, name: str, default: int) -> int:
    try:
        return int(params.get(name) or default)
    except (TypeError, ValueError):
        raise bad(f"{name} must be a number") from None


def _flag(value) -> bool:
    return str(value).lower() in {"true", "1"}


ROUTES = [
    (re.compile(r"me"), {"GET": get_me}),
    (re.compile(r"chats/(-?\d+)"), {"GET": get_chat}),
    (re.compile(r"chats/(-?\d+)/members/me"), {"GET": get_membership}),
    (re.compile(r"chats/(-?\d+)/members"), {"GET": get_members}),
    (re.compile(r"uploads"), {"POST": get_upload_url}),
    (
        re.compile(r"messages"),
        {
            "GET": list_messages,
            "POST": send_message,
            "PUT": edit_message,
            "DELETE": delete_message,
        },
    ),  # fmt: skip
    (re.compile(r"messages/([^/]+)"), {"GET": get_message}),
    (
        re.compile(r"messages/([^/]+)/comments"),
        {
            "GET": list_comments,
            "POST": add_bot_comment,
            "PUT": edit_comment,
            "DELETE": delete_comment,
        },
    ),  # fmt: skip
    (re.compile(r"messages/([^/]+)/comments/([^/]+)"), {"GET": get_comment}),
    (
        re.compile(r"subscriptions"),
        {"GET": get_subscriptions, "POST": subscribe, "DELETE": unsubscribe},
    ),  # fmt: skip
    (re.compile(r"updates"), {"GET": get_updates}),
]


# -- the channel as readers see it ---------------------------------------------------------


def reader_html(text: str) -> str:
    """A post's HTML made safe for a browser (the sandbox shows what clients sent)."""
    return bleach.clean(text, tags=HTML_TAGS, attributes={"a": ["href"]},
                        protocols=["http", "https", "mailto"], strip=True)  # fmt: skip


def channel_page(request, chat: str):
    account = get_object_or_404(SandboxAccount, network=MAX, external_id=chat)
    posts = list(
        account.posts.filter(deleted=False)
        .prefetch_related("comments")
        .order_by("remote_id")
    )
    keys_of = {
        post.pk: [item["payload"]["token"] for item in post.attachments.get("items", [])
                  if item.get("type") in {"image", "video"}]
        for post in posts
    }  # fmt: skip
    everything = [key for keys in keys_of.values() for key in keys]
    found = {m.key: m for m in SandboxMedia.objects.filter(key__in=everything)}
    entries = []
    for post in posts:
        keys = keys_of[post.pk]
        entries.append({
            "post": post, "mid": mid_of(account, post.remote_id),
            "html": reader_html(post.text) if post.parse_mode == "html" else "",
            "text": post.text, "media": [found[k] for k in keys if k in found],
            "comments": [c for c in post.comments.all() if not c.deleted],
        })  # fmt: skip
    return render(
        request, "sandbox/max_channel.html", {"account": account, "entries": entries}
    )


@require_POST
def reader_comment(request, chat: str, mid: str):
    """A reader comments under a post (the page's form); MAX then pushes
    ``comment_created`` to the bot's webhook."""
    account = get_object_or_404(SandboxAccount, network=MAX, external_id=chat)
    parsed = parse_mid(mid)
    post = get_object_or_404(
        SandboxPost,
        account=account,
        remote_id=parsed[1] if parsed else 0,
        deleted=False,
    )
    text = (request.POST.get("text") or "").strip()
    name = (request.POST.get("author_name") or "").strip()[:200]
    author = request.POST.get("author_id") or ""
    if text and name and author.isdigit():
        comment_written(reader_comment_row(post, int(author), name, text))
    return redirect(f"{reverse('sandbox:max_channel', kwargs={'chat': chat})}#{mid}")
