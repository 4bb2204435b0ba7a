"""«Применить» pushes the description to VK over real HTTP (groups.edit in the sandbox)."""

import pytest
from django.urls import reverse

from accounts_registry import design
from accounts_registry.models import DesignVersion
from sandbox.models import SandboxAccount
from syndication.api import get_client
from tests.sandbox import fixtures as testing

from .conftest import login

pytestmark = pytest.mark.django_db(transaction=True)
sandbox = testing.sandbox
vk_account = testing.vk_account
vk_community_account = testing.vk_community_account

DESCRIPTION = "Новости министерства. Отвечаем на вопросы в будни с 9 до 18."


def test_keeper_applies_the_description_on_vk(sandbox, vk_account, client, keeper):
    assert design.can_apply(vk_account)
    version = DesignVersion.objects.create(account=vk_account, description=DESCRIPTION)
    login(client, keeper)
    page = client.get(reverse("registry_design", args=[vk_account.pk]))
    assert "Применить" in page.content.decode()

    client.post(reverse("registry_apply_design", args=[vk_account.pk, version.pk]))

    remote = SandboxAccount.objects.get(network="vk", external_id="424242")
    assert remote.description == DESCRIPTION
    version.refresh_from_db()
    assert version.applied_at is not None
    info = get_client(vk_account).call(
        "groups.getById", group_id="424242", fields="description"
    )
    assert info["groups"][0]["description"] == DESCRIPTION
    wall = client.get(f"/sandbox/vk/club{remote.external_id}/").content.decode()
    assert "Отвечаем на вопросы" in wall


def test_a_community_token_cannot_edit_the_community(sandbox, vk_community_account):
    from syndication.api.errors import SyndicationError

    with pytest.raises(SyndicationError):
        get_client(vk_community_account).update_description("x")
    remote = SandboxAccount.objects.get(network="vk", external_id="434343")
    assert remote.description == ""


def test_apply_pushes_the_avatar_and_the_cover(sandbox, vk_account, client, keeper):
    from tests.factories import make_image

    version = DesignVersion.objects.create(
        account=vk_account,
        description=DESCRIPTION,
        avatar=make_image("Аватар", size=(400, 400), colour=(20, 80, 160)),
        cover=make_image("Обложка", size=(1590, 530), colour=(200, 120, 20)),
    )
    login(client, keeper)
    client.post(reverse("registry_apply_design", args=[vk_account.pk, version.pk]))

    remote = SandboxAccount.objects.get(network="vk", external_id="424242")
    assert remote.avatar is not None and remote.cover is not None
    assert bytes(remote.avatar.data)[:2] == b"\xff\xd8"  # the JPEG itself arrived
    wall = client.get(f"/sandbox/vk/club{remote.external_id}/").content.decode()
    assert f"/sandbox/media/{remote.avatar.key}/" in wall
    assert f"/sandbox/media/{remote.cover.key}/" in wall
    version.refresh_from_db()
    assert version.applied_at is not None
