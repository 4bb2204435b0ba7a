"""The blacklist of one account: bans, lifting them, syncing with the network."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts_registry.models import Account

from .. import actions
from ..models import Ban
from ..permissions import moderator_required
from ..sync import sync_bans


@moderator_required
def blacklist(request, account_id: int | None = None):
    accounts = Account.objects.order_by("network", "name")
    account = None
    if account_id is not None:
        account = get_object_or_404(Account, pk=account_id)
    elif accounts:
        account = accounts[0]
    bans = Ban.objects.none()
    if account is not None:
        bans = Ban.objects.filter(account=account, active=True).order_by("-created_at")
    context = {
        "accounts": accounts,
        "account": account,
        "bans": bans,
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
    return redirect("moderation_blacklist_account", account_id=ban.account_id)


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
