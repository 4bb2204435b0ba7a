"""The news piece's editor form: the page's own fields plus, for whoever may
publish, the choice of accounts and time (syndication/views/editor_choice.py), so
scheduling is decided where publishing is.

The choice is syndication's, which sits above the site (it reads pages and plans
their deliveries): it joins the form through the ``ATTACH_TO_NEWS_PAGE_FORM`` hook
(syndication/wagtail_hooks.py), so the site imports nothing of syndication."""

from __future__ import annotations

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import Panel

# A hook's function takes the page form and returns the form of the choice of
# accounts and time bound to it (``save_for(page)`` saves it), or None for a user
# who may not choose.
ATTACH_TO_NEWS_PAGE_FORM = "attach_to_news_page_form"


def attached_choice(page_form):
    for attach in hooks.get_hooks(ATTACH_TO_NEWS_PAGE_FORM):
        choice = attach(page_form)
        if choice is not None:
            return choice
    return None


class NewsPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.syndication = attached_choice(self)

    def clean_title(self):
        # The title's field is a growing textarea: pasted line breaks become spaces.
        return " ".join(self.cleaned_data["title"].split())

    def is_valid(self):
        valid = super().is_valid()
        if self.syndication is not None:
            valid = self.syndication.is_valid() and valid
        return valid

    def save(self, commit=True):
        page = super().save(commit=commit)
        if self.syndication is not None and self.syndication.is_valid():
            # A new piece has no id until the view adds it to the tree: the choice
            # is saved then (cms/signals: post_save), before «Опубликовать» plans.
            page._syndication_choice = self.syndication
            if commit and page.pk:
                persist_choice(page)
        return page


def persist_choice(page) -> None:
    choice = getattr(page, "_syndication_choice", None)
    if choice is None or not page.pk:
        return
    del page._syndication_choice
    choice.save_for(page)


class SyndicationChoicePanel(Panel):
    """The «Соцсети» tab's content: the choice form ``NewsPageForm`` carries."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "syndication/editor_choice.html"

        def is_shown(self):
            return getattr(self.form, "syndication", None) is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["choice"] = self.form.syndication
            return context
