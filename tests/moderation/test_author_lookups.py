"""Authors by name and picture on each network that gives them, against the sandbox
over real HTTP: OK ``users.getInfo``; Telegram's name from the update and its picture
through ``getUserProfilePhotos`` + ``getFile``, served by the desk so the bot token
never reaches a page; Facebook, Instagram and MAX keep the payload's name, no picture.
Each with a look-up that fails."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse

from moderation import authors, ingest
from moderation.models import AuthorProfile, InboxItem
from sandbox.models import SandboxAccount, SandboxFault, SandboxPost
from sandbox.pages import add_comment
from tests.sandbox.fixtures import relaxed_account, sandbox  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def moderator(client, django_user_model):
    user = django_user_model.objects.create_superuser("lead", password="pw")
    client.force_login(user)
    return client


def reader(network, external_id, author_id, name):
    """A reader who commented in the sandbox (whom its users methods then know)."""
    account = SandboxAccount.objects.get(network=network, external_id=external_id)
    post = SandboxPost.objects.create(
        account=account, remote_id=account.next_id(), text="Новость"
    )
    add_comment(post, author_id, name, "Когда выплаты?")


def clear_faults():
    SandboxFault.objects.all().delete()


def store(account, remote_id, author_id, **extra):
    item, _ = ingest.store(account, ingest.Incoming(
        remote_id=str(remote_id), text="Когда выплаты?", post_remote_id="42",
        author_id=author_id, **extra,
    ))  # fmt: skip
    return item


@pytest.fixture
def ok(sandbox):  # noqa: F811
    return relaxed_account("ok", "555000111", "Соцзащита в ОК")


@pytest.fixture
def telegram(sandbox):  # noqa: F811
    return relaxed_account("telegram", "@soc_tg", "Соцзащита в Telegram",
                           linked_chat_id=-1009990001)  # fmt: skip


def test_ok_authors_by_name_avatar_and_link(ok, moderator):
    reader("ok", "555000111", 5551, "Мария Петрова")
    item = store(ok, 1, "5551")
    stranger = store(ok, 2, "5559")  # OK leaves an unknown uid out of the answer
    assert authors.resolve_unnamed(ok.pk) == 1
    item.refresh_from_db()
    assert item.author_name == "Мария Петрова"
    assert item.author_url == "https://ok.ru/profile/5551"
    profile = AuthorProfile.objects.get(network="ok", author_id="5551")
    assert profile.avatar_url.endswith("/sandbox/avatar/5551.svg")
    stranger.refresh_from_db()
    assert stranger.author_name == ""  # keeps its id, looked up again later
    page = moderator.get(reverse("moderation_item", args=[item.pk])).content.decode()
    assert f'src="{profile.avatar_url}"' in page
    assert 'href="https://ok.ru/profile/5551"' in page and "Мария Петрова</a>" in page


def test_ok_failed_look_up_keeps_the_id_and_tries_later(ok, sandbox):  # noqa: F811
    reader("ok", "555000111", 5551, "Мария Петрова")
    item = store(ok, 1, "5551")
    sandbox.fault("ok", "http500", method="users.getInfo", remaining=10)
    assert authors.resolve_unnamed(ok.pk) == 0
    item.refresh_from_db()
    assert item.author_name == "" and not AuthorProfile.objects.exists()
    cache.delete(f"moderation-author-failed:{ok.pk}")  # five minutes later
    clear_faults()
    assert authors.resolve_unnamed(ok.pk) == 1
    item.refresh_from_db()
    assert item.author_name == "Мария Петрова"


def test_telegram_name_from_the_update_picture_through_the_desk(telegram, moderator):
    reader("telegram", "@soc_tg", 7001, "Олег Смирнов")
    item = store(telegram, 1, "7001", author_name="Олег Смирнов")  # no username
    page = moderator.get(reverse("moderation_item", args=[item.pk])).content.decode()
    avatar = reverse("moderation_author_avatar", args=[telegram.pk, "7001"])
    assert f'src="{avatar}?file=avatar-7001-160"' in page  # the smallest size ≥ 96 px
    assert "Олег Смирнов" in page and "https://t.me/" not in page  # no username
    token = telegram.get_credential()["bot_token"]
    assert token not in page
    picture = moderator.get(f"{avatar}?file=avatar-7001-160")
    assert picture.status_code == 200 and picture["Content-Type"] == "image/svg+xml"
    assert (
        b"<svg" in picture.content
        and "default-src 'none'" in picture["Content-Security-Policy"]
    )
    assert AuthorProfile.objects.get(network="telegram", author_id="7001").name == ""
    item.refresh_from_db()
    assert item.author_name == "Олег Смирнов"  # the update's name is kept


def test_telegram_user_without_photos_and_a_channel_show_no_picture(
    telegram, moderator
):
    hidden = store(
        telegram, 1, "7002", author_name="Ирина", author_url="https://t.me/irina"
    )
    page = moderator.get(reverse("moderation_item", args=[hidden.pk])).content.decode()
    assert "mod-author__avatar--none" in page and 'href="https://t.me/irina"' in page
    channel = store(telegram, 2, "-1001234", author_name="Новости района")
    page = moderator.get(reverse("moderation_item", args=[channel.pk])).content.decode()
    assert "mod-author__avatar--none" in page and "Новости района" in page


def test_telegram_failed_look_up_shows_the_name_and_tries_later(
    telegram,
    moderator,
    sandbox,  # noqa: F811
):
    reader("telegram", "@soc_tg", 7001, "Олег Смирнов")
    item = store(telegram, 1, "7001", author_name="Олег Смирнов")
    sandbox.fault("telegram", "http500", method="getUserProfilePhotos", remaining=10)
    response = moderator.get(reverse("moderation_item", args=[item.pk]))
    page = response.content.decode()
    assert response.status_code == 200 and "Олег Смирнов" in page
    assert "mod-author__avatar--none" in page and not AuthorProfile.objects.exists()
    # The picture itself failing: no image, no error page for the browser to show.
    clear_faults()
    sandbox.fault("telegram", "http500", method="getFile", remaining=10)
    avatar = reverse("moderation_author_avatar", args=[telegram.pk, "7001"])
    assert moderator.get(f"{avatar}?file=avatar-7001-160").status_code == 404
    clear_faults()
    cache.delete(f"moderation-author-failed:{telegram.pk}")
    page = moderator.get(reverse("moderation_item", args=[item.pk])).content.decode()
    assert f'src="{avatar}?file=avatar-7001-160"' in page


@pytest.mark.parametrize("network", ["facebook", "instagram", "max"])
def test_networks_without_a_look_up_show_the_payload_name(network, moderator):
    account = relaxed_account(network, f"{network}-page-1", f"Соцзащита {network}")
    item = store(account, 1, "31337", author_name="Иван Кузнецов")
    assert not authors.can_look_up(network)
    page = moderator.get(reverse("moderation_item", args=[item.pk])).content.decode()
    assert "Иван Кузнецов" in page and "mod-author__avatar--none" in page
    assert InboxItem.objects.get(pk=item.pk).author_name == "Иван Кузнецов"
