"""Pushing an account's description, avatar and cover to the network (order, clause 2.4).

Only where the API client offers it: the button is hidden otherwise. The client method is
``update_description(text)`` (VK ``groups.edit``); a network whose client lacks it, or an
account without a client, is "not supported". The registry's models sit below the API
clients (a client reads an account's credential); this service sits above them."""

from django.utils import timezone

from syndication.api import get_client
from syndication.api.base import Media
from syndication.networks import registry

from .credentials import scrub
from .history import record_event

APPLY_METHOD = "update_description"


def _client(account):
    try:
        return get_client(account)
    except Exception:  # no client for this network or no credential: not applicable
        return None


def _media_of(image):
    """A library image as the API clients upload it (``syndication.api.base.Media``)."""
    with image.open_file() as handle:
        content = handle.read()
    name = image.file.name.rsplit("/", 1)[-1]
    kind = "png" if name.lower().endswith(".png") else "jpeg"
    return Media(filename=name, content=content, content_type=f"image/{kind}")


def can_apply(account) -> bool:
    if not registry.get_spec(account.network).profile_design:
        return False
    if not account.has_credential:
        return False
    client = _client(account)
    return client is not None and callable(getattr(client, APPLY_METHOD, None))


def apply_design(version, user=None) -> None:
    """Push ``version``'s description; raises the client's errors for the view."""
    account = version.account
    client = _client(account)
    if client is None or not callable(getattr(client, APPLY_METHOD, None)):
        raise NotImplementedError(account.network)
    try:
        getattr(client, APPLY_METHOD)(version.description)
        # The avatar and the cover go too where the client can upload them (VK).
        for field, method in (("avatar", "update_avatar"), ("cover", "update_cover")):
            image = getattr(version, field)
            if image is not None and callable(getattr(client, method, None)):
                getattr(client, method)(_media_of(image))
    except Exception as exc:
        # The error text travels to the screen: make sure no secret rides along.
        raise RuntimeError(scrub(str(exc), account.get_credential())) from None
    version.applied_at = timezone.now()
    version.save(update_fields=["applied_at"])
    record_event(account, "design", {"applied_at": ["", str(version)]}, actor=user)
