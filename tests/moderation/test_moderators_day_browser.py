"""The moderator's day in a real browser, against the VK sandbox over HTTP:
arrive → filter → open with context → reply from a saved reply → the next item opens
→ ban with a reason (undo window) → delete, undo, delete → the blacklist shows the ban
→ a rule's dry run lists its matches. Screenshots go to .artifacts/day/ (not in git)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from moderation.defaults import ensure_moderator_group
from moderation.fetch import fetch_all
from moderation.models import Ban, FetchCursor, InboxItem, ReplyTemplate, Rule
from sandbox.models import SandboxAccount, SandboxBan, SandboxComment, SandboxPost
from sandbox.pages import add_comment
from tests.sandbox.fixtures import relaxed_account, sandbox  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"
SHOTS = Path(__file__).resolve().parents[2] / ".artifacts" / "day"
QUESTION = "Когда начнут выплаты на детей? Уже месяц жду."
ALSO = "Присоединяюсь к вопросу, у нас то же самое"
OBSCENE = "Да идите вы нах*й со своими выплатами"
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
    return account, post, comments


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def item_of(comment) -> InboxItem:
    return InboxItem.objects.get(remote_id=str(comment.remote_id))


def test_the_moderators_day(page_in_browser, live_server, moderator, day):
    account, post, comments = day
    page = page_in_browser
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "moder")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    # Arrive: four open items, the tabs agree, deadlines read as time left.
    page.goto(f"{live_server.url}/admin/moderation/")
    assert page.inner_text("[data-count=open]") == "4"
    assert page.inner_text("[data-count=status_new]") == "4"
    assert "осталось" in page.inner_text("tr.mod-row .mod-timer")
    shot(page, "01-arrive")

    # Filter: the questions without violations.
    page.select_option("select[name=label]", "clean")
    page.click(".mod-filters button[type=submit]")
    page.wait_for_url("**label=clean**")
    assert page.locator("tr.mod-row").count() == 2

    # Open with context: the author by name with the sandbox's avatar (users.get),
    # the post, the thread with the answer under the question.
    page.click(f"tr.mod-row a:has-text('{QUESTION[:20]}')")
    page.wait_for_selector("#mod-item")
    assert "Анна Смирнова" in page.inner_text("[data-mod-author]")
    assert "/sandbox/avatar/4712.svg" in page.get_attribute(
        ".mod-author__avatar", "src"
    )
    assert ALSO in page.inner_text("[data-mod-thread]")
    assert page.locator("[data-mod-action=hide]").count() == 0  # VK cannot hide
    shot(page, "02-open-with-context")

    # Reply from a saved reply (key 1), then the next open item opens by itself.
    page.check("[data-mod-advance]")
    page.keyboard.press("1")
    reply = page.input_value("#mod-reply-text")
    assert reply.startswith("Здравствуйте, Анна! Выплаты начнутся 15 января")
    page.fill("#mod-reply-text", reply + " Спасибо за терпение.")
    shot(page, "03-reply-from-template")
    page.click(".mod-reply button[value=reply]")
    page.wait_for_selector(f"[data-mod-text]:has-text('{DIPLOMA[:20]}')")
    answer = post.comments.get(reply_to=comments["question"].remote_id, author_id__lt=0)
    assert answer.text.endswith("Спасибо за терпение.")
    assert item_of(comments["question"]).status == "replied"

    # Ban with a reason: the toast counts down, then it is sent; the next item opens.
    page.select_option("[data-mod-actions] select[name=reason]", "law")
    page.keyboard.press("b")
    page.wait_for_selector(f"[data-mod-text]:has-text('{OBSCENE[:15]}')")
    page.wait_for_selector("[data-mod-toast]:has-text('Нарушение закона')")
    shot(page, "04-ban-toast")
    page.wait_for_selector("[data-mod-toast]", state="detached", timeout=15_000)
    assert SandboxBan.objects.filter(account=post.account, user_id=4715).exists()
    assert Ban.objects.get(author_id="4715").reason == "law"

    # Delete, undo: nothing reaches the network; then delete for real.
    obscene_url = page.url
    page.keyboard.press("d")
    page.wait_for_selector("[data-mod-toast]:has-text('будет удалён')")
    page.keyboard.press("u")
    page.wait_for_selector("[data-mod-notice]:has-text('Отменено')")
    page.wait_for_selector("[data-mod-toast]", state="detached")
    comments["obscene"].refresh_from_db()
    assert not comments["obscene"].deleted and item_of(comments["obscene"]).is_open
    page.goto(obscene_url)
    page.uncheck("[data-mod-advance]")
    page.keyboard.press("d")
    page.wait_for_selector("[data-mod-toast]")
    page.wait_for_selector("[data-mod-toast]", state="detached", timeout=15_000)
    comments["obscene"].refresh_from_db()
    assert comments["obscene"].deleted

    # The inbox's counters agree: one open item left (Олег's).
    page.goto(f"{live_server.url}/admin/moderation/")
    assert page.inner_text("[data-count=open]") == "1"
    assert page.inner_text("[data-count=status_deleted]") == "2"  # the diploma too

    # The blacklist shows the ban with its reason, across accounts.
    page.goto(f"{live_server.url}/admin/moderation/blacklist/")
    table = page.inner_text("table.mod-blacklist")
    assert "Диплом Быстро" in table and "Нарушение закона" in table
    assert "Соцзащита Кузбасса" in table
    shot(page, "05-blacklist")

    # A rule's dry run lists what it would have matched, with links.
    page.goto(live_server.url + reverse("moderation_rules:index"))
    page.click("a:has-text('Проверить на входящих') >> nth=-1")
    page.wait_for_selector("[data-mod-dry-summary]")
    shot(page, "06-dry-run")
    assert "сработало бы на 1 обращении из 4" in page.inner_text(
        "[data-mod-dry-summary]"
    )
    page.click(f"tr.mod-dry-match a:has-text('{DIPLOMA[:20]}')")
    page.wait_for_selector("#mod-item")
    assert "в чёрном списке" in page.inner_text("[data-mod-author]")
    shot(page, "07-from-the-dry-run")

    # The queue beside the item: j opens the one open item left, Олег's.
    assert ALSO[:20] in page.inner_text("[data-mod-queue]")
    page.keyboard.press("j")
    page.wait_for_selector(f"[data-mod-text]:has-text('{ALSO[:20]}')")
    assert page.get_attribute(".mod-queue li.is-current a", "aria-current") == "true"
    shot(page, "08-queue-beside-the-item")
