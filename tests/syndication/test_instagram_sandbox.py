"""The Instagram render and client against the sandbox over real HTTP: the sandbox
fetches every image from the live server, as Instagram does, so the re-encoded photos
and the generated cover card must really be served by the site."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image

from sandbox.models import SandboxMedia, SandboxPost
from syndication import content as c
from syndication.api import AuthError, PermanentError, Unsupported, get_client
from syndication.networks import get_network
from tests.sandbox import fixtures as testing
from tests.syndication import samples

pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = pytest.mark.django_db(transaction=True)
sandbox = testing.sandbox
instagram_account = testing.instagram_account
instagram = get_network("instagram")


@pytest.fixture
def site(sandbox, instagram_account):
    root = Path(settings.MEDIA_ROOT)
    out = io.BytesIO()
    Image.new("RGB", (1080, 1350), (20, 140, 60)).save(out, "JPEG")
    (root / "ready.jpg").write_bytes(out.getvalue())
    (root / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    return sandbox.url


def piece(site, *blocks, **kwargs):
    return samples.base_piece(blocks, url=f"{site}/news/vyplaty/", **kwargs)


def photo(site, name, caption="Подпись"):
    return c.Photo(f"{site}/media/{name}", alt="Снимок", caption=caption)


def stored_photos(post: SandboxPost) -> list[Image.Image]:
    media = SandboxMedia.objects.filter(key__in=post.attachments["photos"])
    return [Image.open(io.BytesIO(bytes(m.data))) for m in media]


def test_single_photo_post(site, instagram_account):
    post = instagram.render(
        piece(site, samples.paragraph(1, 1), photo(site, "ready.jpg"))
    )
    ref = get_client(instagram_account).publish(post)
    remote = SandboxPost.objects.get(remote_id=int(ref.ids[0]))
    assert remote.text == post.messages[0].text
    assert remote.text.endswith("#соцзащита #СемьиСДетьми #Кузбасс")
    assert remote.meta["media_type"] == "IMAGE"
    assert ref.url.endswith(
        f"/sandbox/instagram/profile/{instagram_account.external_id}/#media{ref.ids[0]}"
    )
    (image,) = stored_photos(remote)
    assert image.size == (1080, 1350)  # the JPEG went as it was


def test_text_only_piece_publishes_the_generated_card(site, instagram_account):
    post = instagram.render(piece(site, samples.paragraph(1, 2)))
    ref = get_client(instagram_account).publish(post)
    remote = SandboxPost.objects.get(remote_id=int(ref.ids[0]))
    (card,) = stored_photos(remote)
    assert card.format == "JPEG" and card.size == (1080, 1080)
    assert list(Path(settings.MEDIA_ROOT, "syndication/cards").glob("*.jpg"))


def test_carousel_with_a_png_that_is_re_encoded(site, instagram_account):
    gallery = c.Gallery((photo(site, "photo.png"), photo(site, "ready.jpg")), "Фото")
    post = instagram.render(piece(site, gallery))
    assert post.messages[0].options["media_type"] == "CAROUSEL"
    ref = get_client(instagram_account).publish(post)
    remote = SandboxPost.objects.get(remote_id=int(ref.ids[0]))
    assert remote.meta["media_type"] == "CAROUSEL"
    images = stored_photos(remote)
    assert len(images) == 2 and all(i.format == "JPEG" for i in images)


def test_reel(site, instagram_account):
    video = c.Video("Министр отвечает", file_url=f"{site}/media/clip.mp4")
    post = instagram.render(piece(site, video, photo(site, "ready.jpg")))
    ref = get_client(instagram_account).publish(post)
    remote = SandboxPost.objects.get(remote_id=int(ref.ids[0]))
    assert remote.meta["media_type"] == "REELS"
    assert remote.attachments["videos"] == [f"{site}/media/clip.mp4"]


def test_media_instagram_cannot_reach_fails_with_a_clear_message(
    site, instagram_account
):
    # Our file, but at an address nobody answers: we read it, Instagram cannot.
    unreachable = c.Photo("http://127.0.0.1:9/media/ready.jpg")
    post = instagram.render(piece(site, unreachable))
    with pytest.raises(PermanentError) as caught:
        get_client(instagram_account).publish(post)
    assert "could not process the media" in str(caught.value)
    assert "Could not fetch the media" in str(caught.value)
    assert not SandboxPost.objects.exists()


def test_edit_and_delete(site, instagram_account, settings):
    post = instagram.render(piece(site, photo(site, "ready.jpg")))
    client = get_client(instagram_account)
    ref = client.publish(post)
    with pytest.raises(Unsupported):
        client.edit(ref, post)
    with pytest.raises(Unsupported):
        get_client(instagram_account).delete(ref)
    assert SandboxPost.objects.filter(deleted=False).count() == 1
    settings.INSTAGRAM_MEDIA_DELETE = "true"
    get_client(instagram_account).delete(ref)
    assert SandboxPost.objects.get(remote_id=int(ref.ids[0])).deleted


def test_check_token_and_an_expired_token(site, instagram_account, sandbox):
    info = get_client(instagram_account).check_token()
    assert info["ok"] and info["id"] == instagram_account.external_id
    assert info["name"] == "Test Instagram"
    sandbox.fault("instagram", "auth")
    with pytest.raises(AuthError):
        get_client(instagram_account).check_token()


def test_registry_health_check_goes_through_check_token(site, instagram_account):
    from accounts_registry.health import BLOCKED, check_account
    from accounts_registry.restricted import decide

    # Blocked by default: the check does not contact the network at all.
    assert check_account(instagram_account).message == str(BLOCKED)
    from sandbox.models import SandboxAccount

    SandboxAccount.objects.filter(network="instagram").update(extra={"followers": 321})
    decide("instagram", True, reason="The region keeps its account", actor="test")
    result = check_account(instagram_account)
    assert result.ok, result.message
    instagram_account.refresh_from_db()
    assert instagram_account.subscribers == 321


def test_the_delivery_publishes_once_instagram_is_enabled(
    site, instagram_account, piece_page, live_server
):
    from urllib.parse import urlparse

    from wagtail.models import Site

    from accounts_registry.restricted import decide
    from syndication.delivery import dispatch, scheduling
    from syndication.models import Delivery, PageSyndication

    # The site answers at the live server, so Instagram (the sandbox) can fetch the
    # generated card of this text-only page from it.
    address = urlparse(live_server.url)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": address.hostname, "port": address.port,
                  "root_page": piece_page.get_parent().get_parent()},
    )  # fmt: skip
    choice, _ = PageSyndication.objects.get_or_create(page=piece_page)
    choice.accounts.set([instagram_account])
    PageSyndication.objects.filter(pk=choice.pk).update(accounts_chosen=True)
    assert scheduling.chosen_accounts(piece_page) == []  # blocked: never chosen
    decide("instagram", True, reason="The region keeps its account", actor="test")
    deliveries = scheduling.schedule_page(piece_page)
    dispatch.run_now([d.pk for d in deliveries])
    delivery = Delivery.objects.get(account=instagram_account)
    assert delivery.status == Delivery.Status.SENT, delivery.last_error
    remote = SandboxPost.objects.get(remote_id=int(delivery.remote_ref["ids"][0]))
    assert remote.text.startswith("С 1 декабря пособие выросло на 8 %.")
    (card,) = stored_photos(remote)
    assert card.size == (1080, 1080)
