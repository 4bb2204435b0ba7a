"""``manage.py syndicate``."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from syndication.api import errors
from syndication.models import Delivery

# The fixtures (accounts, piece_page, fake_clients) live in the support module.
pytest_plugins = ["tests.syndication.test_delivery_support"]
pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("syndicate", *map(str, args), stdout=out)
    return out.getvalue()


def test_wait_sends_and_prints_one_line_per_account(piece_page, accounts, fake_clients):
    out = run(piece_page.pk, "--wait")
    lines = out.strip().splitlines()
    assert len(lines) == 3
    for delivery in Delivery.objects.select_related("account"):
        assert delivery.status == Delivery.Status.SENT
        line = next(x for x in lines if x.startswith(f"{delivery.account.network}:"))
        assert (delivery.remote_url or delivery.remote_id) in line.split("\t")
    # running it again creates nothing new and sends nothing again
    run(piece_page.pk, "--wait")
    assert Delivery.objects.count() == 3
    assert sum(len(c.calls) for k, c in fake_clients.items() if k != "for") == 3


def test_account_option_and_failure_exit(piece_page, accounts, fake_clients):
    ok = accounts[1]
    fake_clients["for"](ok).script = [errors.PermanentError("text too long")]
    with pytest.raises(CommandError) as failure:
        run(piece_page.pk, "--account", f"ok:{ok.external_id}", "--wait")
    assert Delivery.objects.get().account == ok
    assert "1" in str(failure.value)


def test_without_wait_only_schedules(piece_page, accounts, fake_clients):
    out = run(piece_page.pk, "--account", accounts[0].slug)
    assert Delivery.objects.get().status == Delivery.Status.SCHEDULED
    assert accounts[0].slug in out
    assert (
        not fake_clients[accounts[0].pk].calls
        if accounts[0].pk in fake_clients
        else True
    )


def test_page_not_live_and_unknown_account(piece_page, accounts):
    with pytest.raises(CommandError):
        run(999999)
    with pytest.raises(CommandError) as unknown:
        run(piece_page.pk, "--account", "vk:nope")
    assert "vk:nope" in str(unknown.value)
    piece_page.unpublish()
    with pytest.raises(CommandError) as not_live:
        run(piece_page.pk)
    assert piece_page.title in str(not_live.value)
