"""The health check (order, clause 1.3.1): call a cheap read method of the network with the
account's credential and record OK or the exact error, scrubbed of any secret."""

import logging
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from syndication.api import get_client
from syndication.networks import registry

from .credentials import scrub
from .expiry import expiry_words
from .restricted import is_blocked
from .token_health import renews_itself

logger = logging.getLogger(__name__)


@dataclass
class CheckResult:
    account_id: int
    ok: bool
    message: str
    # What the network said of the account (its name, id) when the call answered.
    info: dict = field(default_factory=dict)


BLOCKED = _(
    "The network is blocked: enable it in «Blocked networks» to check this account."
)


def _get_client(account):
    return get_client(account)


def _refusal(account, info: dict) -> str:
    """check_token answered but says the credential cannot do the job."""
    if registry.get_spec(account.network).bot_admin:
        return _(
            "The bot is not an administrator of the channel with the right to post "
            "(status: %(status)s)."
        ) % {"status": info.get("status") or "—"}
    return _("The token works but lacks the rights to publish.")


def check_account(account, get_client=None) -> CheckResult:
    if is_blocked(account.network):
        # Contacting a blocked network is what the switch forbids; the stored state
        # stays as it was.
        return CheckResult(account.pk, False, str(BLOCKED))
    get_client = get_client or _get_client
    credential = account.get_credential() if account.has_credential else {}
    info = {}
    if not credential:
        ok, message = False, _("No credential is set.")
    else:
        try:
            info = get_client(account).check_token() or {}
        except Exception as exc:
            ok = False
            message = f"{type(exc).__name__}: {scrub(str(exc), credential)}"
            if type(exc).__name__ == "AuthError":
                message = _(
                    "The token is expired or revoked: reconnect the account. (%s)"
                ) % scrub(str(exc), credential)
            revoked = type(exc).__name__ == "AuthError"
        else:
            revoked = False
            ok = not (isinstance(info, dict) and info.get("ok") is False)
            message = _("OK") if ok else _refusal(account, info)
            if isinstance(info, dict) and info.get("subscribers") is not None:
                account.subscribers = int(info["subscribers"])
                account.subscribers_synced_at = timezone.now()
            # A token that renews itself (OAuth with a refresh token: the VK ID hour,
            # OK's half hour) is not a problem for its short life.
            if account.credential_expires_soon and not renews_itself(account):
                expires = account.credential_expires_at
                message = _("OK, but the token %(expiry)s (%(date)s)") % {
                    "expiry": expiry_words(expires),
                    "date": timezone.localtime(expires).strftime("%d.%m.%Y %H:%M"),
                }
                ok = False
    if ok:
        account.health = account.Health.OK
    elif credential and revoked:
        account.health = account.Health.REVOKED
    else:
        account.health = account.Health.ERROR
    account.health_checked_at = timezone.now()
    account.health_message = message
    # A check is not an edit by a person: only the outcome changes, no history line
    # unless the state flips (handled by the save's diff of "health").
    account.save()
    logger.info("registry check account=%s ok=%s", account.pk, ok)
    return CheckResult(account.pk, ok, message, info if isinstance(info, dict) else {})


def check_accounts(accounts, get_client=None) -> list[CheckResult]:
    return [check_account(account, get_client) for account in accounts]
