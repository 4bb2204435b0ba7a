"""The «Соцсети» preview: each chosen account's post exactly as ``render`` makes it.

GET renders the latest revision (the saved draft); POST takes the page editor's form
data, as Wagtail's own preview does, so the editor sees the unsaved draft."""

from __future__ import annotations

import uuid

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts_registry.models import Account
from syndication.delivery import full_text, scheduling
from syndication.models import PageSyndication

from .page import editable_page


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
                "messages": [network.preview(m) for m in post.messages],
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
