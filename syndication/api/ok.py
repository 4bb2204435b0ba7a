"""OK REST client (docs/networks.md §2): signed calls to ``OK_API_URL`` (``fb.do``);
bare JSON results, errors ``{"error_code", "error_msg", "error_data"}``."""

from __future__ import annotations

import hashlib
import json

from syndication import conf
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
    Unsupported,
    answer_of,
    retry_after_header,
    server_error,
)

AUTH_CODES = {10, 101, 102, 103, 104, 105}  # permission, app key, session, signature
RATE_CODES = {
    7: 60.0,
    8: 60.0,
    11: 3600.0,
}  # ACTION_BLOCKED, FLOOD_BLOCKED, LIMIT_REACHED
TRANSIENT_CODES = {1: 5.0, 2: 5.0}  # UNKNOWN, SERVICE
UNSIGNED = {"sig", "access_token", "session_key"}


def md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()  # noqa: S324 - OK's algorithm


def sign(
    params: dict,
    access_token: str,
    application_secret_key: str,
    session_secret_key: str = "",
) -> str:
    """apiok.ru/en/dev/methods: secret = session_secret_key, or md5(access_token +
    application_secret_key); sig = md5(sorted k=v pairs without the token + secret)."""
    secret = session_secret_key or md5(access_token + application_secret_key)
    pairs = "".join(f"{k}={params[k]}" for k in sorted(params) if k not in UNSIGNED)
    return md5(pairs + secret)


def parse(response, *, payload=None, idempotent=False):
    context = {"network": "ok", "payload": payload, "response": response.text[:2000]}
    if response.status_code == 429:
        # A rate answer is a refusal: wait as long as the server says (issue 11.3).
        wait = retry_after_header(response, RATE_CODES[8])
        raise RateLimited(answer_of(response), code=429, retry_after=wait, **context)
    if response.status_code >= 500:
        raise server_error(answer_of(response), idempotent=idempotent, **context)
    if response.status_code != 200:
        raise PermanentError(answer_of(response), **context)
    try:
        body = response.json()
    except ValueError:
        cls = TransientError if idempotent else OutcomeUnknown
        raise cls("unreadable answer", **context) from None
    if not (isinstance(body, dict) and "error_code" in body):
        return body
    code, msg = int(body["error_code"]), str(body.get("error_msg", ""))
    context["response"] = body
    if code in AUTH_CODES:
        raise AuthError(msg, code=code, **context)
    if code in RATE_CODES:
        raise RateLimited(msg, code=code, retry_after=RATE_CODES[code], **context)
    if code in TRANSIENT_CODES:  # UNKNOWN, SERVICE: it may have acted
        exc = server_error(msg, idempotent=idempotent, code=code, **context)
        exc.retry_after = TRANSIENT_CODES[code]
        raise exc
    if code == 3:  # METHOD: the method does not exist (mediatopic.edit is undocumented)
        raise Unsupported(msg, network="ok", payload=payload, response=body)
    raise PermanentError(msg, code=code, **context)


class OKClient(Client):
    network = "ok"

    def __init__(self, account, credential=None, session=None):
        super().__init__(account, credential, session)
        self.group_id = str(account.external_id)

    def call(self, method: str, *, idempotent: bool = False, **params):
        c = self.credential
        self.limit(token_key("ok", c.get("access_token", "")), "OK_RATE")
        data = {k: str(v) for k, v in params.items() if v is not None}
        data.update(
            application_key=c.get("application_key", ""), method=method, format="json"
        )
        data["sig"] = sign(
            data,
            c.get("access_token", ""),
            c.get("application_secret_key", ""),
            c.get("session_secret_key", ""),
        )
        payload = dict(data)
        response = http.send(
            self.session, "POST", conf.api_url("ok"), network=self.network, payload=payload,
            idempotent=idempotent, data={**data, "access_token": c.get("access_token", "")},
        )  # fmt: skip
        return parse(response, payload=payload, idempotent=idempotent)

    def topic_url(self, topic_id) -> str:
        web = conf.sandbox_web_url("ok")
        if web:
            return f"{web}group/{self.group_id}/#topic{topic_id}"
        return f"https://ok.ru/group/{self.group_id}/topic/{topic_id}"

    # -- publishing --------------------------------------------------------------
    def attachment(self, message) -> str:
        media = [{"type": "text", "text": message.text}] if message.text else []
        photos, links = [], []
        for item in message.attachments:
            if item.kind == "photo":
                photos.append(item)
            elif item.kind == "poll":
                media.append(dict(item.spec))
            elif item.url:
                links.append({"type": "link", "url": item.url})  # video: a link block
        if photos:
            tokens = self.upload_photos([p.url for p in photos])
            media.append({"type": "photo", "list": [{"id": t} for t in tokens]})
        media += links[:1]
        return json.dumps({"media": media}, ensure_ascii=False)

    def upload_photos(self, urls: list[str]) -> list[str]:
        files = [self.fetch_media(url) for url in urls]
        grant = self.call(
            "photosV2.getUploadUrl",
            gid=self.group_id,
            count=len(files),
            idempotent=True,
        )
        parts = {
            f"pic{i + 1}": (m.filename, m.content, m.content_type)
            for i, m in enumerate(files)
        }
        response = http.send(
            self.session,
            "POST",
            grant["upload_url"],
            network=self.network,
            idempotent=True,
            files=parts,
        )
        try:
            photos = response.json()["photos"]
        except (ValueError, KeyError):
            raise TransientError(
                f"upload server answered {response.status_code}", network=self.network
            ) from None
        try:
            return [photos[photo_id]["token"] for photo_id in grant["photo_ids"]]
        except KeyError:
            raise PermanentError(
                "the upload server rejected a photo",
                network=self.network,
                response=photos,
            ) from None

    def publish(self, post, *, idempotency_key: str = "") -> RemoteRef:
        # OK has no de-duplication key: an unknown outcome is for a person to check.
        ref = RemoteRef(extra={"gid": self.group_id})
        try:
            for message in post.messages:
                topic_id = self.call(
                    "mediatopic.post", type="GROUP_THEME", gid=self.group_id,
                    attachment=self.attachment(message),
                )  # fmt: skip
                ref.ids.append(str(topic_id))
        except APIError as exc:
            exc.partial_ref = ref
            raise
        ref.url = self.topic_url(ref.ids[0]) if ref.ids else ""
        return ref

    def edit(self, ref, post) -> RemoteRef:
        """``mediatopic.edit`` (exists, parameters undocumented: see NOTES.md); if the
        network does not know the method, ``Unsupported`` is raised."""
        ref = ref_of(ref)
        if len(post.messages) != len(ref.ids):
            raise Unsupported(
                "edit: the number of topics changed", network=self.network
            )
        for topic_id, message in zip(ref.ids, post.messages, strict=True):
            self.call(
                "mediatopic.edit", gid=self.group_id, topic_id=topic_id,
                type="GROUP_THEME", attachment=self.attachment(message), idempotent=True,
            )  # fmt: skip
        return ref

    def delete(self, ref) -> None:
        for topic_id in ref_of(ref).ids:
            try:
                self.call(
                    "mediatopic.deleteTopic",
                    gid=self.group_id,
                    topic_id=topic_id,
                    idempotent=True,
                )
            except PermanentError as exc:
                if exc.code != 100:  # PARAM: no such topic any more
                    raise

    def check_token(self) -> dict:
        groups = self.call(
            "group.getInfo", uids=self.group_id, fields="uid,name", idempotent=True
        )
        group = groups[0] if groups else {}
        return {
            "ok": bool(group),
            "id": group.get("uid"),
            "name": group.get("name", ""),
        }

    # -- comments ------------------------------------------------------------------
    def fetch_comments(self, post_remote_id, cursor=None):
        comments, anchor = [], cursor
        while True:
            page = self.call(
                "discussions.getComments", discussionId=post_remote_id, discussionType="GROUP_TOPIC",
                anchor=anchor or "FIRST", direction="FORWARD", count=100, idempotent=True,
            )  # fmt: skip
            for item in page.get("comments", []):
                comments.append(
                    RemoteComment(
                        id=str(item["id"]), post_id=str(post_remote_id), author_id=str(item.get("author_id", "")),
                        author_name=item.get("author_name", ""), text=item.get("text", ""),
                        reply_to=str(item.get("reply_to_comment_id", "")), raw=item,
                    )
                )  # fmt: skip
            anchor = page.get("anchor") or anchor
            if not page.get("has_more"):
                break
        return comments, anchor

    def delete_comment(
        self, post_remote_id, comment_id, *, block_author: bool = False
    ) -> None:
        self.call(
            "discussions.deleteDiscussionComment", discussionId=post_remote_id,
            discussionType="GROUP_TOPIC", comment_id=comment_id,
            block_author="true" if block_author else None, idempotent=True,
        )  # fmt: skip
