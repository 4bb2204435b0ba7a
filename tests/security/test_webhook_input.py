"""Issues 12.7 and 12.8: the review's malformed webhooks (deeply nested JSON without a
secret, a field of the wrong type, a missing id) are 400 with the reason logged, and a
body that is not JSON by its declared type is 415; nothing is stored either way."""

from __future__ import annotations

import json
import logging

import pytest

from moderation.models import InboxItem, WebhookEvent
from tests.moderation.conftest import make_account
from tests.moderation.webhook_cases import SECRET
from tests.security.test_webhook_fuzz import (
    ENDPOINTS,
    encode,
    fresh_caches,  # noqa: F401 - autouse fixture
    meta_switched_on,  # noqa: F401 - fixture
    send,
)

pytestmark = pytest.mark.django_db

DEEP = b'{"type": "wall_reply_new", "object": ' + b"[" * 5000 + b"]" * 5000 + b"}"


@pytest.fixture
def endpoint(request, meta_switched_on):  # noqa: F811
    found = ENDPOINTS[request.param]
    make_account(found.network, found.external_id, found.slug)
    return found


def nothing_stored() -> bool:
    return not InboxItem.objects.exists() and not WebhookEvent.objects.exists()


@pytest.mark.parametrize("endpoint", ["vk"], indirect=True)
def test_deep_json_without_a_secret_is_400(client, endpoint):
    response = client.post(endpoint.url(), data=DEEP, content_type="application/json")
    assert response.status_code == 400
    assert nothing_stored()


@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS), indirect=True)
def test_deep_json_with_the_secret_is_400(client, endpoint, caplog):
    caplog.set_level(logging.INFO, logger="moderation.webhooks.base")
    event = endpoint.events(1)[0]
    event["extra"] = json.loads("[" * 200 + "]" * 200)
    response = send(client, endpoint, encode(event))
    assert response.status_code == 400
    assert "nested too deeply" in caplog.text
    assert nothing_stored()


# A field of the wrong type or a missing id, in each network's own event.
WRONG = {
    "vk": [
        lambda e: e["object"].update(id="не число"),
        lambda e: e["object"].update(text={"a": 1}),
        lambda e: e["object"].pop("id"),
        lambda e: e.update(object="строка"),
    ],
    "telegram": [
        lambda e: e.pop("update_id"),
        lambda e: e["message"].update(chat="строка"),
        lambda e: e["message"].update(reply_to_message=5),
        lambda e: e["message"].pop("message_id"),
    ],
    "max": [
        lambda e: e["message"].update(body="строка"),
        lambda e: e["message"].update(timestamp="вчера"),
        lambda e: e["message"]["sender"].update(user_id=[1]),
        lambda e: e.pop("update_type"),
    ],
    "ok": [
        lambda e: e.update(sender="строка"),
        lambda e: e.update(timestamp={"ms": 1}),
        lambda e: e["message"].update(attachments="x"),
    ],
    "facebook": [
        lambda e: e["entry"][0]["changes"][0]["value"].update(**{"from": "Анна"}),
        lambda e: e["entry"][0]["changes"][0].update(value="строка"),
        lambda e: e.update(entry={"id": 1}),
    ],
    "instagram": [
        lambda e: e["entry"][0]["changes"][0]["value"].update(media=[1]),
        lambda e: e["entry"][0].update(changes="строка"),
        lambda e: e["entry"].append(5),
    ],
}


@pytest.mark.parametrize(
    "endpoint, number",
    [(network, n) for network, cases in WRONG.items() for n in range(len(cases))],
    indirect=["endpoint"],
)
def test_a_wrong_type_or_a_missing_id_is_400_with_a_logged_reason(
    client, endpoint, number, caplog
):
    caplog.set_level(logging.INFO, logger="moderation.webhooks.base")
    event = endpoint.events(1)[0]
    WRONG[endpoint.network][number](event)
    response = send(client, endpoint, encode(event))
    assert response.status_code == 400
    assert f"{endpoint.network} webhook rejected (400)" in caplog.text
    assert SECRET not in caplog.text  # the reason names places, not values
    assert nothing_stored()


# -- 12.8: content types ---------------------------------------------------------------


@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS), indirect=True)
@pytest.mark.parametrize(
    "content_type",
    [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/octet-stream",
        "text/json",
        "",
    ],
)
def test_a_body_that_is_not_json_by_its_type_is_415(client, endpoint, content_type):
    body = encode(endpoint.events(1)[0])
    response = client.post(
        endpoint.url(),
        data=body,
        content_type=content_type,
        headers=endpoint.headers(body),
    )
    assert response.status_code == 415
    assert nothing_stored()


@pytest.mark.parametrize("endpoint", sorted(ENDPOINTS), indirect=True)
def test_json_with_a_charset_is_accepted(client, endpoint):
    body = encode(endpoint.events(1)[0])
    response = send(client, endpoint, body, "application/json; charset=utf-8")
    assert response.status_code == 200
    assert InboxItem.objects.exists()
