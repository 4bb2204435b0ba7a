"""The emulated Instagram Graph API: ``/sandbox/instagram/graph/[vN.N/]<path>``, and
the profile as readers see it (``/sandbox/instagram/profile/<ig-user-id>/``).

Wire format per docs/networks.md §5 (checklist §5.8): parameters from the query string or
form body, ``access_token`` there or as ``Authorization: Bearer``; bare JSON answers;
errors ``{"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}``
with HTTP 400 (500 for injected server errors).

* Containers (``POST /{ig-user-id}/media``) are ``SandboxMedia`` of kind
  "container", ``meta["status"]`` IN_PROGRESS → FINISHED|ERROR → PUBLISHED (EXPIRED
  after 24 h unpublished). Like Instagram ("We cURL media"), the sandbox fetches
  ``image_url``/``video_url`` over HTTP with a short timeout; an unreachable URL, a
  non-JPEG image or one over 8 MiB ends in ERROR with the reason in ``status``. The
  first status poll always answers IN_PROGRESS, so clients must poll.
* ``media_publish`` makes a ``SandboxPost`` (``meta["media_type"]``); 50 posts per
  24 h (``extra["publish_limit"]`` overrides) → 9/2207042; a container not ready →
  9007/2207027 (pair UNVERIFIED, NOTES.md).
* Comments: list (with ``replies`` and ``hidden``), reply, hide/unhide
  (``hide=true|false``), delete; ``DELETE /{media-id}`` is emulated though UNVERIFIED
  on the real API (the client only calls it when enabled).
* Caption over 2 200 characters, 30 hashtags or 20 mentions → code 100 (the real
  subcodes are UNVERIFIED); a carousel needs 2-10 FINISHED children of this account.
"""

from __future__ import annotations

import re
import secrets
import time
from datetime import UTC, datetime, timedelta

import requests
from django.core.cache import cache
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from sandbox.common import reader_comment_row, request_params, take_fault, windows
from sandbox.models import (
    INSTAGRAM,
    SandboxAccount,
    SandboxComment,
    SandboxMedia,
    SandboxPost,
)
from sandbox.serve import arrival

VERSION = re.compile(r"^v\d+(\.\d+)?/")
CONTAINER = "container"
CAPTION_LIMIT, HASHTAG_LIMIT, MENTION_LIMIT = 2200, 30, 20  # §5.4
CAROUSEL_MIN, CAROUSEL_MAX = 2, 10  # §5.3
IMAGE_MAX_BYTES = 8 * 1024 * 1024  # §5.4 (error 2207004)
PUBLISH_LIMIT = 50  # per 24 h, §5.3
FETCH_TIMEOUT = (2.0, 5.0)
RATE = (200, 3600.0)  # calls per token and hour: a sandbox figure, UNVERIFIED
COMMENTS_PAGE_MAX = 50
HASHTAG = re.compile(r"(?<![\w#&])#\w+")
MENTION = re.compile(r"(?<![\w@.])@[\w.]+")


class GraphFail(Exception):
    def __init__(self, code: int, message: str, status: int = 400, subcode=None,
                 transient: bool | None = None, user_msg: str = ""):  # fmt: skip
        super().__init__(message)
        self.code, self.message, self.status = code, message, status
        self.subcode, self.transient, self.user_msg = subcode, transient, user_msg


def invalid(what: str, subcode=None) -> GraphFail:
    return GraphFail(100, f"(#100) {what}", subcode=subcode)


def missing(object_id: str) -> GraphFail:
    return GraphFail(
        100,
        f"Unsupported get request. Object with ID '{object_id}' does not exist, "
        "cannot be loaded due to missing permissions, or does not support this "
        "operation.",
        subcode=33,
    )


EXPIRED_TOKEN = GraphFail(
    190, "Error validating access token: Session has expired.", subcode=463
)
INVALID_TOKEN = GraphFail(190, "Invalid OAuth access token - Cannot parse access token")
NOT_READY = GraphFail(
    9007, "Media ID is not available", subcode=2207027,
    user_msg="The media is not ready for publishing, please wait for a moment",
)  # fmt: skip


def error_response(fail: GraphFail) -> JsonResponse:
    error = {"message": fail.message, "type": "OAuthException", "code": fail.code}
    if fail.subcode is not None:
        error["error_subcode"] = fail.subcode
    if fail.transient is not None:
        error["is_transient"] = fail.transient
    if fail.user_msg:
        error["error_user_msg"] = fail.user_msg
    error["fbtrace_id"] = secrets.token_urlsafe(8)
    return JsonResponse({"error": error}, status=fail.status)


def graph_time(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def _token(request, params: dict) -> str:
    auth = request.headers.get("Authorization", "")
    if auth.startswith("Bearer "):
        return auth[7:].strip()
    return str(params.get("access_token", ""))


def _account(token: str, node: str) -> SandboxAccount | None:
    if not token:
        return None
    account = SandboxAccount.objects.filter(network=INSTAGRAM, token=token).first()
    if account is not None:
        return account
    # A scan rather than a JSON lookup (SQLite): the sandbox has a few accounts at most.
    for account in SandboxAccount.objects.filter(network=INSTAGRAM):
        if token in (account.extra or {}).get("oauth_tokens", []):
            return account
    # A user token the sandbox's OAuth issued (registry «Подключить через OAuth»): it
    # acts for the Instagram account it first names, as a real one acts for the
    # accounts its user manages.
    if cache.get(f"sandbox-oauth:token:{token}") == INSTAGRAM:
        account = SandboxAccount.objects.filter(
            network=INSTAGRAM, external_id=node
        ).first()
        if account is not None:
            extra = dict(account.extra)
            extra["oauth_tokens"] = [*extra.get("oauth_tokens", []), token][-5:]
            account.extra = extra
            account.save(update_fields=["extra"])
        return account
    return None


@csrf_exempt
def graph_view(request, path: str):
    arrived = arrival(request)
    parts = [p for p in VERSION.sub("", path.strip("/")).split("/") if p]
    params = request_params(request)
    token = _token(request, params)
    account = _account(token, parts[0] if parts else "")
    try:
        if not parts:
            raise invalid("Unknown path components")
        if account is None:
            raise INVALID_TOKEN
        if account.token_revoked:
            raise EXPIRED_TOKEN
        _faults(account, request.method, parts)
        if account.enforce_rate_limits and windows.hit(
            f"instagram:{token}", RATE[0], RATE[1], arrived
        ):
            raise GraphFail(4, "Application request limit reached", transient=True)
        result = route(request, account, parts, params)
    except GraphFail as fail:
        return error_response(fail)
    return JsonResponse(result)


def _faults(account, method: str, parts: list[str]) -> None:
    name = f"{method} {parts[-1] if len(parts) > 1 else 'node'}"
    latency, fault = take_fault(INSTAGRAM, account, name)
    if latency:
        time.sleep(latency / 1000)
    if fault == "http500":
        raise GraphFail(
            2, "An unexpected error has occurred. Please retry your request later.",
            status=500, transient=True,
        )  # fmt: skip
    if fault == "rate_limit":
        raise GraphFail(4, "Application request limit reached", transient=True)
    if fault == "auth":
        raise EXPIRED_TOKEN


# -- routing ---------------------------------------------------------------------------


def route(request, account, parts: list[str], params: dict) -> dict:
    method = request.method
    if len(parts) > 2:
        raise invalid("Unknown path components")
    node, edge = parts[0], (parts[1] if len(parts) > 1 else "")
    if node in ("me", account.external_id):
        handler = USER_EDGES.get((method, edge))
        if handler is None:
            raise invalid(f"Unknown path components: /{edge}")
        return handler(request, account, params)
    target = resolve(account, node)
    handler = OBJECT_ROUTES.get((type(target), method, edge))
    if handler is None:
        raise invalid("Unsupported request")
    return handler(request, account, target, params)


def resolve(account, node: str):
    """The container, media or comment an id names, of this account only."""
    if not node.isdigit():
        raise missing(node)
    number = int(node)
    container = SandboxMedia.objects.filter(
        account=account, kind=CONTAINER, remote_id=number
    ).first()
    if container is not None:
        return container
    post = account.posts.filter(remote_id=number, deleted=False).first()
    if post is not None:
        return post
    comment = SandboxComment.objects.filter(
        post__account=account, remote_id=number, deleted=False, post__deleted=False
    ).first()
    if comment is not None:
        return comment
    raise missing(node)


def _fields(params, default: str) -> list[str]:
    return [f.strip() for f in str(params.get("fields") or default).split(",")]


# -- the IG user -----------------------------------------------------------------------


DISCOVERY = re.compile(r"business_discovery\.username\(([^)]*)\)\{([^}]*)\}")


def business_discovery(request, account, username: str, fields: str) -> dict:
    """Another account by its handle: the sandbox's readers who commented on this
    account count as Business or Creator accounts; any other handle is refused, as
    a personal account is (the code Meta gives for that is UNVERIFIED)."""
    reader = (
        SandboxComment.objects.filter(post__account=account, author_name=username)
        .order_by("-pk")
        .first()
    )
    if reader is None:
        raise GraphFail(110, f"Invalid user id: {username} is not a business account")
    avatar = request.build_absolute_uri(
        reverse("sandbox:avatar", args=[reader.author_id])
    )
    data = {"id": str(reader.author_id), "username": username, "name": username,
            "profile_picture_url": avatar}  # fmt: skip
    wanted = [f.strip() for f in fields.split(",")]
    return {k: v for k, v in data.items() if k in wanted or k == "id"}


def user_view(request, account, params) -> dict:
    discovery = DISCOVERY.search(str(params.get("fields") or ""))
    if discovery:
        found = business_discovery(request, account, *discovery.groups())
        return {"business_discovery": found, "id": account.external_id}
    data = {
        "id": account.external_id,
        "username": account.extra.get("username") or f"user{account.external_id[-4:]}",
        "name": account.name,
        "media_count": account.posts.filter(deleted=False).count(),
        "followers_count": int(account.extra.get("followers", 0)),
    }
    wanted = _fields(params, "id,username")
    return {k: v for k, v in data.items() if k in wanted or k == "id"}


def _check_caption(caption: str) -> None:
    if len(caption) > CAPTION_LIMIT:
        raise invalid(f"The caption is longer than {CAPTION_LIMIT} characters")
    if len(HASHTAG.findall(caption)) > HASHTAG_LIMIT:
        raise invalid(f"The caption has more than {HASHTAG_LIMIT} hashtags")
    if len(MENTION.findall(caption)) > MENTION_LIMIT:
        raise invalid(f"The caption has more than {MENTION_LIMIT} mentions")


def _flag(value) -> bool:
    return str(value).lower() in {"true", "1"}


def create_container(request, account, params) -> dict:
    media_type = str(params.get("media_type", "")).upper()
    caption = str(params.get("caption", ""))
    _check_caption(caption)
    carousel_item = _flag(params.get("is_carousel_item"))
    meta = {"media_type": media_type or "IMAGE", "caption": caption,
            "carousel_item": carousel_item, "polls": 0}  # fmt: skip
    data, content_type = b"", ""
    if media_type == "CAROUSEL":
        children = [c for c in str(params.get("children", "")).split(",") if c]
        if not CAROUSEL_MIN <= len(children) <= CAROUSEL_MAX:
            raise invalid(f"A carousel needs {CAROUSEL_MIN}-{CAROUSEL_MAX} children")
        for child in children:
            found = SandboxMedia.objects.filter(
                account=account, kind=CONTAINER,
                remote_id=int(child) if child.isdigit() else -1,
            ).first()  # fmt: skip
            if found is None or not found.meta.get("carousel_item"):
                raise invalid(
                    f"Invalid child {child}: not a carousel item of this user"
                )
            if found.meta.get("status") != "FINISHED":
                raise NOT_READY
        meta.update(children=children, outcome="FINISHED", status="IN_PROGRESS")
    else:
        if media_type == "VIDEO" and not carousel_item:
            raise invalid("The VIDEO media type is no longer supported; use REELS")
        if media_type not in ("", "IMAGE", "REELS", "VIDEO"):
            raise invalid(f"Unsupported media_type {media_type}")
        video = media_type in ("REELS", "VIDEO")
        url = str(params.get("video_url" if video else "image_url", ""))
        if not url:
            raise invalid("Param video_url is required" if video else "Param image_url is required")  # fmt: skip
        outcome, reason, data, content_type = fetch(url, video=video)
        meta.update(url=url, outcome=outcome, reason=reason, status="IN_PROGRESS",
                    alt_text=str(params.get("alt_text", "")))  # fmt: skip
        if video:
            data = b""  # a video is shown by its URL
    container = SandboxMedia.objects.create(
        account=account, kind=CONTAINER, key=secrets.token_hex(8),
        remote_id=account.next_id(), filename=str(meta.get("url", ""))[-200:],
        content_type=content_type, data=data, meta=meta,
    )  # fmt: skip
    return {"id": str(container.remote_id)}


def fetch(url: str, *, video: bool):
    """(status, reason, bytes, content type) after fetching ``url`` as Instagram
    would. Short timeouts: the sandbox must answer its own client quickly."""
    if not url.startswith(("http://", "https://")):
        return "ERROR", "The media URL is not a public http(s) URL", b"", ""
    try:
        response = requests.get(url, timeout=FETCH_TIMEOUT)
    except requests.RequestException as exc:
        return "ERROR", f"Could not fetch the media: {type(exc).__name__}", b"", ""
    if response.status_code != 200:
        return "ERROR", f"Could not fetch the media: HTTP {response.status_code}", b"", ""  # fmt: skip
    data = response.content
    content_type = response.headers.get("Content-Type", "").split(";")[0]
    if video:
        return "FINISHED", "", b"", content_type
    if len(data) > IMAGE_MAX_BYTES:
        return "ERROR", "The image is too large to download (over 8 MiB)", b"", ""
    if not data.startswith(b"\xff\xd8"):
        return "ERROR", "Only JPEG images are supported", b"", ""
    return "FINISHED", "", data, content_type or "image/jpeg"


def publish(request, account, params) -> dict:
    creation_id = str(params.get("creation_id", ""))
    container = SandboxMedia.objects.filter(
        account=account, kind=CONTAINER,
        remote_id=int(creation_id) if creation_id.isdigit() else -1,
    ).first()  # fmt: skip
    if container is None:
        raise invalid(f"Invalid creation_id {creation_id}")
    status = _advance(container, poll=False)
    if status == "IN_PROGRESS":
        raise NOT_READY
    if status == "EXPIRED":
        raise GraphFail(-2, "The media has expired", subcode=2207020)
    if status == "PUBLISHED":
        raise invalid("The media has already been published")
    if status != "FINISHED" or container.meta.get("carousel_item"):
        raise invalid(f"The container cannot be published ({status})")
    limit = int(account.extra.get("publish_limit", PUBLISH_LIMIT))
    day_ago = timezone.now() - timedelta(hours=24)
    if account.posts.filter(created_at__gte=day_ago).count() >= limit:
        raise GraphFail(
            9, "Application request limit reached", subcode=2207042,
            user_msg="The maximum number of posts that can be published within 24 hours has been reached",
        )  # fmt: skip
    meta = container.meta
    items = [container]
    if meta["media_type"] == "CAROUSEL":
        items = [
            SandboxMedia.objects.get(account=account, kind=CONTAINER, remote_id=int(c))
            for c in meta["children"]
        ]
    post = SandboxPost.objects.create(
        account=account, remote_id=account.next_id(), kind=meta["media_type"].lower(),
        text=meta.get("caption", ""),
        attachments={
            "photos": [m.key for m in items if m.data],
            "videos": [m.meta["url"] for m in items if m.meta.get("media_type") in ("REELS", "VIDEO")],
        },
        meta={"media_type": meta["media_type"], "container_id": str(container.remote_id),
              "comment_enabled": True},
    )  # fmt: skip
    for item in {*items, container}:
        item.meta = {**item.meta, "status": "PUBLISHED", "media_id": post.remote_id}
        item.save(update_fields=["meta"])
    return {"id": str(post.remote_id)}


def _advance(container: SandboxMedia, *, poll: bool) -> str:
    """The container's status now: the first poll says IN_PROGRESS, then the outcome
    of the fetch; unpublished after 24 h it has EXPIRED."""
    meta = dict(container.meta)
    status = meta.get("status", "IN_PROGRESS")
    if status not in ("PUBLISHED", "EXPIRED") and (
        timezone.now() - container.created_at > timedelta(hours=24)
    ):
        status = "EXPIRED"
    elif status == "IN_PROGRESS" and meta.get("polls", 0) >= 1:
        status = meta.get("outcome", "FINISHED")  # processed once someone waited
    if poll:
        meta["polls"] = meta.get("polls", 0) + 1
    meta["status"] = status
    if meta != container.meta:
        container.meta = meta
        container.save(update_fields=["meta"])
    return status


def list_media(request, account, params) -> dict:
    posts = account.posts.filter(deleted=False)
    return {"data": [media_json(request, p, "id,caption,media_type,timestamp") for p in posts]}  # fmt: skip


def publishing_limit(request, account, params) -> dict:
    limit = int(account.extra.get("publish_limit", PUBLISH_LIMIT))
    used = account.posts.filter(
        created_at__gte=timezone.now() - timedelta(hours=24)
    ).count()
    return {"data": [{"quota_usage": used,
                      "config": {"quota_total": limit, "quota_duration": 86400}}]}  # fmt: skip


USER_EDGES = {
    ("GET", ""): user_view,
    ("POST", "media"): create_container,
    ("GET", "media"): list_media,
    ("POST", "media_publish"): publish,
    ("GET", "content_publishing_limit"): publishing_limit,
}


# -- containers, media, comments ------------------------------------------------------


def container_view(request, account, container, params) -> dict:
    status = _advance(container, poll=True)
    reason = container.meta.get("reason", "")
    data = {
        "id": str(container.remote_id),
        "status_code": status,
        "status": f"Error: {reason}" if status == "ERROR" and reason else status,
    }
    wanted = _fields(params, "id")
    return {k: v for k, v in data.items() if k in wanted or k == "id"}


def profile_url(request, account) -> str:
    return request.build_absolute_uri(
        reverse("sandbox:instagram_profile", args=[account.external_id])
    )


def media_json(request, post: SandboxPost, default_fields: str, params=None) -> dict:
    data = {
        "id": str(post.remote_id),
        "caption": post.text,
        "media_type": {"carousel": "CAROUSEL_ALBUM", "reels": "VIDEO"}.get(post.kind, "IMAGE"),
        "media_product_type": "REELS" if post.kind == "reels" else "FEED",
        "permalink": f"{profile_url(request, post.account)}#media{post.remote_id}",
        "timestamp": graph_time(post.created_at),
        "comments_count": post.comments.filter(deleted=False).count(),
        "is_comment_enabled": post.meta.get("comment_enabled", True),
        "username": post.account.extra.get("username", ""),
    }  # fmt: skip
    wanted = _fields(params or {}, default_fields)
    return {k: v for k, v in data.items() if k in wanted or k == "id"}


def media_view(request, account, post, params) -> dict:
    return media_json(request, post, "id", params)


def update_media(request, account, post, params) -> dict:
    if "comment_enabled" not in params:
        raise invalid("Only comment_enabled can be changed")
    post.meta = {**post.meta, "comment_enabled": _flag(params["comment_enabled"])}
    post.save(update_fields=["meta"])
    return {"success": True}


def delete_media(request, account, post, params) -> dict:
    post.deleted = True
    post.save(update_fields=["deleted"])
    return {"success": True}


def comment_json(
    comment: SandboxComment, fields: list[str], with_replies=False
) -> dict:
    data = {
        "id": str(comment.remote_id),
        "text": comment.text,
        "timestamp": graph_time(comment.created_at),
        "username": comment.author_name,
        "from": {"id": str(comment.author_id), "username": comment.author_name},
        "hidden": comment.hidden,
        "like_count": 0,
        "media": {"id": str(comment.post.remote_id)},
    }
    if comment.reply_to:
        data["parent_id"] = str(comment.reply_to)
    result = {k: v for k, v in data.items() if k in fields or k == "id"}
    if with_replies:
        replies = comment.post.comments.filter(
            reply_to=comment.remote_id, deleted=False
        )
        result["replies"] = {"data": [comment_json(r, fields) for r in replies]}
    return result


def list_comments(request, account, post, params) -> dict:
    raw = str(params.get("fields") or "id,text,timestamp")
    nested = re.search(r"replies\{([^}]*)\}", raw)
    fields = [f for f in re.sub(r"replies\{[^}]*\}", "", raw).split(",") if f]
    top = list(post.comments.filter(deleted=False, reply_to__isnull=True))
    limit = min(max(int(params.get("limit") or 25), 1), COMMENTS_PAGE_MAX)
    start = int(params["after"]) if str(params.get("after", "")).isdigit() else 0
    page = top[start : start + limit]
    data = []
    for comment in page:
        item = comment_json(comment, fields)
        if nested:
            replies = post.comments.filter(reply_to=comment.remote_id, deleted=False)
            reply_fields = [f for f in nested.group(1).split(",") if f]
            item["replies"] = {"data": [comment_json(r, reply_fields) for r in replies]}
        data.append(item)
    paging = {}
    if page:
        paging["cursors"] = {"before": str(start), "after": str(start + len(page))}
        if start + len(page) < len(top):
            paging["next"] = request.build_absolute_uri(
                f"{request.path}?after={start + len(page)}&limit={limit}"
            )
    return {"data": data, "paging": paging}


def _own_comment(account, post, text: str, reply_to=None) -> SandboxComment:
    if not text.strip():
        raise invalid("Param message is required")
    author = int(account.external_id) if account.external_id.isdigit() else 0
    return SandboxComment.objects.create(
        post=post, remote_id=account.next_id(), author_id=author,
        author_name=account.extra.get("username") or account.name, text=text,
        reply_to=reply_to,
    )  # fmt: skip


def comment_on_media(request, account, post, params) -> dict:
    if not post.meta.get("comment_enabled", True):
        raise invalid("Comments are disabled for this media")
    comment = _own_comment(account, post, str(params.get("message", "")))
    return {"id": str(comment.remote_id)}


def comment_view(request, account, comment, params) -> dict:
    return comment_json(comment, _fields(params, "id,text,timestamp"))


def hide_comment(request, account, comment, params) -> dict:
    if "hide" not in params:
        raise invalid("Param hide is required")
    comment.hidden = _flag(params["hide"])
    comment.save(update_fields=["hidden"])
    return {"success": True}


def delete_comment(request, account, comment, params) -> dict:
    comment.deleted = True
    comment.save(update_fields=["deleted"])
    return {"success": True}


def reply_to_comment(request, account, comment, params) -> dict:
    parent = comment.reply_to or comment.remote_id  # replies are one level deep
    reply = _own_comment(account, comment.post, str(params.get("message", "")), parent)
    return {"id": str(reply.remote_id)}


OBJECT_ROUTES = {
    (SandboxMedia, "GET", ""): container_view,
    (SandboxPost, "GET", ""): media_view,
    (SandboxPost, "POST", ""): update_media,
    (SandboxPost, "DELETE", ""): delete_media,
    (SandboxPost, "GET", "comments"): list_comments,
    (SandboxPost, "POST", "comments"): comment_on_media,
    (SandboxComment, "GET", ""): comment_view,
    (SandboxComment, "POST", ""): hide_comment,
    (SandboxComment, "DELETE", ""): delete_comment,
    (SandboxComment, "POST", "replies"): reply_to_comment,
}


# -- the profile as readers see it -----------------------------------------------------


def profile(request, ig_user_id: str):
    account = get_object_or_404(
        SandboxAccount, network=INSTAGRAM, external_id=ig_user_id
    )
    posts = list(account.posts.filter(deleted=False).prefetch_related("comments"))
    every_key = [key for post in posts for key in post.attachments.get("photos", [])]
    found = {m.key: m for m in SandboxMedia.objects.filter(key__in=every_key)}
    entries = []
    for post in posts:
        keys = post.attachments.get("photos", [])
        comments = [c for c in post.comments.all() if not c.deleted]
        entries.append({
            "post": post, "photos": [found[k] for k in keys if k in found],
            "videos": post.attachments.get("videos", []),
            "media_type": post.meta.get("media_type", ""),
            "comments": comments,
        })  # fmt: skip
    return render(
        request, "sandbox/instagram_profile.html",
        {"account": account, "entries": entries},
    )  # fmt: skip


@require_POST
def reader_comment(request, ig_user_id: str, media_id: int):
    """A reader comments under a media (the profile's form); Instagram pushes nothing
    to the webhook for it here (the inbox polls)."""
    account = get_object_or_404(
        SandboxAccount, network=INSTAGRAM, external_id=ig_user_id
    )
    post = account.posts.filter(remote_id=media_id, deleted=False).first()
    if post is None:
        raise Http404
    text = request.POST.get("text", "").strip()
    name = request.POST.get("author_name", "").strip() or "reader"
    author = request.POST.get("author_id", "")
    if text:
        reader_comment_row(post, int(author) if author.isdigit() else 1001, name, text)
    return redirect(reverse("sandbox:instagram_profile", args=[ig_user_id]))
