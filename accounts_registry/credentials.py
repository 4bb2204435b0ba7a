"""The credential JSON each network needs (README, "Credentials"), validated before it is
encrypted. Error messages name fields, never values."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from syndication.networks import registry


def _shape(spec) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (
        tuple(spec.credential_fields(required=True)),
        tuple(spec.credential_fields(required=False)),
    )


# network -> (required fields, optional fields), from each network's spec.
SHAPES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    spec.code: _shape(spec) for spec in registry.all_specs()
}


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
    for spec_field in registry.get_spec(network).credential:
        value = data.get(spec_field.name)
        if value is None:
            continue
        if spec_field.kind == "choice" and value not in dict(spec_field.choices):
            errors.append(
                _("“%(name)s” must be one of: %(allowed)s.")
                % {
                    "name": spec_field.name,
                    "allowed": ", ".join(f"“{c}”" for c, _label in spec_field.choices),
                }
            )
        if spec_field.kind == "datetime" and _parse_expiry(value) is None:
            errors.append(
                _("“%(name)s” must be an ISO date and time.")
                % {"name": spec_field.name}
            )
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
    try:
        label = registry.get_spec(network).credential_label
    except LookupError:
        return str(network)
    return label.format_map(_Blank(data)) if label else str(network)


# The admin's short type labels (``credential_type``) as a person reads them.
CREDENTIAL_KINDS = {
    "vk:community": gettext_lazy("community key"),
    "vk:user": gettext_lazy("community administrator's key"),
    "ok": gettext_lazy("access token"),
    "telegram:bot": gettext_lazy("bot token"),
    "max:bot": gettext_lazy("bot token"),
    "facebook:page": gettext_lazy("page token"),
    "instagram": gettext_lazy("access token"),
    "wordpress:application-password": gettext_lazy("application password"),
    "livejournal": gettext_lazy("login and password"),
    "telegraph": gettext_lazy("access token"),
    "dzen": gettext_lazy("not needed"),
}


def credential_kind(code: str) -> str:
    """«ключ сообщества» for ``vk:community``; an unknown code as it is."""
    return str(CREDENTIAL_KINDS.get(code, code))


class _Blank(dict):
    """Formats a missing field as empty, as the admin label did before."""

    def __missing__(self, key):
        return ""


def secret_values(data: dict) -> list[str]:
    """Every value worth hiding, to scrub from messages before they are stored."""
    return [str(v) for v in data.values() if isinstance(v, str) and len(v) >= 6]


def scrub(text: str, data: dict) -> str:
    for value in secret_values(data):
        text = text.replace(value, "***")
    return text
