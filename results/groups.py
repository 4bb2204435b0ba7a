"""Who reads the results, kept in step after every migrate like the registry's groups.

The chief editor reports to management each month and reads them too; «Руководство»
reads them and nothing else: the admin (to log in) and the results, no right to change
a page, an account, a credential or a comment."""

from django.apps import apps
from django.contrib.auth.models import Group, Permission

from cms import roles

from .permissions import PERMISSION

GROUP_PERMISSIONS = {
    roles.CHIEF_EDITOR: [PERMISSION],
    roles.MANAGEMENT: ["wagtailadmin.access_admin", PERMISSION],
}


def ensure_groups(sender=None, **kwargs) -> None:
    # post_migrate is sent once per app; permissions exist only after the last one.
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
