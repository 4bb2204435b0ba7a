"""What the admin exposes beyond its screens (issue 12.9, 12.12).

- Wagtail's admin API lists images and documents only to people with media rights
  (add, change or delete: the editors here), never to the moderator, the registry
  keeper or the technician (a right to choose a document is not enough).
- Django's own admin (/django-admin/) is not served unless VESTNIK_DJANGO_ADMIN turns it
  on; the product's admin is Wagtail's.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, GroupCollectionPermission

from cms import roles
from cms.demo.setup import ensure_groups
from tests.accounts_registry.conftest import login, make_user
from tests.factories import make_image
from tests.security.conftest import urls_built_with

pytestmark = pytest.mark.django_db

API = {"images": "/admin/api/main/images/", "documents": "/admin/api/main/documents/"}
WITH_MEDIA_RIGHTS = [roles.EDITOR, roles.CHIEF_EDITOR]
WITHOUT = [roles.MODERATOR, roles.REGISTRY_KEEPER, roles.TECHNICAL_OFFICER]


@pytest.fixture
def media(site_tree):
    _, news = site_tree
    ensure_groups(news)
    image = make_image("Неопубликованное фото")
    document = get_document_model().objects.create(
        title="Проект приказа",
        file=SimpleUploadedFile("prikaz.pdf", b"%PDF-1.4 draft"),
    )
    return image, document


def user_in(group: str, django_user_model):
    return make_user(django_user_model, f"u{abs(hash(group)) % 10**6}", group)


@pytest.mark.parametrize("group", WITHOUT)
@pytest.mark.parametrize("kind", ["images", "documents"])
def test_roles_without_media_rights_get_no_listing(
    client, media, django_user_model, group, kind
):
    login(client, user_in(group, django_user_model))
    assert client.get("/admin/").status_code == 200  # they do use the admin
    listing = client.get(API[kind])
    assert listing.status_code == 403
    image, document = media
    item = image if kind == "images" else document
    assert client.get(f"{API[kind]}{item.pk}/").status_code == 403
    assert item.title not in listing.content.decode()


@pytest.mark.parametrize("group", WITH_MEDIA_RIGHTS)
@pytest.mark.parametrize("kind", ["images", "documents"])
def test_roles_with_media_rights_still_list_them(
    client, media, django_user_model, group, kind
):
    login(client, user_in(group, django_user_model))
    listing = client.get(API[kind])
    assert listing.status_code == 200
    titles = [item["title"] for item in listing.json()["items"]]
    image, document = media
    assert (image if kind == "images" else document).title in titles


def test_media_rights_in_one_collection_show_that_collection_only(
    client, media, django_user_model
):
    root = Collection.get_first_root_node()
    press = root.add_child(name="Пресс-служба")
    own = make_image("Фото пресс-службы")
    own.collection = press
    own.save()
    group = Group.objects.create(name="Фотограф")
    GroupCollectionPermission.objects.create(
        group=group,
        collection=press,
        permission=Permission.objects.get(codename="change_image"),
    )
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    login(client, make_user(django_user_model, "photographer", "Фотограф"))
    titles = [i["title"] for i in client.get(API["images"]).json()["items"]]
    assert titles == ["Фото пресс-службы"]


def test_django_admin_is_off_by_default(client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "r@example.org", "pw")
    login(client, admin)
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/django-admin/login/").status_code == 404


def test_a_setting_turns_django_admin_on(client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "r@example.org", "pw")
    login(client, admin)
    with urls_built_with(VESTNIK_DJANGO_ADMIN=True):
        assert client.get("/django-admin/").status_code == 200
        client.logout()
        # Still behind its login when on.
        assert client.get("/django-admin/").status_code == 302
    assert client.get("/django-admin/").status_code == 404
