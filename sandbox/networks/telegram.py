"""The emulated Telegram Bot API: ``/sandbox/telegram/bot<token>/<method>``.

Wire format per docs/networks.md §3: ``{"ok": true, "result": …}`` or ``{"ok": false,
"error_code", "description"[, "parameters": {"retry_after"}]}`` with the HTTP status
equal to ``error_code``. A channel has a linked discussion group where comments live."""

from __future__ import annotations

import io
import json
import math
import re
import secrets
import time
from datetime import UTC, datetime

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from PIL import Image

from sandbox import avatars, callbacks, stats
from sandbox import telegram_html as tg_html
from sandbox.common import request_params, take_fault, windows
from sandbox.faults import announced_wait
from sandbox.models import (
    TELEGRAM,
    SandboxAccount,
    SandboxBan,
    SandboxComment,
    SandboxMedia,
    SandboxPost,
)
from sandbox.serve import arrival

TEXT_LIMIT, CAPTION_LIMIT = 4096, 1024
ALBUM_MAX = 10
POLL_QUESTION, POLL_OPTION, POLL_OPTIONS = 300, 100, (2, 12)
BOT_RATE = (30, 1.0)  # messages per second per bot (Bot FAQ)
CHAT_RATE = (20, 60.0)  # messages per minute per group/channel (Bot FAQ)
BOT_METHODS = {
    "getme",
    "getupdates",
    "setwebhook",
    "deletewebhook",
    "getwebhookinfo",
    "getuserprofilephotos",
    "getfile",
}
SENDING = {
    "sendmessage",
    "sendphoto",
    "sendmediagroup",
    "sendpoll",
    "sendvideo",
    "sendanimation",
}
# Messages that carry a caption (editMessageCaption works on them), not a text.
CAPTIONED = {"photo", "video", "animation"}


class TgFail(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None):
        super().__init__(description)
        self.code, self.description, self.retry_after = code, description, retry_after


def bad(description: str) -> TgFail:
    return TgFail(400, f"Bad Request: {description}")


def _error(fail: TgFail) -> JsonResponse:
    body = {"ok": False, "error_code": fail.code, "description": fail.description}
    if fail.retry_after is not None:
        body["parameters"] = {"retry_after": fail.retry_after}
    return JsonResponse(body, status=fail.code)


def channel_chat_id(account) -> int:
    ext = account.external_id
    return int(ext) if ext.lstrip("-").isdigit() else -1_000_000_000_000 - account.pk


def _chat(account, group: bool = False) -> dict:
    if group:
        return {
            "id": account.linked_chat_id,
            "type": "supergroup",
            "title": f"{account.name} — chat",
        }
    chat = {"id": channel_chat_id(account), "type": "channel", "title": account.name}
    if account.external_id.startswith("@"):
        chat["username"] = account.external_id[1:]
    return chat


def _bot(account) -> dict:
    return {
        "id": account.bot_id,
        "is_bot": True,
        "first_name": "Sandbox bot",
        "username": "vestnik_sandbox_bot",
    }


@csrf_exempt
def bot_view(request, token: str, method: str):
    arrived = arrival(request)
    if ":" not in token:
        return _error(TgFail(404, "Not Found"))
    accounts = list(SandboxAccount.objects.filter(network=TELEGRAM, token=token))
    if not accounts or accounts[0].token_revoked:
        return _error(TgFail(401, "Unauthorized"))
    try:
        params = request_params(request)
        latency, fault = take_fault(TELEGRAM, accounts[0], method)
        if latency:
            time.sleep(latency / 1000)
        if fault == "http500":
            return JsonResponse(
                {
                    "ok": False,
                    "error_code": 500,
                    "description": "Internal Server Error",
                },
                status=500,
            )
        if fault == "rate_limit":
            wait = announced_wait(5)
            raise TgFail(429, f"Too Many Requests: retry after {wait}", wait)
        if fault == "auth":
            raise TgFail(401, "Unauthorized")
        handler = HANDLERS.get(method.lower())
        if handler is None:
            raise TgFail(404, "Not Found")
        account, in_group = _resolve(accounts, params, method)
        _rate_limit(token, account, method, accounts[0], arrived)
        return JsonResponse(
            {"ok": True, "result": handler(request, account, in_group, params)}
        )
    except TgFail as fail:
        return _error(fail)


def _resolve(accounts, params, method):
    if method.lower() in BOT_METHODS:
        return accounts[0], False
    chat_id = str(params.get("chat_id", "")).strip()
    if not chat_id:
        raise bad("chat_id is empty")
    for account in accounts:
        if chat_id in {account.external_id, str(channel_chat_id(account))}:
            return account, False
        if account.linked_chat_id and chat_id == str(account.linked_chat_id):
            return account, True
    raise bad("chat not found")


def _rate_limit(token, account, method, first, arrived):
    if not first.enforce_rate_limits:
        return
    wait = windows.hit(f"tg:bot:{token}", *BOT_RATE, arrived)
    if not wait and method.lower() in SENDING:
        wait = windows.hit(f"tg:chat:{token}:{account.pk}", *CHAT_RATE, arrived)
    if wait:
        seconds = max(1, math.ceil(wait))
        raise TgFail(429, f"Too Many Requests: retry after {seconds}", seconds)


def _text(
    value, parse_mode, limit, empty_error=None, long_error="message is too long"
) -> str:
    value = str(value or "")
    visible = value
    if str(parse_mode or "").upper() == "HTML":
        try:
            visible = tg_html.parse(value)
        except tg_html.HtmlParseError as exc:
            raise bad(f"can't parse entities: {exc}") from None
    elif parse_mode and str(parse_mode) not in {"MarkdownV2", "Markdown"}:
        raise bad(f"unsupported parse_mode {parse_mode}")
    if empty_error and not visible.strip():
        raise bad(empty_error)
    if len(visible.encode("utf-16-le")) // 2 > limit:  # Telegram counts UTF-16 units
        raise bad(long_error)
    return value


def _message(post: SandboxPost) -> dict:
    account = post.account
    msg = {
        "message_id": post.remote_id,
        "date": int(post.created_at.timestamp()),
        "chat": _chat(account),
        "sender_chat": _chat(account),
    }
    if post.edited_at:
        msg["edit_date"] = int(post.edited_at.timestamp())
    key = "caption" if post.kind in CAPTIONED else "text"
    if post.kind == "poll":
        poll = post.attachments.get("poll", {})
        msg["poll"] = {
            "id": str(post.pk),
            "question": poll.get("question", ""),
            "options": [{"text": t, "voter_count": 0} for t in poll.get("answers", [])],
            "total_voter_count": 0,
            "is_closed": False,
            "is_anonymous": True,
            "type": "regular",
            "allows_multiple_answers": poll.get("multiple", False),
        }
    elif post.text:
        msg[key] = (
            tg_html.parse(post.text) if post.parse_mode.upper() == "HTML" else post.text
        )
    if post.kind in {"photo", "video"}:
        file_id = (post.attachments.get("photos") or [""])[0]
        msg["photo"] = [
            {
                "file_id": file_id,
                "file_unique_id": file_id[:8],
                "width": 1280,
                "height": 720,
            }
        ]
    if post.kind == "animation":
        msg.update(_animation(post))
    if post.media_group_id:
        msg["media_group_id"] = post.media_group_id
    return msg


def _animation(post: SandboxPost) -> dict:
    """The Message fields of an animation: ``animation`` and, «for backward
    compatibility», the same file as ``document`` (Bot API, Message)."""
    key = (post.attachments.get("photos") or [""])[0]
    media = SandboxMedia.objects.filter(key=key).first()
    name = (media.filename if media else "") or "animation.gif"
    mime = (media.content_type if media else "") or "image/gif"
    common = {
        "file_id": key,
        "file_unique_id": key[:8],
        "file_name": name,
        "mime_type": mime,
    }
    width = height = duration = 0
    if media and media.data:
        common["file_size"] = len(media.data)
        width, height, duration = _gif_shape(bytes(media.data))
    return {
        "animation": {**common, "width": width, "height": height, "duration": duration},
        "document": common,
    }


def _gif_shape(data: bytes) -> tuple[int, int, int]:
    """Width, height and whole seconds of a GIF, as Telegram reports them; zeros for
    a file Pillow cannot read (an MP4 animation: the sandbox does not decode video)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            frames = getattr(image, "n_frames", 1)
            total_ms = 0
            for index in range(frames):
                image.seek(index)
                total_ms += image.info.get("duration", 0) or 0
            return image.width, image.height, round(total_ms / 1000)
    except (OSError, ValueError):
        return 0, 0, 0


def _new_post(
    account, kind, text="", parse_mode="", attachments=None, group_id=""
) -> SandboxPost:
    post = SandboxPost.objects.create(
        account=account,
        remote_id=account.next_id(),
        kind=kind,
        text=text,
        parse_mode=str(parse_mode or ""),
        attachments=attachments or {},
        media_group_id=group_id,
    )
    if account.linked_chat_id:  # the automatic forward into the discussion group
        post.thread_id = account.next_id()
        post.save(update_fields=["thread_id"])
    return post


def _file(request, account, value, field) -> str:
    """A photo given as an upload (``attach://name`` or the field itself), a file_id
    of an earlier upload, or an HTTP URL; returns the stored media key."""
    value = value if isinstance(value, str) else ""
    if value.startswith("attach://"):
        upload = request.FILES.get(value[len("attach://") :])
        if upload is None:
            raise bad("can't parse InputMedia: media not found")
    else:
        upload = request.FILES.get(field) if not value else None
    if upload is not None:
        media = SandboxMedia.objects.create(
            account=account,
            key=secrets.token_hex(8),
            filename=upload.name[:200],
            content_type=upload.content_type or "",
            data=upload.read(),
        )
        return media.key
    if value.startswith(("http://", "https://")):
        media = SandboxMedia.objects.create(
            account=account, key=secrets.token_hex(8), meta={"url": value}
        )
        return media.key
    if value and SandboxMedia.objects.filter(account=account, key=value).exists():
        return value
    raise bad(f"there is no {field} in the request")


def send_message(request, account, in_group, params):
    text = _text(
        params.get("text"),
        params.get("parse_mode"),
        TEXT_LIMIT,
        "message text is empty",
    )
    if in_group:
        return _comment_reply(account, params, text)
    return _message(_new_post(account, "text", text, params.get("parse_mode")))


def send_photo(request, account, in_group, params, kind="photo"):
    caption = _text(
        params.get("caption"),
        params.get("parse_mode"),
        CAPTION_LIMIT,
        long_error="message caption is too long",
    )
    key = _file(request, account, params.get(kind), kind)
    return _message(
        _new_post(account, kind, caption, params.get("parse_mode"), {"photos": [key]})
    )


def send_video(request, account, in_group, params):
    return send_photo(request, account, in_group, params, kind="video")


def send_animation(request, account, in_group, params):
    """sendAnimation: a GIF or a silent MP4 with a caption (0-1024), like sendPhoto."""
    return send_photo(request, account, in_group, params, kind="animation")


def send_media_group(request, account, in_group, params):
    media = params.get("media")
    if media is None:
        raise bad('parameter "media" is required')
    if isinstance(media, str):
        try:
            media = json.loads(media)
        except ValueError:
            raise bad("can't parse media JSON object") from None
    if not media:
        raise bad("there are no messages to send")
    if len(media) > ALBUM_MAX:
        raise bad("too many messages to send as an album")
    items = []
    for item in media:
        if not isinstance(item, dict) or item.get("type") not in {"photo", "video"}:
            kind = item.get("type") if isinstance(item, dict) else ""
            raise bad(f'can\'t parse InputMedia: type "{kind}" is unsupported')
        caption = _text(
            item.get("caption"),
            item.get("parse_mode"),
            CAPTION_LIMIT,
            long_error="message caption is too long",
        )
        items.append((item, caption))
    keys = [_file(request, account, item.get("media"), "media") for item, _ in items]
    group_id = str(secrets.randbits(62)) if len(items) > 1 else ""
    return [
        _message(
            _new_post(
                account,
                item["type"],
                caption,
                item.get("parse_mode"),
                {"photos": [key]},
                group_id,
            )
        )
        for (item, caption), key in zip(items, keys, strict=True)
    ]


def _options(value) -> list[str]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise bad("can't parse options JSON object") from None
    if not isinstance(value, list):
        raise bad("can't parse options JSON object")
    return [str(o.get("text", "")) if isinstance(o, dict) else str(o) for o in value]


def send_poll(request, account, in_group, params):
    question = str(params.get("question", "")).strip()
    options = _options(params.get("options", "[]"))
    if not question:
        raise bad("poll question must be non-empty")
    if len(question) > POLL_QUESTION:
        raise bad(f"poll question length must not exceed {POLL_QUESTION}")
    if len(options) < POLL_OPTIONS[0]:
        raise bad("poll must have at least 2 option")
    if len(options) > POLL_OPTIONS[1]:
        raise bad(f"poll can't have more than {POLL_OPTIONS[1]} options")
    if any(not o.strip() or len(o) > POLL_OPTION for o in options):
        raise bad(f"poll options length must not exceed {POLL_OPTION}")
    anonymous = str(params.get("is_anonymous", "true")).lower() not in {"false", "0"}
    if not anonymous and not in_group:
        raise bad("non-anonymous polls can't be sent to channel chats")
    multiple = str(params.get("allows_multiple_answers", "false")).lower() in {
        "true",
        "1",
    }
    poll = {"question": question, "answers": options, "multiple": multiple}
    return _message(_new_post(account, "poll", attachments={"poll": poll}))


def _post(account, params, missing) -> SandboxPost:
    message_id = str(params.get("message_id", ""))
    post = account.posts.filter(
        remote_id=int(message_id) if message_id.isdigit() else 0, deleted=False
    ).first()
    if post is None:
        raise bad(missing)
    return post


NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)


def edit_message_text(request, account, in_group, params):
    post = _post(account, params, "message to edit not found")
    if post.kind != "text":
        raise bad("there is no text in the message to edit")
    text = _text(
        params.get("text"),
        params.get("parse_mode"),
        TEXT_LIMIT,
        "message text is empty",
    )
    return _edit(post, text, params)


def edit_message_caption(request, account, in_group, params):
    post = _post(account, params, "message to edit not found")
    if post.kind not in CAPTIONED:
        raise bad("there is no caption in the message to edit")
    caption = _text(
        params.get("caption"),
        params.get("parse_mode"),
        CAPTION_LIMIT,
        long_error="message caption is too long",
    )
    return _edit(post, caption, params)


def _edit(post, text, params):
    parse_mode = str(params.get("parse_mode") or "")
    if post.text == text and post.parse_mode == parse_mode:
        raise bad(NOT_MODIFIED)
    post.text, post.parse_mode, post.edited_at = text, parse_mode, datetime.now(UTC)
    post.save()
    return _message(post)


def delete_message(request, account, in_group, params):
    message_id = str(params.get("message_id", ""))
    number = int(message_id) if message_id.isdigit() else 0
    if in_group:
        found = SandboxComment.objects.filter(
            post__account=account, remote_id=number, deleted=False
        )
    else:
        found = account.posts.filter(remote_id=number, deleted=False)
    if not found.update(deleted=True):
        raise bad("message to delete not found")
    return True


def get_me(request, account, in_group, params):
    return _bot(account)


def get_chat(request, account, in_group, params):
    chat = _chat(account, in_group)
    linked = channel_chat_id(account) if in_group else account.linked_chat_id
    if linked:
        chat["linked_chat_id"] = linked
    chat.update({"accent_color_id": 0, "max_reaction_count": 11})
    return chat


def get_chat_member_count(request, account, in_group, params):
    """An Integer, as getChatMemberCount returns (Bot API); the channel's audience
    grows slowly in the sandbox (sandbox/stats.py)."""
    return stats.audience(account)


def _admin(account) -> dict:
    return {
        "status": "administrator", "user": _bot(account), "can_be_edited": False,
        "can_manage_chat": True, "can_post_messages": True, "can_edit_messages": True,
        "can_delete_messages": True, "can_restrict_members": True,
        "can_promote_members": False, "can_change_info": False, "can_invite_users": True,
        "is_anonymous": False,
    }  # fmt: skip


def get_chat_member(request, account, in_group, params):
    user_id = int(params.get("user_id") or 0)
    if user_id == account.bot_id:
        return _admin(account)
    user = {"id": user_id, "is_bot": False, "first_name": str(user_id)}
    ban = SandboxBan.objects.filter(account=account, user_id=user_id).first()
    if ban:
        until = int(ban.until.timestamp()) if ban.until else 0
        return {"status": "kicked", "user": user, "until_date": until}
    return {"status": "member", "user": user}


PHOTO_WIDTHS = (160, 320, 640)  # the PhotoSizes Telegram gives of a profile photo
AVATAR_FILE = re.compile(r"^avatar-(\d+)-(\d+)$")


def get_user_profile_photos(request, account, in_group, params):
    """A ``UserProfilePhotos``: a reader who commented has one photo (the avatar the
    sandbox draws) in three sizes; anyone else shows none, as a hidden photo does."""
    user_id = str(params.get("user_id", "")).strip()
    if not user_id.isdigit():
        raise bad("invalid user_id specified")
    if not SandboxComment.objects.filter(author_id=int(user_id)).exists():
        return {"total_count": 0, "photos": []}
    sizes = [
        {"file_id": f"avatar-{user_id}-{w}", "file_unique_id": f"av{user_id}w{w}",
         "width": w, "height": w, "file_size": 600 + w}
        for w in PHOTO_WIDTHS
    ]  # fmt: skip
    limit = int(params.get("limit") or 100)
    return {"total_count": 1, "photos": [sizes] if limit > 0 else []}


def get_file(request, account, in_group, params):
    """A ``File`` whose ``file_path`` the file route below serves."""
    match = AVATAR_FILE.match(str(params.get("file_id", "")).strip())
    if not match:
        raise bad("invalid file_id")
    user_id, width = match.groups()
    return {
        "file_id": match.group(0), "file_unique_id": f"av{user_id}w{width}",
        "file_size": 600 + int(width), "file_path": f"profile_photos/file_{user_id}.svg",
    }  # fmt: skip


def file_view(request, token: str, file_path: str):
    """``/file/bot<token>/<file_path>``: the bytes of a file ``getFile`` described."""
    account = SandboxAccount.objects.filter(network=TELEGRAM, token=token).first()
    match = re.fullmatch(r"profile_photos/file_(\d+)\.svg", file_path)
    if account is None or account.token_revoked or not match:
        return JsonResponse({"ok": False, "error_code": 404,
                             "description": "Not Found"}, status=404)  # fmt: skip
    return avatars.avatar(request, int(match.group(1)))


def get_chat_administrators(request, account, in_group, params):
    owner = {
        "status": "creator",
        "user": {"id": 1, "is_bot": False, "first_name": "Sandbox"},
        "is_anonymous": False,
    }
    return [owner, _admin(account)]


def ban_chat_member(request, account, in_group, params):
    user_id = int(params.get("user_id") or 0)
    if not user_id:
        raise bad("user_id is empty")
    until = int(params.get("until_date") or 0)
    forever = (
        until == 0 or until - time.time() < 30 or until - time.time() > 366 * 86400
    )
    SandboxBan.objects.update_or_create(
        account=account,
        user_id=user_id,
        defaults={"until": None if forever else datetime.fromtimestamp(until, UTC)},
    )
    if str(params.get("revoke_messages", "")).lower() in {"true", "1"}:
        SandboxComment.objects.filter(post__account=account, author_id=user_id).update(
            deleted=True
        )
    return True


def unban_chat_member(request, account, in_group, params):
    SandboxBan.objects.filter(
        account=account, user_id=int(params.get("user_id") or 0)
    ).delete()
    return True


def _comment_reply(account, params, text):
    reply = params.get("reply_parameters") or {}
    if isinstance(reply, str):
        reply = json.loads(reply or "{}")
    target = reply.get("message_id") or params.get("reply_to_message_id")
    comment = SandboxComment.objects.filter(
        post__account=account, remote_id=int(target or 0)
    ).first()
    post = (
        comment.post
        if comment
        else account.posts.filter(thread_id=int(target or 0)).first()
    )
    if post is None:
        raise bad("message to be replied not found")
    reply_comment = SandboxComment.objects.create(
        post=post,
        remote_id=account.next_id(),
        author_id=account.bot_id,
        author_name=account.name,
        text=text,
        reply_to=comment.remote_id if comment else None,
    )
    return group_message(reply_comment)


def group_message(comment: SandboxComment) -> dict:
    """A comment as the discussion group's message replying to the automatic forward
    of its channel post (what getUpdates and the webhook deliver)."""
    post, account = comment.post, comment.post.account
    forward = {
        "message_id": post.thread_id, "date": int(post.created_at.timestamp()),
        "chat": _chat(account, True), "sender_chat": _chat(account),
        "is_automatic_forward": True,
        "forward_origin": {"type": "channel", "chat": _chat(account), "message_id": post.remote_id,
                           "date": int(post.created_at.timestamp())},
    }  # fmt: skip
    first, _, last = comment.author_name.partition(" ")
    message = {
        "message_id": comment.remote_id, "date": int(comment.created_at.timestamp()),
        "chat": _chat(account, True), "message_thread_id": post.thread_id,
        "from": {"id": comment.author_id, "is_bot": comment.author_id == account.bot_id,
                 "first_name": first or "?", "last_name": last},
        "text": comment.text, "reply_to_message": forward,
    }  # fmt: skip
    return message


def comment_written(comment: SandboxComment) -> None:
    """A reader's comment reaches the bot's webhook as an ``Update`` with the group
    message (the update id is the comment's primary key, as in ``getUpdates``)."""
    callbacks.telegram_update(
        comment.post.account,
        {"update_id": comment.pk, "message": group_message(comment)},
    )


def get_updates(request, account, in_group, params):
    """Comments in the discussion groups of every channel of this bot; the update id
    is the comment's primary key, so ``offset`` works as in the real API."""
    if account.callback_url:
        raise TgFail(409, WEBHOOK_CONFLICT)
    offset = int(params.get("offset") or 0)
    limit = min(int(params.get("limit") or 100), 100)
    comments = (
        SandboxComment.objects.filter(
            post__account__token=account.token, pk__gte=offset
        )
        .exclude(author_id=account.bot_id)
        .select_related("post__account")
        .order_by("pk")[:limit]
    )
    return [{"update_id": c.pk, "message": group_message(c)} for c in comments]


WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")


def set_webhook(request, account, in_group, params):
    """Store the URL and ``secret_token`` for every channel of this bot; an empty
    URL removes the webhook. Unlike Telegram, plain http is accepted (the demo runs on
    http://127.0.0.1); updates are pushed by ``callbacks``."""
    url = str(params.get("url") or "").strip()
    secret = str(params.get("secret_token") or "")
    if url and not url.startswith(("http://", "https://")):
        raise bad("bad webhook: An HTTPS URL must be provided for webhook")
    if secret and not SECRET_TOKEN.fullmatch(secret):
        raise bad("secret token contains unallowed characters")
    SandboxAccount.objects.filter(network=TELEGRAM, token=account.token).update(
        callback_url=url, callback_secret=secret if url else ""
    )
    return True


def delete_webhook(request, account, in_group, params):
    SandboxAccount.objects.filter(network=TELEGRAM, token=account.token).update(
        callback_url="", callback_secret=""
    )
    return True


def get_webhook_info(request, account, in_group, params):
    return {
        "url": account.callback_url,
        "has_custom_certificate": False,
        "pending_update_count": 0,
    }


HANDLERS = {
    "getme": get_me,
    "getchat": get_chat,
    "getchatmember": get_chat_member,
    "getchatmembercount": get_chat_member_count,
    "getchatadministrators": get_chat_administrators,
    "sendmessage": send_message,
    "sendphoto": send_photo,
    "sendvideo": send_video,
    "sendanimation": send_animation,
    "sendmediagroup": send_media_group,
    "sendpoll": send_poll,
    "editmessagetext": edit_message_text,
    "editmessagecaption": edit_message_caption,
    "deletemessage": delete_message,
    "banchatmember": ban_chat_member,
    "unbanchatmember": unban_chat_member,
    "getupdates": get_updates,
    "setwebhook": set_webhook,
    "deletewebhook": delete_webhook,
    "getwebhookinfo": get_webhook_info,
    "getuserprofilephotos": get_user_profile_photos,
    "getfile": get_file,
}
