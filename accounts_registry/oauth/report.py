"""What the technician is told right after «Подключить через …»: the new token is tried
at once with a real call to the network (the registry's check: VK ``groups.getById``,
OK ``group.getInfo``, the Facebook Page, the Instagram account), and the rights it
carries are named, with those missing.

The rights are the token's ``scope`` when the network states it (VK ID does; RFC 6749
§3.3 requires it when fewer were granted than asked); a network that says nothing
granted what its consent page asked."""

from __future__ import annotations

from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oauthlib.oauth2.rfc6749.utils import scope_to_list

from syndication.networks import registry

from ..health import check_account

RIGHTS = {
    "wall": gettext_lazy("posting on the community's wall"),
    "groups": gettext_lazy("managing the community"),
    "photos": gettext_lazy("uploading photos"),
    "video": gettext_lazy("uploading videos"),
    "VALUABLE_ACCESS": gettext_lazy("the group's methods"),
    "LONG_ACCESS_TOKEN": gettext_lazy("access without asking again"),
    "GROUP_CONTENT": gettext_lazy("posting in the group"),
    "PHOTO_CONTENT": gettext_lazy("uploading photos"),
    "pages_show_list": gettext_lazy("the list of Pages"),
    "pages_manage_posts": gettext_lazy("posting on the Page"),
    "pages_read_engagement": gettext_lazy("reading comments and reactions"),
    "instagram_basic": gettext_lazy("the Instagram profile"),
    "instagram_content_publish": gettext_lazy("posting on Instagram"),
    "instagram_manage_comments": gettext_lazy("moderating comments"),
}


def granted_scopes(token: dict, asked: list[str]) -> list[str]:
    if token.get("scope"):
        return scope_to_list(token["scope"])
    return list(asked)


def _words(scopes) -> str:
    return ", ".join(str(RIGHTS.get(s, s)) for s in scopes)


def connection_report(account, asked: list[str], token: dict) -> tuple[int, str]:
    """(message level, text in Russian) of a fresh connection."""
    granted = granted_scopes(token, asked)
    missing = [s for s in asked if s not in granted]
    result = check_account(account)
    network = registry.name_of(account.network)
    if result.ok:
        name = result.info.get("name") or account.name
        said = _(
            "The token is checked with a call to %(network)s: «%(name)s» is reachable."
        ) % {"network": network, "name": name}
    else:
        said = _(
            "The token is saved, but the test call to %(network)s failed: %(error)s "
            "Make sure «%(account)s» (%(id)s) was the one chosen on the network's "
            "page, then connect again."
        ) % {
            "network": network,
            "error": result.message.rstrip(".") + ".",
            "account": account.name,
            "id": account.external_id,
        }
    parts = [said]
    if granted:
        parts.append(_("Rights: %(rights)s.") % {"rights": _words(granted)})
    if missing:
        parts.append(
            _(
                "Missing: %(rights)s — connect again and allow them on the "
                "network's page."
            )
            % {"rights": _words(missing)}
        )
    if not result.ok:
        level = messages.ERROR
    elif missing:
        level = messages.WARNING
    else:
        level = messages.SUCCESS
    return level, " ".join(parts)
