"""The webhook-security case every network's webhook tests reuse.

A subclass says how to reach its endpoint (``url``), what a valid event looks like
(``event``) and where the secret travels (``send``); the tests here are the same for
every network: missing or wrong secret, replayed event, oversize, malformed JSON,
unknown account, an internal error (500, nothing half-stored)."""

from __future__ import annotations

import json

import pytest

from moderation.models import InboxItem, WebhookEvent

SECRET = "s3cret-Key_42"


class WebhookSecurityCase:
    account_fixture = ""
    missing_secret_status = 400

    # -- to fill in ------------------------------------------------------------------
    def url(self, account, secret: str | None) -> str:
        raise NotImplementedError

    def event(self, account, event_id: int, text: str) -> dict:
        raise NotImplementedError

    def headers(self, secret: str | None) -> dict:
        return {}

    def with_secret(self, body: dict, secret: str | None) -> dict:
        return body

    # -- plumbing --------------------------------------------------------------------
    @pytest.fixture
    def account(self, request):
        return request.getfixturevalue(self.account_fixture)

    def send(self, client, account, body, secret: str | None = SECRET, url=None):
        if isinstance(body, dict):
            body = json.dumps(self.with_secret(body, secret))
        return client.post(
            url or self.url(account, secret),
            data=body,
            content_type="application/json",
            headers=self.headers(secret),
        )

    # -- the shared tests ------------------------------------------------------------
    def test_valid_event_is_stored(self, client, account):
        response = self.send(client, account, self.event(account, 1, "Спасибо!"))
        assert response.status_code == 200
        item = InboxItem.objects.get()
        assert item.text == "Спасибо!"
        assert item.account == account
        assert item.label

    def test_missing_secret_is_400_and_nothing_stored(self, client, account):
        response = self.send(client, account, self.event(account, 1, "x"), secret=None)
        assert response.status_code == self.missing_secret_status
        assert not InboxItem.objects.exists()
        assert not WebhookEvent.objects.exists()

    def test_wrong_secret_is_400_and_nothing_stored(self, client, account):
        response = self.send(
            client, account, self.event(account, 1, "x"), secret=SECRET + "x"
        )
        assert response.status_code == 400
        assert not InboxItem.objects.exists()

    def test_replayed_event_is_stored_once(self, client, account):
        body = self.event(account, 7, "Когда выплатят?")
        assert self.send(client, account, body).status_code == 200
        assert self.send(client, account, body).status_code == 200
        assert InboxItem.objects.count() == 1

    def test_oversize_body_is_413(self, client, account, settings):
        settings.MODERATION_WEBHOOK_MAX_BODY = 1000
        body = self.event(account, 1, "а" * 2000)
        assert self.send(client, account, body).status_code == 413
        assert not InboxItem.objects.exists()

    def test_malformed_json_is_400(self, client, account):
        response = self.send(client, account, b'{"type": "wall_reply_new", ')
        assert response.status_code == 400
        assert not InboxItem.objects.exists()

    def test_unknown_account_is_404_without_reason(self, client, account):
        url = self.url(account, SECRET).replace(account.slug, "no-such-account")
        response = self.send(client, account, self.event(account, 1, "x"), url=url)
        assert response.status_code == 404
        assert b"account" not in response.content.lower()
        assert not InboxItem.objects.exists()

    def test_internal_error_is_500_and_nothing_half_stored(
        self, client, account, monkeypatch
    ):
        def broken(text):
            raise RuntimeError("classifier down")

        monkeypatch.setattr("moderation.ingest.classify_text", broken)
        response = self.send(client, account, self.event(account, 3, "x"))
        assert response.status_code == 500
        assert not InboxItem.objects.exists()
        assert not WebhookEvent.objects.exists()  # so the retry is processed
