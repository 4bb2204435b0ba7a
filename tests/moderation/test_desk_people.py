"""Who and what: authors by name from the network, the thread, saved replies, rules
that a senior moderator edits and everyone reads, the dry run; the import cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from moderation import authors, ingest
from moderation.defaults import ensure_senior_moderator_group
from moderation.models import AuthorProfile, InboxItem, ReplyTemplate, Rule


@pytest.fixture
def people(django_user_model, db):
    senior_group = ensure_senior_moderator_group(Group, Permission, ContentType)
    moderator_group = Group.objects.get(name="Модератор")
    senior = django_user_model.objects.create_user("senior", password="pw")
    senior.groups.add(senior_group)
    moderator = django_user_model.objects.create_user("moderator", password="pw")
    moderator.groups.add(moderator_group)
    editor = django_user_model.objects.create_user("editor", password="pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return {"senior": senior, "moderator": moderator, "editor": editor}


def store(account, remote_id, text="Когда выплаты?", **extra):
    fields = {"post_remote_id": "42", "author_id": "9107", **extra}
    item, _ = ingest.store(
        account, ingest.Incoming(remote_id=str(remote_id), text=text, **fields)
    )
    return item


class VkLookups:
    """The part of the VK client the author look-up uses."""

    def __init__(self, fail=False):
        self.calls, self.fail = [], fail

    def call(self, method, **params):
        self.calls.append((method, params))
        if self.fail:
            raise ConnectionError("timed out")
        if method == "users.get":
            return [{"id": 9107, "first_name": "Анна", "last_name": "Иванова",
                     "photo_100": "https://sun.userapi.com/a.jpg",
                     "screen_name": "anna"}]  # fmt: skip
        return {"groups": [{"id": 77, "name": "Клуб соседей", "screen_name": "club77"}]}

    def post_url(self, post_id):
        return f"https://vk.com/wall-123456_{post_id}"


def test_vk_authors_by_name_avatar_and_link_cached(
    client, people, vk_account, monkeypatch
):
    lookups = VkLookups()
    monkeypatch.setattr("moderation.authors.get_client", lambda account: lookups)
    monkeypatch.setattr("moderation.views.item.get_client", lambda account: lookups)
    item = store(vk_account, 1)
    store(vk_account, 2, author_id="-77")
    assert authors.resolve_unnamed(vk_account.pk) == 2
    assert [c[0] for c in lookups.calls] == ["users.get", "groups.getById"]
    item.refresh_from_db()
    assert (
        item.author_name == "Анна Иванова" and item.author_url == "https://vk.com/anna"
    )
    assert InboxItem.objects.get(author_id="-77").author_name == "Клуб соседей"
    client.force_login(people["moderator"])
    page = client.get(reverse("moderation_item", args=[item.pk])).content.decode()
    assert 'src="https://sun.userapi.com/a.jpg"' in page
    assert 'href="https://vk.com/anna"' in page and ">Анна Иванова</a>" in page
    assert 'href="https://vk.com/wall-123456_42"' in page  # the post in the network
    assert len(lookups.calls) == 2  # the profile came from the cache
    rows = client.get(reverse("moderation_inbox")).content.decode()
    assert "Анна Иванова" in rows and "9107" not in rows


def test_a_failed_look_up_keeps_the_id_and_tries_again(vk_account, monkeypatch):
    monkeypatch.setattr("moderation.authors.get_client", lambda a: VkLookups(fail=True))
    item = store(vk_account, 1)
    assert authors.resolve_unnamed(vk_account.pk) == 0
    item.refresh_from_db()
    assert item.author_name == "" and not AuthorProfile.objects.exists()
    lookups = VkLookups()
    monkeypatch.setattr("moderation.authors.get_client", lambda a: lookups)
    assert authors.resolve_unnamed(vk_account.pk) == 0  # not again at once
    assert lookups.calls == []
    from django.core.cache import cache

    cache.delete(f"moderation-author-failed:{vk_account.pk}")  # minutes later
    assert authors.resolve_unnamed(vk_account.pk) == 1


def test_thread_shows_parent_and_replies(client, people, vk_account):
    parent = store(vk_account, 1, text="Где моя выплата?", author_name="Пётр")
    item = store(vk_account, 2, text="У меня тоже нет", parent_remote_id="1",
                 author_name="Анна")  # fmt: skip
    store(vk_account, 3, text="И у меня", parent_remote_id="2", author_name="Олег")
    client.force_login(people["moderator"])
    page = client.get(reverse("moderation_item", args=[item.pk])).content.decode()
    assert "Где моя выплата?" in page and "И у меня" in page
    assert reverse("moderation_item", args=[parent.pk]) in page


def test_saved_replies_fill_placeholders(client, people, vk_account, tg_account):
    ReplyTemplate.objects.create(title="Выплаты", position=1,
        text="Здравствуйте, {имя}! {сообщество} ответит в личных сообщениях.")  # fmt: skip
    ReplyTemplate.objects.create(title="Только Telegram", text="…", network="telegram")
    named = store(vk_account, 1, author_name="Анна Иванова")
    client.force_login(people["moderator"])
    page = client.get(reverse("moderation_item", args=[named.pk])).content.decode()
    assert "Здравствуйте, Анна! vk account ответит в личных сообщениях." in page
    assert "Только Telegram" not in page  # another network's reply
    unnamed = store(vk_account, 2)
    template = ReplyTemplate.objects.get(title="Выплаты")
    assert template.fill(unnamed).startswith("Здравствуйте! ")  # no «, 9107»


def test_moderators_keep_saved_replies(client, people):
    client.force_login(people["moderator"])
    response = client.post(reverse("moderation_replies:add"), {
        "title": "Спасибо", "text": "Спасибо, {имя}!", "position": "1", "network": "",
    }, follow=True)  # fmt: skip
    assert "Шаблон ответа «Спасибо» создан." in response.content.decode()


def test_senior_moderator_edits_rules_others_read_them(client, people):
    rule = Rule.objects.create(name="Казино", keyword="казино", action="delete")
    client.force_login(people["moderator"])
    index = client.get(reverse("moderation_rules:index")).content.decode()
    assert "Казино" in index and "вкл." in index and "True" not in index
    assert (
        client.get(reverse("moderation_rules:inspect", args=[rule.pk])).status_code
        == 200
    )
    assert (
        client.get(reverse("moderation_rules:edit", args=[rule.pk])).status_code == 302
    )
    client.force_login(people["editor"])
    assert client.get(reverse("moderation_rules:index")).status_code == 302
    client.force_login(people["senior"])
    response = client.post(reverse("moderation_rules:edit", args=[rule.pk]), {
        "name": "Казино", "priority": "5", "min_score": "0", "keyword": "казино",
        "action": "delete", "reason": "spam",
    }, follow=True)  # fmt: skip
    html = response.content.decode()
    assert "Правило «Казино» сохранено." in html
    assert "выкл." in html  # switched off: enabled was not sent


def test_rule_form_offers_moderators_and_what_the_network_can(client, people):
    client.force_login(people["senior"])
    form = client.get(reverse("moderation_rules:add")).context["form"]
    assignees = {u.username for u in form.fields["assignee"].queryset}
    assert {"senior", "moderator"} <= assignees and "editor" not in assignees
    response = client.post(reverse("moderation_rules:add"), {
        "name": "Бан в ОК", "enabled": "on", "priority": "5", "min_score": "0",
        "network": "ok", "keyword": "казино", "action": "ban", "reason": "spam",
    })  # fmt: skip
    assert response.status_code == 200
    assert "Одноклассники не позволяют вносить авторов в чёрный список" in (
        response.content.decode()
    )
    assert not Rule.objects.filter(name="Бан в ОК").exists()


def test_dry_run_lists_the_matches_of_the_last_days(client, people, vk_account):
    from datetime import timedelta

    from django.utils import timezone

    rule = Rule.objects.create(name="Казино", keyword="казино", action="delete",
                               enabled=False)  # fmt: skip
    hit = store(vk_account, 1, text="Лучшее казино тут")
    old = store(vk_account, 2, text="казино прошлого месяца")
    InboxItem.objects.filter(pk=old.pk).update(
        received_at=timezone.now() - timedelta(days=20)
    )
    store(vk_account, 3, text="Когда выплаты?")
    client.force_login(people["moderator"])
    page = client.get(reverse("moderation_rule_dry_run", args=[rule.pk]), {"days": 7})
    assert [i.pk for i, _first in page.context["matches"]] == [hit.pk]
    html = page.content.decode()
    assert "Правило сработало бы на 1 обращении из 2." in html
    assert reverse("moderation_item", args=[hit.pk]) in html
    wide = client.get(reverse("moderation_rule_dry_run", args=[rule.pk]), {"days": 30})
    assert wide.context["matched"] == 2


# -- 16.2: no import cycle inside the moderation app --------------------------------
APP = Path(__file__).resolve().parents[2] / "moderation"


def _imports(path: Path, package: str) -> set[str]:
    """Modules of the app ``path`` imports, at the top or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            name = f"{base}.{node.module}" if node.module else base
            found.add(name)
            found.update(f"{name}.{a.name}" for a in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "moderation"
        ):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


def test_moderation_modules_import_without_cycles():
    modules = {}
    for path in APP.rglob("*.py"):
        relative = path.relative_to(APP.parent).with_suffix("")
        parts = list(relative.parts)
        if "migrations" in parts or "classifier" in parts or "webhooks" in parts:
            continue
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        package = name if is_package else name.rsplit(".", 1)[0]
        modules[name] = _imports(path, package)
    graph = {
        m: {d for d in deps if d in modules and d != m} for m, deps in modules.items()
    }
    cycles = []

    def visit(node, stack):
        for nxt in graph[node]:
            if nxt in stack:
                cycles.append(stack[stack.index(nxt) :] + [nxt])
            elif len(stack) < 12:
                visit(nxt, [*stack, nxt])

    for start in ("moderation.ingest", "moderation.rule_engine", "moderation.tasks"):
        visit(start, [start])
    assert cycles == []
