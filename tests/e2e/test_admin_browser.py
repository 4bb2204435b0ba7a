"""In a real browser: log in to the admin, write a piece with a text and a photo block,
publish it, and read it on the public site."""

from __future__ import annotations

import pytest

from cms.models import NewsPage
from tests.factories import make_image

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery"


@pytest.fixture
def chief_editor(site_tree, django_user_model):
    from cms.demo.setup import ensure_groups, ensure_workflow

    _, news = site_tree
    groups = ensure_groups(news)
    ensure_workflow(news, groups)
    user = django_user_model.objects.create_user("chief", password=PASSWORD)
    user.groups.add(groups["Главный редактор"])
    make_image("Открытие центра")
    return user


def test_chief_editor_writes_and_publishes_a_piece(
    page_in_browser, live_server, chief_editor, site_tree
):
    _, news = site_tree
    page = page_in_browser
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/pages/add/cms/newspage/{news.pk}/")
    page.fill("#id_title", "Центр реабилитации открыт")
    page.fill("#id_lead", "Новый центр принимает детей и взрослых бесплатно.")

    body = page.locator("[id$=-body-section]")
    body.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Текст").click()
    editor = body.locator("[contenteditable=true]").first
    editor.click()
    editor.type("Записаться можно по телефону.")

    body.locator("button.c-sf-add-button").last.click()
    page.get_by_role("option", name="Фото").click()
    body.get_by_role("button", name="Выберите изображение").click()
    page.locator(".modal-dialog a[data-chooser-modal-choice]").first.click()
    page.locator("input[name$='-value-alt']").fill("Светлый зал с тренажёрами")
    page.locator("input[name$='-value-caption']").fill("Зал лечебной физкультуры")

    page.get_by_role("tab", name="Продвижение").click()
    page.fill("#id_slug", "centr-otkryt")
    page.get_by_role("tab", name="Содержимое").click()

    # The publish action sits in the footer's dropdown, next to «Сохранить черновик».
    page.locator("footer [data-w-dropdown-target='toggle']").click()
    page.locator("footer button[name='action-publish']").click()
    page.wait_for_url(f"{live_server.url}/admin/pages/{news.pk}/")
    assert "опубликована" in page.content()

    piece = NewsPage.objects.get(slug="centr-otkryt")
    assert piece.live
    assert [block.block_type for block in piece.body] == ["text", "photo"]

    page.goto(f"{live_server.url}{piece.url}")
    assert page.locator("h1").inner_text() == "Центр реабилитации открыт"
    assert "Записаться можно по телефону." in page.content()
    photo = page.locator("img[alt='Светлый зал с тренажёрами']")
    assert photo.count() == 1
    assert photo.evaluate("img => img.complete && img.naturalWidth > 0")
