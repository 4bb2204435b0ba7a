"""The «Соцсети» preview of half-filled drafts (issue 17): every block type with its
fields empty, on every network, previews without an error; the blocks not ready are
named; the editor reads people's words, not API calls; a new piece not saved yet
previews too."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from wagtail.blocks import StreamValue

from cms.blocks import PieceStreamBlock
from syndication.networks import rendering_codes
from tests.syndication.test_delivery_support import make_account

pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = pytest.mark.django_db

BLOCK_TYPES = list(PieceStreamBlock.base_blocks)
API_WORDS = re.compile(
    r"wall\.post|mediatopic|sendMessage|sendPhoto|sendVideo|sendAnimation|"
    r"sendMediaGroup|sendPoll|createPage|postevent|\bIMAGE\b|\bCAROUSEL\b|\bREELS\b"
)


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def every_account(db):
    return [make_account(code, f"{index}00{index}") for index, code in
            enumerate(rendering_codes(), start=1)]  # fmt: skip


def empty_block(name):
    """The block as the editor adds it: its defaults, nothing chosen or typed."""
    block = PieceStreamBlock.base_blocks[name]
    return (name, block.get_default(), None)


def save_draft(page, body):
    page.body = StreamValue(page.body.stream_block, body, is_lazy=False)
    page.save_revision()


def test_an_empty_block_of_every_type_previews_on_every_network(
    editor, piece_page, every_account
):
    """The saved draft holds a text and one block of every type just added (Wagtail
    saves drafts without checking required fields): every account that can be sent
    to gets its card, none an error, and each empty block is named in order."""
    from syndication.delivery.scheduling import sendable_networks

    save_draft(
        piece_page,
        [("text", "<p>Новую сумму начислят сами.</p>", None)]
        + [empty_block(name) for name in BLOCK_TYPES],
    )
    response = editor.get(reverse("syndication_preview", args=[piece_page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    cards = re.findall(r'<article class="sp-card sp-(\w+)"', html)
    assert sorted(cards) == sorted(sendable_networks())
    assert "sp-error" not in html
    labels = [str(PieceStreamBlock.base_blocks[name].label) for name in BLOCK_TYPES]
    unfinished = response.context["unfinished"]
    assert [(u.number, u.label) for u in unfinished] == list(enumerate(labels, start=2))
    for number, label in enumerate(labels, start=2):
        assert f"{label}, блок {number}" in html
    assert not API_WORDS.search(html), API_WORDS.search(html)


def test_a_half_filled_photo_from_the_form_previews(editor, piece_page, accounts):
    """The editor's form as it is mid-edit: a photo block with a caption but no image
    yet, a poll with a question and one answer. The preview shows the typed lead and
    text, names both blocks, and never falls back to the saved draft."""
    data = {
        "title": "Центр открыт",
        "slug": piece_page.slug,
        "lead": "Черновик: центр откроют в пятницу.",
        "date": str(piece_page.date),
        "tags": "",
        "body-count": "2",
        "body-0-type": "photo", "body-0-deleted": "", "body-0-order": "0",
        "body-0-id": "a1", "body-0-value-image": "", "body-0-value-caption": "Зал",
        "body-0-value-alt": "", "body-0-value-credit": "",
        "body-1-type": "poll", "body-1-deleted": "", "body-1-order": "1",
        "body-1-id": "a2", "body-1-value-question": "Придёте?",
        "body-1-value-options-count": "1",
        "body-1-value-options-0-deleted": "", "body-1-value-options-0-order": "0",
        "body-1-value-options-0-value": "Да", "body-1-value-options-0-id": "o1",
        "body-1-value-closes_at": "",
    }  # fmt: skip
    response = editor.post(
        reverse("syndication_preview", args=[piece_page.pk]), {**data, "fragment": "1"}
    )
    assert response.status_code == 200
    assert response.context["source"] == "form"
    html = response.content.decode()
    assert "<html" not in html  # the side panel gets the cards alone
    assert "Черновик: центр откроют в пятницу." in html
    assert "С 1 декабря пособие выросло" not in html
    assert [u.label for u in response.context["unfinished"]] == ["Фото", "Опрос"]
    assert "sp-error" not in html and "sp-notice" not in html


def test_the_form_before_the_editor_built_its_body(editor, piece_page, accounts):
    """Wagtail's scripts add the body's inputs after the page loads; a preview asked
    before that shows the saved body with the typed lead, and no false error."""
    data = {"title": piece_page.title, "lead": "Лид из формы.", "slug": piece_page.slug,
            "date": str(piece_page.date)}  # fmt: skip
    response = editor.post(reverse("syndication_preview", args=[piece_page.pk]), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Лид из формы." in html and "Новую сумму начислят сами." in html
    assert "sp-notice" not in html and "sp-error" not in html


def test_a_new_piece_previews_before_it_is_saved(editor, piece_page, accounts):
    from cms.models import NewsPage

    parent = piece_page.get_parent()
    before = NewsPage.objects.count()
    url = reverse("syndication_new_preview", args=["cms", "newspage", parent.pk])
    response = editor.post(
        url,
        {"title": "Новый материал", "lead": "Лид нового материала.", "slug": "",
         "date": "", "tags": "", "body-count": "0", "fragment": "1"},
    )  # fmt: skip
    assert response.status_code == 200
    html = response.content.decode()
    assert "Лид нового материала." in html
    assert {"vk", "ok", "telegram"} <= set(re.findall(r"sp-card sp-(\w+)", html))
    assert NewsPage.objects.count() == before  # nothing saved


def test_a_new_piece_preview_needs_the_right_to_add(client, django_user_model,
                                                    piece_page):  # fmt: skip
    user = django_user_model.objects.create_user("guest", password="pw")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    url = reverse(
        "syndication_new_preview", args=["cms", "newspage", piece_page.get_parent().pk]
    )
    response = client.post(url, {"title": "x", "lead": "y", "body-count": "0"})
    assert response.status_code in (302, 403)  # Wagtail's admin sends them home
    assert b"sp-card" not in response.content
