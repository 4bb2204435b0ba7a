"""LiveJournal over real HTTP: the client against the sandbox, then the whole loop
(deliveries -> LiveJournalClient -> the sandbox at ``live_server``): publish, edit on
republish, delete after unpublish."""

from __future__ import annotations

import io

import pytest
import requests
from django.core.management import call_command

from accounts_registry.health import check_account
from sandbox.models import SandboxPost
from syndication.api import AuthError, RateLimited, TransientError, get_client
from syndication.delivery import dispatch, scheduling
from syndication.models import Delivery
from syndication.networks import get_network
from tests.sandbox.fixtures import livejournal_account, sandbox  # noqa: F401
from tests.syndication import samples

pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = pytest.mark.django_db(transaction=True)
S = Delivery.Status
A = Delivery.Action


def live_posts():
    return SandboxPost.objects.filter(account__network="livejournal", deleted=False)


def test_client_publishes_edits_and_deletes_an_entry(sandbox, livejournal_account):  # noqa: F811
    client = get_client(livejournal_account)
    network = get_network("livejournal")
    post = network.render(samples.every_block_piece(), livejournal_account)
    ref = client.publish(post, idempotency_key="d-1")
    entry = live_posts().get()
    assert ref.ids == [str(entry.remote_id)]
    assert entry.text == post.messages[0].text
    assert entry.meta["subject"] == "Выплаты семьям с детьми продлены"
    assert entry.meta["props"]["opt_preformatted"] == 1 and entry.meta["tags"]
    page = requests.get(ref.url, timeout=5).text  # the entry as readers see it
    assert "Подпись к снимку 1. Фото: Пресс-служба" in page
    journal = requests.get(ref.url.rsplit("/", 1)[0] + "/", timeout=5).text
    assert "Читать дальше</a> )" in journal and "Кто может подать" not in journal

    edited = network.render(samples.base_piece([samples.paragraph(1, 1)],
                                               title="Новый заголовок"))  # fmt: skip
    new_ref = client.edit(ref.to_dict(), edited)
    assert new_ref.ids == ref.ids and new_ref.url == ref.url
    entry.refresh_from_db()
    assert entry.meta["subject"] == "Новый заголовок" and "Сообщение 1:" in entry.text
    assert client.get_event(int(ref.ids[0]))["subject"] == "Новый заголовок"

    client.delete(ref)
    assert not live_posts().exists()
    client.delete(ref)  # a resent delete: the entry is gone, no error


def test_health_check_and_a_wrong_password(sandbox, livejournal_account):  # noqa: F811
    result = check_account(livejournal_account)
    assert result.ok, result.message
    credential = livejournal_account.get_credential()
    livejournal_account.set_credential({**credential, "password": "wrong"})
    livejournal_account.save()
    with pytest.raises(AuthError) as caught:
        get_client(livejournal_account).check_token()
    assert caught.value.code == 101
    assert not check_account(livejournal_account).ok


def test_sandbox_faults_reach_the_client_as_errors(sandbox, livejournal_account):  # noqa: F811
    client = get_client(livejournal_account)
    post = get_network("livejournal").render(samples.base_piece([]))
    sandbox.fault("livejournal", "http500")
    with pytest.raises(TransientError):
        client.publish(post)
    sandbox.fault("livejournal", "rate_limit", method="postevent")
    with pytest.raises(RateLimited):
        client.publish(post)
    assert not live_posts().exists()


def test_publish_edit_delete_through_the_delivery(sandbox, livejournal_account,  # noqa: F811
                                                  piece_page):  # fmt: skip
    out = io.StringIO()
    call_command("syndicate", str(piece_page.pk), "--wait", stdout=out)
    delivery = Delivery.objects.get(account=livejournal_account, action=A.PUBLISH)
    assert delivery.status == S.SENT, delivery.last_error
    entry = live_posts().get()
    assert str(entry.remote_id) in delivery.remote_ref["ids"]
    assert "пособие выросло на 8 %" in entry.text
    assert entry.meta["subject"] == "Выплаты выросли"

    piece_page.lead = "С 1 декабря пособие выросло на 8,5 %."
    revision = piece_page.save_revision()
    revision.publish()
    edits = scheduling.schedule_page(piece_page, revision)
    assert {d.action for d in edits} == {A.EDIT}
    dispatch.run_now([d.pk for d in edits])
    edit = Delivery.objects.get(account=livejournal_account, action=A.EDIT)
    assert edit.status == S.SENT, edit.last_error
    assert "8,5 %" in live_posts().get().text
    assert SandboxPost.objects.count() == 1  # edited in place, no new entry

    piece_page.unpublish()
    deletes = scheduling.schedule_deletes(piece_page)
    dispatch.run_now([d.pk for d in deletes])
    assert all(d.status == S.SENT for d in Delivery.objects.filter(action=A.DELETE))
    assert not live_posts().exists()
