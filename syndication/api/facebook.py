"""Facebook Pages client (Meta Graph API, docs/networks.md §4): form-encoded calls to
``<GRAPH_API_URL>/<node>[/<edge>]`` with the Page access token; answers are bare JSON
objects, errors ``{"error": {"message", "type", "code", "error_subcode",
"fbtrace_id"}}`` with HTTP 4xx (§4.1, §4.7). Sources and UNVERIFIED points:
``syndication/api/NOTES.md`` (Facebook)."""

from __future__ import annotations

import json
from datetime import datetime

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
    retry_after_header,
    server_error,
)

# docs/networks.md §4.7 (Meta's error table).
AUTH_CODES = {102, 190}
# OAuthException subcodes that mean "the token no longer works" (same source).
AUTH_SUBCODES = {458, 459, 460, 463, 464, 467, 492}
# Throttling: 4 app, 17 user, 32 page-level (2016 announcement), 613 and 80001
# UNVERIFIED; 341 "application limit reached"; 368 "temporarily blocked".
RATE_CODES = {4: 60.0, 17: 60.0, 32: 60.0, 341: 300.0, 368: 3600.0, 613: 60.0}
RATE_CODES[80001] = 60.0
TRANSIENT_CODES = {1: 5.0, 2: 5.0}
PERMISSION_CODE = 10  # "API Permission Denied": the token lacks a permission
# Code 100 subcode 33: "Object with ID ... does not exist" - UNVERIFIED spelling of
# the gone case; a delete of something already gone is done.
GONE = (100, 33)
COMMENT_FIELDS = "id,message,from,created_time,parent{id},is_hidden"
COMMENTS_PAGE = 100


def _retry_after(response, default: float) -> float:
    """``estimated_time_to_regain_access`` (minutes) of X-Business-Use-Case-Usage when
    the header says (its JSON shape is UNVERIFIED, docs/networks.md §4.7), else ``default``."""
    raw = response.headers.get("X-Business-Use-Case-Usage", "")
    try:
        usage = json.loads(raw) if raw else {}
        minutes = max(
            float(entry.get("estimated_time_to_regain_access") or 0)
            for entries in usage.values()
            for entry in entries
        )
    except (ValueError, TypeError, AttributeError):
        return default
    return minutes * 60 if minutes > 0 else default


def parse(response, *, network="facebook", payload=None, idempotent=False):
    """The answer's JSON object, or the matching error."""
    context = {"network": network, "payload": payload, "response": response.text[:2000]}
    status = response.status_code
    try:
        body = response.json()
    except ValueError:
        body = None
    error = body.get("error") if isinstance(body, dict) else None
    if not isinstance(error, dict):
        if status == 429:
            wait = retry_after_header(response, 60.0)
            raise RateLimited(answer_of(response), retry_after=wait, **context)
        if status >= 500:  # a proxy's page: a post may have been made before it
            raise server_error(answer_of(response), idempotent=idempotent, **context)
        if status >= 400:
            raise PermanentError(answer_of(response), **context)
        if not isinstance(body, dict):
            cls = TransientError if idempotent else OutcomeUnknown
            raise cls("unreadable answer", **context)
        return body
    context["response"] = body
    code = _int(error.get("code"))
    subcode = _int(error.get("error_subcode"))
    message = str(error.get("message", ""))
    if code in AUTH_CODES or subcode in AUTH_SUBCODES or code == PERMISSION_CODE:
        exc = AuthError(message, code=code, **context)
    elif code in RATE_CODES or status == 429:
        wait = _retry_after(response, RATE_CODES.get(code, 60.0))
        exc = RateLimited(message, code=code, retry_after=wait, **context)
    elif code in TRANSIENT_CODES or error.get("is_transient") is True or status >= 500:
        # "Try again later" does not say the post was not made: a create is
        # repeated only when idempotent, else the delivery checks first.
        exc = server_error(message, idempotent=idempotent, code=code, **context)
        exc.retry_after = TRANSIENT_CODES.get(code, 5.0)
    else:
        exc = PermanentError(message, code=code, **context)
    exc.subcode = subcode
    raise exc


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _gone(exc: APIError) -> bool:
    return (exc.code, getattr(exc, "subcode", None)) == GONE


def _date(value) -> datetime | None:
    """Graph times: ``2026-12-01T11:00:00+0000`` (ISO 8601 with a compact offset)."""
    if not value:
        return None
    try:
        return datetime.strptime(str(value), "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        try:
            return datetime.fromisoformat(str(value))
        except ValueError:
            return None


class FacebookClient(Client):
    network = "facebook"

    def __init__(self, account, credential=None, session=None):
        super().__init__(account, credential, session)
        self.token = self.credential.get("page_access_token", "")
        self.page_id = str(account.external_id)

    def call(
        self,
        http_method: str,
        path: str,
        *,
        idempotent: bool = False,
        files=None,
        **params,
    ):
        self.limit(token_key("facebook", self.token), "FACEBOOK_RATE")
        data = {k: v for k, v in params.items() if v is not None}
        payload = {"method": http_method, "path": path, **data}
        url = f"{conf.api_url('facebook').rstrip('/')}/{path.lstrip('/')}"
        request = {"data": {**data, "access_token": self.token}}
        if http_method in ("GET", "DELETE"):
            # The token goes in the header (§4.1 allows ``Authorization: Bearer``),
            # never in the query string: a failed request's message quotes the URL,
            # and that message reaches the log and the delivery's last_error.
            request = {
                "params": data,
                "headers": {"Authorization": f"Bearer {self.token}"},
            }
        if files:
            request["files"] = files
        response = http.send(
            self.session, http_method, url, network=self.network, payload=payload,
            idempotent=idempotent, **request,
        )  # fmt: skip
        return parse(response, payload=payload, idempotent=idempotent)

    # -- publishing --------------------------------------------------------------
    def post_url(self, post_id: str) -> str:
        web = conf.sandbox_web_url("facebook")
        if web:
            return f"{web}page/{self.page_id}/#post{post_id}"
        # facebook.com/<page-id>/posts/<post-id>: the form public clients print
        # (third-party code, NOTES.md); Meta's permalink_url field is not read.
        page, _, post = str(post_id).partition("_")
        return f"https://www.facebook.com/{page}/posts/{post or page}"

    def publish(self, post, *, idempotency_key: str = "") -> RemoteRef:
        """The feed post first (its photos uploaded unpublished and attached), then
        each follow-up as a Page video. Graph has no idempotency key: a feed post
        whose answer was lost is not resent (``OutcomeUnknown`` without dedup_key)."""
        main, *videos = post.messages
        ref = RemoteRef(extra={"page_id": self.page_id})
        try:
            photo_ids = self._upload_photos(main)
            ref.extra["photo_ids"] = photo_ids
            ref.extra["photo_urls"] = self._photo_urls(main)
            ref.ids.append(self._feed(main, photo_ids))
            for message in videos:
                ref.ids.append(self._video(message))
        except APIError as exc:
            exc.partial_ref = ref
            raise
        ref.url = self.post_url(ref.ids[0])
        return ref

    @staticmethod
    def _photo_urls(message) -> list[str]:
        return [a.url for a in message.attachments if a.kind == "photo"]

    def _upload_photos(self, message) -> list[str]:
        ids = []
        for attachment in message.attachments:
            if attachment.kind != "photo":
                raise Unsupported(
                    f"{attachment.kind} in a feed post", network=self.network
                )
            ids.append(self.upload_photo(attachment.url))
        return ids

    def upload_photo(self, url: str) -> str:
        """An unpublished photo (``published=false``, §4.3), to be attached by id.
        Repeating it leaves at most an unused unpublished photo: safe to retry."""
        media = self.fetch_media(url)
        result = self.call(
            "POST", f"{self.page_id}/photos", published="false", idempotent=True,
            files={"source": (media.filename, media.content, media.content_type)},
        )  # fmt: skip
        return str(result["id"])

    def _feed(self, message, photo_ids: list[str]) -> str:
        params = {"message": message.text or None}
        for index, photo_id in enumerate(photo_ids):
            params[f"attached_media[{index}]"] = json.dumps({"media_fbid": photo_id})
        if not photo_ids and message.options.get("link"):
            params["link"] = message.options["link"]
        result = self.call("POST", f"{self.page_id}/feed", **params)
        return str(result["id"])

    def _video(self, message) -> str:
        (attachment,) = message.attachments
        media = self.fetch_media(attachment.url)
        result = self.call(
            "POST", f"{self.page_id}/videos",
            title=attachment.spec.get("title") or None,
            description=message.text or None,
            files={"source": (media.filename, media.content, media.content_type)},
        )  # fmt: skip
        return str(result["id"])

    def edit(self, ref, post) -> RemoteRef:
        """The feed post's text (``POST /{post-id} message``); each video's description
        (``POST /{video-id} description``, UNVERIFIED); extra videos are uploaded and
        surplus ones deleted. Graph documents no way to change a published post's
        photos or link, so a changed photo set raises ``Unsupported``."""
        ref = ref_of(ref)
        main, *videos = post.messages
        if self._photo_urls(main) != list(ref.extra.get("photo_urls", [])):
            raise Unsupported(
                "changing the photos of a Facebook post", network="facebook"
            )
        new = RemoteRef(url=ref.url, extra=dict(ref.extra))
        self.call("POST", ref.ids[0], message=main.text, idempotent=True)
        new.ids.append(ref.ids[0])
        for index, message in enumerate(videos, start=1):
            if index < len(ref.ids):
                self.call(
                    "POST", ref.ids[index], description=message.text, idempotent=True
                )
                new.ids.append(ref.ids[index])
            else:
                self._edit_upload(
                    new, message, uploaded_before=len(new.ids) > len(ref.ids)
                )
        self._delete_ids(ref.ids[len(post.messages) :])
        return new

    def _edit_upload(self, new: RemoteRef, message, *, uploaded_before: bool) -> None:
        """An edit's extra video. The delivery repeats a failed edit blindly, but an
        upload is not idempotent: once a new video may exist (this one's answer was
        lost, or an earlier one went up), the error carries the partial ref so a
        person checks instead of a second upload."""
        try:
            new.ids.append(self._video(message))
        except APIError as exc:
            if uploaded_before or isinstance(exc, OutcomeUnknown):
                exc.partial_ref = new
            raise

    def delete(self, ref) -> None:
        """The post, its videos, and the photos it attached; gone counts as done."""
        ref = ref_of(ref)
        self._delete_ids(ref.ids + [str(i) for i in ref.extra.get("photo_ids", [])])

    def _delete_ids(self, ids) -> None:
        for object_id in ids:
            try:
                self.call("DELETE", str(object_id), idempotent=True)
            except PermanentError as exc:
                if not _gone(exc):
                    raise

    def check_token(self) -> dict:
        """The Page as the token sees it. ``GET /{page-id}?fields=id,name`` rather than
        ``/me``: it names the Page, so a token of another Page is caught too."""
        page = self.call("GET", self.page_id, fields="id,name", idempotent=True)
        if str(page.get("id", "")) != self.page_id:
            raise PermanentError(
                "the token belongs to another Page", network=self.network, response=page
            )
        return {"ok": True, "id": page.get("id"), "name": page.get("name", "")}

    # -- comments and moderation ---------------------------------------------------
    def fetch_comments(self, post_remote_id, cursor=None):
        """One page of the post's comments, oldest first, replies included
        (``filter=stream``); the cursor is Graph's ``after`` cursor of the last page
        read, so the next poll starts after it. The Page's own comments (a
        moderator's replies) are skipped."""
        page = self.call(
            "GET", f"{post_remote_id}/comments", fields=COMMENT_FIELDS,
            filter="stream", order="chronological", limit=COMMENTS_PAGE,
            after=cursor or None, idempotent=True,
        )  # fmt: skip
        items = page.get("data") or []
        comments = []
        for item in items:
            author = item.get("from") or {}
            if str(author.get("id", "")) == self.page_id:
                continue
            parent = (item.get("parent") or {}).get("id", "")
            comments.append(
                RemoteComment(
                    id=str(item["id"]), post_id=str(post_remote_id),
                    author_id=str(author.get("id", "")), author_name=author.get("name", ""),
                    text=item.get("message", ""), date=_date(item.get("created_time")),
                    reply_to=str(parent or ""), raw=item,
                )
            )  # fmt: skip
        after = ((page.get("paging") or {}).get("cursors") or {}).get("after")
        return comments, (after if items and after else None)

    def hide_comment(self, post_remote_id, comment_id) -> dict:
        return self.call("POST", str(comment_id), is_hidden="true", idempotent=True)

    def unhide_comment(self, post_remote_id, comment_id) -> dict:
        return self.call("POST", str(comment_id), is_hidden="false", idempotent=True)

    def delete_comment(self, post_remote_id, comment_id) -> None:
        self._delete_ids([comment_id])

    def reply(self, post_remote_id, comment_id, text: str) -> str:
        """A reply under the comment (or on the post when no comment is given)."""
        target = comment_id or post_remote_id
        result = self.call("POST", f"{target}/comments", message=text)
        return str(result["id"])

    def ban(self, user_id, reason="", until=None) -> dict:
        """``POST /{page-id}/blocked user=<id>`` (§4.5; parameters and the answer
        ``{"<id>": true}`` UNVERIFIED). Facebook blocks have no end date: a ban with
        ``until`` is a permanent block here, and the answer says so."""
        result = self.call(
            "POST", f"{self.page_id}/blocked", user=str(user_id), idempotent=True
        )
        if result.get(str(user_id)) is False:
            raise PermanentError(
                "Facebook refused to block the user", network=self.network,
                response=result,
            )  # fmt: skip
        answer = dict(result)
        if until is not None:
            answer["until_ignored"] = True  # no temporary blocks on Facebook Pages
        return answer

    def get_banned(self) -> list[dict]:
        """Everyone blocked from the Page (``GET /{page-id}/blocked``, paged by the
        ``after`` cursor), shaped for ``moderation.sync``: ``{"id", "profile":
        {"id", "first_name"}}`` with the whole name as the first name."""
        entries, after = [], None
        for _ in range(
            100
        ):  # at most 10 000 blocked people: far beyond a region's Page
            page = self.call(
                "GET",
                f"{self.page_id}/blocked",
                limit=100,
                after=after,
                idempotent=True,
            )
            for person in page.get("data") or []:
                entries.append({
                    "id": str(person.get("id", "")),
                    "profile": {"id": str(person.get("id", "")),
                                "first_name": person.get("name", "")},
                })  # fmt: skip
            paging = page.get("paging") or {}
            after = (paging.get("cursors") or {}).get("after")
            if not page.get("data") or not paging.get("next") or not after:
                return entries
        return entries

    def unban(self, user_id) -> dict:
        return self.call(
            "DELETE", f"{self.page_id}/blocked", user=str(user_id), idempotent=True
        )
