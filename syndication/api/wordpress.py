"""WordPress REST API client (docs/networks.md §6.A): ``<site_url>/wp-json/wp/v2/<route>``,
JSON in and out, HTTP Basic auth with an Application Password.

The credential is per account (``accounts_registry`` SHAPES): ``site_url``,
``username``, ``application_password`` and, optionally, ``categories`` — the blog's
categories every post goes into, as a comma-separated string (or a JSON list) of
names or numeric ids. Categories are an account setting (one blog, one rubric for
our news), so they live with the account rather than in every piece.

A piece is one post: its images are uploaded first (``POST /media``, raw bytes with
``Content-Disposition``), the body's ``<img src>`` rewritten to the uploaded
``source_url``, the tags and categories looked up or created by name, then
``POST /posts`` with ``status=publish``. Edit is ``POST /posts/<id>`` (a full replace
of the fields we own); delete moves the post to the trash (no ``force``): an editor
can still restore it in wp-admin. Comments are polled (no webhooks in core, §6.A.6).
Sources and UNVERIFIED points: ``syndication/api/NOTES.md`` (WordPress)."""

from __future__ import annotations

import email.utils
import html
import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import PurePosixPath

from syndication.exceptions import Unsupported
from syndication.ratelimit import token_key

from . import http
from .base import Client, RemoteComment, RemoteRef, ref_of
from .errors import (
    AuthError,
    OutcomeUnknown,
    PermanentError,
    RateLimited,
    TransientError,
)

API_PATH = "wp-json/wp/v2"
# 403 codes that mean "this user may not do that": a person must fix the account
# (its role or its application password), retrying will not help.
RIGHTS_CODES = {
    "rest_forbidden",
    "rest_forbidden_context",
    "rest_cannot_view",
    "application_passwords_disabled",
}
# Comments the inbox reads: the published ones and the ones held for moderation.
COMMENT_STATUSES = ("approve", "hold")
PER_PAGE = 100  # the REST collections' maximum (§6.A.7)
TAG_RE = re.compile(r"<[^>]+>")


def retry_after(response) -> float | None:
    """``Retry-After`` in seconds (a number or an HTTP date), if the host sent one."""
    value = (response.headers.get("Retry-After") or "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def parse(response, *, network="wordpress", payload=None, idempotent=False):
    """The JSON body of a 2xx answer, or the matching error for WP's error object
    ``{"code", "message", "data": {"status"}}``."""
    context = {"network": network, "payload": payload, "response": response.text[:2000]}
    status = response.status_code
    try:
        body = response.json()
    except ValueError:
        body = None
    if 200 <= status < 300:
        if body is None:
            cls = TransientError if idempotent else OutcomeUnknown
            raise cls(f"HTTP {status}: unreadable answer", **context)
        return body
    error = body if isinstance(body, dict) else {}
    code = str(error.get("code") or "")
    message = f"HTTP {status} {code}: {error.get('message') or ''}".strip()
    if isinstance(body, dict | list):
        context["response"] = body
    if status == 429:
        raise RateLimited(
            message, code=code, retry_after=retry_after(response), **context
        )
    if status == 503:
        raise TransientError(
            message, code=code, retry_after=retry_after(response), **context
        )
    if status == 501:  # rest_trash_not_supported: the same request fails again
        raise PermanentError(message, code=code, **context)
    if status >= 500 and not idempotent:
        # A 500 is often a plugin's fatal error in a save_post hook, AFTER the post
        # was inserted; a 502/504 is a proxy that stopped waiting for PHP. Either
        # way the create may have happened: a person checks, no blind resend.
        raise OutcomeUnknown(message, code=code, **context)
    if status >= 500:
        raise TransientError(message, code=code, **context)
    if status == 401:
        # rest_not_logged_in, incorrect_password, invalid_username, rest_cannot_*
        # without a user: the application password does not work (any more).
        raise AuthError(message, code=code, **context)
    if status == 403 and (code.startswith("rest_cannot_") or code in RIGHTS_CODES):
        raise AuthError(message, code=code, **context)
    raise PermanentError(message, code=code, **context)


def wp_date(value: str) -> datetime | None:
    """``date_gmt`` (ISO 8601 without an offset, in UTC) as an aware datetime."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def local_date(value: str) -> datetime | None:
    """A ``date`` in the site's own time (naive, as WordPress gives it)."""
    try:
        return datetime.fromisoformat(value).replace(tzinfo=None) if value else None
    except ValueError:
        return None


def account_categories(credential: dict) -> list[str]:
    raw = credential.get("categories") or []
    if isinstance(raw, str):
        raw = raw.split(",")
    return [str(item).strip() for item in raw if str(item).strip()]


class WordPressClient(Client):
    network = "wordpress"

    def __init__(self, account, credential=None, session=None):
        super().__init__(account, credential, session)
        self.site_url = str(self.credential.get("site_url", "")).rstrip("/")
        self.username = str(self.credential.get("username", ""))
        # WordPress shows the password in groups of four; the spaces are optional.
        password = str(self.credential.get("application_password", ""))
        self.auth = (self.username, password.replace(" ", ""))
        self._me: dict | None = None

    # -- plumbing ----------------------------------------------------------------
    def url(self, route: str) -> str:
        return f"{self.site_url}/{API_PATH}/{route.lstrip('/')}"

    def call(self, method: str, route: str, *, idempotent=False, **kwargs):
        """One REST request; ``kwargs`` go to ``requests`` (json, params, data,
        headers). The answer's headers are kept in ``last_headers``."""
        self.limit(
            token_key("wordpress", f"{self.site_url}|{self.username}"), "WORDPRESS_RATE"
        )
        payload = {"method": method, "route": route}
        for name in ("json", "params"):
            if kwargs.get(name) is not None:
                payload[name] = kwargs[name]
        response = http.send(
            self.session, method, self.url(route), network=self.network,
            payload=payload, idempotent=idempotent, auth=self.auth, **kwargs,
        )  # fmt: skip
        self.last_headers = response.headers
        return parse(response, payload=payload, idempotent=idempotent)

    # -- media and terms -----------------------------------------------------------
    def upload(self, url: str) -> dict:
        """Upload one of our renditions; ``{"id", "source_url"}``."""
        media = self.fetch_media(url)
        name = media.filename
        if not name.isascii():
            # WordPress checks the type by the extension: keep it.
            suffix = PurePosixPath(name).suffix
            name = "image" + (suffix if suffix.isascii() else "")
        name = name.replace('"', "")
        # A resend after a lost answer at worst leaves an unused attachment in the
        # library; the post itself is created only after every upload succeeded.
        body = self.call(
            "POST", "media", idempotent=True, data=media.content,
            headers={
                "Content-Type": media.content_type,
                "Content-Disposition": f'attachment; filename="{name}"',
            },
        )  # fmt: skip
        return {"id": body["id"], "source_url": body.get("source_url", "")}

    def find_term(self, taxonomy: str, name: str) -> int | None:
        found = self.call(
            "GET", taxonomy, idempotent=True,
            params={"search": name, "per_page": PER_PAGE, "context": "view"},
        )  # fmt: skip
        for term in found or []:
            if html.unescape(str(term.get("name", ""))).casefold() == name.casefold():
                return int(term["id"])
        return None

    def term_id(self, taxonomy: str, name: str, *, digits_are_ids=False) -> int:
        """The id of the tag or category ``name``, created when the blog lacks it.
        ``digits_are_ids``: the account's categories may be given as term ids; a
        page's tag such as «2026» is a name."""
        if digits_are_ids and name.isdigit():
            return int(name)
        found = self.find_term(taxonomy, name)
        if found is not None:
            return found
        try:
            # Safe to resend: a term made by a lost first request is term_exists.
            created = self.call("POST", taxonomy, idempotent=True, json={"name": name})
        except PermanentError as exc:
            if exc.code != "term_exists":
                raise
            # Created meanwhile, or the search missed it. WP names the existing term
            # in data.term_id (UNVERIFIED shape); else search again, as the block
            # editor's term selector does [repo: WordPress/gutenberg].
            body = exc.response if isinstance(exc.response, dict) else {}
            data = body.get("data") or {}
            existing = data.get("term_id") or self.find_term(taxonomy, name)
            if not existing:
                raise
            return int(existing)
        return int(created["id"])

    def term_ids(self, taxonomy: str, names, *, digits_are_ids=False) -> list[int]:
        ids: list[int] = []
        for name in names:
            term = self.term_id(taxonomy, name, digits_are_ids=digits_are_ids)
            if term not in ids:
                ids.append(term)
        return ids

    # -- posts ---------------------------------------------------------------------
    @staticmethod
    def message_of(post):
        if len(post.messages) != 1:
            raise PermanentError(
                f"a WordPress post is one article, got {len(post.messages)} messages",
                network="wordpress",
            )
        return post.messages[0]

    def prepare(self, post, uploaded: dict) -> dict:
        """The post's fields, uploading the images not in ``uploaded`` yet
        (``url -> {"id", "source_url"}``, updated in place)."""
        message = self.message_of(post)
        for attachment in message.attachments:
            if attachment.url and attachment.url not in uploaded:
                uploaded[attachment.url] = self.upload(attachment.url)
        content = message.text
        for url, media in uploaded.items():
            if media.get("source_url"):
                old = f'src="{html.escape(url)}"'
                content = content.replace(
                    old, f'src="{html.escape(media["source_url"])}"'
                )
        options = message.options
        fields = {
            "title": options.get("title", ""),
            "content": content,
            "excerpt": options.get("excerpt", ""),
            "status": options.get("status", "publish"),
            "tags": self.term_ids("tags", options.get("tags", [])),
            "categories": self.term_ids(
                "categories",
                account_categories(self.credential),
                digits_are_ids=True,
            ),
        }
        featured = [
            a.url for a in message.attachments if a.spec.get("role") == "featured"
        ]
        fields["featured_media"] = uploaded[featured[0]]["id"] if featured else 0
        if not fields["categories"]:
            del fields["categories"]  # the blog's default category applies
        return fields

    def ref(self, body: dict, uploaded: dict) -> RemoteRef:
        return RemoteRef(
            ids=[str(body["id"])],
            url=body.get("link", ""),
            extra={
                "post_id": body["id"],
                "media": uploaded,
                "featured_media": body.get("featured_media", 0),
            },
        )

    def publish(self, post, *, idempotency_key: str = "") -> RemoteRef:
        uploaded: dict = {}
        fields = self.prepare(post, uploaded)
        # WordPress has no de-duplication key: a lost answer is OutcomeUnknown (a
        # person checks the blog), never a blind resend.
        body = self.call("POST", "posts", json=fields)
        return self.ref(body, uploaded)

    def edit(self, ref, post) -> RemoteRef:
        ref = ref_of(ref)
        uploaded = dict(ref.extra.get("media") or {})
        fields = self.prepare(post, uploaded)
        post_id = ref.extra.get("post_id") or ref.ids[0]
        # The same fields again give the same post: safe to resend.
        body = self.call("POST", f"posts/{post_id}", idempotent=True, json=fields)
        return self.ref(body, uploaded)

    def delete(self, ref) -> None:
        ref = ref_of(ref)
        post_id = ref.extra.get("post_id") or ref.ids[0]
        try:
            self.call("DELETE", f"posts/{post_id}", idempotent=True)
        except PermanentError as exc:
            # Already in the trash or gone: what we wanted.
            if exc.code not in ("rest_already_trashed", "rest_post_invalid_id"):
                raise

    def me(self) -> dict:
        if self._me is None:
            self._me = self.call(
                "GET", "users/me", idempotent=True, params={"context": "edit"}
            )
        return self._me

    def check_token(self) -> dict:
        me = self.me()
        capabilities = me.get("capabilities") or {}
        return {
            # Without capabilities in the answer we cannot tell: the first post will.
            "ok": bool(capabilities.get("publish_posts")) if capabilities else True,
            "name": me.get("name", ""),
            "username": me.get("username") or me.get("slug", ""),
            "roles": me.get("roles", []),
        }

    # -- comments ------------------------------------------------------------------
    def fetch_comments(self, post_remote_id, cursor=None):
        """Comments of one post, published and held, oldest first.

        The cursor is ``{status: date}`` of the newest comment seen per status, in
        the site's local time: ``after`` is compared with ``comment_date`` (local),
        not ``comment_date_gmt`` (WP_Comment_Query's date_query column [repo:
        WordPress/WordPress wp-includes/class-wp-comment-query.php]), so a GMT
        cursor would skip comments on a site west of UTC. We ask for comments
        ``after`` one second before it (``after`` is strict and dates have
        one-second precision), so comments of that same second are read again
        rather than skipped; the inbox's unique key drops the repeats. Page
        numbers would not do: trashing a comment shifts every later page."""
        if post_remote_id is None:
            raise Unsupported(
                "WordPress comments are read per post", network=self.network
            )
        cursor = dict(cursor or {})
        me = self.me().get("id")
        comments: list[RemoteComment] = []
        for status in COMMENT_STATUSES:
            params = {
                "post": post_remote_id, "status": status, "context": "edit",
                "orderby": "date_gmt", "order": "asc", "per_page": PER_PAGE,
            }  # fmt: skip
            since = local_date(cursor.get(status, ""))
            if since is not None:
                params["after"] = (since - timedelta(seconds=1)).strftime(
                    "%Y-%m-%dT%H:%M:%S"
                )
            for item in self.call("GET", "comments", idempotent=True, params=params):
                cursor[status] = max(cursor.get(status, ""), item.get("date", ""))
                if me and item.get("author") == me:
                    continue  # our own replies are not inbox items
                comments.append(self.comment(item, post_remote_id))
        return comments, cursor

    @staticmethod
    def comment(item: dict, post_remote_id) -> RemoteComment:
        content = item.get("content") or {}
        text = content.get("raw")
        if text is None:
            text = html.unescape(TAG_RE.sub("", content.get("rendered", ""))).strip()
        author = item.get("author") or 0
        name = item.get("author_name", "")
        return RemoteComment(
            id=str(item["id"]),
            post_id=str(item.get("post") or post_remote_id),
            # Guests have no user id (author 0): their name is what identifies them.
            author_id=str(author) if author else f"guest:{name}",
            author_name=name,
            text=text,
            date=wp_date(item.get("date_gmt", "")),
            reply_to=str(item.get("parent") or ""),
            raw=item,
        )

    def hide_comment(self, post_remote_id, comment_id) -> None:
        # "hold" takes the comment off the blog and keeps it for the moderators.
        self.call(
            "POST", f"comments/{comment_id}", idempotent=True, json={"status": "hold"}
        )

    def delete_comment(self, post_remote_id, comment_id) -> None:
        try:
            self.call("DELETE", f"comments/{comment_id}", idempotent=True)
        except PermanentError as exc:
            if exc.code != "rest_already_trashed":
                raise

    def reply(self, post_remote_id, comment_id, text: str) -> str:
        body = self.call(
            "POST", "comments",
            json={"post": int(post_remote_id), "parent": int(comment_id), "content": text},
        )  # fmt: skip
        return str(body["id"])

    def ban(self, user_id, reason: str = "", until=None) -> None:
        raise Unsupported(
            "ban: WordPress core has no per-user comment block (only site-wide "
            "disallowed keys); delete or hide the comments instead",
            network=self.network,
        )
