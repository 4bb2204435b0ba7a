"""Duplicate spam across authors runs on the inbox: the same advertisement from a
second author within the hour arrives labelled spam, with a Russian note of how many
other authors sent it; the first copy, the same author again, short texts and copies
older than the window stay as the classifier read them."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from moderation import ingest
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
