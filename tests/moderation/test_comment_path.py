"""Issue 16.7: a comment's path reads top to bottom. A VK comment followed from the
webhook to the inbox item to the rule's action (README «A comment's path»): each
step's module is entered once, in the order of the path, and the work after the
commit (the rule's network action, the author's name) does not re-enter the store."""

from __future__ import annotations

import sys

from moderation.models import InboxItem, ModerationAction, Rule
from tests.moderation.webhook_cases import SECRET

# In the request's transaction, in this order.
STORED = [
    "moderation.webhooks.base",  # receive and verify: type, size, account, JSON
    "moderation.webhooks.vk",  # the network's own checks (the secret field), parse
    "moderation.webhooks.schemas.vk",  # the network's schema
    "moderation.incoming",  # what the parser made of the event
    "moderation.ingest",  # store once
    "moderation.classify",  # its label
    "moderation.duplicates",  # the same text from other authors
    "moderation.links",  # the delivery the post came from
    "moderation.deadlines",  # its deadline
    "moderation.rule_engine",  # the first rule that holds
]
# After the commit.
AFTER = ["moderation.actions", "moderation.authors"]


class Entries:
    """The moderation modules in the order they are entered: a call from one module
    into another is an entry, a return is not."""

    def __init__(self):
        self.seen: list[str] = []

    def __call__(self, frame, event, arg):
        if event != "call":
            return
        module = frame.f_globals.get("__name__", "")
        caller = frame.f_back.f_globals.get("__name__", "") if frame.f_back else ""
        if module.startswith("moderation.") and module != caller:
            self.seen.append(module)


def first_entries(seen: list[str], wanted: list[str]) -> list[str]:
    return [m for i, m in enumerate(seen) if m in wanted and m not in seen[:i]]


def test_a_comment_goes_from_the_webhook_to_the_rule_action_in_one_pass(
    client, vk_account, fake_client, inline_actions, django_capture_on_commit_callbacks
):
    Rule.objects.create(name="Реклама", label="spam", action="delete", priority=1)
    body = {
        "type": "wall_reply_new", "group_id": 123456, "event_id": "evt-path",
        "secret": SECRET, "v": "5.199",
        "object": {
            "id": 701, "from_id": 555, "date": 1764300000, "post_id": 42,
            "owner_id": -123456,
            "text": "Заработок от 5000 в день без вложений, пиши в личку t.me/money",
        },
    }  # fmt: skip
    url = f"/hooks/vk/{vk_account.slug}/"
    client.post(url, data={}, content_type="application/json")  # URLs loaded
    entries = Entries()
    sys.setprofile(entries)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data=body, content_type="application/json")
            committed = len(entries.seen)
    finally:
        sys.setprofile(None)
    assert response.status_code == 200
    item = InboxItem.objects.get(remote_id="701")
    assert item.label == "spam"
    assert ModerationAction.objects.filter(item=item, action="delete").exists()

    stored, after = entries.seen[:committed], entries.seen[committed:]
    assert first_entries(stored, STORED) == STORED
    # The store and what it calls are entered once each; nothing in the request
    # comes back to the webhook's modules once the store has begun.
    for module in STORED[4:]:
        assert stored.count(module) == 1, (module, stored)
    begun = stored.index("moderation.ingest")
    assert not [m for m in stored[begun:] if m.startswith("moderation.webhooks")]
    assert first_entries(after, AFTER) == AFTER
    assert "moderation.ingest" not in after[: after.index("moderation.actions")]
