"""Issue 12.4: the sent 10-day letter (and every other file that is not public) is kept
in private storage under a random name and read only through a view that checks
permission; the old public folders are not served in development or production."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.urls import reverse

from accounts_registry.models import Account, Notification
from accounts_registry.notification_views import mark_notification_sent
from cms import private_files
from cms.media import UNSERVED_FOLDERS
from tests.accounts_registry.conftest import login, make_user
from tests.security.conftest import urls_built_with

ROOT = Path(__file__).resolve().parents[2]
NGINX_CONF = ROOT / "deploy" / "nginx" / "vestnik-media.conf"

pytestmark = pytest.mark.django_db


@pytest.fixture
def roots(settings, tmp_path):
    """Public and private folders of this test, side by side."""
    media, private = tmp_path / "media", tmp_path / "private"
    media.mkdir()
    settings.MEDIA_ROOT = media
    settings.PRIVATE_MEDIA_ROOT = private
    return media, private


@pytest.fixture
def sent(roots, django_user_model):
    account = Account.objects.create(
        network="vk",
        name="ВК Минсоц",
        external_id="10",
        status="active",
        created_on=datetime.date(2026, 3, 2),
    )
    notification = Notification.objects.create()
    account.report_obligations.update(notification=notification)
    keeper = make_user(django_user_model, "sender", is_staff=True)
    mark_notification_sent(
        notification, "01-12/345", datetime.date(2026, 3, 11), keeper
    )
    notification.refresh_from_db()
    return notification


def test_the_sent_letter_is_private_under_a_random_name(sent, roots):
    media, private = roots
    name = sent.document.name
    assert re.fullmatch(r"notifications/[0-9a-f]{32}\.docx", name), name
    assert (private / name).is_file()
    assert not [p for p in media.rglob("*") if p.is_file()]  # nothing public
    with pytest.raises(ValueError):
        sent.document.url  # noqa: B018 - a private file has no URL


def test_two_letters_get_unrelated_names(sent, django_user_model):
    other = Notification.objects.create()
    mark_notification_sent(other, "02", datetime.date(2026, 3, 12), None)
    other.refresh_from_db()
    assert other.document.name != sent.document.name
    assert Path(other.document.name).parent == Path(sent.document.name).parent


def test_sending_again_replaces_the_earlier_copy(sent, roots):
    _media, private = roots
    first = sent.document.name
    mark_notification_sent(sent, "01-12/346", datetime.date(2026, 3, 12), None)
    sent.refresh_from_db()
    assert sent.document.name != first
    assert not (private / first).exists()
    assert (private / sent.document.name).is_file()


def document_url(notification) -> str:
    return reverse("registry_notification_sent_document", args=[notification.pk])


def test_anonymous_gets_no_letter(client, sent):
    response = client.get(document_url(sent))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_user_without_the_permission_gets_403(client, sent, django_user_model):
    from django.contrib.auth.models import Permission

    editor = make_user(django_user_model, "editor")  # the admin, not the register
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    login(client, editor)
    response = client.get(document_url(sent))
    # Wagtail's admin turns the view's PermissionDenied into a redirect home.
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_the_keeper_downloads_it_through_the_view(client, sent, keeper_user):
    login(client, keeper_user)
    response = client.get(document_url(sent))
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body == storages["private"].open(sent.document.name).read()
    assert body.startswith(b"PK")  # a DOCX
    assert response["Content-Disposition"].startswith("attachment")
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    assert response["X-Content-Type-Options"] == "nosniff"
    page = client.get(reverse("registry_notification", args=[sent.pk]))
    assert document_url(sent) in page.content.decode()
    assert "/media/" not in page.content.decode()


@pytest.fixture
def keeper_user(django_user_model):
    from accounts_registry.conf import KEEPER_GROUP

    return make_user(django_user_model, "keeper", KEEPER_GROUP)


def test_a_notification_without_a_letter_is_404(client, keeper_user, roots):
    login(client, keeper_user)
    draft = Notification.objects.create()
    assert client.get(document_url(draft)).status_code == 404


@pytest.mark.parametrize(
    "name",
    [
        "registry/notifications/notification-1.docx",
        "documents/secret-plan.pdf",
        "images/../documents/secret-plan.pdf",
        "registry",
    ],
)
def test_development_does_not_serve_the_private_folders(client, roots, name):
    media, _private = roots
    for path in (
        "registry/notifications/notification-1.docx",
        "documents/secret-plan.pdf",
    ):
        (media / path).parent.mkdir(parents=True, exist_ok=True)
        (media / path).write_bytes(b"PK private")
    (media / "images").mkdir(exist_ok=True)
    (media / "images/photo.jpg").write_bytes(b"\xff\xd8\xff")
    with urls_built_with(DEBUG=True, MEDIA_ROOT=media):
        assert client.get(f"/media/{name}").status_code == 404
        assert client.get("/media/images/photo.jpg").status_code == 200


def test_production_front_server_refuses_the_same_folders():
    conf = NGINX_CONF.read_text()
    refused = re.findall(r"location \^~ /media/([\w/]+) \{\s*return 404;\s*\}", conf)
    assert set(refused) == set(UNSERVED_FOLDERS)


def test_documents_are_served_by_wagtails_checking_view(settings):
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"


def test_the_private_folder_is_outside_the_public_ones(settings):
    assert not private_files.check_private_root()
    settings.PRIVATE_MEDIA_ROOT = Path(settings.MEDIA_ROOT) / "private"
    errors = private_files.check_private_root()
    assert [e.id for e in errors] == ["cms.E010"]


def test_the_migration_moves_public_letters_into_private_storage(roots):
    media, private = roots
    migration = __import__(
        "accounts_registry.migrations.0005_private_notification_documents",
        fromlist=["move_to_private"],
    )
    old = "registry/notifications/notification-7.docx"
    default_storage.save(old, ContentFile(b"PK old letter"))
    notification = Notification.objects.create()
    Notification.objects.filter(pk=notification.pk).update(document=old)

    migration.move_to_private(apps, None)

    notification.refresh_from_db()
    assert re.fullmatch(r"notifications/[0-9a-f]{32}\.docx", notification.document.name)
    assert (private / notification.document.name).read_bytes() == b"PK old letter"
    assert not (media / old).exists()
