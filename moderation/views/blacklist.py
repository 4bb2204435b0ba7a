"""The blacklist of one account: bans, lifting them, syncing with the network."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts_registry.models import Account
from accounts_registry.networks import Network

from .. import actions
from ..models import Ban
from ..permissions import moderator_required
from ..sync import sync_bans


def _int_or_none(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@moderator_required
def blacklist(request, account_id: int | None = None):
    """Every active ban across the accounts, filtered by account and network."""
    accounts = list(Account.objects.order_by("network", "name"))
    account = None
    chosen = account_id or _int_or_none(request.GET.get("account"))
    if chosen is not None:
        account = get_object_or_404(Account, pk=chosen)
    network = request.GET.get("network", "")
    if network not in Network.values:
        network = ""
    bans = Ban.objects.filter(active=True).select_related("account")
    if account is not None:
        bans = bans.filter(account=account)
    if network:
        bans = bans.filter(account__network=network)
    context = {
        "accounts": accounts,
        "account": account,
        "network": network,
        "networks": [
            (c, n) for c, n in Network.choices if any(a.network == c for a in accounts)
        ],  # fmt: skip
        "filtered": account is not None or bool(network),
        "bans": bans.order_by("-created_at")[:500],
        "page_title": _("Blacklist"),
    }
    return render(request, "moderation/blacklist.html", context)


@require_POST
@moderator_required
def lift(request, pk: int):
    ban = get_object_or_404(Ban.objects.select_related("account"), pk=pk)
    done = actions.perform("unban", account=ban.account, user=request.user,
                           author_id=ban.author_id)  # fmt: skip
    if done.confirmed:
        messages.success(request, _("The ban is lifted."))
    else:
        messages.error(request, _("The network did not confirm: %(error)s")
                       % {"error": done.error})  # fmt: skip
    return redirect("moderation_blacklist")


@require_POST
@moderator_required
def sync(request, account_id: int):
    account = get_object_or_404(Account, pk=account_id)
    result = sync_bans(account)
    if result is None:
        messages.warning(request, _("This network cannot list its bans."))
    else:
        messages.success(
            request, _("Synced: %(n)d bans in the network.") % {"n": result}
        )
    return redirect("moderation_blacklist_account", account_id=account.pk)
