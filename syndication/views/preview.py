"""The «Соцсети» preview: each chosen account's post exactly as ``render`` makes it.

GET renders the latest revision (the saved draft); POST takes the page editor's form
data, as Wagtail's own preview does, so the editor sees the unsaved draft, half-filled
blocks and all, of an existing page or of a new one not saved yet. The editor's side
panel asks for the cards alone (``fragment``); the page view shows them on their own.
"""

from __future__ import annotations

import logging

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from accounts_registry.models import Account
from syndication.delivery import full_text, scheduling
from syndication.models import PageSyndication
from syndication.networks import get_network
from syndication.render.page_reader import piece_from_page

from .draft import draft_from_form, split_body
from .page import editable_page
from .preview_words import has_text, message_kind

logger = logging.getLogger(__name__)


def preview_accounts(page) -> list:
    choice = getattr(page, "_preview_choice", None)
    if choice is not None:  # chosen in the editor's tab, not saved yet
        return sorted(
            choice.cleaned_data["accounts"], key=lambda a: (a.network, a.name)
        )
    if page.pk:
        accounts = scheduling.chosen_accounts(page)
    else:  # a new piece goes to the accounts that send by default
        accounts = list(scheduling.default_accounts().order_by("network", "name"))
    if accounts:
        return accounts
    # Nothing chosen yet: show one unsaved stand-in per network so the formats show.
    return [
        Account(network=code, name=str(_("Example account")), external_id="0")
        for code in scheduling.sendable_networks()
    ]


def render_previews(page, revision=None) -> list[dict]:
    piece = piece_from_page(page, revision=revision)
    choice = (
        PageSyndication.objects.filter(page_id=page.pk).first() if page.pk else None
    )
    previews = []
    for account in preview_accounts(page):
        network = get_network(account.network)
        options = form_options(page, account.network)
        if options is None:
            options = choice.options_for(account.network) if choice else None
        # A Telegram account with its long texts on Telegraph links a page-to-be.
        options = full_text.preview_options(account, options)
        try:
            post = network.render(piece, account, options)
        except Exception:  # the card says so in words; the details go to the log
            logger.warning("preview of %s failed", account.network, exc_info=True)
            previews.append({"account": account, "network": network, "error": True})
            continue
        previews.append(
            {
                "account": account,
                "network": network,
                "post": post,
                "messages": preview_items(network, post),
                "warnings": post.warnings,
            }
        )
    return previews


def preview_items(network, post) -> list[dict]:
    """What each message's card shows: the network's own view of it, plus the words
    the card uses for its kind and whether it has a text to count."""
    items = []
    for message in post.messages:
        item = network.preview(message)
        item.update(kind=message_kind(message), has_text=has_text(message))
        items.append(item)
    return items


def form_options(page, network: str):
    """The own text and left-out blocks of the editor's unsaved «Соцсети» tab."""
    choice = getattr(page, "_preview_choice", None)
    if choice is None or f"{network}_text" not in choice.cleaned_data:
        return None
    data = choice.cleaned_data
    return {
        "text": (data.get(f"{network}_text") or "").strip(),
        "omit_blocks": list(data.get(f"{network}_omit") or []),
    }


def respond(request, page, draft, source):
    """The cards of ``draft`` with the blocks not ready yet set aside and named."""
    if hasattr(draft, "body"):
        draft.body, unfinished = split_body(draft.body)
    else:
        unfinished = []
    try:
        previews = render_previews(draft)
    except Exception:  # reading the page itself failed: say it, never an error page
        logger.warning("preview of page %s failed", page.pk, exc_info=True)
        previews, source = None, "unreadable"
    fragment = request.GET.get("fragment") or request.POST.get("fragment")
    template = (
        "syndication/preview_cards.html" if fragment else "syndication/preview.html"
    )
    return TemplateResponse(
        request,
        template,
        {
            "page": page,
            "previews": previews,
            "source": source,
            "unfinished": unfinished,
        },
    )


@require_http_methods(["GET", "POST"])
def page_preview(request, page_id):
    page = editable_page(request, page_id)
    draft = page.get_latest_revision_as_object()
    source = "revision"
    if request.method == "POST":
        from_form = draft_from_form(request, draft)
        if from_form is not None:
            draft, source = from_form, "form"
    return respond(request, page, draft, source)


@require_POST
def new_page_preview(request, app_label, model_name, parent_id):
    """The preview of a piece being created: nothing is saved, nothing needs to be."""
    parent = get_object_or_404(Page, pk=parent_id).specific
    try:
        content_type = ContentType.objects.get_by_natural_key(app_label, model_name)
    except ContentType.DoesNotExist as exc:
        raise Http404 from exc
    model = content_type.model_class()
    if model is None or not issubclass(model, Page):
        raise Http404
    if not parent.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    page = model(owner=request.user)
    draft = draft_from_form(request, page, parent=parent) or page
    page.depth = parent.depth + 1  # so the reader finds the site the piece will be on
    page.path = parent.path + "0000"
    return respond(request, page, draft, "form")
