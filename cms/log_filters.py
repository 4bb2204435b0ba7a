"""Keep secrets out of every log line, whoever writes it (issue 12.5).

Secrets reach log lines through addresses and headers that other code prints: Telegram
puts the bot token in the URL path (``/bot<id>:<secret>/sendMessage``), the OK webhook
address carries its secret as a path segment (``/hooks/ok/<account>/<secret>/``), some
APIs take ``access_token`` or ``sig`` in the query string, and webhook senders and API
clients send secrets in headers (``X-Telegram-Bot-Api-Secret-Token``, ``Authorization``).
Django's request log (runserver), ``django.request`` warnings («Not Found: /path»),
gunicorn's access log, urllib3's debug lines and tracebacks would print them as they are.
Vestnik's own log calls never include credentials; this filter is the net under
everybody else's.

Two nets: every record is redacted as it is made (``install_record_factory``, so even a
handler a library adds later writes no secret), and the filter sits on every handler
(a handler filter sees every record it writes, including records propagated from child
loggers, which a logger filter does not), also on those that Django's default logging,
Celery and gunicorn create themselves (``cms.settings`` LOGGING_CONFIG, ``cms/celery.py``,
``gunicorn.conf.py``): gunicorn's master writes before Django is set up.
"""

from __future__ import annotations

import logging
import logging.config
import re

MASK = "***"

# Header names whose values are secrets (compared case-insensitively; ``_`` and ``-``
# alike, so Django's META keys such as HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN match too).
SECRET_HEADERS = (
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
    "x-csrftoken",
    "x-api-key",
    "x-telegram-bot-api-secret-token",
    "x-max-bot-api-secret",
    "x-hub-signature",
    "x-hub-signature-256",
)
# Query-string and form parameter names whose values are secrets.
SECRET_PARAMETERS = (
    "access_token",
    "refresh_token",
    "id_token",
    "token",
    "session_key",
    "session_secret_key",
    "client_secret",
    "application_secret_key",
    "application_key",
    "app_secret",
    "appsecret_proof",
    "secret",
    "password",
    "sig",
    "signature",
    "code",
    "hub.verify_token",
    "verify_token",
    "api_key",
)


def _header_pattern() -> re.Pattern:
    names = "|".join(re.escape(name).replace(r"\-", "[-_]") for name in SECRET_HEADERS)
    # «Authorization: Bearer x», "'Authorization': 'Bearer x'", "HTTP_COOKIE='a=b; c=d'".
    return re.compile(
        rf"""(?ix)
        (\b(?:http_)?(?:{names})\b['"]?\s*[:=]\s*)   # the name and its separator
        (?:
            (['"])(?:(?!\2).)*\2                      # a quoted value
          | [^\r\n,;}}]+                              # or the rest of the header line
        )
        """
    )


def _quoted_value(match: re.Match) -> str:
    quote = match.group(2) or ""
    return f"{match.group(1)}{quote}{MASK}{quote}"


PATTERNS: tuple[tuple[re.Pattern, object], ...] = (
    # Telegram bot tokens: digits, a colon, ~35 URL-safe characters.
    (re.compile(r"(\bbot\d{3,}:)[A-Za-z0-9_-]{20,}"), rf"\1{MASK}"),
    # A webhook address's secret path segment: /hooks/<network>/<account>/<secret>.
    (re.compile(r"(/hooks/[a-z]+/[-\w]+/)[^/\s?#\"'<>]+"), rf"\1{MASK}"),
    # Query-string and form-style secrets (also JSON-ish "name": "value" pairs).
    (
        re.compile(
            r"(?i)((?:^|[?&;\s\"'{,])(?:"
            + "|".join(re.escape(name) for name in SECRET_PARAMETERS)
            + r")(?:=|[\"']?\s*:\s*[\"']?))[^&\s\"',}]+"
        ),
        rf"\1{MASK}",
    ),
    (_header_pattern(), _quoted_value),
)


def redact(text: str) -> str:
    for pattern, replacement in PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def redact_record(record: logging.LogRecord) -> None:
    """Redact a record's message, traceback and stack in place."""
    if getattr(record, "secrets_redacted", False):
        return
    record.secrets_redacted = True
    try:
        message = record.getMessage()
    except Exception:  # a broken format string is not ours to fix here
        return
    cleaned = redact(message)
    if cleaned != message:
        record.msg, record.args = cleaned, None
    if record.exc_info and not record.exc_text:
        # A traceback quotes exception messages (and requests' URLs) verbatim; the
        # formatter uses exc_text when set, so this is what gets written.
        record.exc_text = redact(_FORMATTER.formatException(record.exc_info))
    elif record.exc_text:
        record.exc_text = redact(record.exc_text)
    if record.stack_info:
        record.stack_info = redact(record.stack_info)


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        redact_record(record)
        return True


_FORMATTER = logging.Formatter()


def install_record_factory() -> None:
    """Redact every record as it is made, so a handler added later by a library (and
    not carrying the filter) writes no secret either. Idempotent."""
    current = logging.getLogRecordFactory()
    if getattr(current, "redacts_secrets", False):
        return

    def make_record(*args, **kwargs) -> logging.LogRecord:
        record = current(*args, **kwargs)
        redact_record(record)
        return record

    make_record.redacts_secrets = True
    logging.setLogRecordFactory(make_record)


def every_handler() -> list[logging.Handler]:
    """The handlers of the root logger and of every logger created so far."""
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    seen: dict[int, logging.Handler] = {}
    for logger in loggers:
        for handler in logger.handlers:
            seen.setdefault(id(handler), handler)
    return list(seen.values())


def install_on_every_handler(handlers=None) -> None:
    """Add the filter to each handler that has none (idempotent)."""
    for handler in every_handler() if handlers is None else handlers:
        if not any(isinstance(f, RedactSecrets) for f in handler.filters):
            handler.addFilter(RedactSecrets())


def configure_logging(config: dict) -> None:
    """Django's LOGGING_CONFIG: the dictConfig of the settings, then the filter on every
    handler, those of Django's own default logging included (``disable_existing_loggers``
    is False, so the «django» logger keeps Django's console handler)."""
    logging.config.dictConfig(config)
    install_on_every_handler()
    install_record_factory()
