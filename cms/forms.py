"""The news piece's editor form: the page's own fields plus, for whoever may
publish, the choice of accounts and time (syndication/views/editor_choice.py), so
scheduling is decided where publishing is."""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import Panel


class NewsPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from syndication.views.editor_choice import attach

        self.syndication = attach(self)

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
    from syndication.views.editor_choice import persist

    persist(page, choice)


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
