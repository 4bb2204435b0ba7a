"""The «Соцсети» preview: each chosen account's post exactly as ``render`` makes it.

GET renders the latest revision (the saved draft); POST takes the page editor's form
data, as Wagtail's own preview does, so the editor sees the unsaved draft."""

from __future__ import annotations

import uuid

import bleach
from django.template.response import TemplateResponse
from django.utils.html import linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts_registry.models import Account
from syndication.delivery import full_text, scheduling
from syndication.models import PageSyndication

from .page import editable_page

# What Telegram's HTML parse mode accepts (core.telegram.org/bots/api#html-style).
TELEGRAM_TAGS = [
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
    "blockquote", "tg-spoiler", "span",
]  # fmt: skip
TELEGRAM_ATTRS = {"a": ["href"], "span": ["class"], "blockquote": ["expandable"]}


def utf16_len(text: str) -> int:
    # The networks count UTF-16 code units: an emoji outside the BMP counts twice.
    return len((text or "").encode("utf-16-le")) // 2


def draft_from_form(request, page):
    """The page as the editor's unsaved form describes it, or ``None`` if invalid."""
    form_class = page.get_edit_handler().get_form_class()
    data = request.POST.copy()
    data.setdefault("title", page.title or _("Placeholder title"))
    data.setdefault("slug", page.slug or str(uuid.uuid4()))
    try:
        form = form_class(
            data,
            instance=page,
            parent_page=page.get_parent().specific,
            for_user=request.user,
        )
        if not form.is_valid():
            return None
        return form.save(commit=False)
    except (KeyError, ValueError):  # a partial submission (a widget's data missing)
        return None


def preview_accounts(page) -> list:
    accounts = scheduling.chosen_accounts(page)
    if accounts:
        return accounts
    # Nothing chosen yet: show one unsaved stand-in per network so the formats show.
    return [
        Account(network=code, name=str(_("Example account")), external_id="0")
        for code in scheduling.sendable_networks()
    ]


def message_view(network, message) -> dict:
    if message.parse_mode == "telegraph_nodes":
        # A Telegraph page: its Node JSON shown as the page will read; the limit is
        # on the bytes of the content as sent.
        import json

        from syndication.networks.telegraph import content_size, nodes_html

        nodes = json.loads(message.text)
        body = mark_safe(nodes_html(nodes))  # noqa: S308 (escaped, allowed tags only)
        count = content_size(nodes)
        limit = network.content_limit
        return {
            "message": message,
            "body": body,
            "count": count,
            "limit": limit,
            "over": count > limit,
            "photos": [],
            "others": [],
        }
    if message.parse_mode == "wordpress_html":
        # A WordPress article as the blog shows it: title, featured image, body. The
        # body is cleaned with the render's own allow-list before it is marked safe.
        from syndication.networks.wordpress import FEATURED, sanitize

        return {
            "message": message,
            "body": mark_safe(sanitize(message.text)),  # noqa: S308 (bleach-cleaned)
            "count": len(message.text),
            "limit": 0,  # no practical limit on a post's content (LONGTEXT)
            "over": False,
            "featured": next(
                (a for a in message.attachments if a.spec.get("role") == FEATURED),
                None,
            ),
            "photos": [],
            "others": [],
        }
    if message.parse_mode == "livejournal_html":
        # A LiveJournal entry: above the cut, the cut link and the rest, each part
        # cleaned with LiveJournal's allow-list before it is marked safe.
        from syndication.networks import livejournal as lj

        above, below, after = lj.split_cut(message.text)
        count = lj.size(message.text)
        return {
            "message": message,
            "body": mark_safe(lj.sanitize(above)),  # noqa: S308 (bleach-cleaned)
            "cut_label": lj.cut_label(message.text),
            "rest": mark_safe(lj.sanitize(below)),  # noqa: S308 (bleach-cleaned)
            "after": mark_safe(lj.sanitize(after)),  # noqa: S308 (bleach-cleaned)
            "count": count,
            "limit": network.event_limit,
            "over": count > network.event_limit,
            "photos": [],
            "others": [],
        }
    if network.code == "max":
        # MAX HTML: cleaned with MAX's own allow-list before it is marked safe; the
        # limit counts the markup as sent (syndication/networks/max.py).
        from syndication.render import max_html

        html = bleach.clean(
            message.text, tags=max_html.ALLOWED_TAGS, strip=True,
            attributes=max_html.ALLOWED_ATTRIBUTES, protocols=max_html.ALLOWED_PROTOCOLS,
        )  # fmt: skip
        body = mark_safe(html.replace("\n", "<br>"))  # noqa: S308 (bleach-cleaned)
        count = utf16_len(message.text)
    elif message.parse_mode.upper() == "HTML":
        from syndication.render.telegram_html import visible_length

        html = bleach.clean(
            message.text, tags=TELEGRAM_TAGS, attributes=TELEGRAM_ATTRS, strip=True
        )
        body = mark_safe(html.replace("\n", "<br>"))  # noqa: S308 (bleach-cleaned)
        count = visible_length(message.text)
    else:
        # The plain text is escaped here and the paragraphs marked safe; without
        # it the template escaped the <p> tags and the editor read them literally.
        body = mark_safe(linebreaks(message.text, autoescape=True))  # noqa: S308
        count = utf16_len(message.text)
    limit_name = "caption_limit" if message.is_caption else "text_limit"
    limit = getattr(network, limit_name, 0) or getattr(network, "text_limit", 0)
    view = {
        "message": message,
        "body": body,
        "count": count,
        "limit": limit,
        "over": bool(limit and count > limit),
        "photos": [a for a in message.attachments if a.kind in ("photo", "animation")],
        "others": [
            {"kind": a.kind, "url": a.url, "spec": a.spec, "options": poll_options(a)}
            for a in message.attachments
            if a.kind not in ("photo", "animation")
        ],
    }
    # A network's own additions (Instagram: its drawn card, the hashtag counter).
    if hasattr(network, "preview_extra"):
        view.update(network.preview_extra(message))
    return view


def poll_options(attachment) -> list[str]:
    """A poll's answers as the network's spec sends them: VK ``add_answers`` (strings),
    OK ``answers`` and Telegram ``options`` (``{"text": …}``; OK's ``options`` is a
    flag string, not the answers)."""
    if attachment.kind != "poll":
        return []
    spec = attachment.spec or {}
    for key in ("add_answers", "answers", "options"):
        value = spec.get(key)
        if isinstance(value, list):
            return [o.get("text", "") if isinstance(o, dict) else str(o) for o in value]
    return []


def render_previews(page, revision=None) -> list[dict]:
    from syndication.content import piece_from_page
    from syndication.networks import get_network

    piece = piece_from_page(page, revision=revision)
    choice = PageSyndication.objects.filter(page_id=page.pk).first()
    previews = []
    for account in preview_accounts(page):
        network = get_network(account.network)
        options = choice.options_for(account.network) if choice else None
        # A Telegram account with its long texts on Telegraph links a page-to-be.
        options = full_text.preview_options(account, options)
        try:
            post = network.render(piece, account, options)
        except Exception as exc:  # shown to the editor instead of the post
            previews.append({"account": account, "network": network, "error": exc})
            continue
        previews.append(
            {
                "account": account,
                "network": network,
                "post": post,
                "messages": [message_view(network, m) for m in post.messages],
                "warnings": post.warnings,
            }
        )
    return previews


@require_http_methods(["GET", "POST"])
def page_preview(request, page_id):
    page = editable_page(request, page_id)
    draft = page.get_latest_revision_as_object()
    source = "revision"
    if request.method == "POST":
        from_form = draft_from_form(request, draft)
        if from_form is not None:
            draft, source = from_form, "form"
        else:
            source = "invalid_form"
    return TemplateResponse(
        request,
        "syndication/preview.html",
        {"page": page, "previews": render_previews(draft), "source": source},
    )
