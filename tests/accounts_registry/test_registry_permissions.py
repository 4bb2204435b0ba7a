"""Permission matrix: every registry view × every group. Only the keeper and the technical
officer (and superusers) may set a credential; editors and moderators see nothing."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts_registry.models import Notification

from .conftest import SECRET, login, make_user

pytestmark = pytest.mark.django_db

GROUPS = ["keeper", "tech", "Editors", "Moderators", "nobody", "superuser"]
R, W = "read", "write"

# view name -> groups allowed (besides superuser)
MATRIX = {
    "account_index": {"keeper", "tech"},
    "account_inspect": {"keeper", "tech"},
    "account_edit": {"keeper", "tech"},
    "account_create": {"keeper"},
    "obligation_index": {"keeper"},
    "access_index": {"keeper", "tech"},
    "set_credential": {"keeper", "tech"},
    "design": {"keeper", "tech"},
    "notification_new": {"keeper"},
    "notification_page": {"keeper"},
    "notification_docx": {"keeper"},
}


def url_for(view, account, note):
    return {
        "account_index": reverse("registry_account:index"),
        "account_inspect": reverse("registry_account:inspect", args=[account.pk]),
        "account_edit": reverse("registry_account:edit", args=[account.pk]),
        "account_create": reverse("registry_account:add"),
        "obligation_index": reverse("registry_reportobligation:index"),
        "access_index": reverse("registry_accessgrant:index"),
        "set_credential": reverse("registry_set_credential", args=[account.pk]),
        "design": reverse("registry_design", args=[account.pk]),
        "notification_new": reverse("registry_notification_new"),
        "notification_page": reverse("registry_notification", args=[note.pk]),
        "notification_docx": reverse("registry_notification_docx", args=[note.pk]),
    }[view]


@pytest.fixture
def users(django_user_model):
    made = {
        "keeper": make_user(django_user_model, "u_keeper", "Хранитель реестра"),
        "tech": make_user(django_user_model, "u_tech", "Технический специалист"),
        "Editors": make_user(django_user_model, "u_editor", "Editors"),
        "Moderators": make_user(django_user_model, "u_moder", "Moderators"),
        "nobody": make_user(django_user_model, "u_nobody"),
        "superuser": django_user_model.objects.create_superuser(
            "u_root", "r@x.org", "pw"
        ),
    }
    assert Group.objects.filter(name__in=["Editors", "Moderators"]).count() == 2
    return made


@pytest.mark.parametrize("group", GROUPS)
def test_read_matrix(client, users, account, group):
    note = Notification.objects.create()
    login(client, users[group])
    for view, allowed in MATRIX.items():
        response = client.get(url_for(view, account, note))
        expected = group == "superuser" or group in allowed
        assert (response.status_code == 200) == expected, (
            view,
            group,
            response.status_code,
        )
        assert SECRET.encode() not in response.content


@pytest.mark.parametrize("group", GROUPS)
def test_only_keeper_and_tech_can_set_credential(client, users, account, group):
    login(client, users[group])
    new = {"access_token": f"replaced-by-{group}-0000", "token_type": "community"}
    client.post(
        reverse("registry_set_credential", args=[account.pk]),
        new,
    )
    account.refresh_from_db()
    replaced = account.get_credential()["access_token"] == new["access_token"]
    assert replaced == (group in {"keeper", "tech", "superuser"})


@pytest.mark.parametrize("group", GROUPS)
def test_only_keeper_marks_notification_sent(
    client, users, account, group, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    note = Notification.objects.create()
    account.report_obligations.update(notification=note)
    login(client, users[group])
    client.post(
        reverse("registry_notification_sent", args=[note.pk]),
        {"outgoing_number": "7", "sent_on": "2026-03-03"},
    )
    note.refresh_from_db()
    assert (note.outgoing_number == "7") == (group in {"keeper", "superuser"})


def test_nobody_can_delete_an_account_row_except_superuser(users):
    for group in ["keeper", "tech"]:
        assert not users[group].has_perm("accounts_registry.delete_account")
