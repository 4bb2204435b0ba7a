"""The emulated VK API: ``/sandbox/vk/method/<name>`` and its photo upload server.

Wire format per docs/networks.md §1 (VK API 5.199): every answer is HTTP 200 with
``{"response": …}`` or ``{"error": {"error_code", "error_msg", "request_params"}}``."""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from datetime import UTC, datetime

from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from sandbox import callbacks, oauth, stats
from sandbox.common import request_params, take_fault, windows
from sandbox.models import (
    VK,
    SandboxAccount,
    SandboxBan,
    SandboxComment,
    SandboxMedia,
    SandboxPost,
)
from sandbox.serve import arrival

API_VERSION = "5.199"
TEXT_LIMIT = 16384  # docs/networks.md §1.4 (UNVERIFIED there; see api/NOTES.md)
MEDIA_LIMIT = 10
POLL_ANSWERS_MAX = 10
POLL_ANSWER_LENGTH = 100
RATE = {"user": 3, "community": 20}
USER_ONLY = {"photos.getWallUploadServer", "photos.saveWallPhoto", "polls.create"}
USER_ONLY |= {"groups.ban", "groups.unban", "wall.deleteComment"}
# groups.edit changes the community itself: VK accepts it only from an admin's user token.
USER_ONLY |= {"groups.edit"}
# The community's main photo is set by an admin (user token); the cover also accepts a
# community token with the photos right.
USER_ONLY |= {"photos.getOwnerPhotoUploadServer", "photos.saveOwnerPhoto"}
# stats.* accept a user token only (vk-api-schema stats/methods.json).
USER_ONLY |= {"stats.getPostReach"}
POST_REACH_MAX = 30  # stats.getPostReach post_ids maxItems (the same schema)
ADMIN = {"id": 1, "first_name": "Sandbox", "last_name": "Admin"}


class VkFail(Exception):
    def __init__(self, code: int, msg: str):
        super().__init__(msg)
        self.code, self.msg = code, msg


def invalid(name: str) -> VkFail:
    return VkFail(
        100, f"One of the parameters specified was missing or invalid: {name}"
    )


def _envelope_error(code: int, msg: str, params: dict) -> JsonResponse:
    shown = [
        {"key": k, "value": str(v)}
        for k, v in params.items()
        if k not in {"access_token", "message"}
    ]
    return JsonResponse(
        {"error": {"error_code": code, "error_msg": msg, "request_params": shown}}
    )


def _token(request, params: dict) -> str:
    auth = request.headers.get("Authorization", "")
    if auth.startswith("Bearer "):
        return auth[7:].strip()
    return params.get("access_token", "")


@csrf_exempt
def method_view(request, method: str):
    arrived = arrival(request)
    params = request_params(request)
    params["method"] = method
    if not params.get("v"):
        return _envelope_error(8, "Invalid request: v (version) is required", params)
    token = _token(request, params)
    account = (
        SandboxAccount.objects.filter(network=VK, token=token).first()
        if token
        else None
    )
    # A user token the sandbox's OAuth issued acts for the community chosen on consent.
    adopted = account is None and token
    if adopted:
        account = oauth.account_for(VK, token)
    if account is None:
        return _envelope_error(
            5, "User authorization failed: invalid access_token (4).", params
        )
    if account.token_revoked or (adopted and oauth.expired(account, token)):
        return _envelope_error(
            5, "User authorization failed: access_token has expired.", params
        )
    latency, fault = take_fault(VK, account, method)
    if latency:
        time.sleep(latency / 1000)
    if fault == "http500":
        return HttpResponse("Internal Server Error", status=500)
    if fault == "rate_limit":
        return _envelope_error(6, "Too many requests per second", params)
    if fault == "auth":
        return _envelope_error(
            5, "User authorization failed: access_token has expired.", params
        )
    kind = "user" if adopted else (account.token_type or "user")
    if account.enforce_rate_limits and windows.hit(
        f"vk:{token}", RATE[kind], 1.0, arrived
    ):
        return _envelope_error(6, "Too many requests per second", params)
    handler = HANDLERS.get(method)
    if handler is None:
        return _envelope_error(3, "Unknown method passed", params)
    if kind == "community" and method in USER_ONLY:
        return _envelope_error(
            27,
            "Group authorization failed: method is unavailable with group auth.",
            params,
        )
    try:
        result = handler(request, account, params)
    except VkFail as fail:
        return _envelope_error(fail.code, fail.msg, params)
    return JsonResponse({"response": result})


# -- helpers -----------------------------------------------------------------------


def _int(params: dict, name: str, default=None) -> int:
    value = params.get(name, default)
    try:
        return int(value)
    except (TypeError, ValueError):
        raise invalid(name) from None


def _owner(account, params: dict) -> int:
    owner_id = _int(params, "owner_id")
    if owner_id != -int(account.external_id):
        raise VkFail(15, "Access denied: no access to this wall")
    return owner_id


def _post(account, params: dict) -> SandboxPost:
    _owner(account, params)
    post = account.posts.filter(
        remote_id=_int(params, "post_id"), deleted=False
    ).first()
    if post is None:
        raise VkFail(104, "Not found")
    return post


def _parse_attachments(account, params: dict) -> dict:
    """``photo-1_2,poll-1_3,https://…`` -> what the post shows; rejects what VK does."""
    raw = params.get("attachments", "")
    items = [item.strip() for item in str(raw).split(",") if item.strip()]
    photos, polls, links = [], [], []
    for item in items:
        if item.startswith(("http://", "https://")):
            links.append(item)
            continue
        for kind in ("photo", "poll", "video", "doc"):
            if item.startswith(kind):
                owner_media = item[len(kind) :].split("_")
                break
        else:
            raise invalid("attachments")
        try:
            owner_id, media_id = int(owner_media[0]), int(owner_media[1])
        except (ValueError, IndexError):
            raise invalid("attachments") from None
        media_kind = SandboxMedia.POLL if kind == "poll" else SandboxMedia.PHOTO
        media = SandboxMedia.objects.filter(
            account=account, kind=media_kind, remote_id=media_id
        ).first()
        if (
            media is None
            or owner_id != -int(account.external_id)
            or kind in {"video", "doc"}
        ):
            raise invalid("attachments")
        (polls if kind == "poll" else photos).append(media.key)
    if len(photos) > MEDIA_LIMIT:
        raise invalid("attachments (no more than 10 media)")
    if len(polls) > 1 or len(links) > 1:
        raise invalid("attachments")
    result = {"photos": photos}
    if polls:
        result["poll"] = polls[0]
    if links:
        result["link"] = links[0]
    return result


def _content(account, params: dict) -> tuple[str, dict]:
    message = str(params.get("message", ""))
    attachments = _parse_attachments(account, params)
    if not message.strip() and not attachments["photos"] and "link" not in attachments:
        # A poll cannot be the only content of a post (dev.vk.com wall.post, 2026).
        raise invalid("message is empty or invalid")
    if len(message) > TEXT_LIMIT:
        raise invalid("message is too long")
    return message, attachments


def _post_object(post: SandboxPost) -> dict:
    gid = int(post.account.external_id)
    counters = stats.post_counters(post)  # growing with the post's age
    return {
        "id": post.remote_id,
        "owner_id": -gid,
        "from_id": -gid,
        "date": int(post.created_at.timestamp()),
        "text": post.text,
        "post_type": "post",
        "comments": {"count": counters["comments"], "can_post": 1},
        "likes": {"count": counters["likes"], "user_likes": 0, "can_like": 1},
        "reposts": {"count": counters["reposts"], "user_reposted": 0},
        "views": {"count": counters["views"]},
    }


# -- methods -----------------------------------------------------------------------


def users_get(request, account, params):
    """The token's owner without ``user_ids``; else the readers who commented in the
    sandbox (their names as written), with an avatar the sandbox draws."""
    ids = [i for i in str(params.get("user_ids", "")).split(",") if i.strip().isdigit()]
    if not ids:
        return [ADMIN]
    people = []
    for user_id in map(int, ids):
        comment = (
            SandboxComment.objects.filter(author_id=user_id).order_by("-pk").first()
        )
        first, _, last = (comment.author_name if comment else f"id{user_id}").partition(
            " "
        )
        avatar = reverse("sandbox:avatar", args=[user_id])
        people.append(
            {
                "id": user_id,
                "first_name": first,
                "last_name": last,
                "screen_name": f"id{user_id}",
                "photo_100": request.build_absolute_uri(avatar),
            }
        )
    return people


def groups_get_by_id(request, account, params):
    ids = str(params.get("group_ids") or params.get("group_id") or account.external_id)
    if account.external_id not in ids.split(","):
        raise invalid("group_ids")
    group = {
        "id": int(account.external_id),
        "name": account.name,
        "screen_name": f"club{account.external_id}",
        "is_closed": 0,
        "type": "page",
        "is_admin": 1,
    }
    if "description" in str(params.get("fields", "")):
        group["description"] = account.description
    if "members_count" in str(params.get("fields", "")):
        group["members_count"] = stats.audience(account)
    return {"groups": [group], "profiles": []}


def groups_edit(request, account, params):
    """Only the fields Vestnik sets (the description); VK answers 1 on success."""
    if str(params.get("group_id", "")) != account.external_id:
        raise invalid("group_id")
    if "description" in params:
        account.description = str(params["description"])
        account.save(update_fields=["description"])
    return 1


def wall_post(request, account, params):
    _owner(account, params)
    guid = str(params.get("guid", ""))[:200]
    if guid:
        existing = account.posts.filter(guid=guid, deleted=False).first()
        if existing:  # the same post again: VK answers with the first one
            return {"post_id": existing.remote_id}
    message, attachments = _content(account, params)
    post = SandboxPost.objects.create(
        account=account,
        remote_id=account.next_id(),
        kind="post",
        text=message,
        attachments=attachments,
        guid=guid,
    )
    return {"post_id": post.remote_id}


def wall_edit(request, account, params):
    post = _post(account, params)
    post.text, post.attachments = _content(account, params)
    post.edited_at = datetime.now(UTC)
    post.save()
    return {"post_id": post.remote_id}


def wall_delete(request, account, params):
    post = _post(account, params)
    post.deleted = True
    post.save(update_fields=["deleted"])
    return 1


def wall_get(request, account, params):
    _owner(account, params)
    posts = account.posts.filter(deleted=False)
    offset, count = _int(params, "offset", 0), min(_int(params, "count", 20), 100)
    return {
        "count": posts.count(),
        "items": [_post_object(p) for p in posts[offset : offset + count]],
    }


def wall_get_by_id(request, account, params):
    items = []
    for ref in str(params.get("posts", "")).split(","):
        owner, _, pid = ref.strip().partition("_")
        if owner == f"-{account.external_id}" and pid.isdigit():
            post = account.posts.filter(remote_id=int(pid), deleted=False).first()
            if post:
                items.append(_post_object(post))
    return {"items": items}


def stats_get_post_reach(request, account, params):
    """One ``stats_wallpost_stat`` per post (vk-api-schema stats/objects.json); the
    sandbox runs no ads, so the ``ad_*`` and ``reach_ads`` figures are 0."""
    _owner(account, params)
    ids = [i.strip() for i in str(params.get("post_ids", "")).split(",") if i.strip()]
    if not ids or len(ids) > POST_REACH_MAX or not all(i.isdigit() for i in ids):
        raise invalid("post_ids")
    rows = []
    for post in account.posts.filter(remote_id__in=ids, deleted=False):
        counters = stats.post_counters(post)
        reach = counters["reach"]
        rows.append({
            "post_id": post.remote_id, "reach_total": reach,
            "reach_subscribers": counters["reach_subscribers"],
            "reach_viral": reach - counters["reach_subscribers"], "reach_ads": 0,
            "links": reach // 40, "to_group": reach // 90, "join_group": reach // 400,
            "hide": reach // 700, "report": 0, "unsubscribe": reach // 2000,
        })  # fmt: skip
    if not rows:
        raise VkFail(210, "Access to wall's post denied")
    return rows


def _upload_hash(account, photo: str) -> str:
    return hashlib.sha256(f"{account.token}|{photo}".encode()).hexdigest()[:32]


def photos_get_wall_upload_server(request, account, params):
    gid = _int(params, "group_id")
    if gid != int(account.external_id):
        raise VkFail(203, "Access to group denied")
    url = request.build_absolute_uri(reverse("sandbox:vk_upload"))
    return {
        "album_id": -14,
        "upload_url": f"{url}?gid={gid}&aid=-14&token_hint={account.pk}",
        "user_id": ADMIN["id"],
        "group_id": gid,
    }


@csrf_exempt
def upload_view(request):
    """The upload host: bare JSON ``{server, photo, hash}``, not wrapped."""
    account = SandboxAccount.objects.filter(
        network=VK, pk=request.GET.get("token_hint") or 0
    ).first()
    if account is None or request.method != "POST":
        return JsonResponse({"error": "invalid upload url"}, status=400)
    photos = []
    for name, file in request.FILES.items():
        if not (name == "photo" or name.startswith("file")):
            continue
        media = SandboxMedia.objects.create(
            account=account,
            key=secrets.token_hex(8),
            filename=file.name[:200],
            content_type=file.content_type or "",
            data=file.read(),
        )
        photos.append({"photo": f"{media.key}:w", "sizes": [], "kid": media.key})
    photo = json.dumps(photos)
    return JsonResponse(
        {"server": 856312, "photo": photo, "hash": _upload_hash(account, photo)}
    )


def _upload_server(request, account, gid: int) -> dict:
    url = request.build_absolute_uri(reverse("sandbox:vk_upload"))
    return {"upload_url": f"{url}?gid={gid}&aid=-14&token_hint={account.pk}"}


def _uploaded_media(account, params) -> SandboxMedia:
    """The file an upload server took, checked against the hash it returned."""
    photo = str(params.get("photo", ""))
    if params.get("hash") != _upload_hash(account, photo):
        raise VkFail(121, "Invalid hash")
    try:
        items = json.loads(photo)
    except ValueError:
        raise invalid("photo") from None
    media = SandboxMedia.objects.filter(
        account=account, key=(items[0].get("kid") if items else None)
    ).first()
    if media is None:
        raise VkFail(121, "Invalid hash")
    return media


def photos_get_owner_photo_upload_server(request, account, params):
    if _int(params, "owner_id") != -int(account.external_id):
        raise VkFail(203, "Access to group denied")
    return _upload_server(request, account, int(account.external_id))


def photos_save_owner_photo(request, account, params):
    media = _uploaded_media(account, params)
    media.kind = SandboxMedia.AVATAR
    media.save(update_fields=["kind"])
    url = request.build_absolute_uri(reverse("sandbox:media", args=[media.key]))
    return {"photo_hash": media.key, "photo_src": url, "saved": 1}


def photos_get_owner_cover_photo_upload_server(request, account, params):
    gid = _int(params, "group_id")
    if gid != int(account.external_id):
        raise VkFail(203, "Access to group denied")
    return _upload_server(request, account, gid)


def photos_save_owner_cover_photo(request, account, params):
    media = _uploaded_media(account, params)
    media.kind = SandboxMedia.COVER
    media.save(update_fields=["kind"])
    url = request.build_absolute_uri(reverse("sandbox:media", args=[media.key]))
    return {"images": [{"url": url, "width": 1590, "height": 530}]}


def photos_save_wall_photo(request, account, params):
    if _int(params, "group_id") != int(account.external_id):
        raise VkFail(203, "Access to group denied")
    photo = str(params.get("photo", ""))
    if params.get("hash") != _upload_hash(account, photo):
        raise VkFail(121, "Invalid hash")
    try:
        items = json.loads(photo)
    except ValueError:
        raise invalid("photo") from None
    if not items:
        raise invalid("photos_list is invalid")
    result = []
    for item in items:
        media = SandboxMedia.objects.filter(
            account=account, key=item.get("kid")
        ).first()
        if media is None:
            raise VkFail(121, "Invalid hash")
        if media.remote_id is None:
            media.remote_id = account.next_id()
            media.meta = {"caption": str(params.get("caption", ""))[:2048]}
            media.save()
        url = request.build_absolute_uri(reverse("sandbox:media", args=[media.key]))
        result.append(
            {
                "id": media.remote_id,
                "owner_id": -int(account.external_id),
                "album_id": -14,
                "date": int(media.created_at.timestamp()),
                "text": media.meta.get("caption", ""),
                "access_key": media.key,
                "sizes": [{"type": "x", "url": url, "width": 0, "height": 0}],
            }
        )
    return result


def polls_create(request, account, params):
    owner_id = _owner(account, params)
    question = str(params.get("question", "")).strip()
    try:
        answers = json.loads(params.get("add_answers", "[]"))
    except ValueError:
        raise invalid("add_answers") from None
    if not question:
        raise invalid("question")
    if not isinstance(answers, list) or not 1 <= len(answers) <= POLL_ANSWERS_MAX:
        raise invalid("add_answers")
    if any(not str(a).strip() or len(str(a)) > POLL_ANSWER_LENGTH for a in answers):
        raise invalid("add_answers")
    poll_id = account.next_id()
    meta = {
        "question": question,
        "answers": [str(a) for a in answers],
        "anonymous": str(params.get("is_anonymous", "0")) == "1",
        "multiple": str(params.get("is_multiple", "0")) == "1",
    }
    SandboxMedia.objects.create(
        account=account,
        kind=SandboxMedia.POLL,
        key=secrets.token_hex(8),
        remote_id=poll_id,
        meta=meta,
    )
    return {
        "id": poll_id,
        "owner_id": owner_id,
        "question": question,
        "votes": 0,
        "answers": [
            {"id": i + 1, "text": text, "votes": 0, "rate": 0}
            for i, text in enumerate(meta["answers"])
        ],
        "anonymous": meta["anonymous"],
        "multiple": meta["multiple"],
    }


def comment_object(comment: SandboxComment) -> dict:
    """The comment object of wall.getComments and of ``wall_reply_new``."""
    gid = int(comment.post.account.external_id)
    data = {
        "id": comment.remote_id,
        "from_id": comment.author_id,
        "date": int(comment.created_at.timestamp()),
        "text": comment.text,
        "post_id": comment.post.remote_id,
        "owner_id": -gid,
        "parents_stack": [],
    }
    if comment.reply_to:
        data["reply_to_comment"] = comment.reply_to
    return data


def comment_written(comment: SandboxComment) -> None:
    """A reader's comment reaches the Callback API server as ``wall_reply_new``."""
    callbacks.vk_event(comment.post.account, "wall_reply_new", comment_object(comment))


def wall_get_comments(request, account, params):
    post = _post(account, params)
    comments = post.comments.filter(deleted=False)
    start = params.get("start_comment_id")
    if start:
        comments = comments.filter(remote_id__gte=_int(params, "start_comment_id"))
    if params.get("sort") == "desc":
        comments = comments.order_by("-remote_id")
    offset, count = _int(params, "offset", 0), min(_int(params, "count", 10), 100)
    page = list(comments[offset : offset + count])
    result = {
        "count": comments.count(),
        "current_level_count": comments.count(),
        "items": [comment_object(c) for c in page],
        "can_post": True,
        "show_reply_button": True,
        "groups_can_post": True,
    }
    if str(params.get("extended", "0")) == "1":
        result["profiles"] = [
            {
                "id": c.author_id,
                "first_name": c.author_name.partition(" ")[0],
                "last_name": c.author_name.partition(" ")[2],
            }
            for c in page
            if c.author_id > 0
        ]
        result["groups"] = []
    return result


def wall_create_comment(request, account, params):
    post = _post(account, params)
    message = str(params.get("message", "")).strip()
    if not message:
        raise invalid("message")
    reply_to = params.get("reply_to_comment")
    comment = SandboxComment.objects.create(
        post=post,
        remote_id=account.next_id(),
        author_id=-int(account.external_id),
        author_name=account.name,
        text=message,
        reply_to=int(reply_to) if str(reply_to or "").isdigit() else None,
    )
    return {"comment_id": comment.remote_id, "parents_stack": []}


def wall_delete_comment(request, account, params):
    _owner(account, params)
    comment = SandboxComment.objects.filter(
        post__account=account, remote_id=_int(params, "comment_id")
    ).first()
    if comment is None:  # wall.deleteComment lists 211 and 104 (vk-api-schema)
        raise VkFail(104, "Not found")
    if not comment.deleted:
        comment.deleted = True
        comment.save(update_fields=["deleted"])
        # docs/networks.md §1.6: {owner_id, id, user_id (who deleted), post_id}
        callbacks.vk_event(account, "wall_reply_delete", {
            "owner_id": -int(account.external_id), "id": comment.remote_id,
            "user_id": ADMIN["id"], "post_id": comment.post.remote_id,
        })  # fmt: skip
    return 1


def _group(account, params):
    if _int(params, "group_id") != int(account.external_id):
        raise VkFail(203, "Access to group denied")


def groups_ban(request, account, params):
    _group(account, params)
    user_id = _int(params, "owner_id")
    end = params.get("end_date")
    until = datetime.fromtimestamp(int(end), UTC) if str(end or "").isdigit() else None
    ban, _ = SandboxBan.objects.update_or_create(
        account=account,
        user_id=user_id,
        defaults={
            "reason": str(params.get("reason", "0")),
            "comment": str(params.get("comment", "")),
            "until": until,
        },
    )
    # docs/networks.md §1.6: user_block = {admin_id, user_id, unblock_date, reason, comment}
    callbacks.vk_event(account, "user_block", {
        "admin_id": ADMIN["id"], "user_id": user_id,
        "unblock_date": int(until.timestamp()) if until else 0,
        "reason": int(ban.reason) if ban.reason.isdigit() else 0, "comment": ban.comment,
    })  # fmt: skip
    return 1


def groups_unban(request, account, params):
    _group(account, params)
    user_id = _int(params, "owner_id")
    deleted, _ = SandboxBan.objects.filter(account=account, user_id=user_id).delete()
    if deleted:
        callbacks.vk_event(account, "user_unblock", {
            "admin_id": ADMIN["id"], "user_id": user_id, "by_end_date": 0,
        })  # fmt: skip
    return 1


def groups_get_banned(request, account, params):
    _group(account, params)
    everyone = account.bans.order_by("created_at")
    offset, count = _int(params, "offset", 0), min(_int(params, "count", 20), 200)
    bans = list(everyone[offset : offset + count])
    names = _author_names(account, [ban.user_id for ban in bans])
    items = [
        {
            "type": "profile",
            "profile": {"id": ban.user_id, **names.get(ban.user_id, NO_NAME)},
            "ban_info": {
                "admin_id": ADMIN["id"],
                "date": int(ban.created_at.timestamp()),
                "reason": int(ban.reason) if ban.reason.isdigit() else 0,
                "comment": ban.comment,
                "end_date": int(ban.until.timestamp()) if ban.until else 0,
            },
        }
        for ban in bans
    ]
    return {"count": everyone.count(), "items": items}


NO_NAME = {"first_name": "", "last_name": ""}


def _author_names(account, user_ids) -> dict:
    """Names the readers gave when they commented (the sandbox has no profiles)."""
    names = {}
    rows = SandboxComment.objects.filter(post__account=account, author_id__in=user_ids)
    for user_id, name in rows.values_list("author_id", "author_name"):
        first, _, last = name.partition(" ")
        names[user_id] = {"first_name": first, "last_name": last}
    return names


HANDLERS = {
    "users.get": users_get,
    "groups.getById": groups_get_by_id,
    "groups.edit": groups_edit,
    "photos.getOwnerPhotoUploadServer": photos_get_owner_photo_upload_server,
    "photos.saveOwnerPhoto": photos_save_owner_photo,
    "photos.getOwnerCoverPhotoUploadServer": photos_get_owner_cover_photo_upload_server,
    "photos.saveOwnerCoverPhoto": photos_save_owner_cover_photo,
    "wall.post": wall_post,
    "wall.edit": wall_edit,
    "wall.delete": wall_delete,
    "wall.get": wall_get,
    "wall.getById": wall_get_by_id,
    "stats.getPostReach": stats_get_post_reach,
    "photos.getWallUploadServer": photos_get_wall_upload_server,
    "photos.saveWallPhoto": photos_save_wall_photo,
    "polls.create": polls_create,
    "wall.getComments": wall_get_comments,
    "wall.createComment": wall_create_comment,
    "wall.deleteComment": wall_delete_comment,
    "groups.ban": groups_ban,
    "groups.unban": groups_unban,
    "groups.getBanned": groups_get_banned,
}
