"""The sandbox's OAuth endpoints (VK ID with PKCE, OK, Facebook, Instagram), so that the connect
buttons work end to end without a real network. Codes and tokens live in Django's cache:
one process (runserver, or pytest's live_server) is the whole sandbox.

Authorisation is granted at once (no login page): the sandbox has no users to ask."""

import base64
import hashlib
import secrets
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import HttpResponseRedirect, JsonResponse
from django.views.decorators.csrf import csrf_exempt

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


def _error(message: str, status=400, code="invalid_request"):
    return JsonResponse({"error": code, "error_description": message}, status=status)


def _new(prefix: str) -> str:
    return f"{prefix}{secrets.token_urlsafe(24)}"


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
    code = _new("code-")
    cache.set(
        f"sandbox-oauth:code:{code}",
        {
            "network": network,
            "redirect_uri": q["redirect_uri"],
            "challenge": q.get("code_challenge", ""),
        },
        CODE_TTL,
    )
    params = {"code": code, "state": q.get("state", "")}
    if network == "vk":
        params["device_id"] = "sandbox-device"
    separator = "&" if "?" in q["redirect_uri"] else "?"
    return HttpResponseRedirect(q["redirect_uri"] + separator + urlencode(params))


def _issue(network: str, user_token: bool = True) -> dict:
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
    if network in ("vk", "ok"):
        token["refresh_token"] = _new("refresh-")
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
        return JsonResponse(_issue(network))
    if grant == "refresh_token":
        key = f"sandbox-oauth:refresh:{p.get('refresh_token')}"
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
    return JsonResponse({"id": node, "access_token": page_token})


def instagram_graph(request, node):
    """``GET /{ig-user-id}?fields=id,username&access_token=<user token>``: the sandbox's
    Instagram emulator adopts the token for that account on its first call."""
    user_token = request.GET.get("access_token", "")
    if cache.get(f"sandbox-oauth:token:{user_token}") != "instagram":
        return _error("Invalid OAuth access token", 400, "OAuthException")
    return JsonResponse({"id": node, "username": f"sandbox_{node}"})
