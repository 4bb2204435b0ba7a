"""Keep credentials out of log lines that other code writes.

Telegram puts the bot token in the URL path (``/bot<id>:<secret>/sendMessage``) and some
APIs take ``access_token`` in the query string, so Django's request log (runserver, the
sandbox) and urllib3's debug lines would otherwise print them. Vestnik's own log calls
never include credentials; this filter is the net under everybody else's."""

from __future__ import annotations

import logging
import re

PATTERNS = (
    # Telegram bot tokens: digits, a colon, ~35 URL-safe characters.
    (re.compile(r"(\bbot\d{3,}:)[A-Za-z0-9_-]{20,}"), r"\1***"),
    # Query-string and form-style secrets.
    (
        re.compile(
            r"(\b(?:access_token|session_key|session_secret_key|client_secret|"
            r"application_secret_key|password|app_secret|appsecret_proof)=)[^&\s\"']+"
        ),
        r"\1***",
    ),
)


def redact(text: str) -> str:
    for pattern, replacement in PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string is not ours to fix here
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            # A traceback quotes exception messages (and requests' URLs) verbatim;
            # the formatter uses exc_text when set, so this is what gets written.
            record.exc_text = redact(_FORMATTER.formatException(record.exc_info))
        return True


_FORMATTER = logging.Formatter()
