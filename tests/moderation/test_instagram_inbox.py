"""Instagram comments reach the inbox by polling (sandbox over real HTTP), and the
moderator's hide and delete reach the sandbox; nothing is polled while the restricted
network is switched off."""

from __future__ import annotations

import gc

import pytest

from accounts_registry.restricted import decide
from moderation import actions
from moderation.fetch import fetch_all
from moderation.models import FetchCursor, InboxItem
from sandbox.models import SandboxComment, SandboxPost
from sandbox.pages import add_comment
from syndication.api import get_client
from syndication.networks.base import Attachment, Message, Post
from tests.sandbox.fixtures import instagram_account, sandbox  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def media(sandbox, instagram_account, settings, monkeypatch):  # noqa: F811
    settings.MODERATION_AUTO_ACTIONS_ASYNC = False
    monkeypatch.setattr("moderation.actions.sleep", lambda seconds: None)
    decide(
        "instagram", True, reason="The region keeps its Instagram account", actor="test"
    )
    photo = Attachment("photo", None, f"{sandbox.url}/media/photo.png", {"alt": ""})
    post = Post("instagram", [Message("media", "Новость", attachments=(photo,),
                                      options={"media_type": "IMAGE"})])  # fmt: skip
    client = get_client(instagram_account)
    ref = client.publish(post)
    client.session.close()  # no idle keep-alive connection left to the live server
    FetchCursor.objects.create(account=instagram_account, post_remote_id=ref.ids[0])
    yield SandboxPost.objects.get(remote_id=int(ref.ids[0]))
    # The moderation actions' clients keep idle keep-alive connections to the live
    # server; closing them now, not at some later garbage collection, lets the
    # server threads finish while this test's database is still theirs.
    gc.collect()


def test_comments_are_polled_and_moderated(instagram_account, media):  # noqa: F811
    question = add_comment(media, 9001, "reader1", "Когда начнут выплаты?")
    rude = add_comment(media, 9002, "reader2", "Обычный комментарий")
    report = fetch_all()
    assert (report.created, report.errors) == (2, 0)
    item = InboxItem.objects.get(remote_id=str(question.remote_id))
    assert item.author_name == "reader1" and item.text == "Когда начнут выплаты?"
    assert item.post_remote_id == str(media.remote_id)
    assert fetch_all().created == 0  # nothing twice

    hidden = InboxItem.objects.get(remote_id=str(rude.remote_id))
    done = actions.perform(
        "hide", account=instagram_account, item=hidden, reason="other"
    )
    assert done.confirmed, done.error
    assert SandboxComment.objects.get(pk=rude.pk).hidden

    done = actions.perform(
        "delete", account=instagram_account, item=item, reason="other"
    )
    assert done.confirmed, done.error
    assert SandboxComment.objects.get(pk=question.pk).deleted

    add_comment(media, 9003, "reader3", "Спасибо")
    assert fetch_all().created == 1


def test_nothing_is_polled_while_instagram_is_switched_off(instagram_account, media):  # noqa: F811
    add_comment(media, 9001, "reader1", "Вопрос")
    decide("instagram", False, reason="Switched off again", actor="test")
    assert fetch_all().posts == 0
    assert not InboxItem.objects.exists()
