"""A transport error quotes the URL; the token some APIs put there never reaches the
delivery log."""

import pytest
import requests

from syndication.api.errors import OutcomeUnknown, TransientError
from syndication.api.http import send

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


class RefusingSession:
    def __init__(self, exc):
        self.exc = exc

    def request(self, method, url, **kwargs):
        raise self.exc(f"HTTPSConnectionPool: Max retries exceeded with url: {url}")


@pytest.mark.parametrize(
    ("exc", "expected"),
    [
        (requests.ConnectTimeout, TransientError),
        (requests.ReadTimeout, OutcomeUnknown),
    ],
)
def test_the_token_in_the_url_is_not_in_the_error(exc, expected):
    url = f"https://api.telegram.org/bot{TOKEN}/sendMessage?access_token=EAAB-secret-1"
    with pytest.raises(expected) as raised:
        send(RefusingSession(exc), "POST", url, network="telegram")
    message = str(raised.value)
    assert "sendMessage" in message
    assert TOKEN not in message and "EAAB-secret-1" not in message
