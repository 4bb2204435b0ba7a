"""What the webhook batch (webhooks/batch.py) does once for many items instead of once
per item (issue 11.8).

Inside ``with batch():`` the store and the rules (ingest.py, duplicates.py,
rule_engine.py) hand their per-item side work to the open ``Batch``: the recent texts
for the duplicate check are read once and grow with each stored item, the rules'
match counters are added up and written with one UPDATE per rule, and the rules'
network actions leave in one Celery task after the commit instead of one per item.
Outside a batch (polling, a webhook handled in its request) nothing changes."""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime

from .classifier.duplicates import _fingerprint

current: ContextVar[Batch | None] = ContextVar("moderation_batch", default=None)


class RecentTexts:
    """The newest ``size`` items' texts and authors for the duplicate check of a
    batch (``duplicates.other_authors``): read once, then each stored item is added.

    Texts with the same trigrams (a campaign's copies differ in digits and
    punctuation only) form one group with its authors, and the groups are indexed by
    their sketch (``classifier.duplicates``): a new text is compared once per group
    that shares a sketch trigram — the ones ``DuplicateWindow.others`` would not skip
    — instead of once per earlier item."""

    def __init__(self, rows, size: int, window):
        self.size = size
        self.window = window
        self.entries: deque[tuple[list, str]] = deque()  # (group, author), oldest first
        self.groups: dict[
            frozenset, list
        ] = {}  # shingles -> [shingles, sketch, Counter]
        self.index: dict[int, list] = {}  # sketch trigram -> groups
        for text, author_id in reversed(list(rows)):  # oldest first
            self.add(text, author_id)

    def add(self, text: str, author_id: str) -> None:
        shingles, sketch = _fingerprint(text)
        if not author_id or len(shingles) < self.window.min_letters:
            return
        group = self.groups.get(shingles)
        if group is None:
            group = self.groups[shingles] = [shingles, sketch, Counter()]
            for key in sketch:
                self.index.setdefault(key, []).append(group)
        group[2][author_id] += 1
        self.entries.append((group, author_id))
        if len(self.entries) > self.size:
            self._forget(*self.entries.popleft())

    def _forget(self, group: list, author_id: str) -> None:
        authors = group[2]
        authors[author_id] -= 1
        if authors[author_id] <= 0:
            del authors[author_id]
        if not authors:
            del self.groups[group[0]]
            for key in group[1]:
                bucket = self.index[key]
                bucket.remove(group)
                if not bucket:
                    del self.index[key]

    def others(self, text: str, author_id: str) -> int:
        """How many other authors sent nearly ``text`` (``DuplicateWindow.others``)."""
        shingles, sketch = _fingerprint(text)
        if len(shingles) < self.window.min_letters:
            return 0
        authors: set[str] = set()
        seen: set[int] = set()
        for key in sketch:
            for group in self.index.get(key, ()):
                if id(group) in seen:
                    continue
                seen.add(id(group))
                other = group[0]
                if (
                    len(shingles & other) / len(shingles | other)
                    >= self.window.similarity
                ):
                    authors.update(group[2])
        authors.discard(author_id)
        return len(authors)


@dataclass
class Part:
    """What one event added; kept only if its savepoint commits."""

    matches: Counter = field(default_factory=Counter)
    dry_runs: Counter = field(default_factory=Counter)
    actions: list[tuple[int, int]] = field(default_factory=list)
    author_accounts: dict = field(default_factory=dict)
    texts: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Batch:
    recent: RecentTexts | None = None
    # When the request of the event being handled brought it (its row's received_at).
    received_at: datetime | None = None
    done: Part = field(default_factory=Part)
    part: Part = field(default_factory=Part)

    # -- what the store and the rules hand over --------------------------------------
    def count_match(self, rule_id: int) -> None:
        self.part.matches[rule_id] += 1

    def count_dry_runs(self, rule_ids) -> None:
        self.part.dry_runs.update(rule_ids)

    def add_action(self, item_id: int, rule_id: int) -> None:
        self.part.actions.append((item_id, rule_id))

    def look_up_authors(self, account) -> None:
        self.part.author_accounts[account.pk] = account

    def stored(self, text: str, author_id: str) -> None:
        self.part.texts.append((text, author_id))

    def others(self, text: str, author_id: str) -> int:
        """Other authors of nearly ``text`` among the recent texts (an event stores
        one item; its text joins the recent ones when the event is done)."""
        return self.recent.others(text, author_id)

    # -- one event at a time ---------------------------------------------------------
    @contextmanager
    def event(self, received_at: datetime | None = None) -> Iterator[None]:
        """Keep what the event added if it raises nothing (its savepoint commits)."""
        self.received_at = received_at
        self.part = Part()
        try:
            yield
        except BaseException:
            self.part = Part()
            raise
        done, part = self.done, self.part
        done.matches.update(part.matches)
        done.dry_runs.update(part.dry_runs)
        done.actions += part.actions
        done.author_accounts.update(part.author_accounts)
        if self.recent is not None:
            for text, author_id in part.texts:
                self.recent.add(text, author_id)
        self.part = Part()


@contextmanager
def batch() -> Iterator[Batch]:
    """Collect the side work of the items stored inside; the caller writes it
    (``webhooks/batch.py``, which may import the store and the actions)."""
    opened = Batch()
    token = current.set(opened)
    try:
        yield opened
    finally:
        current.reset(token)
