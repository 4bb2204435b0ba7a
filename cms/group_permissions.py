"""Permissions given to the press office's groups (``cms/roles.py``), kept in step after
every migrate: each app names what it grants to which group (``<app>/groups.py``) and
connects its ``ensure_groups`` to ``post_migrate``. A fresh database gets them on its
first migrate, an existing one on its next, without a data migration: the permissions
of every app exist only after the last app's migrate, which is when this acts."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth.models import Group, Permission


def after_last_app(sender) -> bool:
    """post_migrate is sent once per app; act once, after the last one (and when
    called directly, ``sender`` None)."""
    return sender is None or sender is list(apps.get_app_configs())[-1]


def grant(group_permissions: dict[str, list[str]]) -> None:
    """Create each group by name and add its ``app_label.codename`` permissions;
    one not installed (yet) is skipped. Never takes a permission away."""
    for name, codes in group_permissions.items():
        group, _created = Group.objects.get_or_create(name=name)
        for code in codes:
            app_label, codename = code.split(".")
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                group.permissions.add(permission)
