"""Builds the demo site, its users and the approval workflow. Every step is idempotent."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from accounts_registry.demo import ensure_demo_register, put_in_service
from cms import roles
from cms.models import HomePage, NewsIndexPage, NewsPage
from syndication.models import ApprovalTask, PageSyndication, ScheduleMode

from .content import pieces

# A demo on localhost: printed by load_demo, never used outside the demo.
DEMO_PASSWORD = "vestnik-demo-2026"  # noqa: S105

# Model permissions of the other apps, by role. The registry and moderation apps keep
# their own groups in step after every migrate; syndication's roles are set here.
ROLE_PERMISSIONS = {
    roles.EDITOR: ["syndication.view_delivery"],
    roles.CHIEF_EDITOR: ["syndication.view_delivery", "syndication.change_delivery"],
    roles.TECHNICAL_OFFICER: [
        "syndication.view_delivery",
        "syndication.change_delivery",
        "syndication.view_accountsettings",
        "syndication.change_accountsettings",
        "syndication.add_accountsettings",
        # «Настройки → Нерабочие дни»: the days the posting slots skip.
        "syndication.change_nonworkingdays",
    ],
}


@dataclass
class DemoUser:
    username: str
    group: str | None
    full_name: str
    superuser: bool = False


DEMO_USERS = [
    DemoUser("admin", None, "Администратор Вестника", superuser=True),
    DemoUser("editor", roles.EDITOR, "Анна Редакторова"),
    DemoUser("chief", roles.CHIEF_EDITOR, "Павел Главредов"),
    DemoUser("moderator", roles.MODERATOR, "Ольга Модестова"),
    DemoUser("keeper", roles.REGISTRY_KEEPER, "Игорь Реестров"),
    DemoUser("tech", roles.TECHNICAL_OFFICER, "Денис Техников"),
    DemoUser("head", roles.MANAGEMENT, "Елена Руководова"),
]


def ensure_site() -> tuple[HomePage, NewsIndexPage]:
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        # Wagtail's installer page ("Welcome to your new Wagtail site!") holds the slug
        # "home" and the default site; the demo's home page replaces it.
        for page in root.get_children().filter(depth=2):
            if page.specific_class is Page:
                page.delete()
        home = HomePage(
            title="Министерство социальной защиты населения Кузбасса",
            slug="home",
            intro="Новости министерства: выплаты, льготы, помощь семьям, пожилым людям "
            "и людям с инвалидностью.",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True)
    # Canonical URLs, OpenGraph images and the links in posts use the site's address.
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site.hostname = address.hostname or "localhost"
    site.port = address.port or (443 if address.scheme == "https" else 80)
    site.root_page = home
    site.site_name = "Минсоцзащиты Кузбасса"
    site.save()

    news = NewsIndexPage.objects.child_of(home).first()
    if news is None:
        news = NewsIndexPage(
            title="Новости",
            slug="news",
            intro="Всё, что мы делаем, — коротко и по делу.",
        )
        home.add_child(instance=news)
        news.save_revision().publish()
    return home, news


# The chief editor set the live broadcast's announcement for tomorrow morning: a fresh
# demo's calendar and delivery log have a post still to go.
SCHEDULED_SLUG = "pryamoj-efir-ministr"


def tomorrow_at_ten() -> dt.datetime:
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    return timezone.make_aware(dt.datetime.combine(tomorrow, dt.time(10, 0)))


def ensure_pieces(news: NewsIndexPage, author=None, publisher=None) -> list[NewsPage]:
    """Publishing a new piece schedules its posts to the active accounts, through the
    same signal as in the editor (so the accounts are made first)."""
    result = []
    for data in pieces():
        page = NewsPage.objects.child_of(news).filter(slug=data["slug"]).first()
        if page is None:
            page = NewsPage(
                slug=data["slug"],
                title=data["title"],
                lead=data["lead"],
                cover=data["cover"],
                date=data["date"],
                body=data["body"],
                owner=author,
            )
            page.tags.set(data["tags"])
            news.add_child(instance=page)
            if data["slug"] == SCHEDULED_SLUG:
                PageSyndication.objects.create(
                    page=page, schedule_mode=ScheduleMode.AT, send_at=tomorrow_at_ten()
                )
            # Written by the editor, published by the chief editor, as the workflow wants.
            page.save_revision(user=author).publish(user=publisher)
        result.append(page)
    return result


def ensure_groups(news: NewsIndexPage) -> dict[str, Group]:
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in roles.ALL}
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for group in groups.values():
        group.permissions.add(access_admin)
    for name, codes in ROLE_PERMISSIONS.items():
        for code in codes:
            app_label, codename = code.split(".")
            groups[name].permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
            )

    page_rights = {
        roles.EDITOR: ["add_page", "change_page"],
        roles.CHIEF_EDITOR: [
            "add_page",
            "change_page",
            "publish_page",
            "lock_page",
            "unlock_page",
        ],
    }
    for name, codenames in page_rights.items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=groups[name],
                page=news,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )

    root_collection = Collection.get_first_root_node()
    media_rights = {
        "wagtailimages": ["add_image", "change_image", "choose_image"],
        "wagtaildocs": ["add_document", "change_document", "choose_document"],
    }
    for name in (roles.EDITOR, roles.CHIEF_EDITOR):
        for app_label, codenames in media_rights.items():
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name],
                    collection=root_collection,
                    permission=Permission.objects.get(
                        content_type__app_label=app_label, codename=codename
                    ),
                )
    return groups


APPROVAL_TASK = "Одобрение главного редактора"


def ensure_workflow(news: NewsIndexPage, groups: dict[str, Group]) -> Workflow:
    """Editor submits, chief editor approves: Wagtail's group approval task on the news."""
    workflow, _ = Workflow.objects.get_or_create(name="Согласование публикации")
    # The approval whose dialog also chooses the accounts and the time of the posts;
    # a demo loaded before it existed had Wagtail's plain group approval: replaced.
    task = ApprovalTask.objects.filter(name=APPROVAL_TASK).first()
    if task is None:
        GroupApprovalTask.objects.filter(name=APPROVAL_TASK).update(active=False)
        task = ApprovalTask.objects.create(name=APPROVAL_TASK)
    task.groups.set([groups[roles.CHIEF_EDITOR]])
    WorkflowTask.objects.filter(workflow=workflow).exclude(task=task).delete()
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    WorkflowPage.objects.update_or_create(page=news, defaults={"workflow": workflow})
    return workflow


def ensure_users(groups: dict[str, Group]) -> list[DemoUser]:
    User = get_user_model()
    for demo in DEMO_USERS:
        user = User.objects.filter(username=demo.username).first()
        if user is None:
            first, last = demo.full_name.split(" ", 1)
            user = User(
                username=demo.username,
                first_name=first,
                last_name=last,
                email=f"{demo.username}@example.org",
            )
            user.set_password(DEMO_PASSWORD)
        user.is_staff = demo.superuser
        user.is_superuser = demo.superuser
        user.save()
        if demo.group:
            user.groups.add(groups[demo.group])
    return DEMO_USERS


def ensure_network_accounts() -> list:
    """Sandbox accounts for every network, when the sandbox app is installed (the dev
    and test settings install it, production does not)."""
    if not apps.is_installed("sandbox"):
        return []
    # Imported here: the sandbox's models cannot even be imported where the app is not
    # installed.
    from sandbox.demo import ensure_demo_accounts

    return list(ensure_demo_accounts() or [])


def lose_one_answer() -> None:
    """A fresh demo's history has one post that «needs a check», made by the real
    delivery path: the sandbox's Odnoklassniki publishes the first post and then, as a
    proxy sometimes does, answers 502 with an empty body. OK has no way to look the
    post up, so the delivery asks a person."""
    if apps.is_installed("sandbox"):
        # Imported here: the sandbox app is not installed in production.
        from sandbox.demo import lose_next_answer

        lose_next_answer("ok", "mediatopic.post")


def ensure_register_entries(network_accounts) -> list:
    """The sandbox accounts in service, and register entries beyond them."""
    put_in_service(network_accounts)
    return ensure_demo_register()


@transaction.atomic
def load_demo() -> dict:
    home, news = ensure_site()
    groups = ensure_groups(news)
    users = ensure_users(groups)
    users_by_name = get_user_model().objects.in_bulk(
        ["editor", "chief"], field_name="username"
    )
    # The accounts before the pieces: publishing schedules the posts (sent by the
    # worker of `make run` to the sandbox, one of them tomorrow at 10:00).
    accounts = ensure_network_accounts()
    ensure_register_entries(accounts)
    fresh = not NewsPage.objects.child_of(news).exists()
    pages = ensure_pieces(
        news, author=users_by_name["editor"], publisher=users_by_name["chief"]
    )
    if fresh:
        lose_one_answer()
    ensure_workflow(news, groups)
    return {
        "home": home,
        "news": news,
        "pages": pages,
        "users": users,
        "accounts": accounts,
    }
