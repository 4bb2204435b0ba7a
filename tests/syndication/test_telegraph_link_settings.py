"""The long-text option where editors meet it (account settings screen, «Соцсети»
preview) and the delivery rules around it without HTTP (fake clients): the page claim,
a delete the network cannot do."""

from __future__ import annotations

import pytest
from django.urls import reverse

from syndication.api.errors import PermanentError
from syndication.delivery import dispatch, full_text, scheduling, state
from syndication.exceptions import Unsupported
from syndication.models import AccountSettings, Delivery, DeliveryAttempt, FullTextPage

from .test_delivery_support import make_account

pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = pytest.mark.django_db
S = Delivery.Status


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def telegram():
    return make_account("telegram", "-1007")


@pytest.fixture
def telegraph():
    return make_account("telegraph", "pages")


def test_editors_turn_the_option_on_in_the_account_settings(
    editor, telegram, telegraph
):
    add = reverse("syndication_account_settings:add")
    form = editor.get(add)
    assert form.status_code == 200
    html = form.content.decode()
    assert 'name="full_text_account"' in html
    assert "страницей Telegraph" in html  # the Russian label
    response = editor.post(
        add,
        {
            "account": telegram.pk,
            "send_by_default": "on",
            "slot_times": "09:00, 18:00",
            "slot_weekdays": ["0", "1", "2", "3", "4"],
            "full_text_account": telegraph.pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert AccountSettings.objects.get(account=telegram).full_text_account == telegraph
    assert full_text.telegraph_account_for(telegram) == telegraph


def test_only_telegram_accounts_take_the_option(editor, telegraph):
    vk = make_account("vk", "77")
    response = editor.post(
        reverse("syndication_account_settings:add"),
        {
            "account": vk.pk,
            "send_by_default": "on",
            "slot_times": "09:00, 18:00",
            "slot_weekdays": ["0", "1", "2", "3", "4"],
            "full_text_account": telegraph.pk,
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert "Отправлять длинные тексты страницей Telegraph" in response.content.decode()
    assert not AccountSettings.objects.filter(account=vk).exists()
    # and only a Telegraph account can be chosen
    other = make_account("telegram", "-1009")
    response = editor.post(
        reverse("syndication_account_settings:add"),
        {
            "account": other.pk,
            "send_by_default": "on",
            "slot_times": "09:00, 18:00",
            "slot_weekdays": ["0", "1", "2", "3", "4"],
            "full_text_account": vk.pk,
        },
    )
    assert response.status_code == 200
    assert not AccountSettings.objects.filter(account=other).exists()


def test_an_inactive_telegraph_account_turns_the_option_off(telegram, telegraph):
    AccountSettings.objects.create(account=telegram, full_text_account=telegraph)
    telegraph.is_active = False
    telegraph.save()
    assert full_text.telegraph_account_for(telegram) is None


def test_preview_says_the_long_text_goes_to_a_telegraph_page(
    editor, piece_page, telegram, telegraph
):
    from cms.models import NewsPage

    AccountSettings.objects.create(account=telegram, full_text_account=telegraph)
    page = NewsPage.objects.get(pk=piece_page.pk)
    text = "".join(
        f"<p>Абзац {n}: министерство напоминает о сроках подачи заявлений и о "
        f"документах для выплаты. Второе предложение абзаца {n}.</p>"
        for n in range(60)
    )
    page.body = [("text", text)]
    page.save_revision()
    html = editor.get(reverse("syndication_preview", args=[page.pk])).content.decode()
    assert "sp-warning--full_text_page" in html
    assert "на странице Telegraph" in html
    assert f'href="{full_text.PREVIEW_URL}"' in html
    assert "Читать полностью" in html


def test_a_short_piece_preview_has_no_page(editor, piece_page, telegram, telegraph):
    AccountSettings.objects.create(account=telegram, full_text_account=telegraph)
    html = editor.get(reverse("syndication_preview", args=[piece_page.pk]))
    assert "sp-warning--full_text_page" not in html.content.decode()


def test_one_claim_wins(piece_page, telegram, telegraph):
    (delivery,) = scheduling.schedule_page(piece_page, accounts=[telegram])
    first, mine = full_text.claim(delivery, telegraph)
    second, theirs = full_text.claim(delivery, telegraph)
    assert mine and not theirs and first.pk == second.pk
    assert FullTextPage.objects.count() == 1
    # a failed creation is claimed again by exactly one worker
    FullTextPage.objects.filter(pk=first.pk).update(state=FullTextPage.State.FAILED)
    assert full_text.claim(delivery, telegraph)[1] is True
    assert full_text.claim(delivery, telegraph)[1] is False


def sent_origin(page, account):
    (origin,) = scheduling.schedule_page(page, accounts=[account])
    Delivery.objects.filter(pk=origin.pk).update(
        status=S.SENT, remote_ref={"ids": ["5"], "url": "", "extra": {}}
    )
    return origin


def test_a_delete_the_network_cannot_do_is_done_with_a_note(fake_clients, piece_page):
    account = make_account("telegraph", "own-pages")
    sent_origin(piece_page, account)
    fake_clients["for"](account).script = [Unsupported("delete", network="telegraph")]
    piece_page.unpublish()
    (delete,) = scheduling.schedule_deletes(piece_page)
    (delete,) = dispatch.run_now([delete.pk])
    assert delete.status == S.SENT and delete.attempts == 1
    assert "не умеет удалять" in delete.last_error
    attempt = delete.attempt_log.get()
    assert attempt.outcome == DeliveryAttempt.Outcome.UNSUPPORTED
    assert "telegraph" in attempt.error
    assert scheduling.schedule_deletes(piece_page) == []
    assert state.due().count() == 0


def test_a_delete_rejected_by_the_network_still_fails(fake_clients, piece_page):
    account = make_account("vk", "31")
    sent_origin(piece_page, account)
    fake_clients["for"](account).script = [PermanentError("access denied")]
    piece_page.unpublish()
    (delete,) = scheduling.schedule_deletes(piece_page)
    (delete,) = dispatch.run_now([delete.pk])
    assert delete.status == S.FAILED
