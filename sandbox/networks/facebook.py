"""The emulated Facebook Graph API for Pages: ``/sandbox/facebook/graph/[vN.N/]<path>``,
the Page as readers see it (``/sandbox/facebook/page/<page-id>/``), and the Meta
webhook a reader's comment sends.

Wire format per docs/networks.md §4 (checklist §4.8): parameters from the query string,
form or multipart body; ``access_token`` there or as ``Authorization: Bearer``;
answers are bare JSON objects; errors ``{"error": {"message", "type", "code",
"error_subcode", "fbtrace_id"}}`` with HTTP 4xx (500 for injected server errors).
Ids: a Page post is ``<page-id>_<n>``, a comment ``<n>_<m>`` (the post's number and
the comment's), photos and videos bare numbers. What the sandbox assumes beyond the
sources (limits, the duplicate rule, the blocked edge's answers) is listed in
``syndication/api/NOTES.md`` (Facebook).

Tokens: the Page token of the ``SandboxAccount``; a Page token issued by the
sandbox's OAuth (``sandbox.oauth``) is adopted by the Page its
first call names, so an account connected through OAuth publishes here too.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import secrets
import time
from datetime import UTC, datetime

import requests
from django import forms
from django.core.cache import cache
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from sandbox import callbacks
from sandbox.common import CommentForm, request_params, take_fault, windows
from sandbox.models import (
    FACEBOOK,
    SandboxAccount,
    SandboxBan,
    SandboxComment,
    SandboxMedia,
    SandboxPost,
)
from sandbox.serve import arrival

VERSION = re.compile(r"^v\d+(\.\d+)?/")
TEXT_LIMIT = 63206  # docs/networks.md §4.4, UNVERIFIED
ATTACHED_MEDIA_LIMIT = 10  # UNVERIFIED (no documented maximum found)
RATE = (200, 60.0)  # calls per token and window: a sandbox figure, UNVERIFIED
COMMENTS_PAGE_MAX = 100
VIDEO = "video"


class GraphFail(Exception):
    def __init__(self, code: int, message: str, status: int = 400, subcode=None,
                 kind: str = "OAuthException", transient: bool | None = None):  # fmt: skip
        super().__init__(message)
        self.code, self.message, self.status = code, message, status
        self.subcode, self.kind, self.transient = subcode, kind, transient


def invalid(what: str) -> GraphFail:
    return GraphFail(100, f"(#100) {what}", kind="GraphMethodException")


def missing(object_id: str) -> GraphFail:
    return GraphFail(
        100,
        f"Unsupported get request. Object with ID '{object_id}' does not exist, "
        "cannot be loaded due to missing permissions, or does not support this "
        "operation.",
        subcode=33,
        kind="GraphMethodException",
    )


def error_response(fail: GraphFail) -> JsonResponse:
    error = {"message": fail.message, "type": fail.kind, "code": fail.code}
    if fail.subcode is not None:
        error["error_subcode"] = fail.subcode
    if fail.transient is not None:
        error["is_transient"] = fail.transient
    error["fbtrace_id"] = secrets.token_urlsafe(8)
    return JsonResponse({"error": error}, status=fail.status)


EXPIRED = GraphFail(
    190, "Error validating access token: Session has expired.", subcode=463
)
INVALID_TOKEN = GraphFail(190, "Invalid OAuth access token - Cannot parse access token")


def _token(request, params: dict) -> str:
    auth = request.headers.get("Authorization", "")
    if auth.startswith("Bearer "):
        return auth[7:].strip()
    return str(params.get("access_token", ""))


def _account(token: str, node: str) -> SandboxAccount | None:
    if not token:
        return None
    account = SandboxAccount.objects.filter(network=FACEBOOK, token=token).first()
    if account is not None:
        return account
    account = _adopted(token)
    if account is not None:
        return account
    # A Page token the sandbox's OAuth issued: it acts for the Page it first names.
    if cache.get(f"sandbox-oauth:token:{token}") == "facebook-page":
        page_id = node.split("_", 1)[0]
        account = SandboxAccount.objects.filter(
            network=FACEBOOK, external_id=page_id
        ).first()
        if account is not None:
            extra = dict(account.extra)
            extra["oauth_tokens"] = [*extra.get("oauth_tokens", []), token][-5:]
            account.extra = extra
            account.save(update_fields=["extra"])
        return account
    return None


def _adopted(token: str) -> SandboxAccount | None:
    # A scan rather than a JSON lookup (SQLite): the sandbox has a few Pages at most.
    for account in SandboxAccount.objects.filter(network=FACEBOOK):
        if token in (account.extra or {}).get("oauth_tokens", []):
            return account
    return None


@csrf_exempt
def graph_view(request, path: str):
    arrived = arrival(request)
    path = VERSION.sub("", path.strip("/"))
    parts = [p for p in path.split("/") if p]
    params = request_params(request)
    token = _token(request, params)
    try:
        if not parts:
            raise invalid("Unknown path components")
        account = _account(token, parts[0])
        if account is None:
            raise INVALID_TOKEN
        if account.token_revoked:
            raise EXPIRED
        _faults(account, request.method, parts)
        if account.enforce_rate_limits and windows.hit(
            f"facebook:{token}", RATE[0], RATE[1], arrived
        ):
            raise GraphFail(32, "Page request limit reached", status=400)
        result = route(request, account, parts, params)
    except GraphFail as fail:
        return error_response(fail)
    return JsonResponse(result)


def _faults(account, method: str, parts: list[str]) -> None:
    name = f"{method} {parts[-1] if len(parts) > 1 else 'node'}"
    latency, fault = take_fault(FACEBOOK, account, name)
    if latency:
        time.sleep(latency / 1000)
    if fault == "http500":
        raise GraphFail(
            2, "An unexpected error has occurred. Please retry your request later.",
            status=500, transient=True,
        )  # fmt: skip
    if fault == "rate_limit":
        raise GraphFail(32, "Page request limit reached")
    if fault == "auth":
        raise EXPIRED


# -- routing -------------------------------------------------------------------------


def route(request, account, parts: list[str], params: dict) -> dict:
    method = request.method
    node, edge = parts[0], (parts[1] if len(parts) > 1 else "")
    if len(parts) > 2:
        raise invalid("Unknown path components")
    if node == "me":
        node = account.external_id
    if node == account.external_id:
        handler = PAGE_EDGES.get((method, edge))
        if handler is None:
            raise invalid(f"Unknown path components: /{edge}")
        return handler(request, account, params)
    if edge == "picture" and method == "GET":
        return picture(request, account, node, params)
    target = resolve(account, node)
    if edge == "comments":
        if method == "GET":
            return list_comments(request, account, target, params)
        if method == "POST":
            return create_comment(account, target, params)
    elif not edge:
        if method == "GET":
            return object_view(account, target)
        if method == "POST":
            return update_object(account, target, params)
        if method == "DELETE":
            return delete_object(account, target)
    raise invalid("Unsupported request")


def resolve(account, node: str):
    """The post, video, comment or photo a Graph id names, of this Page only."""
    head, _, tail = node.partition("_")
    if tail:
        if not (head.isdigit() and tail.isdigit()):
            raise missing(node)
        if head == account.external_id:
            post = account.posts.filter(remote_id=int(tail), deleted=False).first()
            if post is not None and post.kind != VIDEO:
                return post
            raise missing(node)
        comment = SandboxComment.objects.filter(
            post__account=account, post__remote_id=int(head), remote_id=int(tail),
            deleted=False, post__deleted=False,
        ).first()  # fmt: skip
        if comment is None:
            raise missing(node)
        return comment
    if not node.isdigit():
        raise missing(node)
    video = account.posts.filter(remote_id=int(node), kind=VIDEO, deleted=False).first()
    if video is not None:
        return video
    photo = SandboxMedia.objects.filter(
        account=account, kind=SandboxMedia.PHOTO, remote_id=int(node)
    ).first()
    if photo is None or photo.meta.get("deleted"):
        raise missing(node)
    return photo


# -- the Page and its edges -------------------------------------------------------------


def page_view(request, account, params) -> dict:
    fields = str(params.get("fields", "id,name")).split(",")
    data = {"id": account.external_id}
    if "name" in fields:
        data["name"] = account.name
    if "access_token" in fields:
        data["access_token"] = account.token
    return data


def post_id(post: SandboxPost) -> str:
    if post.kind == VIDEO:
        return str(post.remote_id)
    return f"{post.account.external_id}_{post.remote_id}"


def comment_id(comment: SandboxComment) -> str:
    return f"{comment.post.remote_id}_{comment.remote_id}"


def graph_time(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def _attached_media(account, params) -> list[SandboxMedia]:
    found = []
    for index in range(ATTACHED_MEDIA_LIMIT + 1):
        raw = params.get(f"attached_media[{index}]")
        if raw is None:
            break
        if index == ATTACHED_MEDIA_LIMIT:
            raise invalid("Too many attached_media")
        try:
            fbid = str(json.loads(raw)["media_fbid"])
        except (ValueError, KeyError, TypeError):
            raise invalid("Param attached_media must be a JSON object") from None
        photo = SandboxMedia.objects.filter(
            account=account, kind=SandboxMedia.PHOTO,
            remote_id=int(fbid) if fbid.isdigit() else -1,
        ).first()  # fmt: skip
        if photo is None or photo.meta.get("published") or photo.meta.get("attached"):
            raise invalid(f"Invalid media_fbid {fbid}")
        found.append(photo)
    return found


def create_feed_post(request, account, params) -> dict:
    message = str(params.get("message", ""))
    link = str(params.get("link", ""))
    photos = _attached_media(account, params)
    if link and not link.startswith(("http://", "https://")):
        raise GraphFail(1609005, "Error Posting Link", kind="OAuthException")
    if not message.strip() and not link and not photos:
        raise invalid("Missing message or attachment")
    if len(message) > TEXT_LIMIT:
        raise invalid("Message is too long")
    last = account.posts.filter(deleted=False).exclude(kind=VIDEO).first()
    if (
        last is not None
        and message.strip()
        and last.text == message
        and (last.attachments.get("link", "") == link)
    ):
        raise GraphFail(506, "Duplicate status message", subcode=1455006)
    post = SandboxPost.objects.create(
        account=account, remote_id=account.next_id(), kind="post", text=message,
        attachments={"photos": [p.key for p in photos], "link": link},
    )  # fmt: skip
    for photo in photos:
        photo.meta = {**photo.meta, "attached": post_id(post)}
        photo.save(update_fields=["meta"])
    return {"id": post_id(post)}


def _upload(request, account, params, kind: str) -> SandboxMedia:
    file = request.FILES.get("source")
    url = str(params.get("url") or params.get("file_url") or "")
    if file is None and not url:
        raise invalid("Requires upload file")
    return SandboxMedia.objects.create(
        account=account, kind=kind, key=secrets.token_hex(8),
        remote_id=account.next_id(),
        filename=(file.name if file else url.rsplit("/", 1)[-1])[:200],
        content_type=(file.content_type if file else "") or "",
        data=file.read() if file else b"",
        meta={"url": url} if url else {},
    )  # fmt: skip


def create_photo(request, account, params) -> dict:
    published = str(params.get("published", "true")).lower() != "false"
    photo = _upload(request, account, params, SandboxMedia.PHOTO)
    caption = str(params.get("caption") or params.get("message") or "")
    photo.meta = {**photo.meta, "published": published, "caption": caption}
    photo.save(update_fields=["meta"])
    if not published:
        return {"id": str(photo.remote_id)}
    post = SandboxPost.objects.create(
        account=account, remote_id=account.next_id(), kind="photo", text=caption,
        attachments={"photos": [photo.key]},
    )  # fmt: skip
    return {"id": str(photo.remote_id), "post_id": post_id(post)}


def create_video(request, account, params) -> dict:
    media = _upload(request, account, params, VIDEO)
    post = SandboxPost.objects.create(
        account=account, remote_id=media.remote_id, kind=VIDEO,
        text=str(params.get("description", "")), attachments={"video": media.key},
        meta={"title": str(params.get("title", ""))},
    )  # fmt: skip
    return {"id": post_id(post)}


def list_feed(request, account, params) -> dict:
    posts = account.posts.filter(deleted=False)[:25]
    return {
        "data": [
            {
                "id": post_id(p),
                "message": p.text,
                "created_time": graph_time(p.created_at),
            }
            for p in posts
        ],
        "paging": {},
    }


def _user_ids(params) -> list[int]:
    raw = str(params.get("user") or params.get("uid") or params.get("psid") or "")
    ids = [part.strip() for part in raw.strip("[]").replace('"', "").split(",")]
    if not ids or not all(part.isdigit() for part in ids):
        raise invalid("Param user must be a valid user id")
    return [int(part) for part in ids]


def block_users(request, account, params) -> dict:
    result = {}
    for user_id in _user_ids(params):
        SandboxBan.objects.update_or_create(account=account, user_id=user_id)
        result[str(user_id)] = True
    return result


def unblock_users(request, account, params) -> dict:
    SandboxBan.objects.filter(account=account, user_id__in=_user_ids(params)).delete()
    return {"success": True}


def list_blocked(request, account, params) -> dict:
    names = dict(
        SandboxComment.objects.filter(post__account=account).values_list(
            "author_id", "author_name"
        )
    )
    return {
        "data": [
            {"id": str(ban.user_id), "name": names.get(ban.user_id, "")}
            for ban in account.bans.order_by("created_at")
        ],
        "paging": {},
    }


PAGE_EDGES = {
    ("GET", ""): page_view,
    ("POST", "feed"): create_feed_post,
    ("GET", "feed"): list_feed,
    ("POST", "photos"): create_photo,
    ("POST", "videos"): create_video,
    ("POST", "blocked"): block_users,
    ("DELETE", "blocked"): unblock_users,
    ("GET", "blocked"): list_blocked,
}


# -- people -----------------------------------------------------------------------------


def picture(request, account, node: str, params) -> dict:
    """The User Picture edge for a reader who commented on the Page: with
    ``redirect=false`` its ``data`` (``url``, ``is_silhouette``, ``width``,
    ``height``); the sandbox answers only that form (the real edge redirects by
    default)."""
    reader = None
    if node.isdigit():
        reader = SandboxComment.objects.filter(
            post__account=account, author_id=int(node)
        ).first()
    if reader is None:
        raise missing(node)
    if str(params.get("redirect", "")).lower() not in ("false", "0"):
        raise invalid("The sandbox answers the picture edge with redirect=false only")
    url = request.build_absolute_uri(reverse("sandbox:avatar", args=[reader.author_id]))
    return {"data": {"url": url, "is_silhouette": False, "width": 100, "height": 100}}


# -- objects: posts, videos, comments, photos -----------------------------------------


def comment_object(comment: SandboxComment) -> dict:
    data = {
        "id": comment_id(comment),
        "message": comment.text,
        "created_time": graph_time(comment.created_at),
        "from": {"id": str(comment.author_id), "name": comment.author_name},
        "is_hidden": comment.hidden,
    }
    if comment.reply_to:
        data["parent"] = {"id": f"{comment.post.remote_id}_{comment.reply_to}"}
    return data


def object_view(account, target) -> dict:
    if isinstance(target, SandboxPost):
        data = {"id": post_id(target), "created_time": graph_time(target.created_at)}
        if target.kind == VIDEO:
            data.update(title=target.meta.get("title", ""), description=target.text)
        else:
            data["message"] = target.text
            data["permalink_url"] = _permalink(account, target)
        return data
    if isinstance(target, SandboxComment):
        return comment_object(target)
    return {"id": str(target.remote_id), "name": target.meta.get("caption", "")}


def _permalink(account, post) -> str:
    return f"/sandbox/facebook/page/{account.external_id}/#post{post.remote_id}"


def update_object(account, target, params) -> dict:
    if isinstance(target, SandboxComment):
        if "is_hidden" in params:
            target.hidden = str(params["is_hidden"]).lower() == "true"
            target.save(update_fields=["hidden"])
        elif "message" in params:
            target.text = str(params["message"])
            target.save(update_fields=["text"])
        else:
            raise invalid("Nothing to update")
        return {"success": True}
    if isinstance(target, SandboxPost):
        name = "description" if target.kind == VIDEO else "message"
        if name not in params and not (target.kind == VIDEO and "name" in params):
            raise invalid(f"Param {name} is required")
        if name in params:
            text = str(params[name])
            if len(text) > TEXT_LIMIT:
                raise invalid("Message is too long")
            target.text = text
        if target.kind == VIDEO and "name" in params:
            target.meta = {**target.meta, "title": str(params["name"])}
        target.edited_at = datetime.now(UTC)
        target.save()
        return {"success": True}
    raise invalid("Unsupported post request")


def delete_object(account, target) -> dict:
    if isinstance(target, SandboxMedia):
        target.meta = {**target.meta, "deleted": True}
        target.save(update_fields=["meta"])
    else:
        target.deleted = True
        target.save(update_fields=["deleted"])
        if isinstance(target, SandboxComment) and target.author_id != int(
            account.external_id
        ):
            push_comment(target, "remove")
    return {"success": True}


def _cursor(remote_id: int) -> str:
    return base64.urlsafe_b64encode(f"c:{remote_id}".encode()).decode().rstrip("=")


def _after(cursor: str) -> int:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        return int(base64.urlsafe_b64decode(padded).decode().split(":", 1)[1])
    except (ValueError, IndexError):
        raise invalid("Invalid cursor") from None


def list_comments(request, account, target, params) -> dict:
    if isinstance(target, SandboxMedia):
        raise invalid("Unsupported get request")
    if isinstance(target, SandboxComment):
        comments = target.post.comments.filter(reply_to=target.remote_id)
    else:
        comments = target.comments.all()
        if params.get("filter", "toplevel") != "stream":
            comments = comments.filter(reply_to__isnull=True)
    comments = comments.filter(deleted=False).order_by("remote_id")
    if params.get("order") == "reverse_chronological":
        comments = comments.order_by("-remote_id")
    if params.get("after"):
        comments = comments.filter(remote_id__gt=_after(str(params["after"])))
    try:
        limit = max(1, min(int(params.get("limit", 25)), COMMENTS_PAGE_MAX))
    except ValueError:
        raise invalid("Param limit must be a number") from None
    page = list(comments[: limit + 1])
    more, page = len(page) > limit, page[:limit]
    result = {"data": [comment_object(c) for c in page]}
    if page:
        paging = {
            "cursors": {
                "before": _cursor(page[0].remote_id),
                "after": _cursor(page[-1].remote_id),
            }
        }
        if more:
            base = request.build_absolute_uri(request.path)
            query = {k: v for k, v in params.items() if k != "access_token"}
            query["after"] = paging["cursors"]["after"]
            paging["next"] = base + "?" + "&".join(f"{k}={v}" for k, v in query.items())
        result["paging"] = paging
    else:
        result["paging"] = {}
    if str(params.get("summary", "")).lower() == "true":
        result["summary"] = {"total_count": comments.count(), "order": "chronological"}
    return result


def create_comment(account, target, params) -> dict:
    if isinstance(target, SandboxMedia):
        raise invalid("Unsupported post request")
    message = str(params.get("message", "")).strip()
    if not message:
        raise invalid("Missing message")
    post = target.post if isinstance(target, SandboxComment) else target
    reply_to = target.remote_id if isinstance(target, SandboxComment) else None
    comment = SandboxComment.objects.create(
        post=post, remote_id=account.next_id(), author_id=int(account.external_id),
        author_name=account.name, text=message, reply_to=reply_to,
    )  # fmt: skip
    return {"id": comment_id(comment)}


# -- the Meta webhook (docs/networks.md §4.6) ------------------------------------------------


def signature(app_secret: str, body: bytes) -> str:
    digest = hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def feed_change(comment: SandboxComment, verb: str) -> dict:
    """The ``feed`` change value of a comment event (§4.6)."""
    post = comment.post
    value = {
        "item": "comment", "verb": verb, "comment_id": comment_id(comment),
        "post_id": post_id(post),
        "parent_id": (
            f"{post.remote_id}_{comment.reply_to}" if comment.reply_to else post_id(post)
        ),
        "from": {"id": str(comment.author_id), "name": comment.author_name},
        "created_time": int(comment.created_at.timestamp()),
    }  # fmt: skip
    if verb != "remove":
        value["message"] = comment.text
    return value


def push_comment(comment: SandboxComment, verb: str) -> None:
    """Send a readers' comment event to the Page's webhook (``callback_url``), signed
    with the app secret (``callback_secret``) as ``X-Hub-Signature-256``."""
    account = comment.post.account
    if account.network != FACEBOOK or not account.callback_url:
        return
    body = {
        "object": "page",
        "entry": [{
            "id": account.external_id, "time": int(time.time()),
            "changes": [{"field": "feed", "value": feed_change(comment, verb)}],
        }],
    }  # fmt: skip
    # ``requests`` sends ``json=`` as json.dumps(body) in UTF-8: sign those bytes.
    raw = json.dumps(body, allow_nan=False).encode()
    headers = {"X-Hub-Signature-256": signature(account.callback_secret, raw)}
    callbacks._schedule(
        callbacks.Job(FACEBOOK, account.pk, account.callback_url, f"feed {verb}",
                      body, headers)
    )  # fmt: skip


def verify_subscription(account) -> bool:
    """Meta's handshake when an app subscribes: ``GET callback?hub.mode=subscribe&
    hub.verify_token=…&hub.challenge=…``; the server must answer the challenge."""
    challenge = str(secrets.randbelow(10**9))
    try:
        response = requests.get(
            account.callback_url,
            params={"hub.mode": "subscribe", "hub.verify_token": account.callback_code,
                    "hub.challenge": challenge},
            timeout=callbacks.TIMEOUT,
        )  # fmt: skip
    except requests.RequestException:
        return False
    return response.status_code == 200 and response.text.strip() == challenge


# -- the Page as readers see it -----------------------------------------------------------


def _entries(account) -> list[dict]:
    posts = list(account.posts.filter(deleted=False).prefetch_related("comments"))
    # Every post's photos and video in one query rather than two per post.
    wanted = set()
    for post in posts:
        wanted.update(post.attachments.get("photos", []))
        wanted.add(post.attachments.get("video"))
    found = {m.key: m for m in SandboxMedia.objects.filter(key__in=wanted - {None})}
    entries = []
    for post in posts:
        keys = post.attachments.get("photos", [])
        video = post.attachments.get("video")
        entries.append({
            "post": post, "graph_id": post_id(post), "text": post.text,
            "photos": [found[k] for k in keys if k in found],
            "link": post.attachments.get("link", ""),
            "video": found.get(video) if video else None,
            "title": post.meta.get("title", ""),
            "comments": [c for c in post.comments.all() if not c.deleted],
        })  # fmt: skip
    return entries


def page(request, page_id: str):
    account = get_object_or_404(SandboxAccount, network=FACEBOOK, external_id=page_id)
    return render(
        request,
        "sandbox/facebook_page.html",
        {"account": account, "entries": _entries(account)},
    )


def reader_comment(post: SandboxPost, author_id: int, author_name: str, text: str,
                   reply_to: int | None = None) -> SandboxComment:  # fmt: skip
    """A reader comments (the page form, tests, the demo); the webhook is told."""
    comment = SandboxComment.objects.create(
        post=post, remote_id=post.account.next_id(), author_id=author_id,
        author_name=author_name, text=text, reply_to=reply_to,
    )  # fmt: skip
    push_comment(comment, "add")
    return comment


@require_POST
def comment(request, page_id: str, post_pk: int):
    post = get_object_or_404(
        SandboxPost, pk=post_pk, account__network=FACEBOOK,
        account__external_id=page_id, deleted=False,
    )  # fmt: skip
    form = CommentForm(request.POST)
    if not form.is_valid():
        raise Http404
    reply_to = request.POST.get("reply_to", "")
    reader_comment(
        post, form.cleaned_data["author_id"], form.cleaned_data["author_name"],
        form.cleaned_data["text"], int(reply_to) if reply_to.isdigit() else None,
    )  # fmt: skip
    return redirect(
        reverse("sandbox:facebook_page", args=[page_id]) + f"#post{post.remote_id}"
    )


# -- the app's webhook subscription (what Meta's app dashboard sets) ----------------------


class SubscriptionForm(forms.ModelForm):
    callback_url = forms.URLField(
        label=_("Callback URL"), required=False, max_length=500, assume_scheme="http",
        help_text=_("Leave empty to stop sending events."),
        widget=forms.URLInput(attrs={"size": 60}),
    )  # fmt: skip
    callback_secret = forms.CharField(label=_("App secret"), required=False)
    callback_code = forms.CharField(label=_("Verify token"), required=False)

    class Meta:
        model = SandboxAccount
        fields = ["callback_url", "callback_secret", "callback_code"]


def subscription(request, page_id: str):
    """Set where the Page's comment events go; saving a URL runs Meta's
    ``hub.challenge`` handshake against it, as subscribing an app does."""
    account = get_object_or_404(SandboxAccount, network=FACEBOOK, external_id=page_id)
    form = SubscriptionForm(request.POST or None, instance=account)
    verified = None
    if request.method == "POST" and form.is_valid():
        account = form.save()
        if account.callback_url:
            verified = verify_subscription(account)
    deliveries = [d for d in callbacks.log if d["account"] == account.pk][:20]
    return render(
        request,
        "sandbox/facebook_subscription.html",
        {"account": account, "form": form, "verified": verified,
         "deliveries": deliveries},
    )  # fmt: skip
