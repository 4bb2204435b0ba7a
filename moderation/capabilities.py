"""What a moderator may do to an item, read from its network's spec.

The desk never branches on a network's name: each network's ``NetworkSpec.moderation``
(syndication/networks/registry.py) says which of reply, hide, delete, ban and unban it
can do, and this module turns that into the buttons, the hotkeys, the bulk bar, the
rules' checks and a Russian sentence for what cannot be done. ``actions.perform`` asks
the same question before any network call, so nothing reaches a client that the spec
does not promise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy

from syndication.networks.registry import Action, all_specs, get_spec


@dataclass(frozen=True)
class DeskAction:
    """One button of the desk."""

    code: str  # posted by the forms, the hotkeys' target
    label: Any
    key: str  # the hotkey ("" for none)
    needs: Action | None  # what the network must be able to do; None: inbox only
    on_messages: bool  # possible on a private message
    undoable: bool = False  # sent only when the undo window ends


DESK_ACTIONS = (
    DeskAction("take", gettext_lazy("Take into work"), "t", None, True),
    DeskAction("keep", gettext_lazy("Keep"), "o", None, True),
    DeskAction("hide", gettext_lazy("Hide"), "h", Action.HIDE, False),
    DeskAction(
        "delete",
        pgettext_lazy("moderation action", "Delete"),
        "d",
        Action.DELETE,
        False,
        undoable=True,
    ),
    DeskAction("ban", gettext_lazy("Blacklist"), "b", Action.BAN, True, undoable=True),
    DeskAction("reply", gettext_lazy("Reply"), "r", Action.REPLY, False),
)
BY_CODE = {action.code: action for action in DESK_ACTIONS}
UNDOABLE = frozenset(a.code for a in DESK_ACTIONS if a.undoable)


# Networks whose Russian name is a plural noun («Одноклассники»): the verb agrees
# with it («Одноклассники не позволяют …»), so their sentences have their own context.
PLURAL_NAMES = frozenset({"ok"})


def _cannot(network: str, network_name, needed: str) -> str:
    """«ВКонтакте не позволяет …», «Одноклассники не позволяют …» for one capability."""
    if network in PLURAL_NAMES:
        sentences = {
            Action.REPLY: pgettext(
                "plural network", "%(network)s do not let us reply to comments."
            ),
            Action.HIDE: pgettext(
                "plural network",
                "%(network)s cannot hide a comment: delete it or keep it instead.",
            ),
            Action.UNHIDE: pgettext(
                "plural network", "%(network)s cannot show a hidden comment again."
            ),
            Action.DELETE: pgettext(
                "plural network", "%(network)s do not let us delete comments."
            ),
            Action.BAN: pgettext(
                "plural network", "%(network)s have no blacklist of the community."
            ),
            Action.UNBAN: pgettext(
                "plural network", "%(network)s do not let us lift a ban."
            ),
            Action.EDIT: pgettext(
                "plural network", "%(network)s do not let us edit our reply."
            ),
        }
        return sentences[needed] % {"network": network_name}
    sentences = {
        Action.REPLY: _("%(network)s does not let us reply to comments."),
        Action.HIDE: _(
            "%(network)s cannot hide a comment: delete it or keep it instead."
        ),
        Action.UNHIDE: _("%(network)s cannot show a hidden comment again."),
        Action.DELETE: _("%(network)s does not let us delete comments."),
        Action.BAN: _("%(network)s has no blacklist of the community."),
        Action.UNBAN: _("%(network)s does not let us lift a ban."),
        Action.EDIT: _("%(network)s does not let us edit our reply."),
    }
    return sentences[needed] % {"network": network_name}


def network_refusal(network: str, needed: str) -> str:
    """Why ``network`` cannot do ``needed`` (an ``Action``), or "" when it can."""
    try:
        spec = get_spec(network)
    except LookupError:
        return _("This network is not known to Vestnik.")
    if spec.supports(needed):
        return ""
    return _cannot(network, spec.name, needed)


def refusal(item, code: str) -> str:
    """Why ``code`` cannot be done to ``item``, in Russian; "" when it can."""
    action = BY_CODE.get(code)
    if action is None:
        return _("Unknown action.")
    if item.kind == "message" and not action.on_messages:
        return _(
            "A private message can only be kept or its author blacklisted: "
            "the network has no such action for messages."
        )
    if action.needs is None:
        return ""
    return network_refusal(item.network, action.needs)


def allowed(item) -> list[DeskAction]:
    """The desk's actions ``item`` allows, in the order of the buttons."""
    return [a for a in DESK_ACTIONS if not refusal(item, a.code)]


def refusals(item) -> dict[str, str]:
    """``{code: reason}`` for the actions ``item`` does not allow (for the hotkeys)."""
    found = {}
    for action in DESK_ACTIONS:
        reason = refusal(item, action.code)
        if reason:
            found[action.code] = reason
    return found


def offered_for_networks(networks) -> list[DeskAction]:
    """Actions at least one of ``networks`` allows on a comment (the bulk bar)."""
    specs = []
    for code in set(networks):
        try:
            specs.append(get_spec(code))
        except LookupError:
            continue
    return [
        a
        for a in DESK_ACTIONS
        if a.code != "reply"
        and (a.needs is None or any(spec.supports(a.needs) for spec in specs))
    ]


def networks_that(needed: str) -> list[str]:
    """Display names of the networks that can do ``needed`` (for the rule form)."""
    return [str(spec.name) for spec in all_specs() if spec.supports(needed)]


__all__ = [
    "BY_CODE",
    "DESK_ACTIONS",
    "UNDOABLE",
    "DeskAction",
    "allowed",
    "network_refusal",
    "offered_for_networks",
    "refusal",
    "refusals",
]
