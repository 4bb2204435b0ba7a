"""Fixtures of the moderation tests: accounts with webhook settings, a fake client."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from accounts_registry.conf import TECH_GROUP
from accounts_registry.models import Account
from accounts_registry.restricted import decide
from moderation.defaults import MODERATOR_GROUP, ensure_default_rules
from moderation.models import Rule, WebhookEndpoint
from tests.moderation.webhook_cases import SECRET

# The accounts' ids on the networks whose fixtures are here.
PAGE = "546349135390552"  # a Facebook Page
IG_USER = "17841400000000001"  # an Instagram business account
MAX_CHAT = -70000000000042  # a MAX channel


def make_account(network: str, external_id: str, slug: str, **extra) -> Account:
    # Transactional tests flush the data migration's rows: put the defaults back.
    ensure_default_rules(Rule)
    account = Account.objects.create(
        network=network, name=f"{network} account", external_id=external_id, slug=slug
    )
    WebhookEndpoint.objects.create(
        account=account, secret=SECRET, confirmation_code="e7e13fe2", **extra
    )
    return account


@pytest.fixture
def vk_account(db):
    return make_account("vk", "-123456", "vk-soc")


@pytest.fixture
def tg_account(db):
    return make_account("telegram", "@soc_kuzbass", "tg-soc")


@pytest.fixture
def ok_account(db):
    return make_account("ok", "700000000001", "ok-soc")


@pytest.fixture
def max_account(db):
    return make_account("max", str(MAX_CHAT), "max-soc")


@pytest.fixture
def meta_enabled(db):
    """Facebook and Instagram are blocked until switched on, on record."""
    for network in ("facebook", "instagram"):
        decide(network, True, reason="Тест вебхуков Meta", actor="pytest")


@pytest.fixture
def facebook_account(db):
    return make_account("facebook", PAGE, "fb-soc")


@pytest.fixture
def instagram_account(db):
    return make_account("instagram", IG_USER, "ig-soc")


@pytest.fixture
def technician(django_user_model, db):
    """Денис: the group the migrations give its permissions."""
    user = django_user_model.objects.create_user("denis", "denis@minsoc.example", "x")
    user.groups.add(Group.objects.get(name=TECH_GROUP))
    return user


@pytest.fixture
def moderator(django_user_model, db):
    user = django_user_model.objects.create_user("mod", "mod@minsoc.example", "x")
    user.groups.add(Group.objects.get(name=MODERATOR_GROUP))
    return user


class FakeClient:
    """Stands in at the ``get_client`` boundary: records calls, fails on request."""

    def __init__(self):
        self.calls: list[tuple] = []
        self.failures: dict[str, list[Exception]] = {}
        self.comments: dict[str, list] = {}

    def fail(self, method: str, *errors: Exception) -> None:
        self.failures.setdefault(method, []).extend(errors)

    def _call(self, method, *args, **kwargs):
        self.calls.append((method, args, kwargs))
        pending = self.failures.get(method)
        if pending:
            raise pending.pop(0)
        return {"method": method, "ok": 1}

    def delete_comment(self, post_id, comment_id):
        return self._call("delete_comment", post_id, comment_id)

    def hide_comment(self, post_id, comment_id):
        return self._call("hide_comment", post_id, comment_id)

    def reply(self, post_id, comment_id, text):
        return self._call("reply", post_id, comment_id, text)

    def ban(self, user_id, reason, until=None):
        return self._call("ban", user_id, reason, until=until)

    def unban(self, user_id):
        return self._call("unban", user_id)

    def fetch_comments(self, post_id, cursor=None):
        """Pages of two comments; the cursor is the index of the next comment."""
        self.calls.append(("fetch_comments", (post_id, cursor), {}))
        pending = self.failures.get("fetch_comments")
        if pending:
            raise pending.pop(0)
        items = self.comments.get(post_id, [])
        start = cursor or 0
        page = items[start : start + 2]
        return page, start + len(page)


@pytest.fixture
def fake_client(monkeypatch):
    client = FakeClient()
    monkeypatch.setattr("moderation.actions.get_client", lambda account: client)
    monkeypatch.setattr("moderation.actions.sleep", lambda seconds: None)
    return client


@pytest.fixture
def inline_actions(settings):
    """Rules' network actions run right after the commit instead of in Celery."""
    settings.MODERATION_AUTO_ACTIONS_ASYNC = False


@pytest.fixture(autouse=True)
def fresh_delivery_cache():
    """Ids are reused between tests: per-process caches must not carry over."""
    from django.core.cache import cache

    from moderation import links, rule_engine
    from moderation.webhooks import base

    links._cache.clear()
    rule_engine._rules_cache.clear()
    base._endpoints.clear()
    cache.clear()
    yield
    links._cache.clear()
    rule_engine._rules_cache.clear()
    base._endpoints.clear()


@pytest.fixture
def broken(monkeypatch):
    """The classifier fails on texts with «сломанный» until ``state["broken"]``
    is set false: a processing failure the webhook batch must retry, not lose."""
    from moderation import ingest

    classify = ingest.classify_text
    state = {"broken": True}

    def classify_text(text):
        if state["broken"] and "сломанный" in text:
            raise RuntimeError("classifier down")
        return classify(text)

    monkeypatch.setattr("moderation.ingest.classify_text", classify_text)
    return state
