"""The results are read by the chief editor (who reports to management each month):
his group is given the permission after every migrate, like the registry's groups."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission

from cms import roles

from .permissions import PERMISSION

READERS = (roles.CHIEF_EDITOR,)


def ensure_groups(sender=None, **kwargs) -> None:
    # post_migrate is sent once per app; permissions exist only after the last one.
    if sender is not None and sender is not list(apps.get_app_configs())[-1]:
        return
    app_label, codename = PERMISSION.split(".")
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    if permission is None:
        return
    for name in READERS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(permission)
