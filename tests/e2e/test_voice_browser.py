"""In a real browser: an editor types a bureaucratic lead and the «Стиль» side panel
shows the finding, its hint and a suggestion; one click puts the suggestion in."""

from __future__ import annotations

import pytest

from cms import roles
from cms.models import NewsPage
from tests.voice.panel_support import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def editor(site_tree, django_user_model):
    return make_user(django_user_model, site_tree[1], "editor", roles.EDITOR)


def log_in(page, live_server):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def test_editor_sees_findings_and_uses_a_suggestion(
    page_in_browser, live_server, editor, site_tree
):
    _, news = site_tree
    page = page_in_browser
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/pages/add/cms/newspage/{news.pk}/")

    page.fill("#id_title", "Выплаты на детей")
    page.locator("#id_lead").type(
        "Данный проект позволит в целях обеспечения поддержки семей "
        "осуществлять выплаты."
    )
    body = page.locator("[id$=-body-section]")
    body.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Текст").click()
    rich = body.locator("[contenteditable=true]").first
    rich.click()
    rich.type("Мероприятие проведено в установленном порядке.")

    # The panel is a Wagtail side panel with its own toggle in the header.
    page.locator("[data-side-panel-toggle=voice]").click()
    panel = page.locator("[data-side-panel=voice]")
    panel.wait_for(state="visible")

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

    # One click replaces «Данный» in the lead with the suggestion, matching case.
    lead.locator("button[data-voice-suggestion='этот']").click()
    assert page.input_value("#id_lead").startswith("Этот проект позволит")
    # The panel re-checks the new text: «Данный» is no longer marked.
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
    assert "понятность" in page.locator(".messages").inner_text()
    piece = NewsPage.objects.get(title="Выплаты на детей")
    assert piece.workflow_in_progress
