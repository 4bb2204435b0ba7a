"""Log lines written by Django's request log or urllib3 never carry a token."""

import logging
import sys

from cms.log_filters import RedactSecrets, redact

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


def test_bot_tokens_and_query_secrets_are_redacted():
    line = (
        f'"POST /sandbox/telegram/bot{TOKEN}/sendMessage HTTP/1.1" 200 '
        "GET /createPage?access_token=b968da509bb76866c35425099bc0989a5ec3b32997d55286c657e6994bbb&title=x"
    )
    cleaned = redact(line)
    assert "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw" not in cleaned
    assert "b968da509bb" not in cleaned
    assert "/bot123456789:***/sendMessage" in cleaned
    assert "access_token=***&title=x" in cleaned


def test_the_request_log_goes_through_the_filter():
    # The settings route django.server to the console handler, which filters.
    handlers = [
        handler
        for handler in logging.getLogger("django.server").handlers
        if any(isinstance(f, RedactSecrets) for f in handler.filters)
    ]
    assert handlers  # pytest adds its own capture handlers; ours must be there too
    for handler in handlers:
        record = logging.LogRecord(
            "django.server",
            logging.INFO,
            __file__,
            1,
            '"GET /sandbox/telegram/bot%s/getMe" 200',
            (TOKEN,),
            None,
        )
        assert handler.filter(record)
        line = handler.format(record)
        assert "getMe" in line and TOKEN not in line


def test_ordinary_lines_are_left_alone():
    assert redact("delivery 12 sent to vk:123456") == "delivery 12 sent to vk:123456"


def test_tracebacks_are_redacted_too():
    handlers = [
        handler
        for handler in logging.getLogger().handlers
        if any(isinstance(f, RedactSecrets) for f in handler.filters)
    ]
    assert handlers
    try:
        raise ConnectionError(f"Max retries with url: /bot{TOKEN}/sendMessage")
    except ConnectionError:
        record = logging.LogRecord(
            "syndication", logging.ERROR, __file__, 1, "send failed", (), sys.exc_info()
        )
    for handler in handlers:
        assert handler.filter(record)
        line = handler.format(record)
        assert "ConnectionError" in line and TOKEN not in line
