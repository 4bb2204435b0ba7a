"""The registry's two groups and their permissions, kept in step after every migrate.

A keeper keeps the register and the reports; a technical officer maintains the accounts
(credentials, access, design) but does not file reports. Only these two groups (and
superusers) can set or replace a credential; nobody can delete an account row — the
register keeps deleted accounts with status "deleted"."""

from cms.group_permissions import after_last_app, grant

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
    if after_last_app(sender):
        grant(GROUP_PERMISSIONS)
