"""Sandbox accounts for the demo (``load_demo``) and for tests and benchmarks: each
comes with a matching ``accounts_registry.Account`` whose credential works against the
sandbox."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import transaction

from accounts_registry.models import Account
from moderation.webhooks.setup import ensure_endpoint

from .models import (
    FACEBOOK,
    INSTAGRAM,
    LIVEJOURNAL,
    MAX,
    OK,
    TELEGRAM,
    TELEGRAPH,
    VK,
    WORDPRESS,
    SandboxAccount,
    SandboxFault,
)
from .networks.max import WEBHOOK_UPDATES

DEMO = [
    # network, external id, name, extra sandbox fields
    (VK, "100001", "Вестник области — ВКонтакте (песочница)", {"token_type": "user"}),
    (OK, "700000000001", "Вестник области — Одноклассники (песочница)", {}),
    (TELEGRAM, "@vestnik_sandbox", "Вестник области — Telegram (песочница)",
     {"linked_chat_id": -1002000000001}),
    # Facebook is a restricted network (accounts_registry/restricted.py): the account
    # exists in the sandbox, and publishing waits for the recorded switch to enable it.
    (FACEBOOK, "100000000000001", "Вестник области — Facebook (песочница)", {}),
    # Instagram is restricted too: publishing waits for the same recorded switch.
    (INSTAGRAM, "17841400000000001", "Вестник области — Instagram (песочница)", {}),
    # MAX: the external id is the channel's chat id, a negative int64 (§9.1).
    (MAX, "-70000000000001", "Вестник области — MAX (песочница)", {}),
    # LiveJournal: the journal's name; the password is made in create_account.
    (LIVEJOURNAL, "vestnik_sandbox", "Вестник области — LiveJournal (песочница)", {}),
    # WordPress: the blog's slug; the user's application password is made below.
    (WORDPRESS, "vestnik", "Вестник области — WordPress (песочница)", {}),
]  # fmt: skip


def _new_token(network: str) -> str:
    if network == TELEGRAM:
        return f"{secrets.randbelow(9 * 10**9) + 10**9}:{secrets.token_urlsafe(26)}"
    return secrets.token_urlsafe(48)


def credential_for(sandbox: SandboxAccount) -> dict:
    """The credential JSON of the registry (contracts.md) for a sandbox account."""
    if sandbox.network == VK:
        return {
            "access_token": sandbox.token,
            "token_type": sandbox.token_type or "user",
        }
    if sandbox.network == OK:
        return {
            "application_key": sandbox.application_key,
            "application_secret_key": sandbox.application_secret_key,
            "access_token": sandbox.token,
        }
    if sandbox.network == TELEGRAPH:
        return {"access_token": sandbox.token, "short_name": sandbox.external_id}
    if sandbox.network == INSTAGRAM:
        return {"access_token": sandbox.token, "ig_user_id": sandbox.external_id}
    if sandbox.network == FACEBOOK:
        return {"page_access_token": sandbox.token}
    if sandbox.network == WORDPRESS:  # Basic auth with the application password
        credential = {
            "site_url": sandbox.extra.get("site_url")
            or f"{site_url()}/sandbox/wordpress/{sandbox.external_id}",
            "username": sandbox.extra.get("username", ""),
            "application_password": sandbox.extra.get("application_password", ""),
        }
        if sandbox.extra.get("categories"):
            credential["categories"] = sandbox.extra["categories"]
        return credential
    if sandbox.network == LIVEJOURNAL:  # challenge-response checks this password
        return {
            "username": sandbox.extra.get("username") or sandbox.external_id,
            "password": sandbox.extra.get("password", ""),
        }
    return {"bot_token": sandbox.token}


@transaction.atomic
def create_account(network: str, external_id: str, name: str, **extra) -> Account:
    """Create (or reuse) a sandbox account and its registry account, idempotently:
    an existing sandbox token is kept and written into the registry credential."""
    defaults = {"name": name, "token": _new_token(network), **extra}
    if network == OK:
        defaults.setdefault("application_key", "CBA" + secrets.token_hex(6).upper())
        defaults.setdefault("application_secret_key", secrets.token_hex(16).upper())
    if network == VK:
        defaults.setdefault("token_type", "community")
    if network == LIVEJOURNAL:
        defaults["extra"] = {"password": secrets.token_urlsafe(18),
                             **defaults.get("extra", {})}  # fmt: skip
    if network == WORDPRESS:  # 24 characters, shown in groups of four as WP does
        password = "".join(secrets.choice("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(24))  # fmt: skip
        defaults["extra"] = {
            "username": "vestnik", "user_id": 1,
            "application_password": " ".join(password[i : i + 4] for i in range(0, 24, 4)),
            **defaults.get("extra", {}),
        }  # fmt: skip
    sandbox, _ = SandboxAccount.objects.get_or_create(
        network=network, external_id=external_id, defaults=defaults
    )
    account, _ = Account.objects.get_or_create(
        network=network, external_id=external_id, defaults={"name": name}
    )
    if account.get_credential() != credential_for(sandbox):
        account.set_credential(credential_for(sandbox))
        account.save()
    return account


def site_url() -> str:
    """Where Vestnik answers (``make run`` sets VESTNIK_SITE_URL for the web server)."""
    url = getattr(settings, "VESTNIK_SITE_URL", "") or getattr(
        settings, "WAGTAILADMIN_BASE_URL", ""
    )
    return (url or "http://127.0.0.1:8000").rstrip("/")


def connect_to_vestnik(account: Account, base_url: str | None = None) -> None:
    """Point the sandbox account's pushes at Vestnik's moderation webhook, as an
    administrator would: VK — a Callback API server with a secret key, whose
    confirmation code Vestnik is given; Telegram — ``setWebhook`` with a
    ``secret_token``. OK pushes nothing (polled). Idempotent: secrets are kept."""
    if account.network not in (VK, TELEGRAM, MAX):
        return
    sandbox = SandboxAccount.objects.get(
        network=account.network, external_id=account.external_id
    )
    sandbox.callback_secret = sandbox.callback_secret or secrets.token_urlsafe(24)
    if account.network == VK:
        sandbox.callback_code = sandbox.callback_code or secrets.token_hex(4)
    path = ensure_endpoint(
        account, secret=sandbox.callback_secret, confirmation_code=sandbox.callback_code
    )
    sandbox.callback_url = f"{(base_url or site_url()).rstrip('/')}{path}"
    sandbox.save(update_fields=["callback_url", "callback_secret", "callback_code"])
    if account.network == MAX:  # as POST /subscriptions with these update_types
        sandbox.extra = {**sandbox.extra, "update_types": list(WEBHOOK_UPDATES)}
        sandbox.save(update_fields=["extra"])


def ensure_demo_accounts() -> list[Account]:
    """One sandbox account per network (VK, OK, Telegram) with working credentials,
    VK and Telegram pushing comments to the moderation inbox."""
    accounts = [create_account(n, ext, name, **extra) for n, ext, name, extra in DEMO]
    for account in accounts:
        connect_to_vestnik(account)
    return accounts


def lose_next_answer(network: str, method: str) -> None:
    """The network's next ``method`` call is carried out and its answer lost (a 502
    with an empty body), on the demo account of that network."""
    external_id = next(ext for n, ext, _name, _extra in DEMO if n == network)
    sandbox = SandboxAccount.objects.get(network=network, external_id=external_id)
    SandboxFault.objects.get_or_create(
        network=network,
        account=sandbox,
        kind=SandboxFault.HTTP_502_AFTER,
        method=method,
        defaults={"remaining": 1},
    )
