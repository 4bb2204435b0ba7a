"""VK API client (docs/networks.md §1): form-encoded POSTs to ``<VK_API_URL><method>``
with ``access_token`` and ``v``; answers ``{"response"}`` or ``{"error"}``."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from syndication import conf
from syndication.ratelimit import token_key

from . import http
from .base import Client, Media, RemoteComment, RemoteRef, ref_of
from .errors import (
    APIError,
    AuthError,
    OutcomeUnknown,
    PermanentError,
    RateLimited,
    TransientError,
    answer_of,
    retry_after_header,
    server_error,
)

AUTH_CODES = {5, 7, 17, 27, 28, 1051, 1117}
RATE_CODES = {6: 1.0, 9: 60.0, 14: 60.0, 29: 3600.0}  # code -> seconds to wait
TRANSIENT_CODES = {1: 5.0, 10: 5.0}
GONE_CODES = {104}
BANNED_PAGE = 200  # groups.getBanned ``count`` maximum
# groups.ban ``reason`` (docs/networks.md §1.5): 0 other, 1 spam, 2 verbal abuse,
# 3 obscene language; keys are moderation's categories (moderation.models.Reason).
BAN_REASONS = {"spam": 1, "insult": 2, "obscene": 3, "law": 0, "other": 0}


def _is_code_or_category(reason) -> bool:
    if isinstance(reason, int) and not isinstance(reason, bool):
        return reason in BAN_REASONS.values()
    text = str(reason or "").strip().lower()
    return not text or text in BAN_REASONS or text in {"0", "1", "2", "3"}


def ban_reason_code(reason) -> int:
    """VK's code for an int code (as moderation.actions passes it), a category name,
    or anything else (0, other)."""
    if not _is_code_or_category(reason):
        return 0
    text = str(reason or "").strip().lower()
    return int(text) if text.isdigit() else BAN_REASONS.get(text, 0)


def parse(response, *, network="vk", payload=None, idempotent=False):
    """The ``response`` value, or the matching error."""
    context = {"network": network, "payload": payload, "response": response.text[:2000]}
    status = response.status_code
    if status == 429:
        wait = retry_after_header(response, 1.0)
        raise RateLimited(answer_of(response), retry_after=wait, **context)
    if status >= 500:
        raise server_error(answer_of(response), idempotent=idempotent, **context)
    if status != 200:
        raise PermanentError(answer_of(response), **context)
    try:
        body = response.json()
    except ValueError:
        cls = TransientError if idempotent else OutcomeUnknown
        raise cls("unreadable answer", **context) from None
    if "error" not in body:
        return body.get("response")
    error = body["error"]
    code, msg = int(error.get("error_code", 0)), str(error.get("error_msg", ""))
    context["response"] = body
    if code in AUTH_CODES:
        raise AuthError(msg, code=code, **context)
    if code in RATE_CODES:
        raise RateLimited(msg, code=code, retry_after=RATE_CODES[code], **context)
    if code in TRANSIENT_CODES:  # unknown or internal error: it may have acted
        exc = server_error(msg, idempotent=idempotent, code=code, **context)
        exc.retry_after = TRANSIENT_CODES[code]
        raise exc
    raise PermanentError(msg, code=code, **context)


class VKClient(Client):
    network = "vk"

    def __init__(self, account, credential=None, session=None):
        super().__init__(account, credential, session)
        self.token = self.credential.get("access_token", "")
        self.token_type = self.credential.get("token_type", "community")
        self.group_id = int(str(account.external_id).lstrip("-"))
        self.owner_id = -self.group_id

    def call(
        self, method: str, *, idempotent: bool = False, dedup_key: str = "", **params
    ):
        community = self.token_type == "community"  # noqa: S105 - a kind, not a secret
        rate = "VK_RATE_COMMUNITY" if community else "VK_RATE_USER"
        self.limit(token_key("vk", self.token), rate)
        data = {k: v for k, v in params.items() if v is not None}
        data["v"] = conf.get("VK_API_VERSION")
        payload = {"method": method, **data}
        url = conf.api_url("vk") + method
        try:
            response = http.send(
                self.session, "POST", url, network=self.network, payload=payload,
                idempotent=idempotent, data={**data, "access_token": self.token},
            )  # fmt: skip
            return parse(response, payload=payload, idempotent=idempotent)
        except OutcomeUnknown as exc:
            # VK drops a second wall.post with the same guid: resending is safe.
            exc.dedup_key = dedup_key
            raise

    # -- publishing --------------------------------------------------------------
    def post_url(self, post_id) -> str:
        web = conf.sandbox_web_url("vk")
        if web:
            return f"{web}club{self.group_id}/#post{post_id}"
        return f"https://vk.com/wall{self.owner_id}_{post_id}"

    def publish(self, post, *, idempotency_key: str = "") -> RemoteRef:
        ref = RemoteRef(extra={"owner_id": self.owner_id})
        try:
            for index, message in enumerate(post.messages):
                ref.ids.append(self._post(message, self._guid(idempotency_key, index)))
        except APIError as exc:
            exc.partial_ref = ref
            raise
        ref.url = self.post_url(ref.ids[0]) if ref.ids else ""
        return ref

    @staticmethod
    def _guid(key: str, index: int) -> str | None:
        return f"{key}-{index}"[:200] if key else None

    def _post(self, message, guid) -> str:
        attachments, skipped = self._attachments(message)
        result = self.call(
            "wall.post", owner_id=self.owner_id, from_group=1, message=message.text,
            attachments=",".join(attachments) or None, guid=guid, dedup_key=guid or "",
        )  # fmt: skip
        return str(result["post_id"])

    def _attachments(self, message) -> tuple[list[str], list[str]]:
        items, links, skipped = [], [], []
        for attachment in message.attachments:
            if attachment.kind == "photo":
                items.append(
                    self.upload_photo(
                        attachment.url, attachment.spec.get("caption", "")
                    )
                )
            elif attachment.kind == "poll":
                items.append(self.create_poll(attachment.spec))
            elif attachment.url and not links:
                links.append(attachment.url)  # video or animation: a link snippet
            else:
                skipped.append(attachment.url)
        return items + links, skipped

    def upload_photo(self, url: str, caption: str = "") -> str:
        media = self.fetch_media(url)
        server = self.call(
            "photos.getWallUploadServer", group_id=self.group_id, idempotent=True
        )
        uploaded = self._upload(server["upload_url"], media)
        saved = self.call(
            "photos.saveWallPhoto", group_id=self.group_id, photo=uploaded["photo"],
            server=uploaded["server"], hash=uploaded["hash"], caption=caption or None,
            idempotent=True,
        )  # fmt: skip
        return f"photo{saved[0]['owner_id']}_{saved[0]['id']}"

    def _upload(self, upload_url: str, media: Media) -> dict:
        """POST a file to an upload server; its bare JSON (not the API envelope)."""
        response = http.send(
            self.session, "POST", upload_url, network=self.network, idempotent=True,
            files={"photo": (media.filename, media.content, media.content_type)},
        )  # fmt: skip
        try:
            uploaded = response.json()
        except ValueError:
            raise TransientError(
                f"upload server answered {response.status_code}", network=self.network
            ) from None
        if response.status_code >= 500:
            raise TransientError(
                f"upload server answered {response.status_code}", network=self.network
            )
        if not uploaded.get("photo") or uploaded.get("photo") == "[]":
            raise PermanentError(
                "the upload server rejected the photo",
                network=self.network,
                response=uploaded,
            )
        return uploaded

    # -- the community's design (registry «Применить», order clause 2.4) ----------
    def update_avatar(self, media: Media) -> None:
        """photos.getOwnerPhotoUploadServer → upload → photos.saveOwnerPhoto."""
        server = self.call(
            "photos.getOwnerPhotoUploadServer", owner_id=self.owner_id, idempotent=True
        )
        uploaded = self._upload(server["upload_url"], media)
        self.call(
            "photos.saveOwnerPhoto", server=uploaded.get("server"),
            hash=uploaded["hash"], photo=uploaded["photo"], idempotent=True,
        )  # fmt: skip

    def update_cover(self, media: Media) -> None:
        """photos.getOwnerCoverPhotoUploadServer → upload → photos.saveOwnerCoverPhoto.
        The crop is VK's recommended cover size, 1590×530."""
        server = self.call(
            "photos.getOwnerCoverPhotoUploadServer", group_id=self.group_id,
            crop_x=0, crop_y=0, crop_x2=1590, crop_y2=530, idempotent=True,
        )  # fmt: skip
        uploaded = self._upload(server["upload_url"], media)
        self.call(
            "photos.saveOwnerCoverPhoto", hash=uploaded["hash"],
            photo=uploaded["photo"], idempotent=True,
        )  # fmt: skip

    def create_poll(self, spec: dict) -> str:
        params = dict(spec)
        params["add_answers"] = json.dumps(
            list(params.get("add_answers", [])), ensure_ascii=False
        )
        poll = self.call(
            "polls.create", owner_id=self.owner_id, idempotent=True, **params
        )
        return f"poll{poll['owner_id']}_{poll['id']}"

    def edit(self, ref, post) -> RemoteRef:
        """``wall.edit`` each post; extra messages are posted, surplus posts deleted."""
        ref = ref_of(ref)
        new = RemoteRef(url=ref.url, extra=dict(ref.extra))
        for index, message in enumerate(post.messages):
            if index < len(ref.ids):
                attachments, _ = self._attachments(message)
                self.call(
                    "wall.edit", owner_id=self.owner_id, post_id=ref.ids[index],
                    message=message.text, attachments=",".join(attachments) or None,
                    idempotent=True,
                )  # fmt: skip
                new.ids.append(ref.ids[index])
            else:
                new.ids.append(self._post(message, None))
        self.delete(RemoteRef(ids=ref.ids[len(post.messages) :]))
        return new

    def delete(self, ref) -> None:
        for post_id in ref_of(ref).ids:
            try:
                self.call(
                    "wall.delete",
                    owner_id=self.owner_id,
                    post_id=post_id,
                    idempotent=True,
                )
            except PermanentError as exc:
                if exc.code not in GONE_CODES:
                    raise

    def check_token(self) -> dict:
        result = self.call("groups.getById", group_id=self.group_id, idempotent=True)
        groups = result.get("groups", result) if isinstance(result, dict) else result
        group = groups[0] if groups else {}
        return {
            "ok": True,
            "id": group.get("id"),
            "name": group.get("name", ""),
            "token_type": self.token_type,
        }

    def update_description(self, text: str) -> None:
        """Set the community's description (groups.edit; an admin's user token)."""
        self.call(
            "groups.edit", group_id=self.group_id, description=text, idempotent=True
        )

    # -- comments and moderation ---------------------------------------------------
    def fetch_comments(self, post_remote_id, cursor=None):
        after = int(cursor or 0)
        comments, offset = [], 0
        while True:
            page = self.call(
                "wall.getComments", owner_id=self.owner_id, post_id=post_remote_id,
                count=100, offset=offset, sort="asc", extended=1, preview_length=0,
                idempotent=True,
            )  # fmt: skip
            names = {
                p["id"]: f"{p.get('first_name', '')} {p.get('last_name', '')}".strip()
                for p in page.get("profiles", [])
            }
            items = page.get("items", [])
            for item in items:
                if item["id"] <= after or item.get("from_id") == self.owner_id:
                    continue
                comments.append(
                    RemoteComment(
                        id=str(item["id"]), post_id=str(post_remote_id), author_id=str(item.get("from_id", "")),
                        author_name=names.get(item.get("from_id"), ""), text=item.get("text", ""),
                        date=_date(item.get("date")), reply_to=str(item.get("reply_to_comment", "") or ""), raw=item,
                    )
                )  # fmt: skip
            offset += len(items)
            if not items or offset >= page.get("count", 0):
                break
        newest = max([after] + [int(c.id) for c in comments])
        return comments, str(newest) if newest else cursor

    def delete_comment(self, post_remote_id, comment_id) -> None:
        try:
            self.call(
                "wall.deleteComment",
                owner_id=self.owner_id,
                comment_id=comment_id,
                idempotent=True,
            )
        except PermanentError as exc:
            if exc.code not in GONE_CODES:
                raise

    def reply(self, post_remote_id, comment_id, text: str) -> str:
        result = self.call(
            "wall.createComment", owner_id=self.owner_id, post_id=post_remote_id,
            from_group=self.group_id, message=text, reply_to_comment=comment_id,
        )  # fmt: skip
        return str(result["comment_id"])

    def ban(self, user_id, reason: int | str = "", until=None) -> None:
        """``groups.ban`` with VK's reason code (``ban_reason_code``); a reason that
        is no code or category is free text and goes to the ``comment``."""
        code = ban_reason_code(reason)
        note = "" if _is_code_or_category(reason) else str(reason or "")
        self.call(
            "groups.ban", group_id=self.group_id, owner_id=user_id, reason=code,
            comment=note or None, comment_visible=1,
            end_date=int(until.timestamp()) if until else None, idempotent=True,
        )  # fmt: skip

    def get_banned(self) -> list[dict]:
        """Every entry of ``groups.getBanned``: ``{type, profile|group, ban_info}``
        (ban_info: admin_id, date, reason code, comment, end_date; 0 = forever)."""
        entries, offset = [], 0
        while True:
            page = self.call(
                "groups.getBanned", group_id=self.group_id, offset=offset,
                count=BANNED_PAGE, fields="first_name,last_name", idempotent=True,
            )  # fmt: skip
            items = page.get("items", [])
            entries.extend(items)
            offset += len(items)
            if not items or offset >= page.get("count", 0):
                return entries

    def unban(self, user_id) -> None:
        self.call(
            "groups.unban", group_id=self.group_id, owner_id=user_id, idempotent=True
        )


def _date(value):
    return datetime.fromtimestamp(int(value), UTC) if value else None
