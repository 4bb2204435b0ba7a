"""The moderator's day in a real browser, against the VK sandbox over HTTP, through
the split view (the list on the left, the open item in a pane on its right):
arrive → filter → open in the pane with its post and thread (reload, back, forward) →
reply from a saved reply → the next item opens in the pane → delete, undo → ban with
a reason (undo window) → the next item opens in the pane → delete → a colleague takes
the open item and both sides follow → the blacklist shows the ban → a rule's dry run
lists its matches → the item's own page and its queue; on a narrow screen a row opens
the item's own page. Screenshots go to $MODERATION_SHOTS, else .artifacts/day/ (not in
git)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from accounts_registry.restricted import decide
from moderation import ingest
from moderation.defaults import ensure_moderator_group
from moderation.fetch import fetch_all
from moderation.models import Ban, FetchCursor, InboxItem, ReplyTemplate, Rule
from sandbox.models import SandboxAccount, SandboxBan, SandboxComment, SandboxPost
from sandbox.pages import add_comment
from tests.sandbox.fixtures import relaxed_account, sandbox  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"
SHOTS = Path(
    os.environ.get("MODERATION_SHOTS")
    or Path(__file__).resolve().parents[2] / ".artifacts" / "day"
)
QUESTION = "Когда начнут выплаты на детей? Уже месяц жду."
ALSO = "Присоединяюсь к вопросу, у нас то же самое"
OBSCENE = "Да идите вы нах*й со своими выплатами"
ELSEWHERE = "Где записаться в волонтёры на лето?"
DIPLOMA = "Продам диплом любого вуза с занесением в реестр, пишите @diplom_bystro"


@pytest.fixture
def moderator(django_user_model):
    group = ensure_moderator_group(Group, Permission, ContentType)
    user = django_user_model.objects.create_user("moder", password=PASSWORD)
    user.groups.add(group)
    return user


@pytest.fixture
def day(sandbox, settings):  # noqa: F811
    settings.MODERATION_UNDO_SECONDS = 3  # the toast's window, shortened for the test
    account = relaxed_account("vk", "424242", "Соцзащита Кузбасса", token_type="user")
    wall = SandboxAccount.objects.get(network="vk", external_id="424242")
    post = SandboxPost.objects.create(
        account=wall, remote_id=wall.next_id(), text="Выплаты на детей с января"
    )
    FetchCursor.objects.create(account=account, post_remote_id=str(post.remote_id))
    Rule.objects.update(enabled=False)  # the moderator, not a rule, acts here
    Rule.objects.create(name="Продажа дипломов — срочно", keyword="диплом",
                        action="mark", reason="law", enabled=False)  # fmt: skip
    ReplyTemplate.objects.create(
        title="Выплаты", position=1,
        text="Здравствуйте, {имя}! Выплаты начнутся 15 января, напишите нам в "
        "личные сообщения номер заявления.",
    )  # fmt: skip
    comments = {
        "question": add_comment(post, 4712, "Анна Смирнова", QUESTION),
        "obscene": add_comment(post, 4711, "Грубиян Петров", OBSCENE),
        "diploma": add_comment(post, 4715, "Диплом Быстро", DIPLOMA),
    }
    comments["also"] = SandboxComment.objects.create(
        post=post, remote_id=wall.next_id(), author_id=4713,
        author_name="Олег Кузнецов", text=ALSO, reply_to=comments["question"].remote_id,
    )  # fmt: skip
    assert fetch_all([account]).created == 4
    # Another community's question, which the account filter leaves out.
    other = relaxed_account("vk", "434343", "Молодёжь Кузбасса", token_type="user")
    read_by("vk", "434343", 4799, "Ирина Белова")  # so users.get knows her
    ingest.store(other, ingest.Incoming(remote_id="9001", post_remote_id="7",
                                        author_id="4799", author_name="Ирина Белова",
                                        text=ELSEWHERE))  # fmt: skip
    return account, post, comments


def login(page, live_server) -> None:
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "moder")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


PANE = "[data-mod-pane] [data-mod-pane-item]"


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def item_of(comment) -> InboxItem:
    return InboxItem.objects.get(remote_id=str(comment.remote_id))


def test_the_moderators_day(page_in_browser, live_server, moderator, day):
    account, post, comments = day
    page = page_in_browser  # 1280 × 900: the split view
    script_errors = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))
    page.on("console", lambda m: m.type == "error" and script_errors.append(m.text))
    login(page, live_server)

    # Arrive: five open items in two communities, the tabs agree, deadlines read as
    # time left; the pane on the right says how to open one.
    page.goto(f"{live_server.url}/admin/moderation/")
    assert page.inner_text("[data-count=open]") == "5"
    assert page.inner_text("[data-count=status_new]") == "5"
    # «осталось 5 ч», «остался 21 ч», «осталась 1 мин»: the verb agrees with the number,
    # which depends on the time of day the test runs.
    assert re.search(r"остал(ось|ся|ась) \d", page.inner_text("tr.mod-row .mod-timer"))
    assert "откроется здесь" in page.inner_text("[data-mod-pane-empty]")
    shot(page, "01-arrive")

    # Filter: her community only.
    page.select_option("select[name=account]", str(account.pk))
    page.click(".mod-filters button[type=submit]")
    page.wait_for_url(f"**account={account.pk}**")
    assert page.locator("tr.mod-row").count() == 4
    assert page.inner_text("[data-count=open]") == "4"
    assert ELSEWHERE[:20] not in page.inner_text("#mod-rows")
    shot(page, "02-filtered")

    # Open in the pane: the list stays (its filter, its rows), the address names the
    # item; the author by name with the sandbox's avatar (users.get), the post, the
    # thread with the answer under the question.
    question = item_of(comments["question"])
    page.click(f"tr.mod-row a:has-text('{QUESTION[:20]}')")
    page.wait_for_selector(f"{PANE} [data-mod-text]:has-text('{QUESTION[:20]}')")
    assert f"item={question.pk}" in page.url and f"account={account.pk}" in page.url
    assert page.locator("tr.mod-row").count() == 4
    assert page.get_attribute(f"tr.mod-row[data-id='{question.pk}']", "aria-current")
    assert "Анна Смирнова" in page.inner_text(f"{PANE} [data-mod-author]")
    assert "/sandbox/avatar/4712.svg" in page.get_attribute(
        f"{PANE} .mod-author__avatar", "src"
    )
    assert f"Пост {post.remote_id}" in page.inner_text(f"{PANE} [data-mod-post]")
    assert ALSO in page.inner_text(f"{PANE} [data-mod-thread]")
    assert page.locator(f"{PANE} [data-mod-action=hide]").count() == 0  # VK cannot
    shot(page, "03-open-in-the-pane")

    # The address works: a reload shows the same list and item, back closes the
    # pane, forward opens it again.
    page.reload()
    page.wait_for_selector(f"{PANE} [data-mod-text]:has-text('{QUESTION[:20]}')")
    assert page.locator("tr.mod-row").count() == 4
    page.go_back()
    page.wait_for_selector(PANE, state="detached")
    assert "item=" not in page.url and f"account={account.pk}" in page.url
    page.go_forward()
    page.wait_for_selector(f"{PANE} [data-mod-text]:has-text('{QUESTION[:20]}')")

    # Reply from a saved reply (key 1); the next open item opens in the pane.
    page.check(f"{PANE} [data-mod-advance]")
    page.keyboard.press("1")
    reply = page.input_value(f"{PANE} #mod-reply-text")
    assert reply.startswith("Здравствуйте, Анна! Выплаты начнутся 15 января")
    page.fill(f"{PANE} #mod-reply-text", reply + " Спасибо за терпение.")
    shot(page, "04-reply-from-a-saved-reply")
    page.click(f"{PANE} .mod-reply button[value=reply]")
    page.wait_for_selector(f"{PANE} [data-mod-text]:has-text('{DIPLOMA[:20]}')")
    answer = post.comments.get(reply_to=comments["question"].remote_id, author_id__lt=0)
    assert answer.text.endswith("Спасибо за терпение.")
    assert item_of(comments["question"]).status == "replied"
    diploma = item_of(comments["diploma"])
    assert f"item={diploma.pk}" in page.url
    assert "Дан ответ" in page.inner_text(f"tr.mod-row[data-id='{question.pk}']")
    assert page.inner_text("[data-count=open]") == "3"

    # Delete: the next item opens while the toast counts down; undo: nothing reaches
    # the network and the item is back in the pane.
    page.keyboard.press("d")
    page.wait_for_selector("[data-mod-toast]:has-text('будет удалён')")
    page.wait_for_selector(f"{PANE} [data-mod-text]:has-text('{OBSCENE[:15]}')")
    assert "is-pending" in page.get_attribute(
        f"tr.mod-row[data-id='{diploma.pk}']", "class"
    )
    shot(page, "05-delete-with-undo")
    page.keyboard.press("u")
    page.wait_for_selector("[data-mod-notice]:has-text('Отменено')")
    page.wait_for_selector("[data-mod-toast]", state="detached")
    comments["diploma"].refresh_from_db()
    assert not comments["diploma"].deleted and item_of(comments["diploma"]).is_open
    page.wait_for_selector(f"{PANE} [data-mod-text]:has-text('{DIPLOMA[:20]}')")
    assert f"item={diploma.pk}" in page.url

    # Ban with a reason: the toast counts down, the next item opens in the pane, and
    # the ban is sent when the window ends.
    page.select_option(f"{PANE} [data-mod-actions] select[name=reason]", "law")
    page.keyboard.press("b")
    page.wait_for_selector(f"{PANE} [data-mod-text]:has-text('{OBSCENE[:15]}')")
    page.wait_for_selector("[data-mod-toast]:has-text('Нарушение закона')")
    shot(page, "06-ban-and-the-next-item")
    page.wait_for_selector("[data-mod-toast]", state="detached", timeout=15_000)
    assert SandboxBan.objects.filter(account=post.account, user_id=4715).exists()
    assert Ban.objects.get(author_id="4715").reason == "law"

    # Delete the obscene one: the next item (Олег's answer) opens in the pane.
    page.keyboard.press("d")
    page.wait_for_selector(f"{PANE} [data-mod-text]:has-text('{ALSO[:20]}')")
    page.wait_for_selector("[data-mod-toast]", state="detached", timeout=15_000)
    comments["obscene"].refresh_from_db()
    assert comments["obscene"].deleted

    # Both sides agree without a reload: the counters, the rows' statuses.
    page.wait_for_selector("[data-count=status_deleted]:text-is('2')")
    assert page.inner_text("[data-count=open]") == "1"
    for deleted in ("diploma", "obscene"):
        row = f"tr.mod-row[data-id='{item_of(comments[deleted]).pk}']"
        page.wait_for_selector(f"{row} .mod-row__status:has-text('Удалено')")

    # A colleague takes the open item: the pane and its row follow within a poll.
    also = item_of(comments["also"])
    colleague = type(moderator).objects.create_user("kollega", password=PASSWORD)
    also.assignee, also.status = colleague, "in_progress"
    also.save()
    page.wait_for_selector(f"{PANE} :text('kollega')", timeout=15_000)
    page.wait_for_selector(f"tr.mod-row[data-id='{also.pk}'] :text('kollega')")
    shot(page, "07-both-sides-follow")

    # The blacklist shows the ban with its reason, across accounts.
    page.goto(f"{live_server.url}/admin/moderation/blacklist/")
    table = page.inner_text("table.mod-blacklist")
    assert "Диплом Быстро" in table and "Нарушение закона" in table
    assert "Соцзащита Кузбасса" in table
    shot(page, "08-blacklist")

    # A rule's dry run lists what it would have matched, with links.
    page.goto(live_server.url + reverse("moderation_rules:index"))
    page.click("a:has-text('Проверить на входящих') >> nth=-1")
    page.wait_for_selector("[data-mod-dry-summary]")
    shot(page, "09-dry-run")
    assert "сработало бы на 1 обращении из 5" in page.inner_text(
        "[data-mod-dry-summary]"
    )
    page.click(f"tr.mod-dry-match a:has-text('{DIPLOMA[:20]}')")
    page.wait_for_selector("#mod-item")
    assert "в чёрном списке" in page.inner_text("[data-mod-author]")
    shot(page, "10-the-items-own-page")

    # The queue beside the item's own page: j opens an open item left.
    queue = page.inner_text("[data-mod-queue]")
    assert ALSO[:20] in queue or ELSEWHERE[:20] in queue
    page.keyboard.press("j")
    page.wait_for_selector(".mod-queue li.is-current a[aria-current=true]")
    shot(page, "11-queue-beside-the-item")
    assert script_errors == []


def test_a_narrow_screen_opens_the_items_own_page(
    page_in_browser, live_server, moderator, day
):
    account, post, comments = day
    page = page_in_browser
    page.set_viewport_size({"width": 900, "height": 900})
    login(page, live_server)
    page.goto(f"{live_server.url}/admin/moderation/")
    assert not page.is_visible("[data-mod-pane]")
    question = item_of(comments["question"])
    page.click(f"tr.mod-row a:has-text('{QUESTION[:20]}')")
    page.wait_for_url(f"**/admin/moderation/item/{question.pk}/")
    assert "Анна Смирнова" in page.inner_text("#mod-item [data-mod-author]")
    shot(page, "12-narrow-screen-item-page")


def read_by(network, external_id, author_id, name) -> None:
    """A reader who commented in the sandbox (whom its members and picture calls know)."""
    account = SandboxAccount.objects.get(network=network, external_id=external_id)
    post = SandboxPost.objects.create(
        account=account, remote_id=account.next_id(), text="Новость"
    )
    add_comment(post, author_id, name, "Когда выплаты?")


def test_pictures_or_initials_on_max_facebook_instagram(
    page_in_browser,
    live_server,
    moderator,
    sandbox,  # noqa: F811
):
    for network in ("facebook", "instagram"):
        decide(network, True, reason="Тест авторов Meta", actor="pytest")
    channels = {
        "max": relaxed_account("max", "-70000000000042", "Соцзащита в MAX"),
        "facebook": relaxed_account("facebook", "546349135390552", "Соцзащита в FB"),
        "instagram": relaxed_account("instagram", "17841400000000077", "Соцзащита IG"),
    }
    read_by("max", "-70000000000042", 8801, "Пётр Волков")
    read_by("facebook", "546349135390552", 9901, "Ольга Миронова")
    read_by("instagram", "17841400000000077", 7701, "olga.mironova")
    authors = [  # network, id, name in the payload, a picture expected
        ("max", "8801", "Пётр Волков", True),
        ("max", "8809", "Анна Белова", False),  # not a member of the channel
        ("facebook", "9901", "Ольга Миронова", True),
        ("instagram", "7701", "olga.mironova", True),
        ("instagram", "7709", "ivan_k", False),  # a personal account
    ]
    items = {}
    for number, (network, author_id, name, _) in enumerate(authors, start=1):
        items[author_id], _ = ingest.store(channels[network], ingest.Incoming(
            remote_id=str(number), post_remote_id="42", author_id=author_id,
            author_name=name, text=f"Вопрос от {name}: когда выплаты?",
        ))  # fmt: skip
    page = page_in_browser
    login(page, live_server)
    for network, author_id, name, pictured in authors:
        page.goto(f"{live_server.url}/admin/moderation/")
        page.click(f"tr.mod-row[data-id='{items[author_id].pk}'] a.mod-row__link")
        card = f"{PANE} [data-mod-author]"
        page.wait_for_selector(f"{card}:has-text('{name}')")
        if pictured:
            source = page.get_attribute(f"{card} img.mod-author__avatar", "src")
            assert source.endswith(f"/sandbox/avatar/{author_id}.svg")
        else:
            assert page.locator(f"{card} img").count() == 0
            assert page.inner_text(f"{card} .mod-author__avatar--none") in ("АБ", "IK")
        shot(page, f"13-author-{network}-{author_id}")
