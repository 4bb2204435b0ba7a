"""The registry's two groups and their permissions, kept in step after every migrate.

A keeper keeps the register and the reports; a technical officer maintains the accounts
(credentials, access, design) but does not file reports. Only these two groups (and
superusers) can set or replace a credential; nobody can delete an account row — the
register keeps deleted accounts with status "deleted"."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission

from .conf import KEEPER_GROUP, TECH_GROUP

COMMON = [
    "wagtailadmin.access_admin",
    "accounts_registry.view_account",
    "accounts_registry.change_account",
    "accounts_registry.set_credential",
    "accounts_registry.view_accountchange",
    "accounts_registry.add_accessgrant",
    "accounts_registry.change_accessgrant",
    "accounts_registry.delete_accessgrant",
    "accounts_registry.view_accessgrant",
    "accounts_registry.add_designversion",
    "accounts_registry.view_designversion",
    "accounts_registry.view_restrictednetworkdecision",
]
GROUP_PERMISSIONS = {
    KEEPER_GROUP: [
        *COMMON,
        "accounts_registry.add_account",
        "accounts_registry.view_reportobligation",
        "accounts_registry.change_reportobligation",
        "accounts_registry.add_notification",
        "accounts_registry.change_notification",
        "accounts_registry.view_notification",
        "accounts_registry.add_restrictednetworkdecision",
        # The letter's sender, addressee, signatory and executor (Settings menu).
        "accounts_registry.change_letterrequisites",
    ],
    TECH_GROUP: COMMON,
}


def ensure_groups(sender=None, **kwargs) -> None:
    # post_migrate is sent once per app; the permissions of every app exist only after
    # the last one, so act then (and once, not 40 times per migrate or test flush).
    if sender is not None and sender is not list(apps.get_app_configs())[-1]:
        return

    for name, codes in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for code in codes:
            app_label, codename = code.split(".")
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                group.permissions.add(permission)
