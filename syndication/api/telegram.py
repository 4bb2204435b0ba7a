"""Telegram Bot API client (docs/networks.md §3): POST to
``<TELEGRAM_API_URL>/bot<token>/<method>``, JSON or multipart; answers
``{"ok": true, "result"}`` or ``{"ok": false, "error_code", "description"}``."""

from __future__ import annotations

import json
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
    PermanentError,
    RateLimited,
    answer_of,
    retry_after_header,
    server_error,
)

SENDING = {
    "sendMessage",
    "sendPhoto",
    "sendVideo",
    "sendAnimation",
    "sendMediaGroup",
    "sendPoll",
}
GONE = ("message to delete not found", "message can't be deleted")
NOT_MODIFIED = "message is not modified"


def parse(response, *, payload=None, idempotent=False):
    context = {
        "network": "telegram",
        "payload": payload,
        "response": response.text[:2000],
    }
    try:
        body = response.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        # A proxy's 502 page, an empty body: the send may have happened before it.
        if response.status_code == 429:
            wait = retry_after_header(response, 1.0)
            raise RateLimited(
                answer_of(response), code=429, retry_after=wait, **context
            )
        raise server_error(answer_of(response), idempotent=idempotent, **context)
    if body.get("ok"):
        return body.get("result")
    code = int(body.get("error_code") or response.status_code)
    # The description, else the status and body: «[telegram] » says nothing.
    text = str(body.get("description", "")) or answer_of(response)
    context["response"] = body
    retry_after = (body.get("parameters") or {}).get("retry_after")
    if code == 429:
        raise RateLimited(
            text, code=code, retry_after=float(retry_after or 1), **context
        )
    if code in {401, 403, 404}:  # bad token; bot removed from the chat or lacks rights
        raise AuthError(text, code=code, **context)
    if code >= 500:
        raise server_error(text, idempotent=idempotent, code=code, **context)
    raise PermanentError(text, code=code, **context)


class TelegramClient(Client):
    network = "telegram"

    def __init__(self, account, credential=None, session=None):
        super().__init__(account, credential, session)
        self.token = self.credential.get("bot_token", "")
        self.chat_id = str(account.external_id)
        self._discussion = None

    def call(
        self, method: str, *, idempotent: bool = False, files=None, chat=None, **params
    ):
        self.limit(token_key("tg", self.token, "bot"), "TELEGRAM_RATE_BOT")
        if method in SENDING:
            self.limit(
                token_key("tg", self.token, "chat", chat or self.chat_id),
                "TELEGRAM_RATE_CHAT",
            )
        params = {k: v for k, v in params.items() if v is not None}
        url = f"{conf.api_url('telegram').rstrip('/')}/bot{self.token}/{method}"
        payload = {"method": method, **params}
        if files:  # multipart: nested values go as JSON strings
            form = {
                k: v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
                for k, v in params.items()
            }
            kwargs = {"data": form, "files": files}
        else:
            kwargs = {"json": params}
        response = http.send(
            self.session,
            "POST",
            url,
            network=self.network,
            payload=payload,
            idempotent=idempotent,
            **kwargs,
        )
        return parse(response, payload=payload, idempotent=idempotent)

    def message_url(self, message_id) -> str:
        web = conf.sandbox_web_url("telegram")
        if web:
            return f"{web}{self.chat_id}/#m{message_id}"
        if self.chat_id.startswith("@"):
            return f"https://t.me/{self.chat_id[1:]}/{message_id}"
        return f"https://t.me/c/{self.chat_id.removeprefix('-100')}/{message_id}"

    # -- publishing --------------------------------------------------------------
    def publish(self, post, *, idempotency_key: str = "") -> RemoteRef:
        # No de-duplication in the Bot API: an unknown outcome is for a person.
        ref = RemoteRef(extra={"chat_id": self.chat_id, "messages": []})
        try:
            for message in post.messages:
                ids = self._send(message)
                ref.ids += ids
                ref.extra["messages"].append({"method": message.method, "ids": ids})
        except APIError as exc:
            exc.partial_ref = ref
            raise
        ref.url = self.message_url(ref.ids[0]) if ref.ids else ""
        return ref

    def _send(self, message) -> list[str]:
        method, text, mode = message.method, message.text, message.parse_mode or None
        if method == "sendMessage":
            result = self.call(
                method,
                chat_id=self.chat_id,
                text=text,
                parse_mode=mode,
                **message.options,
            )
        elif method == "sendPoll":
            spec = dict(message.attachments[0].spec)
            close = spec.get("close_date")
            if close and not 5 <= close - time.time() <= 30 * 86400:
                spec.pop("close_date")  # Telegram takes 5 s - 30 days ahead only
            result = self.call(method, chat_id=self.chat_id, **spec)
        elif method == "sendMediaGroup":
            media, files = [], {}
            for index, item in enumerate(message.attachments):
                name = f"file{index}"
                file = self.fetch_media(item.url)
                files[name] = (file.filename, file.content, file.content_type)
                entry = {
                    "type": "video" if item.kind == "video" else "photo",
                    "media": f"attach://{name}",
                }
                if item.spec.get("caption"):
                    entry.update(
                        caption=item.spec["caption"],
                        parse_mode=item.spec.get("parse_mode", "HTML"),
                    )
                media.append(entry)
            result = self.call(method, chat_id=self.chat_id, media=media, files=files)
        else:  # sendPhoto, sendVideo, sendAnimation: one file and its caption
            item = message.attachments[0]
            field = method.removeprefix("send").lower()
            file = self.fetch_media(item.url)
            result = self.call(
                method, chat_id=self.chat_id, caption=text or None, parse_mode=mode if text else None,
                files={field: (file.filename, file.content, file.content_type)},
            )  # fmt: skip
        results = result if isinstance(result, list) else [result]
        return [str(r["message_id"]) for r in results]

    def edit(self, ref, post) -> RemoteRef:
        """Texts and captions are edited in place; media, polls and the number of
        messages cannot change (``Unsupported``: the delivery log says so)."""
        ref = ref_of(ref)
        sent = ref.extra.get("messages", [])
        if [m["method"] for m in sent] != [m.method for m in post.messages]:
            raise Unsupported("edit: the messages changed shape", network=self.network)
        for old, message in zip(sent, post.messages, strict=True):
            if message.method == "sendPoll":
                continue
            params = {
                "chat_id": self.chat_id,
                "message_id": old["ids"][0],
                "parse_mode": message.parse_mode or None,
            }
            try:
                if message.method == "sendMessage":
                    self.call(
                        "editMessageText",
                        text=message.text,
                        idempotent=True,
                        **params,
                        **message.options,
                    )
                else:
                    self.call(
                        "editMessageCaption",
                        caption=message.text,
                        idempotent=True,
                        **params,
                    )
            except PermanentError as exc:
                if NOT_MODIFIED not in str(exc):
                    raise
        return ref

    def delete(self, ref) -> None:
        for message_id in ref_of(ref).ids:
            try:
                self.call(
                    "deleteMessage",
                    chat_id=self.chat_id,
                    message_id=int(message_id),
                    idempotent=True,
                )
            except PermanentError as exc:
                if not any(text in str(exc) for text in GONE):
                    raise

    def check_token(self) -> dict:
        me = self.call("getMe", idempotent=True)
        chat = self.call("getChat", chat_id=self.chat_id, idempotent=True)
        member = self.call(
            "getChatMember", chat_id=self.chat_id, user_id=me["id"], idempotent=True
        )
        return {
            "ok": member.get("status") in {"administrator", "creator"} and member.get("can_post_messages", True),
            "bot": me.get("username", ""), "name": chat.get("title", ""), "id": chat.get("id"),
            "linked_chat_id": chat.get("linked_chat_id"), "status": member.get("status"),
        }  # fmt: skip

    # -- comments: the linked discussion group -------------------------------------
    def discussion_chat(self):
        if self._discussion is None:
            chat = self.call("getChat", chat_id=self.chat_id, idempotent=True)
            self._discussion = chat.get("linked_chat_id")
            if not self._discussion:
                raise PermanentError(
                    "the channel has no discussion group", network=self.network
                )
        return self._discussion

    def fetch_comments(self, post_remote_id=None, cursor=None):
        """Comments arrive as updates (the Bot API has no history): ``getUpdates``
        from ``cursor``; ``post_remote_id`` filters to one channel post."""
        group = self.discussion_chat()
        updates = self.call("getUpdates", offset=int(cursor) + 1 if cursor else None, timeout=0,
                            allowed_updates=["message"], idempotent=True)  # fmt: skip
        comments, newest = [], cursor
        for update in updates:
            newest = str(update["update_id"])
            msg = update.get("message") or {}
            origin = (msg.get("reply_to_message") or {}).get("forward_origin") or {}
            if msg.get("chat", {}).get("id") != group or "message_thread_id" not in msg:
                continue
            post_id = str(origin.get("message_id", ""))
            if post_remote_id and post_id != str(post_remote_id):
                continue
            author = msg.get("from") or {}
            comments.append(
                RemoteComment(
                    id=str(msg["message_id"]), post_id=post_id, author_id=str(author.get("id", "")),
                    author_name=f"{author.get('first_name', '')} {author.get('last_name', '')}".strip(),
                    text=msg.get("text", ""), date=datetime.fromtimestamp(msg.get("date", 0), UTC), raw=update,
                )
            )  # fmt: skip
        return comments, newest

    def delete_comment(self, post_remote_id, comment_id) -> None:
        try:
            self.call(
                "deleteMessage",
                chat_id=self.discussion_chat(),
                message_id=int(comment_id),
                idempotent=True,
            )
        except PermanentError as exc:
            if not any(text in str(exc) for text in GONE):
                raise

    def reply(self, post_remote_id, comment_id, text: str) -> str:
        result = self.call(
            "sendMessage", chat=self.discussion_chat(), chat_id=self.discussion_chat(), text=text,
            reply_parameters={"message_id": int(comment_id)},
        )  # fmt: skip
        return str(result["message_id"])

    def ban(self, user_id, reason: str = "", until=None) -> None:
        self.call(
            "banChatMember", chat_id=self.discussion_chat(), user_id=int(user_id),
            until_date=int(until.timestamp()) if until else None, idempotent=True,
        )  # fmt: skip

    def unban(self, user_id) -> None:
        self.call("unbanChatMember", chat_id=self.discussion_chat(), user_id=int(user_id),
                  only_if_banned=True, idempotent=True)  # fmt: skip
