"""The admin's generic titles and messages, said properly of each model of the register.

Wagtail's generic views build them from the model's verbose name («%(model_name)s
'%(object)s' created.», «New: %(model_name)s», «There are no %(model_name)s to
display»): Russian then reads «Аккаунт '…' создана», «Новый: обязанность уведомить»,
«Нет аккаунты для отображения». Each model here has its own whole sentences, so a
translation can put every word in its case and gender.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


@dataclass(frozen=True)
class ModelWords:
    list_title: Promise  # the list's heading and breadcrumb: «Аккаунты»
    add: Promise  # the list's button: «Добавить аккаунт»
    new: Promise  # the create view's heading: «Новый аккаунт»
    editing: Promise  # «Редактирование аккаунта»
    inspecting: Promise  # «Просмотр аккаунта»
    deleting: Promise  # «Удаление аккаунта»
    created: Promise  # «Аккаунт «%(object)s» добавлен.»
    updated: Promise
    deleted: Promise
    not_created: Promise  # «Аккаунт не добавлен: исправьте ошибки.»
    not_saved: Promise
    search: Promise  # the search box's placeholder: «Искать аккаунты»
    empty: Promise  # an empty list, nothing searched or filtered: «Аккаунтов пока нет.»
    count: Callable[[int], str]  # under the list: «3 аккаунта» (Wagtail: «3 аккаунты»)
    confirm_delete: Promise = _("Delete this entry? This cannot be undone.")


ACCOUNT = ModelWords(
    list_title=_("Accounts"),
    add=_("Add an account"),
    new=_("New account"),
    editing=_("Editing the account"),
    inspecting=_("Account"),
    deleting=_("Deleting the account"),
    created=_("Account «%(object)s» is added."),
    updated=_("Account «%(object)s» is saved."),
    deleted=_("Account «%(object)s» is deleted."),
    not_created=_("The account is not added: correct the errors."),
    not_saved=_("The account is not saved: correct the errors."),
    search=_("Search accounts"),
    empty=_("No accounts in the register yet."),
    count=lambda n: (
        ngettext("%(count)d account", "%(count)d accounts", n) % {"count": n}
    ),
)

OBLIGATION = ModelWords(
    list_title=_("Reports (10 days)"),
    add=_("Add a report obligation"),
    new=_("New report obligation"),
    editing=_("Editing the report obligation"),
    inspecting=_("Report obligation"),
    deleting=_("Deleting the report obligation"),
    created=_("Report obligation «%(object)s» is added."),
    updated=_("Report obligation «%(object)s» is saved."),
    deleted=_("Report obligation «%(object)s» is deleted."),
    not_created=_("The report obligation is not added: correct the errors."),
    not_saved=_("The report obligation is not saved: correct the errors."),
    search=_("Search reports"),
    empty=_("No events to report."),
    count=lambda n: ngettext("%(count)d report", "%(count)d reports", n) % {"count": n},
)

ACCESS = ModelWords(
    list_title=_("Access list"),
    add=_("Add an access entry"),
    new=_("New access entry"),
    editing=_("Editing the access entry"),
    inspecting=_("Access entry"),
    deleting=_("Deleting the access entry"),
    created=_("Access entry «%(object)s» is added."),
    updated=_("Access entry «%(object)s» is saved."),
    deleted=_("Access entry «%(object)s» is deleted."),
    not_created=_("The access entry is not added: correct the errors."),
    not_saved=_("The access entry is not saved: correct the errors."),
    search=_("Search the access list"),
    empty=_("Nobody is listed."),
    count=lambda n: (
        ngettext("%(count)d access entry", "%(count)d access entries", n) % {"count": n}
    ),
    confirm_delete=_(
        "Delete this access entry? Revoke the access on the network first; the "
        "account's history keeps the entry."
    ),
)


class WordsMixin:
    """For Wagtail's generic model views: titles, breadcrumbs and messages from
    ``words`` (set by the viewset, ``RegistryViewSet.words``)."""

    words: ModelWords = None

    def get_breadcrumbs_items(self):
        # The list's crumb says what the menu says («Уведомления (10 дней)»), not the
        # model's plural verbose name.
        items = super().get_breadcrumbs_items()
        list_url = reverse(self.index_url_name) if self.index_url_name else None
        return [
            {**item, "label": self.words.list_title}
            if list_url and item.get("url") == list_url
            else item
            for item in items
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["words"] = self.words
        return context


class IndexWordsMixin(WordsMixin):
    def get_page_title(self):
        return self.words.list_title

    @property
    def add_item_label(self):
        return self.words.add

    def get_paginator(self, *args, **kwargs):
        # Wagtail's «N <plural verbose name>» knows English plurals only.
        paginator = super().get_paginator(*args, **kwargs)
        paginator.items_count_label = self.words.count(paginator.count)
        return paginator

    @property
    def no_results_message(self):
        if self.is_searching or self.is_filtering:
            return _("Nothing matches the search or the filters.")
        return self.words.empty

    def get_search_form(self):
        form = super().get_search_form()
        if form is not None:
            form.fields["q"].widget.attrs["placeholder"] = self.words.search
        return form


class CreateWordsMixin(WordsMixin):
    def get_page_title(self):
        return self.words.new

    def get_page_subtitle(self):
        return ""

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        return [*items[:-1], {"url": "", "label": self.words.new}]

    def get_success_message(self, instance):
        return self.words.created % {"object": instance}

    def get_error_message(self):
        return self.words.not_created


class EditWordsMixin(WordsMixin):
    def get_page_title(self):
        return self.words.editing

    def get_success_message(self):
        return self.words.updated % {"object": self.object}

    def get_error_message(self):
        return self.words.not_saved


class InspectWordsMixin(WordsMixin):
    def get_page_title(self):
        return self.words.inspecting


class DeleteWordsMixin(WordsMixin):
    def get_page_title(self):
        return self.words.deleting

    @property
    def confirmation_message(self):
        return self.words.confirm_delete

    def get_success_message(self):
        return self.words.deleted % {"object": self.object}


class ViewSetWordsMixin:
    """A ModelViewSet whose list, add (and copy), edit, delete and inspect views
    take their sentences from ``words``; its menu item is the list's title."""

    words: ModelWords = None

    @property
    def menu_label(self):
        return self.words.list_title

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(words=self.words, **kwargs)

    def get_add_view_kwargs(self, **kwargs):
        # Also the copy view's (Wagtail's get_copy_view_kwargs calls this).
        return super().get_add_view_kwargs(words=self.words, **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(words=self.words, **kwargs)

    def get_delete_view_kwargs(self, **kwargs):
        return super().get_delete_view_kwargs(words=self.words, **kwargs)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(words=self.words, **kwargs)
