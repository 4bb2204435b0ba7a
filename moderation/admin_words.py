"""The moderation lists' titles and messages, in whole Russian sentences.

Wagtail's generic screens build them from the verbose name and said «Нет шаблоны
ответов для отображения. Почему бы не добавить одну?», «Новый: Правило модерации»,
«3 шаблоны ответов», «На автор под наблюдением ссылались 0 раз». Each list here has
its own sentences (the register's ``ModelWords``), so a translation puts every word in
its case, gender and number."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts_registry.admin_words import ModelWords

RULE = ModelWords(
    list_title=_("Moderation rules"),  # as the «Настройки» menu says
    add=_("Add a rule"),
    new=_("New moderation rule"),
    editing=_("Rule"),  # «Правило: Мат — удалить»
    inspecting=_("Rule"),
    deleting=_("Deleting the rule"),
    created=_("Rule «%(object)s» created."),
    updated=_("Rule «%(object)s» saved."),
    deleted=_("Rule «%(object)s» deleted."),
    not_created=_("The rule is not created: correct the errors."),
    not_saved=_("The rule is not saved: correct the errors."),
    search=_("Search rules"),
    empty=_(
        "No rules yet: every comment and message waits for a moderator's decision."
    ),
    count=lambda n: ngettext("%(count)d rule", "%(count)d rules", n) % {"count": n},
    confirm_delete=_(
        "Delete this rule? It will check nothing new; what it has already done "
        "stays in the inbox's history."
    ),
)

WATCHED = ModelWords(
    list_title=_("Watched authors"),
    add=_("Add an author to the list"),
    new=_("New watched author"),
    editing=_("Watched author"),
    inspecting=_("Watched author"),
    deleting=_("Removing from the watch list"),
    created=_("Author «%(object)s» added to the watch list."),
    updated=_("Author «%(object)s» saved."),
    deleted=_("Author «%(object)s» removed from the watch list."),
    not_created=_("The author is not added: correct the errors."),
    not_saved=_("The author is not saved: correct the errors."),
    search=_("Search authors"),
    empty=_(
        "Nobody is watched yet: rules for «only authors on the watch list» match "
        "nothing."
    ),
    count=lambda n: (
        ngettext("%(count)d watched author", "%(count)d watched authors", n)
        % {"count": n}
    ),
    confirm_delete=_(
        "Remove this author from the watch list? Rules for «only authors on the "
        "watch list» will no longer match their comments."
    ),
)

REPLY = ModelWords(
    list_title=_("Saved replies"),
    add=_("Add a saved reply"),
    new=_("New saved reply"),
    editing=_("Saved reply"),
    inspecting=_("Saved reply"),
    deleting=_("Deleting the saved reply"),
    created=_("Saved reply «%(object)s» created."),
    updated=_("Saved reply «%(object)s» saved."),
    deleted=_("Saved reply «%(object)s» deleted."),
    not_created=_("The saved reply is not created: correct the errors."),
    not_saved=_("The saved reply is not saved: correct the errors."),
    search=_("Search saved replies"),
    empty=_(
        "No saved replies yet: every answer is typed anew. The first nine are "
        "inserted in the inbox with the keys 1–9."
    ),
    count=lambda n: (
        ngettext("%(count)d saved reply", "%(count)d saved replies", n) % {"count": n}
    ),
    confirm_delete=_("Delete this saved reply? Answers already sent stay as they are."),
)

WEBHOOK = ModelWords(
    list_title=_("Webhook settings"),  # the menu's «Вебхуки модерации»
    add=_("Add an account's webhook"),
    new=_("New webhook settings"),
    editing=_("An account's webhook settings"),  # «Настройки вебхука: ВКонтакте: …»
    inspecting=_("An account's webhook settings"),
    deleting=_("Deleting the webhook settings"),
    created=_("Webhook settings of «%(object)s» are saved."),
    updated=_("Webhook settings of «%(object)s» are saved."),
    deleted=_("Webhook settings of «%(object)s» are deleted."),
    not_created=_("The settings are not saved: correct the errors."),
    not_saved=_("The settings are not saved: correct the errors."),
    search=_("Search accounts"),
    empty=_(
        "No webhooks yet: the networks send nothing at once, the inbox gets "
        "comments only by polling recent posts on a schedule."
    ),
    count=lambda n: (
        ngettext("%(count)d webhook", "%(count)d webhooks", n) % {"count": n}
    ),
    confirm_delete=_(
        "Delete this account's webhook settings? The network's events will be "
        "refused; comments under recent posts come only by polling."
    ),
)
