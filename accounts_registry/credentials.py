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


# The kind after the colon of a spec's ``credential_label`` («vk:community»), in words.
CREDENTIAL_KINDS = {
    "community": gettext_lazy("community key"),
    "user": gettext_lazy("community administrator's key"),
    "bot": gettext_lazy("bot token"),
    "page": gettext_lazy("page token"),
    "application-password": gettext_lazy("application password"),
}


def credential_kind(code: str) -> str:
    """«ключ сообщества» for ``vk:community``; a label without a kind is named by the
    network's first secret field («ключ доступа», «пароль»)."""
    network, _sep, kind = code.partition(":")
    if kind:
        return str(CREDENTIAL_KINDS.get(kind, kind))
    try:
        spec = registry.get_spec(network)
    except LookupError:
        return code
    secret = next((f for f in spec.credential if f.secret), None)
    if secret is None:
        return str(gettext_lazy("not needed"))
    label = str(secret.label)
    return label[:1].lower() + label[1:]


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
