"""In a real browser: the chief editor writes a piece, sees its VK, OK and Telegram
previews in the editor's «Соцсети» panel, schedules it a few seconds ahead on the
page's «Соцсети» view and publishes. The scheduler tick, driven here in-process
instead of Celery beat, sends nothing before the chosen time and everything after
it: the sandbox walls, opened in the browser, then show the posts."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from cms.models import NewsPage
from syndication.delivery import dispatch
from syndication.models import Delivery, PageSyndication, ScheduleMode
from syndication.tasks import send_delivery
from tests.factories import make_image
from tests.sandbox.fixtures import relaxed_account, sandbox  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"
TITLE = "Центр реабилитации открыт"
LEAD = "В Новокузнецке открылся центр, где детей и взрослых лечат бесплатно."
TEXT = "Записаться можно по телефону горячей линии."
# Room for the browser steps between choosing the time and publishing (on a loaded
# two-core machine they took over 15 s).
LEAD_TIME = timedelta(seconds=40)
TICK_EVERY = 0.25
S = Delivery.Status


@pytest.fixture
def accounts(sandbox):  # noqa: F811
    return {
        "vk": relaxed_account("vk", "620001", "Вестник ВК", token_type="user"),
        "ok": relaxed_account("ok", "620002", "Вестник ОК"),
        "telegram": relaxed_account("telegram", "@vestnik_e2e", "Вестник ТГ"),
    }


@pytest.fixture
def chief_editor(site_tree, django_user_model, sandbox):  # noqa: F811
    from cms.demo.setup import ensure_groups, ensure_workflow

    _, news = site_tree
    groups = ensure_groups(news)
    ensure_workflow(news, groups)
    user = django_user_model.objects.create_user("chief", password=PASSWORD)
    user.groups.add(groups["Главный редактор"])
    make_image("Открытие центра")  # in the sandbox's MEDIA_ROOT: uploads read it
    return user


def wall_urls(base: str) -> dict[str, str]:
    return {
        "vk": f"{base}/sandbox/vk/club620001/",
        "ok": f"{base}/sandbox/ok/group/620002/",
        "telegram": f"{base}/sandbox/telegram/@vestnik_e2e/",
    }


def log_in(page, base):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def write_piece(page, base, news):
    page.goto(f"{base}/admin/pages/add/cms/newspage/{news.pk}/")
    page.fill("#id_title", TITLE)
    page.fill("#id_lead", LEAD)
    body = page.locator("[id$=-body-section]")
    body.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Текст").click()
    editor = body.locator("[contenteditable=true]").first
    editor.click()
    editor.type(TEXT)
    body.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name="Фото").click()
    body.get_by_role("button", name="Выберите изображение").click()
    page.locator(".modal-dialog a[data-chooser-modal-choice]").first.click()
    page.locator("input[name$='-value-alt']").fill("Светлый зал с тренажёрами")
    page.locator("input[name$='-value-caption']").fill("Зал лечебной физкультуры")
    page.get_by_role("tab", name="Продвижение").click()
    page.fill("#id_slug", "centr-otkryt")
    page.get_by_role("tab", name="Содержимое").click()
    # The «Соцсети» panel belongs to the edit view: save a draft to get there.
    page.locator("footer button.action-save").click()
    page.wait_for_url("**/admin/pages/*/edit/")
    return NewsPage.objects.get(slug="centr-otkryt")


def check_previews(page):
    page.locator("button[data-side-panel-toggle=syndication]").click()
    panel = page.locator("[data-side-panel=syndication]")
    cards = panel.locator("article.sp-card")
    cards.first.wait_for()
    assert cards.count() == 3
    for network, name in [("vk", "Вестник ВК"), ("ok", "Вестник ОК"),
                          ("telegram", "Вестник ТГ")]:  # fmt: skip
        card = panel.locator(f"article.sp-{network}")
        assert card.locator(".sp-name").inner_text() == name
        text = card.locator(".sp-text").first.inner_text()
        assert text.startswith(LEAD), (network, text)  # the lead, not the title
        counter = card.locator(".sp-counter").first.inner_text()
        count, limit = (int(part) for part in counter.split("/"))
        assert 0 < count <= limit, (network, counter)
        assert card.locator(".sp-media img").count() == 1, network
    # People's words, not the API's: «Фото с подписью», not «sendPhoto».
    meta = panel.locator(".sp-tg-message .sp-meta").first.inner_text()
    assert meta.startswith("Фото с подписью"), meta
    return panel


def choose_accounts_and_time(page, panel, accounts, send_at):
    panel.get_by_role("link", name="Аккаунты и время").click()
    page.wait_for_url("**/admin/syndication/page/*/")
    for account in accounts.values():
        page.check(f"input[name=accounts][value='{account.pk}']")
    page.check("input[name=schedule_mode][value=at]")
    local = timezone.localtime(send_at).strftime("%Y-%m-%dT%H:%M:%S")
    page.fill("#id_send_at", local)
    page.get_by_role("button", name="Сохранить", exact=True).click()
    page.locator(".messages .success").wait_for()
    # The saved time is shown again, so saving the form twice keeps it. The
    # browser drops ":00" seconds from a datetime-local value, so compare times.
    shown = datetime.fromisoformat(page.input_value("#id_send_at"))
    assert shown == datetime.fromisoformat(local)
    assert page.is_checked("input[name=schedule_mode][value=at]")


def publish(page, base, piece, news):
    page.goto(f"{base}/admin/pages/{piece.pk}/edit/")
    page.locator("footer [data-w-dropdown-target='toggle']").click()
    page.locator("footer button[name='action-publish']").click()
    page.wait_for_url(f"{base}/admin/pages/{news.pk}/")
    assert "опубликована" in page.content()
    # What happens next, in words: the three networks at the chosen time.
    plan = page.locator(".messages").inner_text()
    assert "Публикация запланирована: ВКонтакте, Одноклассники, Telegram — " in plan


def wall_texts(page, url) -> list[str]:
    page.goto(url)
    return page.locator(".card .text").all_inner_texts()


def tick_until_sent(send_at, deadline) -> list[int]:
    """Scheduler ticks, as Celery beat would run them, until every delivery is out.

    A tick that ends before ``send_at`` must dispatch nothing; the first tick that
    starts after it must dispatch all three."""
    dispatched = []
    while time.monotonic() < deadline:
        started = timezone.now()
        ids = dispatch.tick(send_delivery)
        ended = timezone.now()
        if ended < send_at:
            assert ids == [], "sent before the scheduled time"
        elif started >= send_at and not dispatched:
            assert len(ids) == 3
        dispatched += ids
        if dispatched and not Delivery.objects.exclude(status=S.SENT).exists():
            return dispatched
        time.sleep(TICK_EVERY)
    raise AssertionError(
        list(Delivery.objects.values_list("account__network", "status", "last_error"))
    )


def test_editor_previews_schedules_and_the_walls_show_the_posts_after_the_time(
    page_in_browser, live_server, chief_editor, accounts, site_tree
):
    _, news = site_tree
    base = live_server.url
    page = page_in_browser
    page.on("dialog", lambda dialog: dialog.accept())  # the style check may ask
    log_in(page, base)

    piece = write_piece(page, base, news)
    assert not piece.live
    panel = check_previews(page)

    send_at = (timezone.now() + LEAD_TIME).replace(microsecond=0)
    choose_accounts_and_time(page, panel, accounts, send_at)
    choice = PageSyndication.objects.get(page_id=piece.pk)
    assert choice.schedule_mode == ScheduleMode.AT and choice.send_at == send_at

    publish(page, base, piece, news)
    page.goto("about:blank")  # no editor requests while this thread uses the DB
    assert timezone.now() < send_at, "publishing took longer than LEAD_TIME"
    deliveries = Delivery.objects.filter(page_id=piece.pk).select_related("account")
    assert {d.account.network for d in deliveries} == set(accounts)
    assert {(d.status, d.scheduled_at) for d in deliveries} == {(S.SCHEDULED, send_at)}

    # Before the time: a tick sends nothing and the walls are empty.
    assert dispatch.tick(send_delivery) == []
    urls = wall_urls(base)
    for url in urls.values():
        assert wall_texts(page, url) == []
    assert timezone.now() < send_at, "the empty walls were seen too late to count"

    page.goto("about:blank")
    # Ticks until the chosen time has come and gone (LEAD_TIME) and 30 s more.
    deadline = time.monotonic() + LEAD_TIME.total_seconds() + 30
    dispatched = tick_until_sent(send_at, deadline)
    assert sorted(dispatched) == sorted(d.pk for d in deliveries)
    for delivery in Delivery.objects.filter(page_id=piece.pk):
        assert delivery.status == S.SENT, delivery.last_error
        assert delivery.sent_at >= send_at

    for network, url in urls.items():
        texts = wall_texts(page, url)
        assert len(texts) == 1, (network, texts)  # one post, never two
        assert texts[0].startswith(LEAD), (network, texts[0])
        assert TEXT in texts[0], network
        assert page.locator(".card .photos img").count() == 1, network
