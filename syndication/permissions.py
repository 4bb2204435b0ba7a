"""Who may do what with a piece's posts: one place, read by the views (which refuse)
and by the templates (which show a button only to whom the view will obey).

Anything that changes what the public sees needs a publishing right:

* planning the deliveries of a live page now, and deleting its posts from the
  networks, need the right to publish that page (Wagtail's page permission);
* resending, cancelling, moving (rescheduling) and settling a delivery by hand need
  ``syndication.change_delivery`` (the chief editor and the technical officer);
* choosing the accounts, the time and the own texts of a piece needs the right to
  edit it: nothing goes out until someone with the right to publish publishes it.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

CHANGE_DELIVERY = "syndication.change_delivery"
VIEW_DELIVERY = "syndication.view_delivery"


def page_permissions(user, page):
    return page.permissions_for_user(user)


def can_choose(user, page) -> bool:
    return page_permissions(user, page).can_edit()


def can_publish_posts(user, page) -> bool:
    """Plan the deliveries of a live page, or delete its posts from the networks."""
    return page_permissions(user, page).can_publish()


def can_act_on_deliveries(user) -> bool:
    """Resend, cancel, move, mark as sent after a check."""
    return user.has_perm(CHANGE_DELIVERY)


def can_view_deliveries(user) -> bool:
    return user.has_perm(VIEW_DELIVERY)


def reads_network_answers(user) -> bool:
    """The network's own words («[telegram] Unauthorized», the request as sent) are the
    technician's reading; everyone else reads Vestnik's explanation (issue 17)."""
    return user.has_perm("accounts_registry.set_credential")


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied
