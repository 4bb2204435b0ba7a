"""What the moderation app grants to groups outside its own (``cms/group_permissions.py``):
the technician looks after the webhooks (journeys.md, «Денис»: tokens, connections,
what failed), so «Технический специалист» reads and edits the webhook settings (the
secret, the confirmation code, on/off). Adding and deleting an account's settings stay
with the administrators; the moderators never see the secrets. The moderators' own
groups are made by the data migrations (``defaults.py``)."""

from cms import roles
from cms.group_permissions import after_last_app, grant

GROUP_PERMISSIONS = {
    roles.TECHNICAL_OFFICER: [
        "moderation.view_webhookendpoint",
        "moderation.change_webhookendpoint",
    ],
}


def ensure_groups(sender=None, **kwargs) -> None:
    if after_last_app(sender):
        grant(GROUP_PERMISSIONS)
