"""Fixtures and a fake API client shared by the delivery tests.

The fake replaces ``syndication.delivery.clients.client_for`` (the get_client boundary):
it records every call and answers from a script of results and exceptions."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from wagtail.models import Page

from accounts_registry.models import Account


@dataclass
class FakeRef:
    ids: list = field(default_factory=list)
    url: str = ""
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"ids": list(self.ids), "url": self.url, "extra": dict(self.extra)}

    @classmethod
    def from_dict(cls, data: dict) -> FakeRef:
        return cls(
            list(data.get("ids", [])), data.get("url", ""), data.get("extra", {})
        )


class FakeClient:
    ref_class = FakeRef

    def __init__(self, network: str, script=None):
        self.network = network
        self.script = list(script or [])
        self.calls: list[tuple] = []
        self.posts: dict[str, str] = {}  # guid -> remote id (VK's de-duplication)

    def _next(self, default):
        if self.script:
            step = self.script.pop(0)
            if isinstance(step, BaseException):
                raise step
            if callable(step):
                return step()
            return step
        return default

    def publish(self, post, idempotency_key=None):
        self.calls.append(("publish", idempotency_key))
        remote = self.posts.get(idempotency_key) or f"{len(self.calls)}"
        if idempotency_key:
            self.posts[idempotency_key] = remote
        return self._next(FakeRef([remote], f"https://{self.network}.example/{remote}"))

    def edit(self, ref, post):
        self.calls.append(("edit", tuple(ref.ids)))
        return self._next(ref)

    def delete(self, ref):
        self.calls.append(("delete", tuple(ref.ids)))
        return self._next(None)


class TelegramLikeClient(FakeClient):
    """No de-duplication key: the publish signature has none."""

    def publish(self, post):
        self.calls.append(("publish", None))
        return self._next(FakeRef([str(len(self.calls))], ""))


@pytest.fixture
def fake_clients(monkeypatch):
    """``fake_clients[account_pk]`` is that account's client; set ``.script`` on it."""
    clients: dict = {}

    def client_for(account):
        if account.pk not in clients:
            cls = TelegramLikeClient if account.network == "telegram" else FakeClient
            clients[account.pk] = cls(account.network)
        return clients[account.pk]

    monkeypatch.setattr("syndication.delivery.clients.client_for", client_for)
    monkeypatch.setattr(
        "syndication.delivery.rendering.render_post", lambda delivery: FakePost()
    )
    clients["for"] = client_for
    return clients


@dataclass
class FakeMessage:
    method: str = "wall.post"
    text: str = "Текст"
    attachments: tuple = ()


@dataclass
class FakePost:
    messages: list = field(default_factory=lambda: [FakeMessage()])

    def warning_kinds(self):
        return []


def make_account(network="vk", external_id="1001", **extra) -> Account:
    extra.setdefault("status", Account.Status.ACTIVE)  # in service: sent to by default
    account = Account(
        network=network,
        name=f"{network} {external_id}",
        external_id=external_id,
        **extra,
    )
    account.set_credential({"access_token": "secret-token-value-1234"})
    account.save()
    return account


@pytest.fixture
def accounts(db):
    return [
        make_account("vk", "1001"),
        make_account("ok", "2002"),
        make_account("telegram", "-1003"),
    ]


@pytest.fixture
def piece_page(db):
    """A live NewsPage in a minimal tree (no site fixture needed for delivery)."""
    from cms.models import HomePage, NewsIndexPage, NewsPage

    root = Page.get_first_root_node()
    if root is None:  # a transactional test flushed the tree the migrations made
        from wagtail.models import Locale

        Locale.objects.get_or_create(language_code="ru")
        root = Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(instance=HomePage(title="Главная", slug="d-home"))
    news = home.add_child(instance=NewsIndexPage(title="Новости", slug="d-news"))
    page = news.add_child(
        instance=NewsPage(
            title="Выплаты выросли",
            slug="d-vyplaty",
            lead="С 1 декабря пособие выросло на 8 %.",
            body=[("text", "<p>Новую сумму начислят сами.</p>")],
        )
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page
