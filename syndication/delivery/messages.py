"""Texts that editors read in the delivery log (English msgids, Russian in locale/)."""

from django.utils.translation import gettext_lazy as _

RECONNECT = _("Reconnect the account: the network rejected its token.")
CANNOT_EDIT = _(
    "The network cannot edit published posts; the post stays as it was first sent."
)
NETWORK_BLOCKED = _(
    "The network is blocked (Facebook and Instagram are off until enabled in the "
    "registry's «Blocked networks»), so nothing was sent."
)
ORIGIN_NOT_SENT = _("The original post was not sent, so there is nothing to change.")
OUTCOME_UNKNOWN = _(
    "The request may have reached the network, but no answer came. Check the account "
    "for the post, then either mark the delivery as sent or retry it."
)
WORKER_LOST = _(
    "The sending process stopped in the middle of the request. Check the account for "
    "the post, then either mark the delivery as sent or retry it."
)
TOO_MANY_ATTEMPTS = _("Gave up after {count} attempts: {error}")
RENDER_FAILED = _("The piece could not be prepared for this network: {error}")
UNEXPECTED = _("Unexpected error during the request: {error}")
PAGE_NOT_LIVE = _("The page is no longer published.")
SENT_IN_PART = _(
    "Only part of the post was sent (messages {ids}); the rest failed. Check the "
    "account, then finish the post by hand or mark the delivery as sent."
)
