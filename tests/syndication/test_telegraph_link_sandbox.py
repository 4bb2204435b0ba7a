"""Long Telegram posts as a Telegraph page, over real HTTP against the sandbox
(``live_server``): the real Telegram and Telegraph clients, the real delivery."""

from __future__ import annotations

import pytest

from cms.links import site_short_url
from sandbox.models import SandboxPage, SandboxPost
from syndication.delivery import dispatch, scheduling, state
from syndication.models import (
    AccountSettings,
    Delivery,
    DeliveryAttempt,
    FullTextPage,
)
from tests.sandbox.fixtures import relaxed_account, sandbox  # noqa: F401

pytest_plugins = ["tests.syndication.test_delivery_support"]
S = Delivery.Status
A = Delivery.Action
State = FullTextPage.State


def long_body(marker: str = "", sentences: int = 90) -> list:
    """A body well over one Telegram message (4096), six sentences a paragraph."""
    sentences = [
        f"Предложение {n}{marker}: министерство напоминает о сроках подачи заявлений "
        f"и о документах, которые нужны для назначения выплаты."
        for n in range(1, sentences + 1)
    ]
    html = "".join(
        f"<p>{' '.join(sentences[i : i + 6])}</p>" for i in range(0, len(sentences), 6)
    )
    return [("text", html)]


@pytest.fixture
def accounts(sandbox, transactional_db):  # noqa: F811
    telegram = relaxed_account("telegram", "@long_texts", "TG long texts")
    telegraph = relaxed_account("telegraph", "vestnik_pages", "Вестник")
    AccountSettings.objects.create(account=telegram, full_text_account=telegraph)
    return telegram, telegraph


@pytest.fixture
def long_page(piece_page):
    from wagtail.models import Site

    # a site, so the piece has its own URL to fall back on
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "vestnik.test", "root_page": piece_page.get_parent()},
    )
    piece_page.body = long_body()
    piece_page.save_revision().publish()
    piece_page.refresh_from_db()
    return piece_page


def pages(telegraph):
    return SandboxPage.objects.filter(account__external_id=telegraph.external_id)


def tg_posts(telegram):
    return SandboxPost.objects.filter(
        account__external_id=telegram.external_id, deleted=False
    )


def send(page, accounts):
    jobs = scheduling.schedule_page(page, accounts=[accounts[0]])
    return dispatch.run_now([d.pk for d in jobs])[0]


def again(delivery):
    return dispatch.run_now([delivery.pk])[0]


def test_long_piece_gets_one_page_and_the_post_links_it(accounts, long_page):
    telegram, telegraph = accounts
    delivery = send(long_page, accounts)
    assert delivery.status == S.SENT, delivery.last_error
    assert delivery.last_error == ""
    (page,) = pages(telegraph)
    record = FullTextPage.objects.get(post=delivery)
    assert record.state == State.CREATED and record.path == page.path
    assert record.url.endswith(f"/sandbox/telegraph/p/{page.path}/")
    # the whole piece is on the page, the post is ONE message linking it
    words = str(page.content)
    assert "Предложение 1:" in words and "Предложение 90:" in words
    (post,) = tg_posts(telegram)
    assert f'<a href="{record.url}">Читать полностью</a>' in post.text
    assert "Предложение 90:" not in post.text
    summary = delivery.attempt_log.get().request_summary
    assert summary["full_text_page"]["page"] == "created"
    assert "full_text_page" in summary["warnings"]


def test_a_telegram_retry_reuses_the_page(accounts, long_page):
    telegram, telegraph = accounts
    # Telegram refuses once after the page was made (a rate answer: nothing sent,
    # a retry follows; a 5xx would be held for a check, issue 11.1): the retry must
    # not make another page
    _fault("telegram", "rate_limit", method="sendMessage")
    delivery = send(long_page, accounts)
    assert delivery.status == S.SCHEDULED  # a transient error: retried later
    assert pages(telegraph).count() == 1
    assert not tg_posts(telegram).exists()
    delivery = again(delivery)
    assert delivery.status == S.SENT, delivery.last_error
    assert pages(telegraph).count() == 1
    record = FullTextPage.objects.get(post=delivery)
    (post,) = tg_posts(telegram)
    assert record.url in post.text
    outcomes = list(delivery.attempt_log.values_list("request_summary", flat=True))
    assert [s["full_text_page"]["page"] for s in outcomes] == ["created", "kept"]


def test_republish_edits_the_page_never_a_second_one(accounts, long_page):
    telegram, telegraph = accounts
    first = send(long_page, accounts)
    assert first.status == S.SENT, first.last_error
    url = FullTextPage.objects.get(post=first).url

    long_page.body = long_body(marker=" (исправлено)")
    revision = long_page.save_revision()
    revision.publish()
    (edit,) = scheduling.schedule_page(long_page, revision, accounts=[telegram])
    assert edit.action == A.EDIT
    edit = again(edit)
    assert edit.status == S.SENT, edit.last_error
    (page,) = pages(telegraph)  # still one page, same address, new text
    assert page.edited_at is not None
    assert "Предложение 1 (исправлено):" in str(page.content)
    record = FullTextPage.objects.get(post=first)
    assert record.url == url and record.revision_id == revision.pk
    (post,) = tg_posts(telegram)  # the same Telegram post, edited
    assert post.edited_at is not None and url in post.text
    assert "(исправлено)" in post.text


def test_a_short_piece_makes_no_page(accounts, piece_page):
    telegram, telegraph = accounts
    delivery = send(piece_page, accounts)
    assert delivery.status == S.SENT, delivery.last_error
    assert not pages(telegraph).exists()
    assert not FullTextPage.objects.exists()
    (post,) = tg_posts(telegram)
    assert "Читать полностью" not in post.text


def test_telegraph_down_once_retries_then_links_the_page(accounts, long_page):
    telegram, telegraph = accounts
    _fault("telegraph", "http500", method="createPage")
    delivery = send(long_page, accounts)
    # nothing lost, nothing sent yet: the Telegram post waits for the page
    assert delivery.status == S.SCHEDULED
    assert "Telegraph" in delivery.last_error
    assert delivery.next_attempt_at > delivery.updated_at
    assert not tg_posts(telegram).exists() and not pages(telegraph).exists()
    assert FullTextPage.objects.get(post=delivery).state == State.FAILED
    delivery = again(delivery)
    assert delivery.status == S.SENT, delivery.last_error
    (page,) = pages(telegraph)
    (post,) = tg_posts(telegram)
    assert page.path in post.text


def test_telegraph_down_for_long_links_the_site(accounts, long_page, settings):
    telegram, telegraph = accounts
    settings.SYNDICATION_FULL_TEXT_PAGE_TRIES = 2
    _fault("telegraph", "http500", remaining=10)
    delivery = send(long_page, accounts)
    assert delivery.status == S.SCHEDULED
    delivery = again(delivery)  # the last try: the post goes out without the page
    assert delivery.status == S.SENT
    assert "на сайте" in delivery.last_error  # the note of the log, in Russian
    assert not pages(telegraph).exists()
    (post,) = tg_posts(telegram)
    site = site_short_url(long_page)  # posts carry the short link
    assert f'<a href="{site}">Читать полностью</a>' in post.text
    assert FullTextPage.objects.get(post=delivery).state == State.FAILED
    # the next republish tries the page again (it is known that none exists)
    revision = long_page.save_revision()
    revision.publish()
    (edit,) = scheduling.schedule_page(long_page, revision, accounts=[telegram])
    from sandbox.models import SandboxFault

    SandboxFault.objects.all().delete()
    edit = again(edit)
    assert edit.status == S.SENT, edit.last_error
    (page,) = pages(telegraph)
    assert page.path in tg_posts(telegram).get().text


def test_a_revoked_telegraph_token_links_the_site_at_once(accounts, long_page):
    telegram, telegraph = accounts
    _fault("telegraph", "auth", method="createPage")
    delivery = send(long_page, accounts)
    assert delivery.status == S.SENT
    assert delivery.attempts == 1 and "ACCESS_TOKEN_INVALID" in delivery.last_error
    assert site_short_url(long_page) in tg_posts(telegram).get().text


def test_an_unknown_outcome_never_makes_a_second_page(accounts, long_page):
    telegram, telegraph = accounts
    # the answer comes after the client's read timeout (2 s): the page IS made
    _fault("telegraph", "latency", latency_ms=2600, method="createPage")
    delivery = send(long_page, accounts)
    assert delivery.status == S.SENT, delivery.last_error
    assert "Telegraph" in delivery.last_error
    assert FullTextPage.objects.get(post=delivery).state == State.UNKNOWN
    assert site_short_url(long_page) in tg_posts(telegram).get().text
    from sandbox import inflight

    inflight.idle()
    assert pages(telegraph).count() == 1
    # a republish does not try again: a resend could double the page
    revision = long_page.save_revision()
    revision.publish()
    (edit,) = scheduling.schedule_page(long_page, revision, accounts=[telegram])
    edit = again(edit)
    assert edit.status == S.SENT
    assert pages(telegraph).count() == 1


def test_a_page_being_made_by_another_worker_makes_the_post_wait(
    accounts, long_page, settings
):
    telegram, telegraph = accounts
    (delivery,) = scheduling.schedule_page(long_page, accounts=[telegram])
    FullTextPage.objects.create(post=delivery, telegraph_account=telegraph)
    delivery = again(delivery)
    assert delivery.status == S.SCHEDULED
    assert not pages(telegraph).exists() and not tg_posts(telegram).exists()
    # that worker died: after the stale time its page counts as unknown
    settings.SYNDICATION_STALE_SENDING_AFTER = 0
    delivery = again(delivery)
    assert delivery.status == S.SENT
    assert not pages(telegraph).exists()
    assert FullTextPage.objects.get(post=delivery).state == State.UNKNOWN


def test_unpublish_deletes_the_post_and_empties_the_page(accounts, long_page):
    telegram, telegraph = accounts
    send(long_page, accounts)
    long_page.unpublish()
    (delete,) = scheduling.schedule_deletes(long_page)
    delete = again(delete)
    assert delete.status == S.SENT and delete.last_error == ""
    assert not tg_posts(telegram).exists()
    (page,) = pages(telegraph)  # Telegraph cannot delete: the text is gone though
    assert "Предложение" not in str(page.content)
    assert "снят" in str(page.content)


def test_a_network_that_cannot_delete_is_done_with_a_note(sandbox, piece_page):  # noqa: F811
    telegraph = relaxed_account("telegraph", "vestnik_own", "Вестник")
    (publish,) = scheduling.schedule_page(piece_page, accounts=[telegraph])
    publish = again(publish)
    assert publish.status == S.SENT, publish.last_error
    piece_page.unpublish()
    (delete,) = scheduling.schedule_deletes(piece_page)
    delete = again(delete)
    assert delete.status == S.SENT  # done: neither failed nor retried
    assert "не умеет удалять" in delete.last_error
    attempt = delete.attempt_log.get()
    assert attempt.outcome == DeliveryAttempt.Outcome.UNSUPPORTED
    # asked again, nothing new is scheduled and the page stays
    assert scheduling.schedule_deletes(piece_page) == []
    assert state.reschedule([delete.pk]) == 0
    assert SandboxPage.objects.filter(account__external_id="vestnik_own").count() == 1


def _fault(network, kind, **kwargs):
    from sandbox.models import SandboxFault

    SandboxFault.objects.create(
        network=network,
        kind=kind,
        remaining=kwargs.get("remaining", 1),
        latency_ms=kwargs.get("latency_ms", 0),
        method=kwargs.get("method", ""),
    )


def test_a_person_links_the_page_found_after_an_unknown_outcome(
    accounts, long_page, admin_client
):
    telegram, telegraph = accounts
    _fault("telegraph", "latency", latency_ms=2600, method="createPage")
    delivery = send(long_page, accounts)
    from sandbox import inflight

    inflight.idle()
    (page,) = pages(telegraph)  # the page IS there, Vestnik does not know it
    detail = admin_client.get(f"/admin/syndication/log/{delivery.pk}/")
    assert "Страница Telegraph" in detail.content.decode()
    assert 'name="do" value="found"' in detail.content.decode()
    url = f"/admin/syndication/log/{delivery.pk}/full-text-page/"

    # a typo is refused with a message, nothing changes
    answer = admin_client.post(url, {"do": "found", "url": "telegra.ph"}, follow=True)
    assert "https://" in answer.content.decode()
    assert FullTextPage.objects.get(post=delivery).state == State.UNKNOWN

    found = f"http://localhost:8000/sandbox/telegraph/p/{page.path}/"
    admin_client.post(url, {"do": "found", "url": found})
    record = FullTextPage.objects.get(post=delivery)
    assert record.state == State.CREATED and record.path == page.path
    assert "admin" in record.error  # who checked it
    # settled once: a second answer changes nothing
    admin_client.post(url, {"do": "absent"})
    assert FullTextPage.objects.get(post=delivery).state == State.CREATED

    # the next republish edits that page and links it from the post: still one page
    long_page.body = long_body(marker=" (исправлено)")
    revision = long_page.save_revision()
    revision.publish()
    (edit,) = scheduling.schedule_page(long_page, revision, accounts=[telegram])
    edit = again(edit)
    assert edit.status == S.SENT, edit.last_error
    (page,) = pages(telegraph)
    assert "(исправлено)" in str(page.content)
    assert page.path in tg_posts(telegram).get().text


def test_a_person_says_no_page_was_made_and_the_republish_makes_one(
    accounts, long_page, admin_client, settings
):
    telegram, telegraph = accounts
    (delivery,) = scheduling.schedule_page(long_page, accounts=[telegram])
    FullTextPage.objects.create(post=delivery, telegraph_account=telegraph)
    settings.SYNDICATION_STALE_SENDING_AFTER = 0  # that worker died mid-request
    delivery = again(delivery)
    assert FullTextPage.objects.get(post=delivery).state == State.UNKNOWN
    assert not pages(telegraph).exists()

    url = f"/admin/syndication/log/{delivery.pk}/full-text-page/"
    admin_client.post(url, {"do": "absent"})
    assert FullTextPage.objects.get(post=delivery).state == State.FAILED

    revision = long_page.save_revision()
    revision.publish()
    (edit,) = scheduling.schedule_page(long_page, revision, accounts=[telegram])
    edit = again(edit)
    assert edit.status == S.SENT, edit.last_error
    (page,) = pages(telegraph)
    assert page.path in tg_posts(telegram).get().text


def test_only_people_who_may_change_deliveries_settle_a_page(
    accounts, long_page, client, django_user_model
):
    telegram, telegraph = accounts
    (delivery,) = scheduling.schedule_page(long_page, accounts=[telegram])
    FullTextPage.objects.create(
        post=delivery, telegraph_account=telegraph, state=State.UNKNOWN
    )
    from django.contrib.auth.models import Permission

    viewer = django_user_model.objects.create_user("viewer", password="x")
    viewer.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_delivery"),
    )
    client.force_login(viewer)
    detail = client.get(f"/admin/syndication/log/{delivery.pk}/").content.decode()
    assert "Страница Telegraph" in detail and 'value="absent"' not in detail
    answer = client.post(
        f"/admin/syndication/log/{delivery.pk}/full-text-page/", {"do": "absent"}
    )
    # Wagtail turns the refusal into a redirect to the dashboard with its message
    assert answer.status_code == 302 and answer.url == "/admin/"
    assert FullTextPage.objects.get(post=delivery).state == State.UNKNOWN
