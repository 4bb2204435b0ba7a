"""The emulated Telegraph API: ``/sandbox/telegraph/<method>[/<path>]`` and the page as
readers see it, ``/sandbox/telegraph/p/<path>/``.

Wire format per docs/networks.md §6.B: GET or POST (form or JSON), always HTTP 200 with
``{"ok": true, "result"}`` or ``{"ok": false, "error": "CODE"}``. Confirmed codes:
``SHORT_NAME_REQUIRED`` and ``FLOOD_WAIT_<n>``; ``ACCESS_TOKEN_INVALID``,
``PAGE_NOT_FOUND``, ``CONTENT_TOO_BIG``, ``TITLE_REQUIRED`` are named there but
UNVERIFIED; ``CONTENT_FORMAT_INVALID``, ``TITLE_TOO_LONG``, ``AUTHOR_NAME_TOO_LONG``
and ``METHOD_NOT_FOUND`` are our assumptions (NOTES.md). The path format
``<Title-Slug>-MM-DD[-n]`` is UNVERIFIED too."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.views.decorators.csrf import csrf_exempt

from sandbox import stats
from sandbox.common import request_params, take_fault, windows
from sandbox.models import TELEGRAPH, SandboxAccount, SandboxPage
from sandbox.serve import arrival
from syndication.networks.telegraph import nodes_html

# The emulator keeps its own copy of what Telegraph accepts, on purpose: it checks the
# render (syndication/networks/telegraph.py) rather than trusting the same list.
ALLOWED_TAGS = frozenset(
    [
        "a",
        "aside",
        "b",
        "blockquote",
        "br",
        "code",
        "em",
        "figcaption",
        "figure",
        "h3",
        "h4",
        "hr",
        "i",
        "iframe",
        "img",
        "li",
        "ol",
        "p",
        "pre",
        "s",
        "strong",
        "u",
        "ul",
        "video",
    ]
)
ALLOWED_ATTRS = frozenset({"href", "src"})
CONTENT_LIMIT = (
    64 * 1024
)  # bytes of the content JSON; UNVERIFIED (docs/networks.md §6.B.4)
TITLE_LIMIT, AUTHOR_LIMIT, AUTHOR_URL_LIMIT = 256, 128, 512
RATE = (5, 1.0)  # calls per second per token: our assumption, Telegraph publishes none
TRANSLIT = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфхцы", "abvgdezijklmnoprstufhcy", strict=True)),
        "ё": "e", "ж": "zh", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "",
        "э": "e", "ю": "yu", "я": "ya",
    }
)  # fmt: skip


class TelegraphFail(Exception):
    pass


def _answer(result) -> JsonResponse:
    return JsonResponse({"ok": True, "result": result})


def _error(code: str) -> JsonResponse:
    return JsonResponse({"ok": False, "error": code})


def validate_nodes(nodes, depth: int = 0) -> None:
    """Raise CONTENT_FORMAT_INVALID unless ``nodes`` is a list of Telegraph Nodes."""
    if not isinstance(nodes, list) or depth > 50:
        raise TelegraphFail("CONTENT_FORMAT_INVALID")
    for node in nodes:
        if isinstance(node, str):
            continue
        if not isinstance(node, dict) or node.get("tag") not in ALLOWED_TAGS:
            raise TelegraphFail("CONTENT_FORMAT_INVALID")
        attrs = node.get("attrs", {})
        if not isinstance(attrs, dict) or set(attrs) - ALLOWED_ATTRS:
            raise TelegraphFail("CONTENT_FORMAT_INVALID")
        if not all(isinstance(v, str) for v in attrs.values()):
            raise TelegraphFail("CONTENT_FORMAT_INVALID")
        if set(node) - {"tag", "attrs", "children"}:
            raise TelegraphFail("CONTENT_FORMAT_INVALID")
        validate_nodes(node.get("children", []), depth + 1)


def _content(params) -> list:
    raw = params.get("content")
    if raw is None or raw == "":
        raise TelegraphFail("CONTENT_REQUIRED")
    text = raw if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False)
    if len(text.encode()) > CONTENT_LIMIT:
        raise TelegraphFail("CONTENT_TOO_BIG")
    try:
        nodes = json.loads(text)
    except ValueError:
        raise TelegraphFail("CONTENT_FORMAT_INVALID") from None
    validate_nodes(nodes)
    return nodes


def _page_fields(params) -> dict:
    title = str(params.get("title", "")).strip()
    if not title:
        raise TelegraphFail("TITLE_REQUIRED")
    if len(title) > TITLE_LIMIT:
        raise TelegraphFail("TITLE_TOO_LONG")
    author = str(params.get("author_name", ""))
    if len(author) > AUTHOR_LIMIT:
        raise TelegraphFail("AUTHOR_NAME_TOO_LONG")
    author_url = str(params.get("author_url", ""))
    if len(author_url) > AUTHOR_URL_LIMIT:
        raise TelegraphFail("AUTHOR_URL_TOO_LONG")
    return {
        "title": title,
        "author_name": author,
        "author_url": author_url,
        "content": _content(params),
    }


def new_path(title: str) -> str:
    slug = slugify(title.lower().translate(TRANSLIT))[:100].strip("-") or "page"
    today = timezone.localdate()
    base = f"{slug[:1].upper()}{slug[1:]}-{today:%m}-{today:%d}"
    path, number = base, 1
    while SandboxPage.objects.filter(path=path).exists():
        number += 1
        path = f"{base}-{number}"
    return path


def _flag(value) -> bool:
    return str(value).lower() in {"true", "1"}


def page_json(request, page: SandboxPage, account=None, with_content=False) -> dict:
    url = request.build_absolute_uri(
        reverse("sandbox:telegraph_page", args=[page.path])
    )
    result = {
        "path": page.path,
        "url": url,
        "title": page.title,
        "description": _description(page.content),
        "author_name": page.author_name,
        "author_url": page.author_url,
        "views": page.views,
    }
    images = [n["attrs"]["src"] for n in _walk(page.content) if n["tag"] == "img"]
    if images:
        result["image_url"] = images[0]
    if account is not None:
        result["can_edit"] = account.pk == page.account_id
    if with_content:
        result["content"] = page.content
    return result


def _walk(nodes):
    for node in nodes:
        if isinstance(node, dict):
            yield node
            yield from _walk(node.get("children", []))


def _text(nodes) -> str:
    return "".join(
        n if isinstance(n, str) else _text(n.get("children", [])) for n in nodes
    )


def _description(content) -> str:
    return _text(content)[:150].strip()


def _account(params) -> SandboxAccount:
    token = str(params.get("access_token", ""))
    account = SandboxAccount.objects.filter(network=TELEGRAPH, token=token).first()
    if not token or account is None or account.token_revoked:
        raise TelegraphFail("ACCESS_TOKEN_INVALID")
    return account


def create_page(request, params, path):
    account = _account(params)
    page = SandboxPage.objects.create(
        account=account, path=new_path(str(params.get("title", "")).strip() or "x"),
        **_page_fields(params),
    )  # fmt: skip
    return page_json(request, page, account, _flag(params.get("return_content")))


def edit_page(request, params, path):
    account = _account(params)
    fields = _page_fields(params)
    page = SandboxPage.objects.filter(path=path).first()
    if page is None:
        raise TelegraphFail("PAGE_NOT_FOUND")
    if page.account_id != account.pk:
        raise TelegraphFail("PAGE_ACCESS_DENIED")
    for name, value in fields.items():
        setattr(page, name, value)
    page.edited_at = timezone.now()
    page.save()
    return page_json(request, page, account, _flag(params.get("return_content")))


def get_page(request, params, path):
    page = SandboxPage.objects.filter(path=path).first()
    if page is None:
        raise TelegraphFail("PAGE_NOT_FOUND")
    return page_json(request, page, None, _flag(params.get("return_content")))


def get_page_list(request, params, path):
    account = _account(params)
    offset = int(params.get("offset", 0) or 0)
    limit = min(max(int(params.get("limit", 50) or 50), 0), 200)
    pages = account.pages.all()
    return {
        "total_count": pages.count(),
        "pages": [
            page_json(request, p, account) for p in pages[offset : offset + limit]
        ],
    }


def get_account_info(request, params, path):
    account = _account(params)
    info = {
        "short_name": account.external_id,
        "author_name": account.name,
        "author_url": "",
        "page_count": account.pages.count(),
    }
    fields = params.get("fields")
    if fields:
        wanted = json.loads(fields) if isinstance(fields, str) else fields
        info = {k: v for k, v in info.items() if k in wanted}
    return info


def get_views(request, params, path):
    """``getViews/<path>`` (``year``, ``month``, ``day``, ``hour`` narrow it to one
    period; each needs the one before it) → ``PageViews {views}``, no token needed
    (te.legra.ph/api). The views grow with the page's age (sandbox/stats.py)."""
    page = SandboxPage.objects.filter(path=path).first()
    if page is None:
        raise TelegraphFail("PAGE_NOT_FOUND")
    parts = []
    for name in ("year", "month", "day", "hour"):
        value = str(params.get(name, "") or "")
        if not value:
            break
        if not value.isdigit():
            raise TelegraphFail(f"{name.upper()}_INVALID")
        parts.append(int(value))
    if len(parts) < sum(1 for n in ("year", "month", "day", "hour") if params.get(n)):
        raise TelegraphFail("PERIOD_INVALID")  # a month without its year, …
    if not parts:
        return {"views": stats.page_views(page)}
    try:
        start, end = _period(parts)
    except ValueError:
        raise TelegraphFail("PERIOD_INVALID") from None
    since, until = max(start, page.created_at), min(end, datetime.now(UTC))
    return {
        "views": stats.page_views(page, until=until, since=since)
        if until > since
        else 0
    }


def _period(parts: list[int]) -> tuple[datetime, datetime]:
    """The UTC hour, day, month or year ``parts`` name (year first)."""
    year, month, day, hour = (parts + [1, 1, 0][len(parts) - 1 :])[:4]
    start = datetime(year, month, day, hour, tzinfo=UTC)
    if len(parts) == 1:
        return start, start.replace(year=year + 1)
    if len(parts) == 2:
        nxt = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)
        return start, nxt
    return start, start + (timedelta(days=1) if len(parts) == 3 else timedelta(hours=1))


HANDLERS = {
    "getviews": get_views,
    "createpage": create_page,
    "editpage": edit_page,
    "getpage": get_page,
    "getpagelist": get_page_list,
    "getaccountinfo": get_account_info,
}


@csrf_exempt
def api_view(request, method: str, path: str = ""):
    arrived = arrival(request)
    params = request_params(request)
    token = str(params.get("access_token", ""))
    account = SandboxAccount.objects.filter(network=TELEGRAPH, token=token).first()
    latency, fault = take_fault(TELEGRAPH, account, method)
    if latency:
        time.sleep(latency / 1000)
    if fault == "http500":
        return JsonResponse({"ok": False, "error": "Internal Server Error"}, status=500)
    if fault == "rate_limit":
        return _error("FLOOD_WAIT_5")
    if fault == "auth":
        return _error("ACCESS_TOKEN_INVALID")
    handler = HANDLERS.get(method.lower())
    if handler is None:
        return _error("METHOD_NOT_FOUND")
    if account is not None and account.enforce_rate_limits:
        wait = windows.hit(f"telegraph:{account.pk}", *RATE, at=arrived)
        if wait:
            return _error(f"FLOOD_WAIT_{max(1, round(wait))}")
    try:
        return _answer(handler(request, params, path))
    except TelegraphFail as fail:
        return _error(str(fail))


def page_view(request, path: str):
    page = get_object_or_404(SandboxPage, path=path)
    if page.account.network != TELEGRAPH:  # pragma: no cover - pages are Telegraph's
        raise Http404
    SandboxPage.objects.filter(pk=page.pk).update(views=page.views + 1)
    # Display only; what was accepted was checked above with the emulator's own list.
    body = mark_safe(nodes_html(page.content))  # noqa: S308 - built from escaped nodes
    return render(request, "sandbox/telegraph_page.html", {"page": page, "body": body})
