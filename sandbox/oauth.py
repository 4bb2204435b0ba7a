"""The sandbox's OAuth endpoints (VK ID with PKCE, OK, Facebook, Instagram), so that the connect
buttons work end to end without a real network. Codes live in Django's cache for their two
minutes; an access or refresh token issued for a VK or OK community is kept on that
community's ``SandboxAccount`` (``extra["oauth_tokens"]``, ``extra["oauth_refresh"]``), so
the network emulators accept it in any process, as long as the sandbox's database lives.

The authorize page asks, like the networks do, whether the app may have the access it
names and, for VK and OK, for which community; «Отмена» answers ``error=access_denied``."""

import base64
import hashlib
import secrets
import time
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from .models import SandboxAccount

CODE_TTL = 120  # OK documents 2 minutes for a code
CLIENTS = {
    "vk": ("sandbox-vk", None),
    "ok": ("sandbox-ok", "sandbox-ok-secret"),
    "facebook": ("sandbox-facebook", "sandbox-facebook-secret"),
    "instagram": ("sandbox-instagram", "sandbox-instagram-secret"),
}
LIFETIME = {"vk": 3600, "ok": 1800, "facebook": 3600, "instagram": 3600}
# Both log in through Facebook Login, which swaps a short token for a long-lived one.
META = ("facebook", "instagram")
# The OK application the OAuth client stands for: a token it issued is signed with the
# client secret and sent with this application key (accounts_registry's OK provider).
OK_APPLICATION_KEY = "sandbox-ok-key"
# Where the user picks the community the token acts for.
COMMUNITY_NETWORKS = ("vk", "ok")
KEEP = 5  # tokens remembered per community: a few reconnects and refreshes
SCOPES = {
    "wall": _("publish and delete posts on the community's wall"),
    "groups": _("manage the community"),
    "photos": _("upload photos"),
    "video": _("upload videos"),
    "VALUABLE_ACCESS": _("use the group's methods on your behalf"),
    "LONG_ACCESS_TOKEN": _("keep access without asking again"),
    "GROUP_CONTENT": _("publish in the group"),
    "PHOTO_CONTENT": _("upload photos"),
    "pages_show_list": _("see the Pages you manage"),
    "pages_manage_posts": _("publish on the Page"),
    "pages_read_engagement": _("read comments and reactions"),
    "instagram_basic": _("see the Instagram profile"),
    "instagram_content_publish": _("publish on Instagram"),
    "instagram_manage_comments": _("read and moderate comments"),
}
APP_NAME = _("Vestnik")


def remember(
    account: SandboxAccount, key: str, token: str, lifetime: int | None = None
) -> None:
    """Keep a token the OAuth issued on the community it acts for (the last few only)
    and, for a token that expires, when it does (``extra["oauth_expiry"]``, epoch s)."""
    extra = dict(account.extra or {})
    extra[key] = [*extra.get(key, []), token][-KEEP:]
    if lifetime:
        expiry = {**extra.get("oauth_expiry", {}), token: time.time() + lifetime}
        kept = set(extra.get("oauth_tokens", []))
        extra["oauth_expiry"] = {t: at for t, at in expiry.items() if t in kept}
    account.extra = extra
    account.save(update_fields=["extra"])


def expired(account: SandboxAccount, token: str) -> bool:
    """An OAuth token past its ``expires_in``: the network answers «expired»."""
    at = (account.extra or {}).get("oauth_expiry", {}).get(token)
    return at is not None and at <= time.time()


def account_for(network: str, token: str, key: str = "oauth_tokens"):
    """The community an OAuth-issued token acts for, or None. A scan rather than a JSON
    lookup (SQLite): the sandbox has a few communities per network at most."""
    if not token:
        return None
    for account in SandboxAccount.objects.filter(network=network):
        if token in (account.extra or {}).get(key, []):
            return account
    return None


def _error(message: str, status=400, code="invalid_request"):
    return JsonResponse({"error": code, "error_description": message}, status=status)


def _new(prefix: str) -> str:
    return f"{prefix}{secrets.token_urlsafe(24)}"


def _back(redirect_uri: str, params: dict) -> HttpResponseRedirect:
    separator = "&" if "?" in redirect_uri else "?"
    return HttpResponseRedirect(redirect_uri + separator + urlencode(params))


def _scopes(network: str, raw: str) -> list:
    names = [s for s in raw.replace(";", " ").replace(",", " ").split() if s]
    return [SCOPES.get(name, name) for name in names]


# The consent form posts back to the network's own page, as on the real sites; the
# sandbox has no session of its own to protect with Django's CSRF token.
@csrf_exempt
def authorize(request, network):
    q = request.GET
    client_id, _secret = CLIENTS[network]
    if q.get("client_id") != client_id or not q.get("redirect_uri"):
        return _error("unknown client_id or no redirect_uri")
    if network == "vk" and (
        q.get("code_challenge_method", "").upper() != "S256"
        or not q.get("code_challenge")
    ):
        return _error("VK ID requires PKCE (S256)")
    communities = (
        list(SandboxAccount.objects.filter(network=network))
        if network in COMMUNITY_NETWORKS
        else []
    )
    allow = request.method == "POST" and request.POST.get("decision") == "allow"
    wanted = request.POST.get("community", "")
    chosen = next((c for c in communities if str(c.pk) == wanted), None)
    missing = allow and bool(communities) and chosen is None
    if request.method != "POST" or missing:
        return render(
            request,
            "sandbox/oauth_consent.html",
            {
                "app_name": APP_NAME,
                "network": network,
                "scopes": _scopes(network, q.get("scope", "")),
                "communities": communities,
                "choose": network in COMMUNITY_NETWORKS,
                "missing": missing,
            },
            status=400 if missing else 200,
        )
    if not allow:
        return _back(
            q["redirect_uri"],
            {
                "error": "access_denied",
                "error_description": "User denied your request",
                "state": q.get("state", ""),
            },
        )
    code = _new("code-")
    cache.set(
        f"sandbox-oauth:code:{code}",
        {
            "network": network,
            "redirect_uri": q["redirect_uri"],
            "challenge": q.get("code_challenge", ""),
            "account": chosen.pk if chosen else None,
        },
        CODE_TTL,
    )
    params = {"code": code, "state": q.get("state", "")}
    if network == "vk":
        params["device_id"] = "sandbox-device"
    return _back(q["redirect_uri"], params)


def _issue(network: str, account_pk: int | None = None) -> dict:
    prefix = {
        "vk": "vk2.a.sandbox-",
        "ok": "ok-sandbox-",
        "facebook": "EAAB-sandbox-",
        "instagram": "EAAB-ig-sandbox-",
    }
    token = {
        "access_token": _new(prefix[network]),
        "token_type": "bearer",
        "expires_in": LIFETIME[network],
    }
    account = SandboxAccount.objects.filter(network=network, pk=account_pk).first()
    if network in COMMUNITY_NETWORKS:
        token["refresh_token"] = _new("refresh-")
        if account is not None:
            remember(account, "oauth_tokens", token["access_token"], LIFETIME[network])
            remember(account, "oauth_refresh", token["refresh_token"])
        else:  # no community in the sandbox: a token for nothing, as before
            cache.set(f"sandbox-oauth:refresh:{token['refresh_token']}", network, 86400)
    if network == "vk":
        token.update(user_id=1000001, device_id="sandbox-device")
    cache.set(f"sandbox-oauth:token:{token['access_token']}", network, 86400)
    return token


def _params(request):
    return request.POST if request.method == "POST" else request.GET


@csrf_exempt
def token(request, network):
    p = _params(request)
    client_id, secret = CLIENTS[network]
    if p.get("client_id") != client_id:
        return _error("unknown client_id", 401, "invalid_client")
    if (
        secret
        and p.get("client_secret") != secret
        and p.get("grant_type") != "fb_exchange_token"
    ):
        return _error("bad client_secret", 401, "invalid_client")
    grant = p.get("grant_type")
    if grant == "authorization_code":
        data = cache.get(f"sandbox-oauth:code:{p.get('code')}")
        cache.delete(f"sandbox-oauth:code:{p.get('code')}")  # single use
        if not data or data["network"] != network:
            return _error("invalid or used code", 400, "invalid_grant")
        if data["redirect_uri"] != p.get("redirect_uri"):
            return _error("redirect_uri mismatch", 400, "invalid_grant")
        if data["challenge"]:
            verifier = p.get("code_verifier", "")
            digest = hashlib.sha256(verifier.encode()).digest()
            expected = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
            if expected != data["challenge"]:
                return _error("PKCE verification failed", 400, "invalid_grant")
        return JsonResponse(_issue(network, data.get("account")))
    if grant == "refresh_token":
        refresh = p.get("refresh_token", "")
        account = account_for(network, refresh, "oauth_refresh")
        if account is not None:
            extra = dict(account.extra)
            extra["oauth_refresh"] = [t for t in extra["oauth_refresh"] if t != refresh]
            account.extra = extra
            account.save(update_fields=["extra"])
            return JsonResponse(_issue(network, account.pk))
        key = f"sandbox-oauth:refresh:{refresh}"
        if cache.get(key) != network:
            return _error("Invalid refresh token structure", 400, "invalid_token")
        cache.delete(key)
        return JsonResponse(_issue(network))
    if grant == "fb_exchange_token" and network in META:
        if p.get("client_secret") != secret:
            return _error("bad client_secret", 401, "invalid_client")
        if cache.get(f"sandbox-oauth:token:{p.get('fb_exchange_token')}") != network:
            return _error("Invalid OAuth access token", 400, "OAuthException")
        token = _issue(network)
        token["expires_in"] = 5183944  # about 60 days
        return JsonResponse(token)
    return _error(f"unsupported grant_type {grant!r}", 400, "unsupported_grant_type")


def facebook_graph(request, node):
    """``GET /{page-id}?fields=access_token&access_token=<user token>``."""
    user_token = request.GET.get("access_token", "")
    if cache.get(f"sandbox-oauth:token:{user_token}") != "facebook":
        return _error("Invalid OAuth access token", 400, "OAuthException")
    page_token = _new("EAAB-page-sandbox-")
    cache.set(f"sandbox-oauth:token:{page_token}", "facebook-page", 86400)
    # Kept on the Page at once, so the Facebook emulator knows it in any process.
    page = SandboxAccount.objects.filter(network="facebook", external_id=node).first()
    if page is not None:
        remember(page, "oauth_tokens", page_token)
    return JsonResponse({"id": node, "access_token": page_token})


def instagram_graph(request, node):
    """``GET /{ig-user-id}?fields=id,username&access_token=<user token>``: the token is
    kept on that Instagram account, which the emulator then lets it act for."""
    user_token = request.GET.get("access_token", "")
    if cache.get(f"sandbox-oauth:token:{user_token}") != "instagram":
        return _error("Invalid OAuth access token", 400, "OAuthException")
    profile = SandboxAccount.objects.filter(
        network="instagram", external_id=node
    ).first()
    if profile is not None:
        remember(profile, "oauth_tokens", user_token)
    return JsonResponse({"id": node, "username": f"sandbox_{node}"})
