"""Duplicate spam across authors runs on the inbox: the same advertisement from a
second author within the hour arrives labelled spam, with a Russian note of how many
other authors sent it; the first copy, the same author again, short texts and copies
older than the window stay as the classifier read them."""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from moderation import ingest
from moderation.classifier import DuplicateWindow
from moderation.duplicates import other_authors
from moderation.models import InboxItem

# A praise campaign: each copy is clean on its own, the copies are the spam.
AD = (
    "Очень хорошая новость, спасибо администрации за заботу о семьях с детьми "
    "нашего района"
)


def incoming(remote_id, author, text=AD):
    return ingest.Incoming(remote_id=remote_id, post_remote_id="42", author_id=author,
                           text=text, raw={"id": remote_id})  # fmt: skip


def test_the_same_text_from_other_authors_is_spam(vk_account):
    first, _ = ingest.store(vk_account, incoming("1", "101"))
    assert first.label == "clean"
    again, _ = ingest.store(vk_account, incoming("2", "101"))  # the same author
    assert again.label == "clean"
    second, _ = ingest.store(vk_account, incoming("3", "202", AD.upper() + "!!"))
    assert second.label == "spam" and "spam" in second.labels
    assert second.score >= 0.8
    assert "прислал ещё 1 автор." in second.explanation
    third, _ = ingest.store(vk_account, incoming("4", "303"))
    assert "прислали ещё 2 автора." in third.explanation


def test_short_texts_and_old_copies_do_not_count(vk_account):
    for n, author in enumerate(("1", "2", "3")):
        item, _ = ingest.store(vk_account, incoming(f"s{n}", author, "Спасибо!"))
        assert item.label == "clean"
    old, _ = ingest.store(vk_account, incoming("o1", "101"))
    InboxItem.objects.filter(pk=old.pk).update(
        received_at=timezone.now() - timedelta(hours=2)
    )
    fresh, _ = ingest.store(vk_account, incoming("o2", "202"))
    assert fresh.label == "clean"


def test_the_window_is_a_setting(vk_account, settings):
    settings.MODERATION_DUPLICATE_WINDOW = 7200
    old, _ = ingest.store(vk_account, incoming("w1", "101"))
    InboxItem.objects.filter(pk=old.pk).update(
        received_at=timezone.now() - timedelta(hours=1, minutes=30)
    )
    fresh, _ = ingest.store(vk_account, incoming("w2", "202"))
    assert fresh.label == "spam"


def test_the_inbox_asks_what_feeding_the_window_would_answer():
    """``DuplicateWindow.others`` (what the inbox asks for each new item) answers as
    feeding every earlier text and then the new one would, for copies, near copies,
    the same author, short texts and unrelated texts."""
    rng = random.Random(3)
    texts = [
        AD,
        AD.upper() + "!!",
        AD.replace("района", "города"),
        "Когда откроют новую школу в микрорайоне Лесная Поляна, подскажите",
        "Спасибо!",
        "Заработок от 100000 в день, пишите в личные сообщения прямо сейчас",
    ]
    for _ in range(60):
        earlier = [
            (rng.choice(texts), str(rng.randint(1, 6)))
            for _ in range(rng.randint(0, 12))
        ]
        text, author = rng.choice(texts), str(rng.randint(1, 6))
        fed = DuplicateWindow()
        for number, (other_text, other_author) in enumerate(earlier):
            fed.feed(other_text, other_author, float(number))
        expected = fed.feed(text, author, float(len(earlier)))
        assert DuplicateWindow().others(text, author, earlier) == expected


def test_a_new_item_is_compared_with_each_earlier_one_once(vk_account, monkeypatch):
    """Issue 11.8: the check runs before the webhook's answer. It fed the 300 newest
    items into a window and so compared them with each other too (tens of thousands
    of comparisons, ~30 ms per event in a campaign); now the new text is compared
    with each earlier text once."""
    now = timezone.now()
    InboxItem.objects.bulk_create(
        InboxItem(account=vk_account, network="vk", remote_id=f"c{n}", text=AD,
                  author_id=f"a{n}", received_at=now - timedelta(seconds=n))
        for n in range(1, 301)
    )  # fmt: skip
    compared = []
    real = DuplicateWindow._jaccard
    monkeypatch.setattr(
        DuplicateWindow,
        "_jaccard",
        staticmethod(lambda a, b: compared.append(1) or real(a, b)),
    )
    assert other_authors(AD, "new-author", now) == 300
    assert len(compared) <= 300
