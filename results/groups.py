"""Who reads the results, kept in step after every migrate like the registry's groups.

The chief editor reports to management each month and reads them too; «Руководство»
reads them and nothing else: the admin (to log in) and the results, no right to change
a page, an account, a credential or a comment."""

from cms import roles
from cms.group_permissions import after_last_app, grant

from .permissions import PERMISSION

GROUP_PERMISSIONS = {
    roles.CHIEF_EDITOR: [PERMISSION],
    roles.MANAGEMENT: ["wagtailadmin.access_admin", PERMISSION],
}


def ensure_groups(sender=None, **kwargs) -> None:
    if after_last_app(sender):
        grant(GROUP_PERMISSIONS)
