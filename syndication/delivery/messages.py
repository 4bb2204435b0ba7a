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
ORIGIN_IDS_UNKNOWN = _(
    "The original post was marked as sent by a person, so Vestnik does not know its "
    "number on the network; change or delete it there by hand."
)
OUTCOME_UNKNOWN = _(
    "The request may have reached the network, but no answer came. Check the account "
    "for the post, then either mark the delivery as sent or retry it."
)
WILL_CHECK = _(
    "The request may have reached the network, but no answer came; before sending "
    "again, Vestnik will look for the post on the network: {error}"
)
FOUND_AFTER_CHECK = _(
    "No answer came to the first request, but the post was found on the network; it "
    "was not sent again."
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
CANNOT_DELETE = _(
    "The network cannot delete posts, so this one stays there; remove it by hand if "
    "it must go."
)
PAGE_BEING_CREATED = _(
    "Another process is creating the Telegraph page of this post; the post waits for it."
)
PAGE_RETRY = _("The Telegraph page could not be created yet; will retry: {error}")
PAGE_NOT_CREATED = _(
    "The Telegraph page could not be created, so «Read in full» leads to the piece on "
    "the site."
)
PAGE_MAY_EXIST = _(
    "The Telegraph page may have been created, but no answer came; «Read in full» leads "
    "to the piece on the site. Check the Telegraph account for a page to delete or "
    "link by hand."
)
PAGE_NOT_UPDATED = _(
    "The Telegraph page could not be updated; the post links to it as it was."
)
PAGE_NOT_WITHDRAWN = _(
    "The post is deleted, but its Telegraph page {url} still shows the text: {error}"
)
