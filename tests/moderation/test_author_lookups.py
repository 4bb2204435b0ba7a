"""Authors by name and picture on each network that gives them, against the sandbox
over real HTTP: OK ``users.getInfo``; Telegram's name from the update and its picture
through ``getUserProfilePhotos`` + ``getFile``, served by the desk so the bot token
never reaches a page; MAX chat members (``UserWithPhoto``), Facebook's User Picture
edge and Instagram's business discovery, each keeping the payload's name and showing
the initials when the network gives no picture. Look-ups that fail."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse

from accounts_registry.restricted import decide
from moderation import authors, ingest
from moderation.models import AuthorProfile
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


@pytest.fixture
def max_channel(sandbox):  # noqa: F811
    return relaxed_account("max", "-70000000000042", "Соцзащита в MAX")


def meta_switched_on():
    """Facebook and Instagram are blocked until switched on, on record."""
    for network in ("facebook", "instagram"):
        decide(network, True, reason="Тест авторов Meta", actor="pytest")


@pytest.fixture
def facebook(sandbox):  # noqa: F811
    meta_switched_on()
    return relaxed_account("facebook", "546349135390552", "Соцзащита в Facebook")


@pytest.fixture
def instagram(sandbox):  # noqa: F811
    meta_switched_on()
    return relaxed_account("instagram", "17841400000000077", "Соцзащита в Instagram")


def initials_shown(page: str, initials: str) -> bool:
    return f'mod-author__avatar--none" aria-hidden="true">{initials}</span>' in page


def test_max_members_give_the_picture_a_stranger_keeps_the_name(
    max_channel,
    moderator,
    sandbox,  # noqa: F811
):
    reader("max", "-70000000000042", 8801, "Пётр Волков")
    item = store(max_channel, 1, "8801", author_name="Пётр Волков")
    stranger = store(max_channel, 2, "8809", author_name="Анна Белова")
    page = moderator.get(reverse("moderation_item", args=[item.pk])).content.decode()
    profile = AuthorProfile.objects.get(network="max", author_id="8801")
    assert profile.avatar_url.endswith("/sandbox/avatar/8801.svg")
    assert profile.name == "Пётр Волков" and profile.profile_url == ""  # no username
    assert f'src="{profile.avatar_url}"' in page and "Пётр Волков" in page
    # Not a member of the channel: absent from the answer, the update's name stays,
    # and the initials stand in for the picture.
    page = moderator.get(reverse("moderation_item", args=[stranger.pk]))
    page = page.content.decode()
    assert "Анна Белова" in page and initials_shown(page, "АБ")
    assert AuthorProfile.objects.get(network="max", author_id="8809").avatar_url == ""


def test_max_failed_look_up_keeps_the_name_and_tries_later(
    max_channel,
    moderator,
    sandbox,  # noqa: F811
):
    reader("max", "-70000000000042", 8801, "Пётр Волков")
    item = store(max_channel, 1, "8801", author_name="Пётр Волков")
    sandbox.fault("max", "http500", method="GET /chats", remaining=10)
    page = moderator.get(reverse("moderation_item", args=[item.pk])).content.decode()
    assert "Пётр Волков" in page and initials_shown(page, "ПВ")
    assert not AuthorProfile.objects.exists()
    clear_faults()
    cache.delete(f"moderation-author-failed:{max_channel.pk}")
    page = moderator.get(reverse("moderation_item", args=[item.pk])).content.decode()
    assert "/sandbox/avatar/8801.svg" in page


def test_facebook_picture_edge_and_an_id_the_page_may_not_ask_about(
    facebook, moderator
):
    reader("facebook", "546349135390552", 9901, "Ольга Миронова")
    item = store(facebook, 1, "9901", author_name="Ольга Миронова")
    page = moderator.get(reverse("moderation_item", args=[item.pk])).content.decode()
    profile = AuthorProfile.objects.get(network="facebook", author_id="9901")
    assert profile.avatar_url.endswith("/sandbox/avatar/9901.svg")
    assert f'src="{profile.avatar_url}"' in page and "Ольга Миронова" in page
    assert authors.cached("facebook", ["9901"])  # fresh for a day: the URL expires
    unknown = store(facebook, 2, "9909", author_name="Игорь Ли")
    page = moderator.get(reverse("moderation_item", args=[unknown.pk])).content.decode()
    assert "Игорь Ли" in page and initials_shown(page, "ИЛ")


def test_instagram_business_discovery_by_handle_a_personal_account_has_none(
    instagram, moderator
):
    reader("instagram", "17841400000000077", 7701, "olga.mironova")
    item = store(instagram, 1, "7701", author_name="olga.mironova",
                 author_url="https://www.instagram.com/olga.mironova/")  # fmt: skip
    page = moderator.get(reverse("moderation_item", args=[item.pk])).content.decode()
    profile = AuthorProfile.objects.get(network="instagram", author_id="7701")
    assert profile.avatar_url.endswith("/sandbox/avatar/7701.svg")
    assert profile.profile_url == "https://www.instagram.com/olga.mironova/"
    assert f'src="{profile.avatar_url}"' in page
    personal = store(instagram, 2, "7709", author_name="ivan_k",
                     author_url="https://www.instagram.com/ivan_k/")  # fmt: skip
    page = moderator.get(reverse("moderation_item", args=[personal.pk]))
    page = page.content.decode()
    assert 'href="https://www.instagram.com/ivan_k/"' in page
    assert initials_shown(page, "IK")
