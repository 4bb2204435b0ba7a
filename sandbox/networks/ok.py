"""The emulated OK REST API: ``/sandbox/ok/fb.do`` and ``/sandbox/ok/api/<group>/<name>``.

Wire format per docs/networks.md §2: bare JSON results; errors ``{"error_code",
"error_msg", "error_data"}`` with HTTP 200 and the ``invocation-error`` header; every
call signed with ``sig`` (checked exactly as OK computes it, see ``signature``)."""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from datetime import UTC, datetime

from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from sandbox import oauth, stats
from sandbox.common import request_params, take_fault
from sandbox.models import (
    OK,
    SandboxAccount,
    SandboxBan,
    SandboxComment,
    SandboxMedia,
    SandboxPost,
)

GROUP_TYPES = {"GROUP_THEME", "GROUP_THEME_PROMO"}
UNSIGNED = {"sig", "access_token", "session_key"}


class OkFail(Exception):
    def __init__(self, code: int, name: str, detail: str):
        super().__init__(detail)
        self.code, self.msg = code, f"{name} : {detail}"


def md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()  # noqa: S324 - OK's algorithm


def signature(params: dict, secret: str) -> str:
    """sig = md5(sorted "k=v" pairs without separators + secret), lower case; the
    token and the session key are not signed (apiok.ru/en/dev/methods)."""
    pairs = "".join(f"{k}={params[k]}" for k in sorted(params) if k not in UNSIGNED)
    return md5(pairs + secret)


def session_secret(access_token: str, application_secret_key: str) -> str:
    return md5(access_token + application_secret_key)


def _error(code: int, msg: str) -> JsonResponse:
    response = JsonResponse({"error_code": code, "error_msg": msg, "error_data": None})
    response["invocation-error"] = str(code)
    return response


@csrf_exempt
def rest_view(request, group: str = "", name: str = ""):
    params = request_params(request)
    if group:
        params.setdefault("method", f"{group}.{name}")
    method = str(params.get("method", ""))
    app_key = params.get("application_key", "")
    token = params.get("access_token") or params.get("session_key") or ""
    if app_key and app_key == oauth.OK_APPLICATION_KEY:
        # The sandbox's OAuth application: its tokens act for the group chosen on
        # consent and are signed with the OAuth client's secret.
        account = oauth.account_for(OK, token)
        secrets_ok = {session_secret(token, oauth.CLIENTS["ok"][1])}
    else:
        candidates = SandboxAccount.objects.filter(network=OK, application_key=app_key)
        if not app_key or not candidates.exists():
            return _error(101, "PARAM_API_KEY : Application key is missing or invalid")
        account = candidates.filter(token=token).first() if token else None
        secrets_ok = set()
        if account is not None:
            secrets_ok.add(session_secret(token, account.application_secret_key))
            if account.session_secret_key:
                secrets_ok.add(account.session_secret_key)
    if account is None:
        return _error(103, "PARAM_SESSION_KEY : Invalid session key")
    if account.token_revoked or oauth.expired(account, token):
        return _error(102, "PARAM_SESSION_EXPIRED : Session expired")
    given = str(params.get("sig", "")).lower()
    if not any(given == signature(params, s) for s in secrets_ok):
        return _error(104, "PARAM_SIGNATURE : Invalid signature")
    latency, fault = take_fault(OK, account, method)
    if latency:
        time.sleep(latency / 1000)
    if fault == "http500":
        return HttpResponse("Internal Server Error", status=500)
    if fault == "rate_limit":
        return _error(8, "FLOOD_BLOCKED : Blocked due to flood")
    if fault == "auth":
        return _error(102, "PARAM_SESSION_EXPIRED : Session expired")
    handler = HANDLERS.get(method)
    if handler is None:
        return _error(3, f"METHOD : Method {method} does not exist")
    try:
        return JsonResponse(handler(request, account, params), safe=False)
    except OkFail as fail:
        return _error(fail.code, fail.msg)


def _param(params: dict, name: str) -> str:
    value = str(params.get(name, "")).strip()
    if not value:
        raise OkFail(100, "PARAM", f"Missing required parameter {name}")
    return value


def _check_group(account, params: dict, name: str = "gid") -> None:
    if _param(params, name) != account.external_id:
        raise OkFail(50, "NOT_ADMIN", "No administrative rights in the group")


def _parse_attachment(account, params: dict) -> tuple[str, dict]:
    try:
        attachment = json.loads(_param(params, "attachment"))
        media = attachment["media"]
        assert isinstance(media, list) and media
    except (ValueError, KeyError, TypeError, AssertionError):
        raise OkFail(100, "PARAM", "Invalid parameter attachment") from None
    texts, photos, shown = [], [], {"photos": []}
    for item in media:
        kind = item.get("type") if isinstance(item, dict) else None
        if kind == "text":
            texts.append(str(item.get("text", "")))
        elif kind == "link":
            shown["link"] = str(item.get("url", ""))
        elif kind == "poll":
            answers = [str(a.get("text", "")) for a in item.get("answers") or []]
            if not item.get("question") or len(answers) < 2:
                raise OkFail(100, "PARAM", "Invalid poll")
            shown["poll"] = {
                "question": str(item["question"]),
                "answers": answers,
                "options": str(item.get("options", "")),
            }
        elif kind == "photo":
            for ref in item.get("list") or []:
                media_obj = SandboxMedia.objects.filter(
                    account=account, meta__token=str(ref.get("id", ""))
                ).first()
                if media_obj is None:
                    raise OkFail(121, "PARAM_PHOTO_ID", "Invalid photo id")
                photos.append(media_obj.key)
        else:
            raise OkFail(100, "PARAM", f"Unsupported media type {kind}")
    shown["photos"] = photos
    return "\n\n".join(texts), shown


def users_get_current_user(request, account, params):
    return {"uid": "1", "name": "Sandbox Admin", "first_name": "Sandbox"}


def users_get_info(request, account, params):
    """The readers who commented in the sandbox, as ``users.getInfo`` answers: a bare
    list with only the fields asked for; an unknown uid is left out, as OK does."""
    uids = [u for u in _param(params, "uids").split(",") if u.strip().isdigit()]
    fields = {f.strip().lower() for f in _param(params, "fields").split(",")}
    people = []
    for uid in uids[:100]:
        comment = SandboxComment.objects.filter(author_id=int(uid)).order_by("-pk")
        comment = comment.first()
        if comment is None:
            continue
        first, _, last = comment.author_name.partition(" ")
        avatar = reverse("sandbox:avatar", args=[int(uid)])
        user = {
            "uid": uid,
            "name": comment.author_name,
            "first_name": first,
            "last_name": last,
            "pic128x128": request.build_absolute_uri(avatar),
            "url_profile": f"https://ok.ru/profile/{uid}",
        }
        people.append({k: v for k, v in user.items() if k in fields | {"uid"}})
    return people


def group_get_info(request, account, params):
    if account.external_id not in str(params.get("uids", "")).split(","):
        return []
    return [{"uid": account.external_id, "name": account.name}]


def mediatopic_post(request, account, params):
    gid = params.get("gid")
    if gid and params.get("type") not in GROUP_TYPES:
        raise OkFail(100, "PARAM", "type must be GROUP_THEME with gid")
    _check_group(account, params)
    text, shown = _parse_attachment(account, params)
    post = SandboxPost.objects.create(
        account=account,
        remote_id=account.next_id(),
        kind="topic",
        text=text,
        attachments=shown,
    )
    return str(post.remote_id)


def _topic(account, params, *names) -> SandboxPost:
    _check_group(account, params)
    topic_id = next((params[n] for n in names if params.get(n)), "")
    post = account.posts.filter(
        remote_id=int(topic_id) if str(topic_id).isdigit() else 0, deleted=False
    ).first()
    if post is None:
        raise OkFail(100, "PARAM", "Invalid topic id")
    return post


def mediatopic_edit(request, account, params):
    post = _topic(account, params, "topic_id")
    post.text, post.attachments = _parse_attachment(account, params)
    post.edited_at = datetime.now(UTC)
    post.save()
    return True


def mediatopic_delete_topic(request, account, params):
    post = _topic(account, params, "topic_id", "delete_id")
    post.deleted = True
    post.save(update_fields=["deleted"])
    return {"success": True}


def photos_get_upload_url(request, account, params):
    _check_group(account, params)
    count = int(params.get("count") or 1)
    if not 1 <= count <= 100:
        raise OkFail(100, "PARAM", "Invalid parameter count")
    ids = []
    for _ in range(count):
        media = SandboxMedia.objects.create(account=account, key=secrets.token_hex(8))
        ids.append(media.key)
    url = request.build_absolute_uri(reverse("sandbox:ok_upload"))
    return {
        "expires_ms": int(time.time() * 1000) + 86_400_000,
        "ttl_ms": 86_400_000,
        "photo_ids": ids,
        "upload_url": f"{url}?apiToken={account.pk}&photoIds={','.join(ids)}",
    }


@csrf_exempt
def upload_view(request):
    """Answers ``{"photos": {photo_id: {"token": …}}}``; files are ``pic1``, ``pic2``…
    in the order of ``photoIds`` (the official example)."""
    ids = [i for i in request.GET.get("photoIds", "").split(",") if i]
    if not request.content_type.startswith("multipart/"):
        return _error(21, "NOT_MULTIPART : Non multi-part request")
    files = [request.FILES[k] for k in sorted(request.FILES, key=_field_order)]
    result = {}
    for photo_id, file in zip(ids, files, strict=False):
        media = SandboxMedia.objects.filter(
            key=photo_id, account_id=request.GET.get("apiToken")
        ).first()
        if media is None:
            continue
        media.filename, media.content_type = file.name[:200], file.content_type or ""
        media.data = file.read()
        media.meta = {"token": secrets.token_urlsafe(24)}
        media.save()
        result[photo_id] = {"token": media.meta["token"]}
    return JsonResponse({"photos": result})


def _field_order(name: str):
    digits = "".join(ch for ch in name if ch.isdigit())
    return (int(digits) if digits else 0, name)


def photos_commit(request, account, params):
    photo_id, token = _param(params, "photo_id"), _param(params, "token")
    media = SandboxMedia.objects.filter(
        account=account, key=photo_id, meta__token=token
    ).first()
    if media is None:
        raise OkFail(121, "PARAM_PHOTO_ID", "Invalid photo id")
    if media.remote_id is None:
        media.remote_id = account.next_id()
        media.save(update_fields=["remote_id"])
    return {
        "photos": [
            {
                "photo_id": photo_id,
                "status": "SUCCESS",
                "assigned_photo_id": str(media.remote_id),
            }
        ]
    }


def discussions_get_comments(request, account, params):
    post = _topic_by_discussion(account, params)
    after = int(params["anchor"]) if str(params.get("anchor", "")).isdigit() else 0
    count = min(int(params.get("count") or 50), 100)
    comments = post.comments.filter(deleted=False, remote_id__gt=after)
    page = list(comments[:count])
    return {
        "comments": [
            {
                "id": str(c.remote_id),
                "author_id": str(c.author_id),
                "author_name": c.author_name,
                "text": c.text,
                "date": c.created_at.strftime("%Y-%m-%d %H:%M:%S"),
                **({"reply_to_comment_id": str(c.reply_to)} if c.reply_to else {}),
            }
            for c in page
        ],
        "anchor": str(page[-1].remote_id) if page else str(after),
        "has_more": comments.count() > len(page),
    }


def _topic_by_discussion(account, params) -> SandboxPost:
    if _param(params, "discussionType") != "GROUP_TOPIC":
        raise OkFail(100, "PARAM", "Invalid discussionType")
    topic_id = _param(params, "discussionId")
    post = account.posts.filter(
        remote_id=int(topic_id) if topic_id.isdigit() else 0
    ).first()
    if post is None:
        raise OkFail(100, "PARAM", "Invalid discussionId")
    return post


def discussions_delete_comment(request, account, params):
    post = _topic_by_discussion(account, params)
    comment_id = _param(params, "comment_id")
    comment = post.comments.filter(
        remote_id=int(comment_id) if comment_id.isdigit() else 0
    ).first()
    if comment is None:
        raise OkFail(141, "PARAM_COMMENT_ID", "Invalid comment identifier")
    comment.deleted = True
    comment.save(update_fields=["deleted"])
    if str(params.get("block_author", "")).lower() == "true":
        SandboxBan.objects.get_or_create(account=account, user_id=comment.author_id)
    return True


# group.getStatTopic's ``fields`` (StatTopicBean): the official method page names no
# values; this is the list public clients send (results/NOTES.md «OK»). The
# sandbox refuses any other, as OK refuses an unknown counterType.
STAT_TOPIC_FIELDS = frozenset(
    [
        "COMMENTS",
        "COMPLAINTS",
        "CONTENT_OPENS",
        "CREATED_MS",
        "ENGAGEMENT",
        "EXTERNAL_ID",
        "FEEDBACK",
        "FEEDBACK_TOTAL",
        "HIDES_FROM_FEED",
        "ID",
        "LIKES",
        "LINK_CLICKS",
        "MUSIC_PLAYS",
        "NEGATIVES",
        "PROMO_FROM",
        "PROMO_TO",
        "REACH",
        "REACH_EARNED",
        "REACH_OWN",
        "RENDERINGS",
        "RENDERINGS_EARNED",
        "RENDERINGS_OWN",
        "RESHARES",
        "VIDEO_PLAYS",
        "VIEWS",
    ]
)
# group.getCounters ``counterTypes`` (apiok/documentation group.getCounters.md).
COUNTER_TYPES = frozenset(
    [
        "themes",
        "photo_albums",
        "members",
        "videos",
        "links",
        "presents",
        "moderators",
        "join_requests",
        "black_list",
        "maybe",
        "photos",
    ]
)


def _names(params: dict, name: str, allowed: frozenset, *, upper: bool) -> list[str]:
    raw = _param(params, name)
    names = [n.strip() for n in raw.split(",") if n.strip()]
    names = [n.upper() if upper else n.lower() for n in names]
    if not names or any(n not in allowed for n in names):
        # OK's wording, as public API tests quote it for counterTypes.
        raise OkFail(100, "PARAM", f"Invalid parameter {name} value  : [{raw}]")
    return names


def topic_stat(post: SandboxPost, fields: list[str]) -> dict:
    """One StatTopicBean with the counters the sandbox keeps growing
    (sandbox/stats.py); a field it does not model (music plays, complaints…) is 0."""
    counters = stats.post_counters(post)
    reach, own = counters["reach"], counters["reach_subscribers"]
    renderings = int(counters["views"] * 1.4)
    engagement = counters["likes"] + counters["reposts"] + counters["comments"]
    known = {
        "id": str(post.remote_id),
        "created_ms": int(post.created_at.timestamp() * 1000),
        "views": counters["views"],
        "reach": reach,
        "reach_own": own,
        "reach_earned": reach - own,
        "renderings": renderings,
        "renderings_own": int(renderings * own / reach) if reach else 0,
        "renderings_earned": renderings
        - (int(renderings * own / reach) if reach else 0),
        "likes": counters["likes"],
        "comments": counters["comments"],
        "reshares": counters["reposts"],
        "engagement": engagement,
        "feedback": engagement,
        "feedback_total": engagement,
        "content_opens": int(counters["views"] * 0.3),
        "link_clicks": int(counters["views"] * 0.02),
    }
    return {f.lower(): known.get(f.lower(), 0) for f in fields}


def group_get_stat_topic(request, account, params):
    """``group.getStatTopic topic_id fields`` → ``{"topic": StatTopicBean}`` with
    the fields asked for, lower case. A topic of another group or a deleted one is
    a PARAM error, as for mediatopic.deleteTopic."""
    fields = _names(params, "fields", STAT_TOPIC_FIELDS, upper=True)
    topic_id = _param(params, "topic_id")
    post = account.posts.filter(
        remote_id=int(topic_id) if topic_id.isdigit() else 0, deleted=False
    ).first()
    if post is None:
        raise OkFail(100, "PARAM", "Invalid parameter topic_id")
    return {"topic": topic_stat(post, fields)}


def group_get_counters(request, account, params):
    """``group.getCounters group_id counterTypes`` → ``{"counters": {type: n}}``;
    members grow slowly (sandbox/stats.py), themes are the group's topics."""
    types = _names(params, "counterTypes", COUNTER_TYPES, upper=False)
    if _param(params, "group_id") != account.external_id:
        raise OkFail(100, "PARAM", "Invalid parameter group_id")
    known = {
        "members": stats.audience(account),
        "themes": account.posts.filter(deleted=False).count(),
    }
    return {"counters": {t: known.get(t, 0) for t in types}}


HANDLERS = {
    "group.getStatTopic": group_get_stat_topic,
    "group.getCounters": group_get_counters,
    "users.getCurrentUser": users_get_current_user,
    "users.getInfo": users_get_info,
    "group.getInfo": group_get_info,
    "mediatopic.post": mediatopic_post,
    "mediatopic.edit": mediatopic_edit,
    "mediatopic.deleteTopic": mediatopic_delete_topic,
    "photosV2.getUploadUrl": photos_get_upload_url,
    "photosV2.commit": photos_commit,
    "discussions.getComments": discussions_get_comments,
    "discussions.deleteDiscussionComment": discussions_delete_comment,
}
