"""The emulated WordPress site: ``/sandbox/wordpress/<blog>/wp-json/wp/v2/<route>`` and
the blog as readers see it, ``/sandbox/wordpress/<blog>/`` (one post: ``?p=<id>``).

Wire format per docs/networks.md §6.A: JSON in and out; errors are WP's object
``{"code", "message", "data": {"status"}}`` with that HTTP status. HTTP Basic auth
with the username and application password of ``SandboxAccount.extra`` (spaces in
the password optional). Posts go to the trash on DELETE (a second DELETE: 410
``rest_already_trashed``; ``?force=true`` deletes for good), media uploads check
their headers (``rest_upload_no_data`` …), tags and categories are found with
``?search=`` and created with POST (``term_exists`` with ``data.term_id`` when the
name is taken), comments carry WP statuses (``SandboxComment.status``: approved,
hold, spam, trash; ``""`` counts as approved). The content is filtered with the
emulator's own copy of KSES's post allow-list, as WordPress does for an author
without ``unfiltered_html``. Assumptions (UNVERIFIED exact codes: ``incorrect_password``,
``invalid_username``, ``term_exists`` data shape, ``empty_content``) are listed in
``syndication/api/NOTES.md`` (WordPress)."""

from __future__ import annotations

import base64
import binascii
import json
import re
import time
from datetime import UTC, datetime

import bleach
from django import forms
from django.db import transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from sandbox.common import take_fault
from sandbox.models import (
    WORDPRESS,
    SandboxAccount,
    SandboxComment,
    SandboxMedia,
    SandboxPost,
)
from sandbox.serve import arrival

# The emulator's own copy of what KSES keeps in a post for an author (a subset of
# $allowedposttags, wp-includes/kses.php): it checks the render rather than
# trusting the same list.
POST_TAGS = frozenset(
    [
        "p",
        "br",
        "a",
        "b",
        "strong",
        "i",
        "em",
        "u",
        "s",
        "del",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "cite",
        "ul",
        "ol",
        "li",
        "figure",
        "figcaption",
        "img",
        "hr",
        "code",
        "pre",
    ]
)
POST_ATTRS = {"a": ["href", "title", "rel"], "img": ["src", "alt", "width", "height"]}
PROTOCOLS = ["http", "https", "mailto"]
POST_STATUSES = ("publish", "future", "draft", "pending", "private")
# get_post_stati(): what a collection's ``status`` may name (core's own statuses).
POST_STATI = (*POST_STATUSES, "trash", "auto-draft", "inherit")
# handle_status_param of the comments controller (§6.A.5).
COMMENT_STATUS_IN = {
    "approve": "approved", "approved": "approved", "1": "approved",
    "hold": "hold", "0": "hold", "spam": "spam", "unspam": "approved",
    "trash": "trash", "untrash": "approved",
}  # fmt: skip
COMMENT_FILTER = {
    "approve": {"approved", ""}, "hold": {"hold"}, "spam": {"spam"},
    "trash": {"trash"}, "all": {"approved", "", "hold"},
}  # fmt: skip
UNCATEGORIZED = {"id": 1, "name": "Без рубрики", "slug": "uncategorized"}
MAX_PER_PAGE = 100


class WpFail(Exception):
    def __init__(self, status: int, code: str, message: str, **data):
        super().__init__(message)
        self.status, self.code, self.message, self.data = status, code, message, data


def error_response(fail: WpFail) -> JsonResponse:
    body = {
        "code": fail.code,
        "message": fail.message,
        "data": {"status": fail.status, **fail.data},
    }
    response = JsonResponse(body, status=fail.status)
    if fail.status in (429, 503):
        response["Retry-After"] = "5"
    return response


def _json(data, status=200, headers=None) -> JsonResponse:
    response = JsonResponse(data, status=status, safe=False)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


# -- authentication -------------------------------------------------------------------
def _password(value: str) -> str:
    return (value or "").replace(" ", "")


def authenticate(request, account: SandboxAccount) -> bool:
    """True when the request carries the blog user's application password; False
    without credentials; ``WpFail`` 401 for wrong ones."""
    header = request.headers.get("Authorization", "")
    if not header:
        return False
    scheme, _, encoded = header.partition(" ")
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        decoded = ""
    username, sep, password = decoded.partition(":")
    if scheme.lower() != "basic" or not sep:
        raise WpFail(401, "rest_not_logged_in", "You are not currently logged in.")
    if username != account.extra.get("username"):
        raise WpFail(401, "invalid_username", "Unknown username. Check again or try your email address.")  # fmt: skip
    expected = _password(account.extra.get("application_password", ""))
    if account.token_revoked or _password(password) != expected:
        raise WpFail(401, "incorrect_password", "The provided password is an invalid application password.")  # fmt: skip
    return True


def require_auth(authed: bool, code: str, message: str) -> None:
    if not authed:
        raise WpFail(401, code, message)


# -- JSON shapes ----------------------------------------------------------------------
def blog_url(request, account) -> str:
    return request.build_absolute_uri(
        reverse("sandbox:wp_blog", args=[account.external_id])
    )


def _date(value: datetime | None) -> tuple[str, str]:
    value = value or timezone.now()
    local = timezone.localtime(value)
    return local.strftime("%Y-%m-%dT%H:%M:%S"), value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")  # fmt: skip


def user_id(account) -> int:
    return int(account.extra.get("user_id") or 1)


def post_json(request, post: SandboxPost) -> dict:
    meta = post.meta
    date, date_gmt = _date(post.created_at)
    modified, modified_gmt = _date(post.edited_at or post.created_at)
    link = f"{blog_url(request, post.account)}?p={post.remote_id}"
    return {
        "id": post.remote_id, "date": date, "date_gmt": date_gmt,
        "guid": {"rendered": link, "raw": link},
        "modified": modified, "modified_gmt": modified_gmt,
        "slug": meta.get("slug", ""), "status": meta.get("status", "publish"),
        "type": "post", "link": link,
        "title": {"raw": meta.get("title", ""), "rendered": meta.get("title", "")},
        "content": {"raw": post.text, "rendered": post.text, "protected": False, "block_version": 0},
        "excerpt": {"raw": meta.get("excerpt", ""), "rendered": f"<p>{meta.get('excerpt', '')}</p>", "protected": False},
        "author": user_id(post.account), "featured_media": meta.get("featured_media", 0),
        "comment_status": "open", "sticky": False, "format": "standard",
        "categories": meta.get("categories", []), "tags": meta.get("tags", []),
    }  # fmt: skip


def media_json(request, media: SandboxMedia) -> dict:
    source = request.build_absolute_uri(
        reverse(
            "sandbox:wp_upload",
            args=[media.account.external_id, media.key, media.filename],
        )  # fmt: skip
    )
    date, date_gmt = _date(media.created_at)
    return {
        "id": media.remote_id, "date": date, "date_gmt": date_gmt, "type": "attachment",
        "slug": slugify(media.filename), "status": "inherit", "media_type": "image",
        "mime_type": media.content_type, "source_url": source, "link": source,
        "title": {"raw": media.filename, "rendered": media.filename},
        "media_details": {"filesize": len(media.data)}, "author": user_id(media.account),
    }  # fmt: skip


def comment_status(comment: SandboxComment) -> str:
    return comment.status or "approved"


def comment_json(request, comment: SandboxComment, edit=False) -> dict:
    date, date_gmt = _date(comment.created_at)
    rendered = "<p>" + bleach.clean(comment.text, tags=[], strip=True) + "</p>\n"
    content = {"rendered": rendered}
    if edit:
        content["raw"] = comment.text
    return {
        "id": comment.remote_id, "post": comment.post.remote_id,
        "parent": comment.reply_to or 0, "author": comment.author_id,
        "author_name": comment.author_name, "author_url": "",
        "date": date, "date_gmt": date_gmt, "content": content,
        "link": f"{blog_url(request, comment.post.account)}?p={comment.post.remote_id}#comment-{comment.remote_id}",
        "status": comment_status(comment), "type": "comment",
    }  # fmt: skip


# -- request data ---------------------------------------------------------------------
def body_params(request) -> dict:
    if (request.content_type or "").startswith("application/json"):
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            raise WpFail(
                400, "rest_invalid_json", "Invalid JSON body passed."
            ) from None
        return data if isinstance(data, dict) else {}
    return {k: v for k, v in request.POST.items()}


def _flag(value) -> bool:
    return str(value).lower() in ("true", "1")


def int_list(params, name) -> list[int] | None:
    if name not in params:
        return None
    value = params[name]
    if isinstance(value, str):
        value = [v for v in value.split(",") if v.strip()]
    if not isinstance(value, list):
        raise WpFail(400, "rest_invalid_param", f"Invalid parameter(s): {name}", params={name: f"{name} is not of type array."})  # fmt: skip
    try:
        return [int(v) for v in value]
    except (TypeError, ValueError):
        raise WpFail(400, "rest_invalid_param", f"Invalid parameter(s): {name}", params={name: f"{name}[0] is not of type integer."}) from None  # fmt: skip


def terms(account, taxonomy: str) -> list[dict]:
    stored = account.extra.get("terms", {}).get(taxonomy)
    if stored is None:
        return [dict(UNCATEGORIZED)] if taxonomy == "categories" else []
    return stored


# -- posts ----------------------------------------------------------------------------
def _get_post(account, post_id) -> SandboxPost:
    post = account.posts.filter(remote_id=post_id, deleted=False).first()
    if post is None:
        raise WpFail(404, "rest_post_invalid_id", "Invalid post ID.")
    return post


def _post_fields(account, params, current: dict | None = None) -> dict:
    meta = dict(current or {})
    for name in ("title", "excerpt", "slug"):
        if name in params:
            value = params[name]
            meta[name] = value.get("raw", "") if isinstance(value, dict) else str(value)
    if "status" in params:
        if params["status"] not in POST_STATUSES:
            raise WpFail(400, "rest_invalid_param", "Invalid parameter(s): status", params={"status": "status is not one of publish, future, draft, pending, private."})  # fmt: skip
        meta["status"] = params["status"]
    meta.setdefault("status", "draft")
    for taxonomy in ("tags", "categories"):
        ids = int_list(params, taxonomy)
        if ids is not None:
            known = {t["id"] for t in terms(account, taxonomy)}
            if set(ids) - known:
                raise WpFail(400, "rest_invalid_param", f"Invalid parameter(s): {taxonomy}", params={taxonomy: "Invalid term ID."})  # fmt: skip
            meta[taxonomy] = ids
    meta.setdefault("tags", [])
    if not meta.get("categories"):
        meta["categories"] = [UNCATEGORIZED["id"]]
    if "featured_media" in params:
        try:
            media_id = int(params["featured_media"] or 0)
        except (TypeError, ValueError):
            media_id = -1
        if media_id and not account.sandboxmedia_set.filter(kind=SandboxMedia.PHOTO, remote_id=media_id).exists():  # fmt: skip
            raise WpFail(
                400, "rest_invalid_featured_media", "Invalid featured media ID."
            )
        meta["featured_media"] = media_id
    return meta


def kses(content) -> str:
    if isinstance(content, dict):
        content = content.get("raw", "")
    return bleach.clean(str(content), tags=POST_TAGS, attributes=POST_ATTRS, protocols=PROTOCOLS, strip=True)  # fmt: skip


def _page_params(params) -> tuple[int, int]:
    try:
        per_page = int(params.get("per_page", 10))
        page = int(params.get("page", 1))
    except ValueError:
        raise WpFail(
            400, "rest_invalid_param", "Invalid parameter(s): per_page"
        ) from None
    if not 1 <= per_page <= MAX_PER_PAGE or page < 1:
        raise WpFail(400, "rest_invalid_param", "Invalid parameter(s): per_page", params={"per_page": "per_page must be between 1 (inclusive) and 100 (inclusive)"})  # fmt: skip
    return per_page, page


def query_list(params, name) -> list[str] | None:
    """A collection's array argument as WordPress takes it: ``name=1,2`` or
    ``name[]=1&name[]=2`` (rest_sanitize_array splits a string on commas)."""
    values = params.getlist(f"{name}[]") or params.getlist(name)
    if not values:
        return None
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def only_fields(request, item: dict) -> dict:
    """``_fields``: the answer keeps the top-level fields named (rest_filter_response_fields)."""
    wanted = query_list(request.GET, "_fields")
    if not wanted:
        return item
    top = {name.split(".", 1)[0] for name in wanted}
    return {k: v for k, v in item.items() if k in top}


def _post_statuses(params, authed) -> set[str]:
    """``status`` as WP_REST_Posts_Controller::sanitize_post_statuses reads it: the
    default ``publish`` for anyone, any other registered status (or ``any``: all but
    the trash and auto-drafts) only for a user who may edit posts."""
    statuses = query_list(params, "status") or ["publish"]
    for status in statuses:
        if status == "publish":
            continue
        if not authed:
            raise WpFail(401, "rest_forbidden_status", "Status is forbidden.")
        if status not in (*POST_STATI, "any"):
            raise WpFail(400, "rest_invalid_param", "Invalid parameter(s): status", params={"status": f"status[0] is not one of {', '.join((*POST_STATI, 'any'))}."})  # fmt: skip
    if "any" in statuses:
        return {*POST_STATUSES}
    return set(statuses)


def posts_collection(request, account, authed, rest):
    if request.method == "GET":
        params = request.GET
        per_page, page = _page_params(params)
        statuses = _post_statuses(params, authed)
        posts = account.posts.filter(deleted=False, kind="article")
        include = query_list(params, "include")
        if include is not None:
            try:
                posts = posts.filter(remote_id__in=[int(v) for v in include])
            except ValueError:
                raise WpFail(400, "rest_invalid_param", "Invalid parameter(s): include", params={"include": "include[0] is not of type integer."}) from None  # fmt: skip
        items = [p for p in posts.order_by("-created_at", "-remote_id")
                 if p.meta.get("status", "publish") in statuses]  # fmt: skip
        total = len(items)
        pages = -(-total // per_page)
        if total and page > pages:
            raise WpFail(400, "rest_post_invalid_page_number", "The page number requested is larger than the number of pages available.")  # fmt: skip
        chunk = items[(page - 1) * per_page : page * per_page]
        return _json([only_fields(request, post_json(request, p)) for p in chunk],
                     headers={"X-WP-Total": total, "X-WP-TotalPages": pages})  # fmt: skip
    require_auth(authed, "rest_cannot_create", "Sorry, you are not allowed to create posts as this user.")  # fmt: skip
    params = body_params(request)
    if params.get("id"):
        raise WpFail(400, "rest_post_exists", "Cannot create existing post.")
    meta = _post_fields(account, params)
    content = kses(params.get("content", ""))
    if not (content.strip() or meta.get("title") or meta.get("excerpt")):
        raise WpFail(400, "empty_content", "Content, title, and excerpt are empty.")
    meta.setdefault("slug", slugify(meta.get("title", ""), allow_unicode=True)[:190])
    post = SandboxPost.objects.create(
        account=account, remote_id=account.next_id(), kind="article", text=content,
        parse_mode="html", meta=meta,
    )  # fmt: skip
    body = post_json(request, post)
    location = request.build_absolute_uri(
        f"{request.path.rstrip('/')}/{post.remote_id}"
    )
    return _json(body, 201, {"Location": location})


def post_item(request, account, authed, rest):
    post = _get_post(account, rest)
    if request.method == "GET":
        if post.meta.get("status") != "publish" and not authed:
            raise WpFail(
                401, "rest_forbidden", "Sorry, you are not allowed to do that."
            )
        return _json(only_fields(request, post_json(request, post)))
    if request.method == "DELETE":
        require_auth(authed, "rest_cannot_delete", "Sorry, you are not allowed to delete this post.")  # fmt: skip
        if _flag(request.GET.get("force")):
            previous = post_json(request, post)
            SandboxPost.objects.filter(pk=post.pk).update(deleted=True)
            return _json({"deleted": True, "previous": previous})
        if post.meta.get("status") == "trash":
            raise WpFail(
                410, "rest_already_trashed", "The post has already been deleted."
            )
        post.meta = {**post.meta, "status": "trash"}
        post.save(update_fields=["meta"])
        return _json(post_json(request, post))
    require_auth(authed, "rest_cannot_edit", "Sorry, you are not allowed to edit this post.")  # fmt: skip
    params = body_params(request)
    post.meta = _post_fields(account, params, post.meta)
    if "content" in params:
        post.text = kses(params["content"])
    post.edited_at = timezone.now()
    post.save()
    return _json(post_json(request, post))


# -- media ----------------------------------------------------------------------------
DISPOSITION_FILENAME = re.compile(
    r'filename\*?=(?:UTF-8\'\')?"?([^";]+)"?', re.IGNORECASE
)


def media_collection(request, account, authed, rest):
    if request.method == "GET":
        items = account.sandboxmedia_set.filter(
            kind=SandboxMedia.PHOTO, remote_id__isnull=False
        )
        return _json([media_json(request, m) for m in items.order_by("-remote_id")[:MAX_PER_PAGE]])  # fmt: skip
    require_auth(authed, "rest_cannot_create", "Sorry, you are not allowed to upload media on this site.")  # fmt: skip
    upload = request.FILES.get("file")
    if upload is not None:
        data, filename = upload.read(), upload.name
        content_type = upload.content_type or "application/octet-stream"
    else:
        data = request.body
        if not data:
            raise WpFail(400, "rest_upload_no_data", "No data supplied.")
        content_type = request.headers.get("Content-Type", "")
        if not content_type:
            raise WpFail(
                400, "rest_upload_no_content_type", "No Content-Type supplied."
            )
        disposition = request.headers.get("Content-Disposition", "")
        if not disposition:
            raise WpFail(400, "rest_upload_no_content_disposition", "No Content-Disposition supplied.")  # fmt: skip
        match = DISPOSITION_FILENAME.search(disposition)
        if not match:
            raise WpFail(400, "rest_upload_invalid_disposition", "Invalid Content-Disposition supplied. Content-Disposition needs to be formatted as `attachment; filename=\"image.png\"` or similar.")  # fmt: skip
        filename = match.group(1).strip()
    if not content_type.startswith(("image/", "video/")):
        raise WpFail(500, "rest_upload_sideload_error", "Sorry, you are not allowed to upload this file type.")  # fmt: skip
    remote_id = account.next_id()
    media = SandboxMedia.objects.create(
        account=account, kind=SandboxMedia.PHOTO, key=f"wp{account.pk}-{remote_id}",
        remote_id=remote_id, filename=slugify_filename(filename),
        content_type=content_type.split(";")[0], data=data,
    )  # fmt: skip
    return _json(media_json(request, media), 201)


def slugify_filename(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    safe = slugify(stem) or "file"
    return f"{safe}.{ext.lower()}" if ext else safe


def media_item(request, account, authed, rest):
    media = account.sandboxmedia_set.filter(
        kind=SandboxMedia.PHOTO, remote_id=rest
    ).first()
    if media is None:
        raise WpFail(404, "rest_post_invalid_id", "Invalid post ID.")
    return _json(media_json(request, media))


# -- terms ----------------------------------------------------------------------------
def terms_collection(taxonomy):
    def view(request, account, authed, rest):
        if request.method == "GET":
            items = terms(account, taxonomy)
            search = (request.GET.get("search") or "").casefold()
            if search:
                items = [t for t in items if search in t["name"].casefold()]
            kind = "post_tag" if taxonomy == "tags" else "category"
            return _json([{**t, "taxonomy": kind} for t in items])
        require_auth(authed, "rest_cannot_create", "Sorry, you are not allowed to create terms in this taxonomy.")  # fmt: skip
        name = str(body_params(request).get("name", "")).strip()
        if not name:
            raise WpFail(400, "rest_missing_callback_param", "Missing parameter(s): name", params=["name"])  # fmt: skip
        with transaction.atomic():
            locked = SandboxAccount.objects.select_for_update().get(pk=account.pk)
            items = terms(locked, taxonomy)
            for term in items:
                if term["name"].casefold() == name.casefold():
                    raise WpFail(400, "term_exists", "A term with the name provided already exists with this parent.", term_id=term["id"])  # fmt: skip
            # Term ids are shared by every taxonomy, as in wp_terms.
            term = {"id": account.next_id(), "name": name, "slug": slugify(name, allow_unicode=True)}  # fmt: skip
            stored = locked.extra.setdefault("terms", {})
            stored[taxonomy] = [*items, term]
            locked.save(update_fields=["extra"])
        return _json(term, 201)

    return view


# -- comments -------------------------------------------------------------------------
def _comments(account):
    return SandboxComment.objects.filter(post__account=account, deleted=False).select_related("post__account")  # fmt: skip


def _get_comment(account, comment_id) -> SandboxComment:
    comment = _comments(account).filter(remote_id=comment_id).first()
    if comment is None:
        raise WpFail(404, "rest_comment_invalid_id", "Invalid comment ID.")
    return comment


def _wp_date(value: str) -> datetime:
    """``after`` as WordPress reads it: a date without an offset is the site's local
    time, compared with ``comment_date`` (WP_Comment_Query's date_query column)."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise WpFail(400, "rest_invalid_param", "Invalid parameter(s): after", params={"after": "Invalid date."}) from None  # fmt: skip
    return parsed if parsed.tzinfo else timezone.make_aware(parsed)


def comments_collection(request, account, authed, rest):
    if request.method == "GET":
        params = request.GET
        status = params.get("status", "approve")
        if status != "approve":
            require_auth(authed, "rest_forbidden_param", "Query parameter not permitted: status")  # fmt: skip
        edit = params.get("context") == "edit"
        if edit:
            require_auth(authed, "rest_forbidden_context", "Sorry, you are not allowed to edit comments.")  # fmt: skip
        per_page, page = _page_params(params)
        items = [c for c in _comments(account) if comment_status(c) in COMMENT_FILTER.get(status, {status})]  # fmt: skip
        wanted = query_list(params, "post")
        if wanted:
            # As get_items_permissions_check, for each post asked for: the comments
            # of a post readers cannot see (trashed, a draft) are for its author
            # only; its author (our client) still gets them, so a trashed post is
            # not told by this list.
            ids = [int(v) if v.isdigit() else 0 for v in wanted]
            for post in account.posts.filter(remote_id__in=ids, deleted=False):
                if post.meta.get("status", "publish") != "publish" and not authed:
                    raise WpFail(401, "rest_cannot_read_post", "Sorry, you are not allowed to read the post for this comment.")  # fmt: skip
            items = [c for c in items if c.post.remote_id in ids]
        if params.get("after"):
            after = _wp_date(params["after"])
            items = [c for c in items if c.created_at.replace(microsecond=0) > after]
        key = {"id": lambda c: c.remote_id}.get(params.get("orderby", "date_gmt"), lambda c: (c.created_at, c.remote_id))  # fmt: skip
        items.sort(key=key, reverse=params.get("order", "desc") == "desc")
        total = len(items)
        pages = -(-total // per_page)
        if total and page > pages:
            raise WpFail(400, "rest_comment_invalid_page_number", "The page number requested is larger than the number of pages available.")  # fmt: skip
        chunk = items[(page - 1) * per_page : page * per_page]
        return _json([only_fields(request, comment_json(request, c, edit)) for c in chunk],
                     headers={"X-WP-Total": total, "X-WP-TotalPages": pages})  # fmt: skip
    require_auth(authed, "rest_comment_login_required", "Sorry, you must be logged in to comment.")  # fmt: skip
    params = body_params(request)
    text = str(params.get("content", "")).strip()
    if not text:
        raise WpFail(400, "rest_comment_content_invalid", "Invalid comment content.")
    post = account.posts.filter(
        remote_id=params.get("post") or 0, deleted=False
    ).first()
    if post is None:
        raise WpFail(403, "rest_comment_invalid_post_id", "Sorry, you are not allowed to create this comment without a post.")  # fmt: skip
    parent = int(params.get("parent") or 0)
    if parent and not post.comments.filter(remote_id=parent, deleted=False).exists():
        raise WpFail(400, "rest_comment_invalid_parent", "Invalid comment parent ID.")  # fmt: skip
    comment = SandboxComment.objects.create(
        post=post, remote_id=account.next_id(), author_id=user_id(account),
        author_name=account.name, text=text, reply_to=parent or None, status="approved",
    )  # fmt: skip
    return _json(comment_json(request, comment, edit=True), 201)


def comment_item(request, account, authed, rest):
    comment = _get_comment(account, rest)
    if request.method == "GET":
        if comment_status(comment) != "approved":
            require_auth(authed, "rest_cannot_read", "Sorry, you are not allowed to read this comment.")  # fmt: skip
        return _json(comment_json(request, comment, authed))
    require_auth(authed, "rest_cannot_edit", "Sorry, you are not allowed to edit this comment.")  # fmt: skip
    if request.method == "DELETE":
        if _flag(request.GET.get("force")):
            previous = comment_json(request, comment, True)
            SandboxComment.objects.filter(pk=comment.pk).update(deleted=True)
            return _json({"deleted": True, "previous": previous})
        if comment.status == "trash":
            raise WpFail(410, "rest_already_trashed", "The comment has already been trashed.")  # fmt: skip
        _set_status(comment, "trash")
        return _json(comment_json(request, comment, True))
    params = body_params(request)
    if "status" in params:
        status = COMMENT_STATUS_IN.get(str(params["status"]))
        if status is None:
            raise WpFail(
                400, "rest_comment_failed_edit", "Updating comment status failed."
            )
        _set_status(comment, status)
    if "content" in params:
        comment.text = str(params["content"])
        comment.save(update_fields=["text"])
    return _json(comment_json(request, comment, True))


def _set_status(comment: SandboxComment, status: str) -> None:
    comment.status = status
    comment.hidden = status != "approved"
    comment.save(update_fields=["status", "hidden"])


# -- users, index ---------------------------------------------------------------------
def users_me(request, account, authed, rest):
    require_auth(authed, "rest_not_logged_in", "You are not currently logged in.")
    username = account.extra.get("username", "")
    return _json({
        "id": user_id(account), "name": account.name, "slug": username,
        "username": username, "roles": ["author"],
        "link": blog_url(request, account),
        "capabilities": {"read": True, "edit_posts": True, "publish_posts": True,
                         "upload_files": True, "delete_posts": True},
    })  # fmt: skip


ROUTES = [
    (re.compile(r"^posts/?$"), posts_collection, ("GET", "POST")),
    (re.compile(r"^posts/(\d+)/?$"), post_item, ("GET", "POST", "PUT", "PATCH", "DELETE")),
    (re.compile(r"^media/?$"), media_collection, ("GET", "POST")),
    (re.compile(r"^media/(\d+)/?$"), media_item, ("GET",)),
    (re.compile(r"^tags/?$"), terms_collection("tags"), ("GET", "POST")),
    (re.compile(r"^categories/?$"), terms_collection("categories"), ("GET", "POST")),
    (re.compile(r"^comments/?$"), comments_collection, ("GET", "POST")),
    (re.compile(r"^comments/(\d+)/?$"), comment_item, ("GET", "POST", "PUT", "PATCH", "DELETE")),
    (re.compile(r"^users/me/?$"), users_me, ("GET",)),
]  # fmt: skip


def _blog(blog: str) -> SandboxAccount:
    account = SandboxAccount.objects.filter(network=WORDPRESS, external_id=blog).first()
    if account is None:
        raise Http404
    return account


@csrf_exempt
def api_view(request, blog: str, route: str = ""):
    arrival(request)
    account = _blog(blog)
    head = route.split("/", 1)[0] or "index"
    latency, fault = take_fault(WORDPRESS, account, head)
    if latency:
        time.sleep(latency / 1000)
    try:
        if fault == "http500":
            raise WpFail(500, "internal_server_error", "There has been a critical error on this website.")  # fmt: skip
        if fault == "rate_limit":  # a host's limiter, not core (§6.A.7)
            raise WpFail(429, "rest_too_many_requests", "Too many requests.")
        if fault == "auth":
            raise WpFail(401, "incorrect_password", "The provided password is an invalid application password.")  # fmt: skip
        authed = authenticate(request, account)
        for pattern, handler, methods in ROUTES:
            match = pattern.match(route)
            if match:
                if request.method not in methods:
                    raise WpFail(404, "rest_no_route", "No route was found matching the URL and request method.")  # fmt: skip
                return handler(request, account, authed, match.group(1) if match.groups() else "")  # fmt: skip
        raise WpFail(404, "rest_no_route", "No route was found matching the URL and request method.")  # fmt: skip
    except WpFail as fail:
        return error_response(fail)


def index_view(request, blog: str):
    account = _blog(blog)
    base = blog_url(request, account)
    return _json({
        "name": account.name, "description": "", "url": base.rstrip("/"), "home": base.rstrip("/"),
        "namespaces": ["oembed/1.0", "wp/v2", "wp-site-health/v1"],
        "authentication": {"application-passwords": {"endpoints": {
            "authorization": f"{base}wp-admin/authorize-application.php"}}},
        "routes": {f"/wp/v2/{name}": {} for name in ("posts", "media", "tags", "categories", "comments", "users/me")},
    })  # fmt: skip


def upload_file(request, blog: str, key: str, filename: str):
    media = get_object_or_404(SandboxMedia, key=key, account__network=WORDPRESS, account__external_id=blog)  # fmt: skip
    return HttpResponse(bytes(media.data), content_type=media.content_type or "application/octet-stream")  # fmt: skip


# -- the blog as readers see it -------------------------------------------------------
class ReaderCommentForm(forms.Form):
    author_name = forms.CharField(max_length=200)
    text = forms.CharField(widget=forms.Textarea)


def _entry(request, post: SandboxPost) -> dict:
    account = post.account
    names = {taxonomy: {t["id"]: t["name"] for t in terms(account, taxonomy)} for taxonomy in ("tags", "categories")}  # fmt: skip
    featured = None
    if post.meta.get("featured_media"):
        media = account.sandboxmedia_set.filter(
            remote_id=post.meta["featured_media"]
        ).first()
        featured = media_json(request, media)["source_url"] if media else None
    comments = [c for c in post.comments.filter(deleted=False) if comment_status(c) == "approved"]  # fmt: skip
    return {
        "post": post, "title": post.meta.get("title", ""),
        # What was stored passed the emulator's KSES; cleaned again for the browser.
        "body": mark_safe(kses(post.text)),  # noqa: S308 - bleach-cleaned allow-list
        "featured": featured,
        "tags": [names["tags"].get(i, i) for i in post.meta.get("tags", [])],
        "categories": [names["categories"].get(i, i) for i in post.meta.get("categories", [])],
        "comments": comments,
    }  # fmt: skip


def blog_view(request, blog: str):
    account = _blog(blog)
    posts = account.posts.filter(deleted=False, kind="article")
    posts = [p for p in posts if p.meta.get("status") == "publish"]
    single = request.GET.get("p")
    if single:
        posts = [p for p in posts if str(p.remote_id) == single]
        if not posts:
            raise Http404
    return render(request, "sandbox/wordpress_blog.html", {
        "account": account, "entries": [_entry(request, p) for p in posts],
        "single": bool(single),
    })  # fmt: skip


@require_POST
def reader_comment(request, blog: str, post_id: int):
    """A reader comments on the blog: held for moderation when it has a link (as
    core holds comments with links by default, UNVERIFIED threshold), else approved."""
    account = _blog(blog)
    post = get_object_or_404(
        SandboxPost, account=account, remote_id=post_id, deleted=False
    )
    form = ReaderCommentForm(request.POST)
    if form.is_valid():
        add_reader_comment(
            post, form.cleaned_data["author_name"], form.cleaned_data["text"]
        )
    return redirect(f"{reverse('sandbox:wp_blog', args=[blog])}?p={post_id}")


def add_reader_comment(post: SandboxPost, author_name: str, text: str, status: str = "") -> SandboxComment:  # fmt: skip
    """A guest's comment (author 0): tests and the demo use it too."""
    status = status or ("hold" if "http" in text else "approved")
    return SandboxComment.objects.create(
        post=post, remote_id=post.account.next_id(), author_id=0, author_name=author_name,
        text=text, status=status, hidden=status != "approved",
    )  # fmt: skip
