"""The sandbox counts a breach of a wait honestly (issue 11, «Done when»): a call that
arrived after the rate answer went out is a breach; one already on its way when the
answer left is refused too, but counted apart (the client could not have known)."""

from __future__ import annotations

import time

from sandbox.faults import Blocks


def test_a_call_after_the_answer_left_is_a_breach_one_before_is_not():
    blocks = Blocks()
    key = ("telegram", 1)
    blocks.start(key, 5, "rate_limit")
    on_its_way = time.monotonic()
    assert blocks.refusal(key, on_its_way)  # refused while the answer is being made
    blocks.answered(key)
    assert blocks.refusal(key, on_its_way)  # arrived before it left: still refused
    assert (blocks.breaches, blocks.overlapping) == (0, 2)
    assert blocks.refusal(key, time.monotonic())
    assert (blocks.breaches, blocks.overlapping) == (1, 2)
    assert blocks.breached == {"telegram:1": 1}
    assert 0 <= blocks.breach_after_ms[0] < 1000


def test_the_wait_ends_and_answered_does_not_move():
    blocks = Blocks()
    key = ("ok", 2)
    blocks.start(key, 1, "http429")
    blocks.answered(key)
    first = blocks._until[key][2]
    blocks.answered(key)  # a second answer does not move the moment
    assert blocks._until[key][2] == first
    assert blocks.refusal(("ok", 3), time.monotonic()) is None  # another account
    blocks._until[key] = (time.monotonic() - 0.1, "http429", first)
    assert blocks.refusal(key, time.monotonic()) is None
    assert blocks.breaches == 0
