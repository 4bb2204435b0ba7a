"""Encryption of credentials at rest.

Keys come from ``FIELD_ENCRYPTION_KEY``: one or more Fernet keys separated by commas, newest
first. MultiFernet decrypts with any of them and encrypts with the first, so a key is rotated
by putting a new one in front and re-encrypting (``manage.py registry rotate-key``).
"""

import json
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class CredentialDecryptionError(Exception):
    """The stored credential cannot be decrypted with any configured key."""


@lru_cache(maxsize=4)
def _fernet(keys: str) -> MultiFernet:
    parts = [key.strip() for key in keys.split(",") if key.strip()]
    if not parts:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEY is empty: generate one with "
            "`python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())'`."
        )
    try:
        return MultiFernet([Fernet(part.encode()) for part in parts])
    except ValueError as exc:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEY holds a value that is not a Fernet key."
        ) from exc


def get_fernet() -> MultiFernet:
    return _fernet(settings.FIELD_ENCRYPTION_KEY)


def encrypt_json(data: dict) -> bytes:
    return get_fernet().encrypt(json.dumps(data, ensure_ascii=False).encode())


def decrypt_json(token: bytes) -> dict:
    try:
        return json.loads(get_fernet().decrypt(bytes(token)))
    except InvalidToken as exc:
        raise CredentialDecryptionError(
            "the credential cannot be decrypted with the configured keys"
        ) from exc


def rotate(token: bytes) -> bytes:
    return get_fernet().rotate(bytes(token))
