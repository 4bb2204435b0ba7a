"""The «Соцсети» preview and the admin screens of syndication."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from syndication.delivery import scheduling
from syndication.models import Delivery, PageSyndication
from syndication.networks import get_network, rendering_codes
from tests.syndication import samples

pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    return client


def test_preview_shows_each_account_as_rendered(editor, piece_page, accounts):
    from syndication.networks import get_network
    from syndication.render.page_reader import piece_from_page

    response = editor.get(reverse("syndication_preview", args=[piece_page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for account in accounts:
        assert f"sp-{account.network}" in html and account.name in html
    # the text is exactly the one render() produces (VK: plain text)
    post = get_network("vk").render(piece_from_page(piece_page), accounts[0])
    first_line = post.messages[0].text.splitlines()[0]
    assert first_line in html
    assert re.search(r"sp-counter[^>]*>\s*\d+ / 15000", html)
    assert "voice_score" not in html  # the slot is empty, not a visible label


def test_preview_uses_unsaved_form_data(editor, piece_page, accounts):
    data = {
        "title": "Новый заголовок",
        "slug": piece_page.slug,
        "lead": "Черновик: выплату увеличат ещё раз.",
        "date": str(piece_page.date),
        "tags": "",
        "body-count": "0",
    }
    response = editor.post(reverse("syndication_preview", args=[piece_page.pk]), data)
    assert response.status_code == 200
    assert response.context["source"] == "form"
    html = response.content.decode()
    assert "Черновик: выплату увеличат ещё раз." in html
    assert "С 1 декабря пособие выросло" not in html
    # a form that does not validate yet (the lead emptied) still previews what it
    # says, never the saved draft under a false «the form has errors»
    broken = editor.post(
        reverse("syndication_preview", args=[piece_page.pk]),
        {**data, "lead": "", "title": "Заголовок из формы"},
    )
    assert broken.context["source"] == "form"
    html = broken.content.decode()
    assert "С 1 декабря пособие выросло" not in html and "sp-notice" not in html


def test_preview_shows_adaptation_warnings(editor, piece_page, accounts):
    PageSyndication.objects.create(
        page=piece_page, overrides={"telegram": {"text": "Свой текст для канала."}}
    )
    html = editor.get(reverse("syndication_preview", args=[piece_page.pk])).content
    html = html.decode()
    assert "Свой текст для канала." in html
    assert "sp-warning--custom_text" in html


def test_log_filters_and_actions(editor, piece_page, accounts):
    rows = scheduling.schedule_page(piece_page)
    Delivery.objects.filter(pk=rows[0].pk).update(status=Delivery.Status.FAILED)
    log = editor.get(reverse("syndication_log"), {"status": "failed"})
    assert log.status_code == 200
    assert list(log.context["page_obj"]) == [Delivery.objects.get(pk=rows[0].pk)]
    by_net = editor.get(reverse("syndication_log"), {"network": "telegram"})
    assert {d.account.network for d in by_net.context["page_obj"]} == {"telegram"}
    editor.post(reverse("syndication_action"), {"ids": [rows[0].pk], "do": "retry"})
    assert Delivery.objects.get(pk=rows[0].pk).status == Delivery.Status.SCHEDULED
    editor.post(reverse("syndication_action"), {"ids": [rows[1].pk], "do": "cancel"})
    assert Delivery.objects.get(pk=rows[1].pk).status == Delivery.Status.CANCELLED
    detail = editor.get(reverse("syndication_delivery", args=[rows[0].pk]))
    assert detail.status_code == 200


def test_calendar_week_and_month(editor, piece_page, accounts):
    scheduling.schedule_page(piece_page)
    week = editor.get(reverse("syndication_calendar"))
    month = editor.get(reverse("syndication_calendar"), {"view": "month"})
    assert week.status_code == month.status_code == 200
    assert week.context["total"] == 3 and month.context["total"] == 3
    assert len(week.context["weeks"]) == 1 and len(month.context["weeks"]) >= 4
    assert piece_page.title[:20] in week.content.decode()


def test_page_panel_saves_choices(editor, piece_page, accounts):
    url = reverse("syndication_page", args=[piece_page.pk])
    assert editor.get(url).status_code == 200
    response = editor.post(
        url,
        {
            "accounts": [accounts[2].pk],
            "schedule_mode": "slot",
            "telegram_text": "Коротко для канала",
        },
    )
    assert response.status_code == 302
    choice = PageSyndication.objects.get(page=piece_page)
    assert list(choice.accounts.all()) == [accounts[2]]
    assert choice.options_for("telegram")["text"] == "Коротко для канала"
    assert scheduling.chosen_accounts(piece_page) == [accounts[2]]


def test_editor_gets_the_panel_script(editor, piece_page):
    edit = editor.get(reverse("wagtailadmin_pages:edit", args=[piece_page.pk]))
    assert b"syndication/editor_panel.js" in edit.content


def test_plain_text_previews_show_paragraphs_not_tags(editor, piece_page, accounts):
    """VK and OK text is escaped, then split into paragraphs: the editor never reads
    a literal «<p>», and markup typed into the text stays text."""
    url = reverse("syndication_page", args=[piece_page.pk])
    editor.post(
        url,
        {
            "accounts": [a.pk for a in accounts],
            "schedule_mode": "now",
            "vk_text": "Первый абзац <b>не жирный</b>.\n\nВторой абзац.",
        },
    )
    html = editor.get(reverse("syndication_preview", args=[piece_page.pk])).content
    html = html.decode()
    assert "<p>Первый абзац &lt;b&gt;не жирный&lt;/b&gt;.</p>" in html
    assert "&lt;p&gt;" not in html


def test_saved_send_time_comes_back_in_the_input(editor, piece_page, accounts):
    """A datetime-local input only takes ISO values: a saved time must be shown so,
    or saving the form again would lose it."""
    url = reverse("syndication_page", args=[piece_page.pk])
    editor.post(
        url,
        {
            "accounts": [accounts[0].pk],
            "schedule_mode": "at",
            "send_at": "2030-01-15T10:30:05",
        },
    )
    html = editor.get(url).content.decode()
    assert re.search(
        r'type="datetime-local"[^>]*value="2030-01-15T10:30:05"', html
    ) or (re.search(r'value="2030-01-15T10:30:05"[^>]*type="datetime-local"', html))


def test_telegraph_page_preview_reads_as_the_page(editor, piece_page, accounts):
    """A Telegraph account's card shows the page (title, author, body as HTML) and a
    byte counter against the content limit; never the raw Node JSON."""
    from tests.syndication.test_delivery_support import make_account

    telegraph = make_account("telegraph", "vestnik-telegraph")
    editor.post(
        reverse("syndication_page", args=[piece_page.pk]),
        {"accounts": [telegraph.pk], "schedule_mode": "now"},
    )
    html = editor.get(reverse("syndication_preview", args=[piece_page.pk])).content
    html = html.decode()
    assert "sp-telegraph" in html and "sp-telegraph-title" in html
    assert piece_page.title in html
    assert '"tag"' not in html and "&quot;tag&quot;" not in html
    assert re.search(r"sp-counter[^>]*>\s*\d+ / 60000", html)


def test_wordpress_preview_shows_the_article_cleaned(editor, piece_page, accounts):
    """A WordPress account's card shows the post as the blog will: title, body as
    HTML (bleach-cleaned before mark_safe), the link back; the style score reads
    the article's words, not its tags."""
    from accounts_registry.models import Account
    from syndication.networks.base import Message
    from voice.previews import message_plain_text

    blog = Account(network="wordpress", name="Блог", external_id="vestnik-blog")
    blog.set_credential(
        {"site_url": "https://blog.example.ru", "username": "vestnik",
         "application_password": "abcd efgh ijkl mnop qrst uvwx"}
    )  # fmt: skip
    blog.save()
    editor.post(
        reverse("syndication_page", args=[piece_page.pk]),
        {"accounts": [blog.pk], "schedule_mode": "now"},
    )
    html = editor.get(reverse("syndication_preview", args=[piece_page.pk])).content
    html = html.decode()
    assert "sp-wp-post" in html and "sp-wp-title" in html
    assert piece_page.title in html
    assert f"<p>{piece_page.lead}</p>" in html  # markup shown, not escaped
    assert "Запись в WordPress" in html

    from syndication.networks import get_network

    hostile = Message(
        "posts", '<p>Текст</p><script>alert(1)</script><img src="x" onerror="y">',
        "wordpress_html", options={"title": "T"},
    )  # fmt: skip
    body = str(get_network("wordpress").preview(hostile)["body"])
    assert "<script>" not in body and "onerror" not in body and "<p>Текст</p>" in body
    plain = Message(
        "posts", "<p>Первый &amp; абзац.</p><h2>Итог</h2>", "wordpress_html"
    )
    assert (
        message_plain_text(plain, get_network("wordpress")) == "Первый & абзац.\n\nИтог"
    )


@pytest.mark.parametrize("code", rendering_codes())
def test_the_style_score_reads_words_never_markup(code):
    """Each network's reader_text hook gives the words (LiveJournal's entries were
    scored with their tags)."""
    from voice.previews import post_text

    post = get_network(code).render(samples.every_block_piece())
    text = post_text(post)
    assert text.strip()
    assert not re.search(r"</?[a-z][a-z0-9-]*[ >]", text), code
