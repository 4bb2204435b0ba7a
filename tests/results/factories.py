"""Tracked posts and their series, written straight into the tables."""

from __future__ import annotations

from datetime import timedelta

from accounts_registry.models import Account
from results.models import AccountObservation, PostObservation, PostTracking
from syndication.models import Delivery


def account(network="vk", name="Минсоц ВКонтакте", external_id="1001", **fields):
    return Account.objects.create(
        network=network, name=name, external_id=external_id, **fields
    )


def tracked(page, account, sent_at, *, views=(100, 300), likes=(5, 9), remote="7"):
    """A sent post observed once per hour with the given views and likes."""
    delivery = Delivery.objects.create(
        page=page, account=account, status="sent", sent_at=sent_at,
        remote_ref={"ids": [remote]}, remote_url=f"https://vk.com/wall-1_{remote}",
    )  # fmt: skip
    tracking = PostTracking.objects.create(
        delivery=delivery, page=page, account=account, network=account.network,
        sent_at=sent_at, observed_at=sent_at + timedelta(hours=len(views)),
        views=views[-1] if views else None, likes=likes[-1] if likes else None,
        comments=2 if views else None,
    )  # fmt: skip
    for hour, value in enumerate(views, start=1):
        PostObservation.objects.create(
            tracking=tracking, observed_at=sent_at + timedelta(hours=hour),
            views=value, likes=likes[hour - 1] if likes else None, comments=2,
        )  # fmt: skip
    return tracking


def audience(account, sent_at, values):
    for hour, value in enumerate(values):
        AccountObservation.objects.create(
            account=account,
            observed_at=sent_at + timedelta(hours=6 * hour),
            subscribers=value,
        )


def month_of_results(pages, accounts, now, *, days=20):
    """Each page sent to each account on a different day and hour, observed hourly
    for 48 hours then daily, its views rising like a real post's."""
    import math

    trackings = []
    for index, page in enumerate(pages):
        sent = now - timedelta(days=days - 3 * index, hours=index * 5 % 12)
        for number, acc in enumerate(accounts):
            appeal = 400 + 900 * ((index * 7 + number * 3) % 5)
            hours = [h for h in range(1, 49)] + [48 + 24 * d for d in range(1, 30)]
            hours = [h for h in hours if sent + timedelta(hours=h) <= now]
            views = [int(appeal * (1 - math.exp(-h / 9)) + h) for h in hours]
            likes = [v // 30 for v in views] if acc.network == "vk" else ()
            tracking = tracked(
                page, acc, sent, views=views, likes=likes,
                remote=f"{index}{number}",
            )  # fmt: skip
            trackings.append(tracking)
    return trackings
