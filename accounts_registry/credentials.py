"""The credential JSON each network needs (README, "Credentials"), validated before it is
encrypted. Error messages name fields, never values."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .networks import Network

# network -> (required fields, optional fields)
SHAPES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    Network.VK: (
        ("access_token", "token_type"),
        ("refresh_token", "expires_at", "device_id", "user_id"),
    ),
    Network.OK: (
        ("application_key", "application_secret_key", "access_token"),
        ("session_secret_key", "refresh_token", "expires_at", "application_id"),
    ),
    Network.TELEGRAM: (("bot_token",), ()),
    Network.MAX: (("bot_token",), ()),
    Network.FACEBOOK: (("page_access_token",), ("user_access_token", "expires_at")),
    Network.INSTAGRAM: (("access_token", "ig_user_id"), ("expires_at",)),
    # categories: the blog's categories for every post, "Name, 12" (names or ids).
    Network.WORDPRESS: (
        ("site_url", "username", "application_password"),
        ("categories",),
    ),
    Network.LIVEJOURNAL: (("username", "password"), ("site_url",)),
    Network.TELEGRAPH: (("access_token",), ("short_name",)),
    # Dzen imports our RSS feed (/feeds/dzen/rss.xml): nothing to keep secret.
    Network.DZEN: ((), ()),
}
VK_TOKEN_TYPES = ("user", "community")


def validate_credential(network: str, data) -> dict:
    """Return ``data`` if it has exactly the fields the network needs, else raise
    ``ValidationError`` listing every problem."""
    if network not in SHAPES:
        raise ValidationError(_("Unknown network: %(network)s") % {"network": network})
    if not isinstance(data, dict):
        raise ValidationError(_("The credential must be a JSON object."))
    required, optional = SHAPES[network]
    errors = []
    for name in required:
        value = data.get(name)
        if not isinstance(value, str) or not value.strip():
            errors.append(_("Field “%(name)s” is required.") % {"name": name})
    unknown = sorted(set(data) - set(required) - set(optional))
    if unknown:
        errors.append(
            _("Unknown fields: %(names)s. Allowed: %(allowed)s.")
            % {"names": ", ".join(unknown), "allowed": ", ".join(required + optional)}
        )
    if network == Network.VK and data.get("token_type") not in VK_TOKEN_TYPES:
        errors.append(_("“token_type” must be “user” or “community”."))
    if data.get("expires_at") is not None and _parse_expiry(data["expires_at"]) is None:
        errors.append(_("“expires_at” must be an ISO date and time."))
    if errors:
        raise ValidationError(errors)
    return data


def _parse_expiry(value) -> datetime.datetime | None:
    if isinstance(value, int | float):
        return datetime.datetime.fromtimestamp(value, tz=datetime.UTC)
    try:
        parsed = datetime.datetime.fromisoformat(str(value))
    except ValueError:
        return None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, datetime.UTC)
    return parsed


def expiry_from(data: dict) -> datetime.datetime | None:
    if data.get("expires_at") is None:
        return None
    return _parse_expiry(data["expires_at"])


def credential_type(network: str, data: dict) -> str:
    """A short label shown in the admin instead of the credential."""
    if network == Network.VK:
        return f"vk:{data.get('token_type', '')}"
    if network in (Network.TELEGRAM, Network.MAX):
        return f"{network}:bot"
    if network == Network.FACEBOOK:
        return "facebook:page"
    if network == Network.WORDPRESS:
        return "wordpress:application-password"
    return str(network)


def secret_values(data: dict) -> list[str]:
    """Every value worth hiding, to scrub from messages before they are stored."""
    return [str(v) for v in data.values() if isinstance(v, str) and len(v) >= 6]


def scrub(text: str, data: dict) -> str:
    for value in secret_values(data):
        text = text.replace(value, "***")
    return text
