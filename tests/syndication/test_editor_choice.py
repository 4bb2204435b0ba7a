"""Scheduling belongs to publishing (issue 17): whoever may publish chooses the
accounts, the time (Wagtail's picker, дд.мм.гггг чч:мм, the region's time) and own
texts in the editor's «Соцсети» tab; the choice is saved with the page, a new one
too, before «Опубликовать» plans the deliveries."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.models import NewsPage
from cms.region import REGION_TZ
from syndication.models import Delivery, PageSyndication, ScheduleMode

pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = pytest.mark.django_db


@pytest.fixture
def chief(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "c@example.org", "pw")
    client.force_login(user)
    return client


def piece_data(**extra):
    return nested_form_data(
        {
            "title": "Центр открыт",
            "slug": "центр-открыт",  # typed in Cyrillic: saved in Latin
            "lead": "В Новокузнецке открылся центр.",
            "date": "07.12.2026",
            "tags": "",
            "body": streamfield([]),
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0,
                         "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
            **extra,
        }
    )  # fmt: skip


def test_the_tab_is_for_who_may_publish(chief, client, piece_page, accounts,
                                        django_user_model):  # fmt: skip
    edit = chief.get(reverse("wagtailadmin_pages:edit", args=[piece_page.pk]))
    html = edit.content.decode()
    assert "data-syndication-choice" in html
    assert 'name="syndication-send_at"' in html
    assert "ВКонтакте: vk 1001" in html  # the network's name, not its code
    assert "по кемеровскому времени, UTC+7" in html
    for network in ("ВКонтакте", "Одноклассники", "Telegram", "MAX"):
        assert f"<summary>{network}</summary>" in html

    from django.contrib.auth.models import Group

    from cms.demo.setup import ensure_groups

    ensure_groups(piece_page.get_parent())
    anna = django_user_model.objects.create_user("anna", password="pw")
    anna.groups.add(Group.objects.get(name="Редактор"))
    client.force_login(anna)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[piece_page.pk]))
    assert edit.status_code == 200
    assert "data-syndication-choice" not in edit.content.decode()


def test_a_new_piece_published_with_a_time_chosen_in_the_editor(
    chief, piece_page, accounts, django_capture_on_commit_callbacks
):
    vk, ok, telegram = accounts
    parent = piece_page.get_parent()
    data = piece_data(
        **{
            "syndication-schedule_mode": "at",
            "syndication-send_at": "12.12.2030 10:00",
            "syndication-telegram_text": "Коротко для канала.",
            "action-publish": "action-publish",
        }
    )
    data["syndication-accounts"] = [vk.pk, telegram.pk]  # a list, not nested
    with django_capture_on_commit_callbacks(execute=True):
        response = chief.post(
            reverse("wagtailadmin_pages:add", args=["cms", "newspage", parent.pk]),
            data,
        )
    form = response.context["form"] if response.status_code == 200 else None
    assert response.status_code == 302, (form.errors, form.syndication.errors)
    page = NewsPage.objects.get(title="Центр открыт")
    assert page.live and page.slug == "tsentr-otkryt"
    choice = PageSyndication.objects.get(page_id=page.pk)
    when = datetime(2030, 12, 12, 10, 0, tzinfo=REGION_TZ)
    assert choice.schedule_mode == ScheduleMode.AT and choice.send_at == when
    assert set(choice.accounts.all()) == {vk, telegram}
    assert choice.options_for("telegram")["text"] == "Коротко для канала."
    deliveries = Delivery.objects.filter(page_id=page.pk)
    assert {(d.account_id, d.scheduled_at) for d in deliveries} == {
        (vk.pk, when),
        (telegram.pk, when),
    }


def test_a_set_time_is_required_and_the_page_is_not_saved_without_it(
    chief, piece_page, accounts
):
    parent = piece_page.get_parent()
    data = piece_data(
        **{"syndication-accounts": [accounts[0].pk],
           "syndication-schedule_mode": "at", "syndication-send_at": ""}
    )  # fmt: skip
    response = chief.post(
        reverse("wagtailadmin_pages:add", args=["cms", "newspage", parent.pk]), data
    )
    assert response.status_code == 200
    assert "Укажите время отправки" in response.content.decode() or (
        response.context["form"].syndication.errors
    )
    assert not NewsPage.objects.filter(title="Центр открыт").exists()


def test_the_preview_follows_the_unsaved_choice(chief, piece_page, accounts):
    """Accounts ticked and an own text typed in the tab show in the side panel
    before anything is saved."""
    vk, ok, telegram = accounts
    data = {
        "title": piece_page.title, "slug": piece_page.slug, "lead": piece_page.lead,
        "date": "07.12.2026", "tags": "", "fragment": "1",
        "syndication-accounts": [telegram.pk], "syndication-schedule_mode": "now",
        "syndication-telegram_text": "Свой текст для канала.",
    }  # fmt: skip
    html = chief.post(
        reverse("syndication_preview", args=[piece_page.pk]), data
    ).content.decode()
    assert "sp-card sp-telegram" in html and "sp-card sp-vk" not in html
    assert "Свой текст для канала." in html
    assert not PageSyndication.objects.filter(page_id=piece_page.pk).exists()
