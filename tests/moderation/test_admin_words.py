"""«Настройки» → the moderation lists as the people who use them read them: the saved
replies (a moderator), the rules and the watch list (a senior moderator writes them,
a moderator reads them), the webhooks (the administrator). Wagtail's generic screens
built their phrases from the verbose names: «Нет шаблоны ответов для отображения.
Почему бы не добавить одну?», «Новый: Правило модерации», «3 шаблоны ответов», «На
автор под наблюдением ссылались 0 раз», «True». Every screen says whole Russian
sentences instead."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse

from accounts_registry.models import Account
from moderation.defaults import ensure_moderator_group, ensure_senior_moderator_group
from moderation.models import ReplyTemplate, Rule, WatchedAuthor, WebhookEndpoint

pytestmark = pytest.mark.django_db

# What Wagtail built from a verbose name, on any of the screens.
BROKEN = re.compile(
    r"для отображения|Почему бы не добавить|Новый:|Новое:|удалёно|ссылались"
    r"|\bTrue\b|\bFalse\b|Есть \d+ совпадений|\d+ шаблоны|\d+ авторы|\d+ настройки"
    r"|правило модерации$|Добавить автор |Добавить настройки|vk:|Включена"
)


def words(html: str) -> str:
    """The page's text as a person reads it: no scripts, tags or runs of spaces."""
    html = re.sub(r"<(script|style|svg|template)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"<div[^>]*\bhidden>.*?</div>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", html).replace("\xa0", " ").replace("&#x27;", "'")
    return " ".join(text.split())


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    text = words(response.content.decode())
    assert not BROKEN.search(text), BROKEN.search(text)[0]
    return text


def after(client, response) -> str:
    """The page a form's redirect leads to, with its message."""
    assert response.status_code == 302, response.context["form"].errors
    return page(client, response["Location"])


@pytest.fixture(autouse=True)
def no_second_factor(settings):
    settings.REGISTRY_REQUIRE_OTP = False  # the second factor is tested elsewhere


def member(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, password="pw")
    user.groups.add(group)
    return user


@pytest.fixture
def moderator(client, django_user_model):
    group = ensure_moderator_group(Group, Permission, ContentType)
    client.force_login(member(django_user_model, "olga", group))
    return client


@pytest.fixture
def senior(client, django_user_model):
    group = ensure_senior_moderator_group(Group, Permission, ContentType)
    client.force_login(member(django_user_model, "senior", group))
    return client


def account(network, number) -> Account:
    return Account.objects.create(
        network=network,
        name=f"Минсоц {number}",
        external_id=f"-{number}",
        slug=f"{network}-{number}",
    )


def test_saved_replies_as_the_moderator(moderator):
    index = reverse("moderation_replies:index")
    empty = page(moderator, index)
    assert "Шаблоны ответов" in empty and "Добавить шаблон ответа" in empty
    assert (
        "Шаблонов ответов пока нет: каждый ответ приходится писать заново. Первые "
        "девять шаблонов во входящих вставляются клавишами 1–9." in empty
    )
    counted = {}
    for number in range(1, 6):
        ReplyTemplate.objects.create(title=f"Ответ {number}", text="Спасибо, {имя}!")
        counted[number] = page(moderator, index)
    assert "1 шаблон ответа" in counted[1]
    assert "2 шаблона ответа" in counted[2]
    assert "5 шаблонов ответа" in counted[5]
    ReplyTemplate.objects.filter(title="Ответ 1").update(network="vk")
    listed = page(moderator, index)  # a reply without a network: offered everywhere
    assert "Ответ 1 ВКонтакте" in listed and "Ответ 2 во всех соцсетях" in listed
    filtered = page(moderator, index + "?network=vk")
    assert "Соцсеть: ВКонтакте" in filtered and "Найдено 1 совпадение" in filtered
    searched = page(moderator, index + "?q=Ответ")
    assert "Найдено 5 совпадений" in searched
    nothing = page(moderator, index + "?q=налог")
    assert "Ничего не найдено: измените запрос или фильтры." in nothing

    add = reverse("moderation_replies:add")
    assert "Новый шаблон ответа" in page(moderator, add)
    refused = words(moderator.post(add, {"title": "", "text": ""}).content.decode())
    assert "Шаблон ответа не создан: исправьте ошибки." in refused
    saved = after(
        moderator,
        moderator.post(
            add, {"title": "Позвоните", "text": "Позвоните нам.", "position": "3"}
        ),
    )
    assert "Шаблон ответа «Позвоните» создан." in saved
    reply = ReplyTemplate.objects.get(title="Позвоните")

    edit = reverse("moderation_replies:edit", args=[reply.pk])
    assert "Шаблон ответа: Позвоните" in page(moderator, edit)
    saved = after(
        moderator,
        moderator.post(
            edit, {"title": "Позвоните", "text": "Звоните нам.", "position": "3"}
        ),
    )
    assert "Шаблон ответа «Позвоните» сохранён." in saved
    assert "Новый шаблон ответа" in page(
        moderator, reverse("moderation_replies:copy", args=[reply.pk])
    )
    history = page(moderator, reverse("moderation_replies:history", args=[reply.pk]))
    assert "История: Позвоните" in history and "Шаблоны ответов" in history
    usage = page(moderator, reverse("moderation_replies:usage", args=[reply.pk]))
    assert "Шаблоны ответов" in usage

    delete = reverse("moderation_replies:delete", args=[reply.pk])
    confirm = page(moderator, delete)
    assert "Удаление шаблона ответа" in confirm
    assert (
        "Удалить этот шаблон ответа? Уже отправленные ответы останутся как есть."
        in confirm
    )
    gone = after(moderator, moderator.post(delete))
    assert "Шаблон ответа «Позвоните» удалён." in gone
    assert "5 шаблонов ответа" in gone


RULE_FORM = {
    "name": "Мат — удалить",
    "enabled": "on",
    "priority": "10",
    "min_score": "0.5",
    "label": "obscene",
    "action": "delete",
    "reason": "other",
}


def test_rules_as_the_senior_moderator(senior):
    Rule.objects.all().delete()  # the data migration's defaults
    index = reverse("moderation_rules:index")
    empty = page(senior, index)
    assert "Правила модерации" in empty and "Добавить правило" in empty
    assert (
        "Правил пока нет: каждый комментарий и каждое сообщение ждут решения "
        "модератора." in empty
    )
    counted = {}
    for number in range(1, 6):
        Rule.objects.create(name=f"Правило {number}", action="mark")
        counted[number] = page(senior, index)
    assert "1 правило" in counted[1]
    assert "2 правила" in counted[2]
    assert "5 правил" in counted[5]
    Rule.objects.filter(name="Правило 1").update(enabled=False)
    filtered = page(senior, index + "?enabled=true")
    assert "Включено: Да" in filtered and "Найдено 4 совпадения" in filtered
    assert "Найдено 1 совпадение" in page(senior, index + "?q=Правило+3")

    add = reverse("moderation_rules:add")
    assert "Новое правило модерации" in page(senior, add)
    refused = words(senior.post(add, {**RULE_FORM, "name": ""}).content.decode())
    assert "Правило не создано: исправьте ошибки." in refused
    assert "Правило «Мат — удалить» создано." in after(
        senior, senior.post(add, RULE_FORM)
    )
    rule = Rule.objects.get(name="Мат — удалить")

    edit = reverse("moderation_rules:edit", args=[rule.pk])
    form = page(senior, edit)
    assert "Правило: Мат — удалить" in form and "Срок блокировки, дней" in form
    refused = words(senior.post(edit, {**RULE_FORM, "priority": ""}).content.decode())
    assert "Правило не сохранено: исправьте ошибки." in refused
    saved = after(senior, senior.post(edit, RULE_FORM))
    assert "Правило «Мат — удалить» сохранено." in saved
    assert "Новое правило модерации" in page(
        senior, reverse("moderation_rules:copy", args=[rule.pk])
    )
    assert "История: Мат — удалить" in page(
        senior, reverse("moderation_rules:history", args=[rule.pk])
    )

    delete = reverse("moderation_rules:delete", args=[rule.pk])
    confirm = page(senior, delete)
    assert "Удаление правила" in confirm
    assert (
        "Удалить это правило? Новые комментарии и сообщения оно проверять не будет; "
        "то, что оно уже сделало, останется в истории входящих." in confirm
    )
    gone = after(senior, senior.post(delete))
    assert "Правило «Мат — удалить» удалено." in gone and "5 правил" in gone


def test_a_moderator_reads_a_rule_in_words(moderator):
    rule = Rule.objects.create(name="Спам", action="hide", dry_run=True)
    text = page(moderator, reverse("moderation_rules:inspect", args=[rule.pk]))
    assert "Правило: Спам" in text
    assert "Включено да" in text and "Пробный режим да" in text
    assert "Срок блокировки, дней —" in text and "Исполнитель —" in text
    assert not re.search(r"\bNone\b|\bID\b", text)


def test_the_watch_list(senior, client, django_user_model):
    index = reverse("moderation_watched:index")
    empty = page(senior, index)
    assert "Авторы под наблюдением" in empty and "Добавить автора в список" in empty
    assert (
        "Под наблюдением пока никого нет: правила с условием «только авторы из "
        "списка наблюдения» ни на что не срабатывают." in empty
    )
    counted = {}
    for number in range(1, 6):
        WatchedAuthor.objects.create(network="vk", author_id=f"10{number}")
        counted[number] = page(senior, index)
    assert "1 автор под наблюдением" in counted[1]
    assert "2 автора под наблюдением" in counted[2]
    assert "5 авторов под наблюдением" in counted[5]
    WatchedAuthor.objects.filter(author_id="101").update(network="ok")
    filtered = page(senior, index + "?network=ok")
    assert "Соцсеть: Одноклассники" in filtered and "Найдено 1 совпадение" in filtered

    add = reverse("moderation_watched:add")
    assert "Новый автор под наблюдением" in page(senior, add)
    refused = words(senior.post(add, {"network": "vk"}).content.decode())
    assert "Автор не добавлен: исправьте ошибки." in refused
    saved = after(
        senior, senior.post(add, {"network": "vk", "author_id": "12345", "note": "х"})
    )
    assert "Автор «ВКонтакте: 12345» добавлен в список наблюдения." in saved
    author = WatchedAuthor.objects.get(author_id="12345")
    assert "Автор под наблюдением: ВКонтакте: 12345" in page(
        senior, reverse("moderation_watched:edit", args=[author.pk])
    )
    with pytest.raises(NoReverseMatch):  # the same author cannot be watched twice
        reverse("moderation_watched:copy", args=[author.pk])

    delete = reverse("moderation_watched:delete", args=[author.pk])
    confirm = page(senior, delete)
    assert "Удаление из списка наблюдения" in confirm
    assert (
        "Удалить автора из списка наблюдения? Правила с условием «только авторы из "
        "списка наблюдения» перестанут срабатывать на его комментарии." in confirm
    )
    gone = after(senior, senior.post(delete))
    assert "Автор «ВКонтакте: 12345» удалён из списка наблюдения." in gone

    # A moderator reads the list and each author; adding is the senior's.
    group = ensure_moderator_group(Group, Permission, ContentType)
    client.force_login(member(django_user_model, "olga", group))
    assert "5 авторов под наблюдением" in page(client, index)
    assert client.get(add).status_code in (302, 403)


def test_webhooks_as_the_administrator(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin"))
    index = reverse("moderation_webhooks:index")
    empty = page(client, index)
    assert "Вебхуки модерации" in empty and "Добавить вебхук аккаунта" in empty
    assert (
        "Вебхуков пока нет: соцсети ничего не присылают сразу, комментарии попадают "
        "во входящие, только когда по расписанию опрашиваются недавние посты." in empty
    )
    counted = {}
    for number in range(1, 6):
        WebhookEndpoint.objects.create(account=account("vk", number), secret="s" * 12)
        counted[number] = page(client, index)
    assert "1 вебхук" in counted[1]
    assert "2 вебхука" in counted[2]
    assert "5 вебхуков" in counted[5]
    assert "Включён" in counted[5] and "вкл." in counted[5]
    WebhookEndpoint.objects.filter(account__slug="vk-1").update(enabled=False)
    filtered = page(client, index + "?enabled=true")
    assert "Включён: Да" in filtered and "Найдено 4 совпадения" in filtered

    vk = account("vk", 9)
    add = reverse("moderation_webhooks:add")
    assert "Новые настройки вебхука" in page(client, add)
    refused = words(client.post(add, {"account": vk.pk}).content.decode())
    assert "Настройки не сохранены: исправьте ошибки." in refused
    saved = after(client, client.post(add, {"account": vk.pk, "new_secret": "x" * 12}))
    assert f"Настройки вебхука «{vk}» сохранены." in saved
    endpoint = WebhookEndpoint.objects.get(account=vk)
    edit = reverse("moderation_webhooks:edit", args=[endpoint.pk])
    assert f"Настройки вебхука: {vk}" in page(client, edit)
    with pytest.raises(NoReverseMatch):  # one per account; the secret is not copied
        reverse("moderation_webhooks:copy", args=[endpoint.pk])

    delete = reverse("moderation_webhooks:delete", args=[endpoint.pk])
    confirm = page(client, delete)
    assert "Удаление настроек вебхука" in confirm
    assert (
        "Удалить настройки вебхука этого аккаунта? События от соцсети будут "
        "отклоняться; комментарии под недавними постами будут приходить только при "
        "опросе." in confirm
    )
    gone = after(client, client.post(delete))
    assert f"Настройки вебхука «{vk}» удалены." in gone and "5 вебхуков" in gone
