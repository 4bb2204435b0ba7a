"""The account screens' words while they are still wagtail-modeladmin views (being moved
to ModelViewSet: admin_words.py holds the new views' words).

wagtail-modeladmin builds its titles and messages from the model's verbose name
(«%(model_name)s '%(object)s' created.»): Russian then reads «Новое Аккаунт», «Аккаунт …
создана», «Вернуться к списку аккаунт». Each model here has its own whole sentences, so a
translation can put every word in its case and gender.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ModelWords:
    new: Promise  # the create view's heading: «Новый аккаунт»
    editing: Promise  # «Редактирование аккаунта»
    inspecting: Promise  # «Просмотр аккаунта»
    deleting: Promise  # «Удаление аккаунта»
    back_to_list: Promise  # «Вернуться к списку аккаунтов»
    created: Promise  # «Аккаунт «%(object)s» добавлен.»
    updated: Promise
    deleted: Promise
    not_created: Promise  # «Аккаунт не добавлен: исправьте ошибки.»
    not_saved: Promise
    search: Promise  # the search box's placeholder: «Искать аккаунты»
    confirm_delete: Promise = _("Delete this entry? This cannot be undone.")


ACCOUNT = ModelWords(
    new=_("New account"),
    editing=_("Editing the account"),
    inspecting=_("Account"),
    deleting=_("Deleting the account"),
    back_to_list=_("Back to the list of accounts"),
    created=_("Account «%(object)s» is added."),
    updated=_("Account «%(object)s» is saved."),
    deleted=_("Account «%(object)s» is deleted."),
    not_created=_("The account is not added: correct the errors."),
    not_saved=_("The account is not saved: correct the errors."),
    search=_("Search accounts"),
)


class WordsMixin:
    """For wagtail-modeladmin's views: titles and messages from ``model_admin.words``."""

    @property
    def words(self) -> ModelWords:
        return self.model_admin.words

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["words"] = self.words
        return context


class CreateWordsMixin(WordsMixin):
    def get_page_title(self):
        return self.words.new

    def get_meta_title(self):
        return self.words.new

    def get_page_subtitle(self):
        return ""

    def get_success_message(self, instance):
        return self.words.created % {"object": instance}

    def get_error_message(self):
        return self.words.not_created


class EditWordsMixin(WordsMixin):
    def get_page_title(self):
        return self.words.editing

    def get_meta_title(self):
        return f"{self.words.editing}: {self.instance}"

    def get_success_message(self, instance):
        return self.words.updated % {"object": instance}

    def get_error_message(self):
        return self.words.not_saved


class InspectWordsMixin(WordsMixin):
    def get_page_title(self):
        return self.words.inspecting

    def get_meta_title(self):
        return f"{self.words.inspecting}: {self.instance}"


class DeleteWordsMixin(WordsMixin):
    def get_page_title(self):
        return self.words.deleting

    def get_meta_title(self):
        return f"{self.words.deleting}: {self.instance}"
