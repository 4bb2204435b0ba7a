"""Per-provider OAuth settings and the token exchange. Settings come from the environment
(``VK_ID_CLIENT_ID`` …); with ``SANDBOX_ENABLED`` every provider defaults to the sandbox."""

import base64
import contextlib
import datetime
import hashlib
import os
import secrets
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.utils import timezone
from requests_oauthlib import OAuth2Session

from syndication.networks import registry

TIMEOUT = 15
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _setting(name: str, default: str = "") -> str:
    return getattr(settings, name, None) or os.environ.get(name, default)


def sandbox_base() -> str:
    base = _setting("REGISTRY_OAUTH_SANDBOX_URL") or (
        settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/sandbox/oauth"
    )
    return base.rstrip("/")


@contextlib.contextmanager
def transport_for(url: str, *, sandbox: bool = False):
    """oauthlib insists on HTTPS; plain HTTP is allowed only to this machine or to the
    sandbox's own emulator (dev and test only; the dev site may be on a LAN address)."""
    host = urlsplit(url).hostname or ""
    if urlsplit(url).scheme == "https" or (host not in LOOPBACK and not sandbox):
        yield
        return
    old = os.environ.get("OAUTHLIB_INSECURE_TRANSPORT")
    os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("OAUTHLIB_INSECURE_TRANSPORT", None)
        else:
            os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = old


def pkce_pair() -> tuple[str, str]:
    verifier = secrets.token_urlsafe(64)[:96]
    digest = hashlib.sha256(verifier.encode()).digest()
    challenge = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    return verifier, challenge


def expires_at(token: dict) -> str | None:
    seconds = token.get("expires_in")
    if not seconds:
        return None
    moment = timezone.now() + datetime.timedelta(seconds=int(seconds))
    return moment.isoformat()


class Provider:
    network = ""
    prefix = ""  # settings prefix
    real_authorize_url = ""
    real_token_url = ""
    sandbox_path = ""
    scope: list[str] = []
    uses_pkce = False

    @property
    def sandbox(self) -> bool:
        return settings.SANDBOX_ENABLED and not _setting(f"{self.prefix}_CLIENT_ID")

    @property
    def client_id(self) -> str:
        return _setting(f"{self.prefix}_CLIENT_ID") or (
            f"sandbox-{self.network}" if settings.SANDBOX_ENABLED else ""
        )

    @property
    def client_secret(self) -> str:
        return _setting(f"{self.prefix}_CLIENT_SECRET") or (
            f"sandbox-{self.network}-secret" if settings.SANDBOX_ENABLED else ""
        )

    @property
    def configured(self) -> bool:
        return bool(self.client_id)

    def url(self, kind: str) -> str:
        if self.sandbox:
            return f"{sandbox_base()}/{self.sandbox_path}/{kind}"
        return self.real_authorize_url if kind == "authorize" else self.real_token_url

    def session(self, redirect_uri: str, state: str | None = None) -> OAuth2Session:
        return OAuth2Session(
            self.client_id, redirect_uri=redirect_uri, scope=self.scope, state=state
        )

    def authorization_url(self, redirect_uri: str) -> tuple[str, dict]:
        """(URL to send the user to, data to keep in the session until the callback)."""
        extra, keep = {}, {}
        if self.uses_pkce:
            verifier, challenge = pkce_pair()
            extra = {"code_challenge": challenge, "code_challenge_method": "S256"}
            keep["code_verifier"] = verifier
        with transport_for(self.url("authorize"), sandbox=self.sandbox):
            url, state = self.session(redirect_uri).authorization_url(
                self.url("authorize"), **extra
            )
        keep["state"] = state
        return url, keep

    def fetch_token(self, redirect_uri: str, params: dict, kept: dict) -> dict:
        raise NotImplementedError

    def credential(self, token: dict, account) -> dict:
        raise NotImplementedError

    def refresh(self, credential: dict) -> dict:
        """A new credential from the refresh token; providers without one raise."""
        raise NotImplementedError


class VKID(Provider):
    network = "vk"
    prefix = "VK_ID"
    real_authorize_url = "https://id.vk.com/authorize"
    real_token_url = "https://id.vk.com/oauth2/auth"  # noqa: S105 (a URL)
    sandbox_path = "vk"
    scope = ["wall", "groups", "photos", "video"]
    uses_pkce = True

    def fetch_token(self, redirect_uri, params, kept):
        token_url = self.url("token")
        with transport_for(token_url, sandbox=self.sandbox):
            return self.session(redirect_uri, kept["state"]).fetch_token(
                token_url,
                code=params["code"],
                code_verifier=kept["code_verifier"],
                device_id=params.get("device_id", ""),
                include_client_id=True,
                timeout=TIMEOUT,
            )

    def credential(self, token, account):
        data = {
            "access_token": token["access_token"],
            "token_type": "user",
            "refresh_token": token.get("refresh_token", ""),
            "device_id": token.get("device_id", ""),
            "user_id": str(token.get("user_id", "")),
        }
        data["expires_at"] = expires_at(token)
        return {k: v for k, v in data.items() if v}

    def refresh(self, credential):
        token_url = self.url("token")
        with transport_for(token_url, sandbox=self.sandbox):
            token = OAuth2Session(self.client_id).refresh_token(
                token_url,
                refresh_token=credential["refresh_token"],
                client_id=self.client_id,
                device_id=credential.get("device_id", ""),
                timeout=TIMEOUT,
            )
        token.setdefault("device_id", credential.get("device_id", ""))
        token.setdefault("refresh_token", credential["refresh_token"])
        token.setdefault("user_id", credential.get("user_id", ""))
        return self.credential(token, None)


class OK(Provider):
    network = "ok"
    prefix = "OK"
    real_authorize_url = "https://connect.ok.ru/oauth/authorize"
    real_token_url = "https://api.ok.ru/oauth/token.do"  # noqa: S105 (a URL)
    sandbox_path = "ok"
    scope = ["VALUABLE_ACCESS", "LONG_ACCESS_TOKEN", "GROUP_CONTENT", "PHOTO_CONTENT"]

    @property
    def application_key(self) -> str:
        return _setting("OK_APPLICATION_KEY") or (
            "sandbox-ok-key" if settings.SANDBOX_ENABLED else ""
        )

    def session(self, redirect_uri, state=None):
        session = super().session(redirect_uri, state)
        session.scope = None  # OK joins scopes with ";" in the URL itself
        return session

    def authorization_url(self, redirect_uri):
        url, keep = super().authorization_url(redirect_uri)
        return f"{url}&scope={';'.join(self.scope)}", keep

    def fetch_token(self, redirect_uri, params, kept):
        token_url = self.url("token")
        with transport_for(token_url, sandbox=self.sandbox):
            return self.session(redirect_uri, kept["state"]).fetch_token(
                token_url,
                code=params["code"],
                client_secret=self.client_secret,
                include_client_id=True,
                timeout=TIMEOUT,
            )

    def credential(self, token, account):
        data = {
            "application_key": self.application_key,
            "application_secret_key": self.client_secret,
            "access_token": token["access_token"],
            "refresh_token": token.get("refresh_token", ""),
            "application_id": self.client_id,
            "expires_at": expires_at(token),
        }
        return {k: v for k, v in data.items() if v}

    def refresh(self, credential):
        token_url = self.url("token")
        with transport_for(token_url, sandbox=self.sandbox):
            token = OAuth2Session(self.client_id).refresh_token(
                token_url,
                refresh_token=credential["refresh_token"],
                client_id=self.client_id,
                client_secret=self.client_secret,
                timeout=TIMEOUT,
            )
        token.setdefault("refresh_token", credential["refresh_token"])
        return self.credential(token, None)


class Facebook(Provider):
    """Facebook Login → long-lived user token → the page's token (no expiry)."""

    network = "facebook"
    prefix = "FACEBOOK"
    real_authorize_url = "https://www.facebook.com/v19.0/dialog/oauth"
    real_token_url = "https://graph.facebook.com/v19.0/oauth/access_token"  # noqa: S105 (a URL)
    sandbox_path = "facebook"
    scope = ["pages_show_list", "pages_manage_posts", "pages_read_engagement"]

    def graph_url(self, path: str) -> str:
        if self.sandbox:
            return f"{sandbox_base()}/facebook/graph/{path}"
        return f"https://graph.facebook.com/v19.0/{path}"

    def fetch_token(self, redirect_uri, params, kept):
        token_url = self.url("token")
        with transport_for(token_url, sandbox=self.sandbox):
            short = self.session(redirect_uri, kept["state"]).fetch_token(
                token_url,
                code=params["code"],
                client_secret=self.client_secret,
                include_client_id=True,
                method="GET",
                timeout=TIMEOUT,
            )
        long_lived = requests.get(
            token_url,
            params={
                "grant_type": "fb_exchange_token",
                "client_id": self.client_id,
                "client_secret": self.client_secret,
                "fb_exchange_token": short["access_token"],
            },
            timeout=TIMEOUT,
        )
        long_lived.raise_for_status()
        return long_lived.json()

    def credential(self, token, account):
        page = requests.get(
            self.graph_url(account.external_id),
            params={"fields": "access_token", "access_token": token["access_token"]},
            timeout=TIMEOUT,
        )
        page.raise_for_status()
        # A page token made from a long-lived user token does not expire.
        return {
            "page_access_token": page.json()["access_token"],
            "user_access_token": token["access_token"],
        }


class Instagram(Facebook):
    """Facebook Login with the Instagram permissions → a long-lived user token (about
    60 days, refreshed by reconnecting), which acts for the professional account linked
    to the body's Page (docs/networks.md §5.2). The account's external id is that Instagram
    user id; the credential carries it as ``ig_user_id``."""

    network = "instagram"
    prefix = "INSTAGRAM"
    sandbox_path = "instagram"
    scope = [
        "instagram_basic",
        "instagram_content_publish",
        "instagram_manage_comments",
        "pages_show_list",
        "pages_read_engagement",
    ]

    def graph_url(self, path: str) -> str:
        if self.sandbox:
            return f"{sandbox_base()}/instagram/graph/{path}"
        return f"https://graph.facebook.com/v19.0/{path}"

    def credential(self, token, account):
        # The token must reach this Instagram account, else the connection is useless.
        user = requests.get(
            self.graph_url(account.external_id),
            params={"fields": "id,username", "access_token": token["access_token"]},
            timeout=TIMEOUT,
        )
        user.raise_for_status()
        credential = {
            "access_token": token["access_token"],
            "ig_user_id": str(user.json()["id"]),
        }
        expiry = expires_at(token)
        if expiry:
            credential["expires_at"] = expiry
        return credential


def provider_for(network: str) -> Provider | None:
    """The OAuth provider named by the network's spec, when it is configured."""
    try:
        provider = registry.get_spec(network).load("oauth")()
    except LookupError:
        return None
    return provider if provider.configured else None
