"""Wagtail admin wiring of the style checker: the check endpoint, the «Стиль» panel
of the page editor, the score in the page listing and on the dashboard of
reviewers, and the (non-blocking) warning after submitting a low-scoring piece."""

from __future__ import annotations

from django.contrib import messages
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import include, path
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks

from . import conf, urls
from .pages import page_scores
from .panels import ReviewScoresPanel, listing_score_button, score_text


@hooks.register("register_admin_urls")
def register_urls():
    return [path("voice/", include(urls))]


def panel_strings() -> dict[str, str]:
    """Every text panel.js shows, translated on the server."""
    return {
        "title": _("Title"),
        "lead": _("Lead"),
        "block": _("Block %(number)s"),
        "checking": _("Checking…"),
        "failed": _("The check failed. It will be retried when you type again."),
        "empty": _("Nothing to check yet: write a title and a lead."),
        "clean": _("No remarks."),
        "noRemarks": _("No remarks: the text reads well."),
        "replace": _("Replace with «%(text)s»"),
        "replaceSpan": _("Replace «%(old)s» with «%(text)s»"),
        "remove": _("Remove «%(text)s»"),
        "replaced": _("Replaced «%(old)s» with «%(new)s»."),
        "removed": _("Removed «%(old)s»."),
        "undoFix": _("Undo «%(text)s»"),
        "undoRemoval": _("Bring back «%(text)s»"),
        "undone": _("Undone: «%(text)s» is back."),
        "cannotUndo": _(
            "The text has changed since the fix: undo it with Ctrl+Z in the field."
        ),
        "copied": _(
            "The editor did not take the fix: «%(text)s» is copied, paste it in "
            "place of «%(old)s»."
        ),
        "copyFailed": _("Could not copy. Type «%(text)s» yourself."),
        "stale": _("The text has changed since the check; checking again."),
        "noSuggestion": _("No ready replacement: rephrase it yourself."),
        "scores": _("clarity %(clarity)s · readability %(readability)s"),
        "warning": _(
            "Clarity %(clarity)s is below %(threshold)s: the piece reads like a "
            "press release. You can still submit it."
        ),
        "confirmSubmit": _(
            "Clarity of this piece is %(clarity)s, below the threshold of "
            "%(threshold)s. Editors will see it. Submit for approval anyway?"
        ),
    }


@hooks.register("insert_global_admin_css")
def style_css():
    # The panel's styles and the listing badge's colour: one small file.
    return format_html('<link rel="stylesheet" href="{}">', static("voice/panel.css"))


@hooks.register("insert_editor_js")
def editor_style_panel():
    return render_to_string("voice/editor_panel.html", {"strings": panel_strings()})


@hooks.register("register_page_listing_buttons")
def page_listing_score(page, user, next_url=None):
    button = listing_score_button(page)
    return [button] if button else []


@hooks.register("construct_homepage_panels")
def review_scores_panel(request, panels):
    panels.append(ReviewScoresPanel(request))


def warn_after_submit(request, page):
    """Submitting is never blocked; a low score is reported next to the success."""
    if not request.POST.get("action-submit"):
        return
    scores = page_scores(page)
    if scores is None or scores["clarity"] >= conf.clarity_warn_below():
        return
    messages.warning(
        request,
        _(
            "Submitted for approval, but its clarity is %(clarity)s, below "
            "%(threshold)s: the text reads like a press release. The «Style» "
            "panel shows what to change."
        )
        % {
            "clarity": score_text(scores["clarity"]),
            "threshold": score_text(conf.clarity_warn_below()),
        },
    )


hooks.register("after_edit_page", warn_after_submit)
hooks.register("after_create_page", warn_after_submit)
