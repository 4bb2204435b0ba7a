"""The editor's day in a real browser (issue 17, docs journeys «Анна» and «Павел»).

Анна writes a piece with a Cyrillic title and leaves a photo, a poll, an
infographic and a video half-filled: the «Соцсети» side panel shows every chosen
account without an error, names the blocks not filled in, and follows her typing.
She finishes what she can and saves a draft. Павел, the chief editor, chooses the
accounts and a time in the editor's «Соцсети» tab, publishes, reads what will happen,
finds the piece in the calendar; a network then fails the post and the failure is
on his dashboard. Each step writes a screenshot to .artifacts/editor-day/ (not
committed) for a person to look at."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from cms.models import NewsPage
from syndication.delivery import dispatch
from syndication.models import Delivery
from syndication.tasks import send_delivery
from tests.factories import make_image
from tests.sandbox.fixtures import relaxed_account, sandbox  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"
TITLE = "Щедрые выплаты семьям Кузбасса выросли на 8 %"
LEAD = "С 1 декабря единое пособие выросло. Пересчёт сделаем сами."
MORE = " Заявление писать не нужно."
SHOTS = Path(__file__).resolve().parents[2] / ".artifacts" / "editor-day"


@pytest.fixture
def accounts(sandbox):  # noqa: F811
    return {
        "vk": relaxed_account("vk", "620101", "Вестник ВК", token_type="user"),
        "ok": relaxed_account("ok", "620102", "Вестник ОК"),
        "telegram": relaxed_account("telegram", "@vestnik_day", "Вестник ТГ"),
    }


@pytest.fixture
def people(site_tree, django_user_model, sandbox):  # noqa: F811
    from cms import roles
    from cms.demo.setup import ensure_groups, ensure_workflow

    _, news = site_tree
    groups = ensure_groups(news)
    ensure_workflow(news, groups)
    anna = django_user_model.objects.create_user("anna", password=PASSWORD)
    anna.groups.add(groups[roles.EDITOR])
    pavel = django_user_model.objects.create_user("pavel", password=PASSWORD)
    pavel.groups.add(groups[roles.CHIEF_EDITOR])
    make_image("Зал ожидания")
    return news


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def log_in(page, base, username):
    page.context.clear_cookies()  # the previous person leaves the desk
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def add_block(page, kind):
    body = page.locator("[id$=-body-section]")
    blocks = body.locator(
        "[data-streamfield-stream-container] >> nth=0 >> :scope > [data-streamfield-child]"
    )
    before = blocks.count()
    body.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name=kind, exact=True).click()
    # Wait for the new block (and the «+» below it) before adding the next one: on a
    # loaded machine the next click otherwise lands on a «+» that is no longer the
    # last and inserts the block above this one.
    expect(blocks).to_have_count(before + 1)


def test_the_editors_day(page_in_browser, live_server, people, accounts):
    news = people
    base = live_server.url
    page = page_in_browser
    page.on("dialog", lambda dialog: dialog.accept())  # the style check may ask

    # 1. Анна starts a piece and leaves four blocks half-filled.
    log_in(page, base, "anna")
    page.goto(f"{base}/admin/pages/add/cms/newspage/{news.pk}/")
    page.fill("#id_title", TITLE)
    for kind in ("Фото", "Опрос", "Инфографика", "Видео"):
        add_block(page, kind)
    page.locator("input[name$='-value-question']").fill("Как вам удобнее?")
    page.locator("input[name$='-value-title']").last.fill("Как подать заявление")
    page.fill("#id_lead", LEAD)

    # 2. The «Соцсети» side panel: every account, no error, the unfinished named.
    page.locator("button[data-side-panel-toggle=syndication]").click()
    panel = page.locator("[data-side-panel=syndication]")
    cards = panel.locator("article.sp-card")
    cards.first.wait_for()
    assert sorted(c.get_attribute("class").split()[1] for c in cards.all()) == [
        "sp-ok",
        "sp-telegram",
        "sp-vk",
    ]
    assert panel.locator(".sp-error").count() == 0
    unfinished = panel.locator(".sp-unfinished li").all_inner_texts()
    assert [text.split(",")[0] for text in unfinished] == [
        "Фото",
        "Опрос",
        "Инфографика",
        "Видео",
    ], unfinished
    for card in cards.all():
        assert LEAD in card.locator(".sp-text").first.inner_text()
        assert "wall.post" not in card.inner_text()
    shot(page, "1-preview-half-filled")

    # 3. The panel follows her typing.
    page.locator("#id_lead").press("End")
    page.locator("#id_lead").type(MORE)
    vk_text = panel.locator("article.sp-vk .sp-text").first
    vk_text.filter(has_text=MORE.strip()).wait_for()
    panel.get_by_role("tab", name="Telegram").click()
    assert panel.locator("article.sp-vk").is_hidden()
    shot(page, "2-preview-after-typing-telegram-tab")

    # 4. She finishes what she can: the photo, the poll, the video's link; she
    # drops the infographic.
    page.locator("[id$=-body-section]").get_by_role(
        "button", name="Выберите изображение"
    ).first.click()
    page.locator(".modal-dialog a[data-chooser-modal-choice]").first.click()
    page.locator("input[name$='-value-alt']").fill("Окна приёма в управлении")
    options = page.locator("[id$='-value-options-list'], [data-contentpath=options]")
    option_inputs = page.locator("input[name*='-value-options-'][name$='-value']")
    option_inputs.first.fill("На Госуслугах")
    options.first.locator("button.c-sf-add-button").last.click()
    option_inputs.last.fill("В МФЦ")
    page.locator("input[name$='-value-url']").fill("https://vk.com/video-1_456239017")
    infographic = page.locator("[data-streamfield-child]").filter(
        has=page.locator(".c-sf-block__type", has_text="Инфографика")
    )
    infographic.get_by_role("button", name="Удалить").first.click()
    infographic.wait_for(state="hidden")  # kept, marked deleted, until saved
    page.locator("footer button.action-save").click()
    page.wait_for_url("**/admin/pages/*/edit/")
    piece = NewsPage.objects.get(title=TITLE)
    assert piece.slug.isascii() and piece.slug.startswith("shchedrye-vyplaty")
    kinds = [block.block_type for block in piece.get_latest_revision_as_object().body]
    assert kinds == ["photo", "poll", "video"], kinds
    shot(page, "3-draft-saved")

    # 5. Павел chooses the accounts and a time in the editor and publishes.
    log_in(page, base, "pavel")
    page.goto(f"{base}/admin/pages/{piece.pk}/edit/")
    page.get_by_role("tab", name="Соцсети").click()
    send_at = timezone.localtime(timezone.now() + timedelta(days=1)).replace(
        second=0, microsecond=0
    )
    for account in accounts.values():
        page.check(f"input[name=syndication-accounts][value='{account.pk}']")
    assert page.locator("[data-syndication-send-at]").is_hidden()
    page.check("input[name=syndication-schedule_mode][value=at]")
    page.locator("[data-syndication-send-at]").wait_for()
    page.fill("#id_syndication-send_at", send_at.strftime("%d.%m.%Y %H:%M"))
    page.keyboard.press("Escape")
    shot(page, "4-chief-chooses-accounts-and-time")
    page.locator("footer [data-w-dropdown-target='toggle']").click()
    page.locator("footer button[name='action-publish']").click()
    page.wait_for_url(f"{base}/admin/pages/{news.pk}/")

    # 6. What happens next, in words.
    plan = page.locator(".messages").inner_text()
    when = f"{send_at:%d.%m} в {send_at:%H:%M}"
    assert (
        f"Публикация запланирована: ВКонтакте, Одноклассники, Telegram — {when}."
        in plan
    ), plan
    shot(page, "5-published-plan")

    # 7. The calendar shows the piece on its day.
    page.goto(f"{base}/admin/syndication/calendar/?day={send_at:%Y-%m-%d}")
    assert page.get_by_text(TITLE[:20]).count() >= 1
    shot(page, "6-calendar")

    # 8. Telegram fails the post when its time comes; Павел's dashboard says so.
    from sandbox.models import SandboxFault

    page.goto("about:blank")  # no browser requests while this thread sends
    SandboxFault.objects.create(network="telegram", kind="http500", remaining=50)
    due = timezone.now() - timedelta(seconds=1)
    telegram = Delivery.objects.get(page_id=piece.pk, account=accounts["telegram"])
    Delivery.objects.filter(pk=telegram.pk).update(
        scheduled_at=due, next_attempt_at=due
    )
    for _ in range(8):  # the retries, due at once here, until it gives up
        Delivery.objects.filter(pk=telegram.pk, status="scheduled").update(
            next_attempt_at=timezone.now() - timedelta(seconds=1)
        )
        dispatch.tick(send_delivery)
        telegram.refresh_from_db()
        if telegram.status in (Delivery.Status.FAILED, Delivery.Status.NEEDS_CHECK):
            break
    assert telegram.status in (Delivery.Status.FAILED, Delivery.Status.NEEDS_CHECK)
    page.goto(f"{base}/admin/")
    attention = page.locator("[data-syndication-attention]")
    attention.wait_for()
    assert TITLE in attention.inner_text()
    shot(page, "7-dashboard-failure")
    attention.get_by_role("link", name="Разобраться").first.click()
    page.get_by_text(f"«{TITLE}» — Telegram").wait_for()
    shot(page, "8-delivery-detail")
