"""In a real browser: an editor types a bureaucratic lead, the «Стиль» side panel
shows the findings with fixes already in the form their place needs, a click puts
one in, «Отменить» and Ctrl+Z take one back, and submitting a low score warns.

Set VESTNIK_SCREENSHOTS to a folder to keep what the browser showed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cms import roles
from cms.models import NewsPage
from tests.voice.panel_support import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ISSUE_LEAD = (
    "В целях осуществления мероприятий по обеспечению предоставления мер социальной "
    "поддержки гражданам министерством осуществляется работа по проведению выплат."
)


@pytest.fixture
def editor(site_tree, django_user_model, settings):
    # Wagtail 8 saves a draft half a second after each change; the live server's
    # threads share one in-memory SQLite connection, and an autosave's savepoints
    # racing the panel's checks break the page's own save («no such savepoint»).
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    return make_user(django_user_model, site_tree[1], "editor", roles.EDITOR)


@pytest.fixture
def shoot(tmp_path):
    folder = Path(os.environ.get("VESTNIK_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> None:
        page.screenshot(path=str(folder / f"voice-{name}.png"), full_page=False)

    return take


def log_in(page, live_server):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def open_new_piece(page, live_server, news, lead: str):
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/pages/add/cms/newspage/{news.pk}/")
    page.fill("#id_title", "Выплаты на детей")
    page.locator("#id_lead").fill(lead)
    page.locator("[data-side-panel-toggle=voice]").click()
    panel = page.locator("[data-side-panel=voice]")
    panel.wait_for(state="visible")
    return panel


def lead_value(page) -> str:
    return page.input_value("#id_lead")


def wait_for_check(page, text_in_panel: str):
    """The panel has re-checked the lead: its highlighted copy shows this text."""
    page.locator(
        "[data-voice-field=lead] .voice-panel__text", has_text=text_in_panel
    ).wait_for()


def test_fixes_of_the_issue_lead_are_inflected_and_can_be_undone(
    page_in_browser, live_server, editor, site_tree, shoot
):
    _, news = site_tree
    page = page_in_browser
    panel = open_new_piece(page, live_server, news, ISSUE_LEAD)
    lead = panel.locator("[data-voice-field=lead]")
    lead.locator("button[data-voice-suggestion='людям']").wait_for()
    shoot(page, "1-lead-checked")

    # «Мероприятие» offers advice in its hint, never a button that pastes it.
    assert "концерт, встреча, ярмарка" in lead.inner_text()
    buttons = lead.locator("button.voice-suggestion").all_inner_texts()
    assert "Заменить на «людям»" in buttons and "Заменить на «помощи»" in buttons
    assert not any("назовите" in b.lower() for b in buttons)
    before = float(panel.locator("[data-voice-clarity]").inner_text().replace(",", "."))

    # «гражданам» → «людям»: the dative, not «люди».
    lead.locator("button[data-voice-suggestion='людям']").click()
    assert lead_value(page) == ISSUE_LEAD.replace("гражданам", "людям")
    wait_for_check(page, "людям")
    # «мер социальной поддержки» → «помощи»: the genitive of a noun with no plural.
    lead.locator("button[data-voice-suggestion='помощи']").click()
    fixed = ISSUE_LEAD.replace("гражданам", "людям").replace(
        "мер социальной поддержки", "помощи"
    )
    assert lead_value(page) == fixed
    wait_for_check(page, "помощи")
    # «В целях осуществления» → «Для осуществления», with the capital.
    lead.locator("button[data-voice-suggestion='Для']").click()
    assert lead_value(page) == fixed.replace("В целях", "Для")
    wait_for_check(page, "Для осуществления")
    shoot(page, "2-three-fixes-applied")
    after = float(panel.locator("[data-voice-clarity]").inner_text().replace(",", "."))
    assert after > before

    # «Отменить» takes back the last fix and only it.
    undo_bar = panel.locator("[data-voice-undo-bar]")
    assert (
        undo_bar.is_visible() and "«В целях» заменено на «Для»" in undo_bar.inner_text()
    )
    undo_bar.locator("[data-voice-undo]").click()
    assert lead_value(page) == fixed
    assert "Отменено" in undo_bar.inner_text()
    wait_for_check(page, "В целях осуществления")
    shoot(page, "3-one-fix-undone")

    # Ctrl+Z in the field works as well: the fixes went in as typed text.
    lead.locator("button[data-voice-suggestion='Для']").click()
    assert lead_value(page).startswith("Для осуществления")
    page.locator("#id_lead").press("Control+z")
    assert lead_value(page) == fixed

    # In a rich text block the fix goes through Draftail, and its Ctrl+Z too.
    body = page.locator("[id$=-body-section]")
    body.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Текст").click()
    rich = body.locator("[contenteditable=true]").first
    rich.click()
    rich.type("Выплату назначают гражданам старше 80 лет.")
    block = panel.locator("[data-voice-field=body-0]")
    block.locator("button[data-voice-suggestion='людям']").click()
    rich.get_by_text("Выплату назначают людям старше 80 лет.").wait_for()
    page.locator(
        "[data-voice-field=body-0] .voice-panel__text", has_text="людям"
    ).wait_for()
    shoot(page, "4-fix-in-a-text-block")
    rich.press("Control+z")
    rich.get_by_text("Выплату назначают гражданам старше 80 лет.").wait_for()


def test_editor_sees_findings_and_submitting_a_low_score_only_warns(
    page_in_browser, live_server, editor, site_tree
):
    _, news = site_tree
    page = page_in_browser
    panel = open_new_piece(
        page,
        live_server,
        news,
        "Данный проект позволит в целях обеспечения поддержки семей осуществлять выплаты.",
    )
    body = page.locator("[id$=-body-section]")
    body.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Текст").click()
    rich = body.locator("[contenteditable=true]").first
    rich.click()
    rich.type("Мероприятие проведено в установленном порядке.")

    lead = panel.locator("[data-voice-field=lead]")
    lead.locator("mark.voice-mark", has_text="Данный").wait_for()
    assert "Казённый оборот" in lead.inner_text()
    assert "«Данный» — канцелярская замена слова «этот»." in lead.inner_text()
    assert (
        float(panel.locator("[data-voice-clarity]").inner_text().replace(",", ".")) < 6
    )
    assert panel.locator("[data-voice-warning]").is_visible()

    # The rich text block is checked too, highlighted in the panel's copy.
    block = panel.locator("[data-voice-field=body-0]")
    block.locator("mark.voice-mark").first.wait_for()
    assert "Мероприятие" in block.inner_text()

    # One click replaces «Данный» with «Этот», capitalised as the sentence starts.
    lead.locator("button[data-voice-suggestion='Этот']").click()
    assert page.input_value("#id_lead").startswith("Этот проект позволит")
    page.wait_for_function(
        "() => ![...document.querySelectorAll("
        "'[data-voice-field=lead] mark')].some(m => m.textContent === 'Данный')"
    )

    # Submitting a low-scoring piece asks once and then goes ahead: never blocked.
    dialogs = []

    def accept(dialog):
        dialogs.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    page.locator("[data-w-dropdown-target='toggle']").last.click()
    # The live server shares one in-memory SQLite connection between its threads:
    # let the panel's debounced check settle so it cannot overlap the submission.
    page.wait_for_timeout(600)
    page.wait_for_load_state("networkidle")
    page.locator("button[name='action-submit']").click()
    page.wait_for_url(f"{live_server.url}/admin/pages/{news.pk}/")
    assert len(dialogs) == 1 and "ниже порога 6,0" in dialogs[0]
    assert dialogs[0].endswith("Всё равно отправить на согласование?")
    assert "понятность" in page.locator(".messages").inner_text()
    piece = NewsPage.objects.get(title="Выплаты на детей")
    assert piece.workflow_in_progress


def test_a_removal_says_what_goes_and_gives_the_next_word_its_capital(
    page_in_browser, live_server, editor, site_tree, shoot
):
    # A second button beside «Сообщаем»: the opening formula goes altogether, the
    # next word takes the capital, and the button and «Отменить» name what went.
    _, news = site_tree
    page = page_in_browser
    text = "Уведомляем, что с 1 января изменяется порядок выплаты компенсации."
    panel = open_new_piece(page, live_server, news, text)
    lead = panel.locator("[data-voice-field=lead]")
    removal = lead.locator("button[data-voice-removes]", has_text="Уведомляем, что")
    removal.wait_for()
    assert removal.inner_text() == "Убрать «Уведомляем, что»"
    assert lead.locator("button[data-voice-suggestion='Сообщаем']").count() == 1
    shoot(page, "5-removal-offered")
    removal.click()
    assert lead_value(page) == "С 1 января изменяется порядок выплаты компенсации."
    undo_bar = panel.locator("[data-voice-undo-bar]")
    assert "«Уведомляем, что» убрано." in undo_bar.inner_text()
    assert undo_bar.locator("[data-voice-undo]").inner_text() == (
        "Вернуть «Уведомляем, что»"
    )
    wait_for_check(page, "С 1 января")
    shoot(page, "6-removal-applied")
    undo_bar.locator("[data-voice-undo]").click()
    assert lead_value(page) == text
