"""The guard against Wagtail 8.0.1's rich-text parser shared between threads
(wagtail/wagtail#14573; cms/wagtail_fixes.py)."""

from __future__ import annotations

import json
import sys
import threading
from contextlib import contextmanager

import pytest
import wagtail
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.blocks import RichTextBlock

from cms.wagtail_fixes import GUARDED_WAGTAIL_VERSION, PerThreadHandler

FEATURES = ["bold", "italic", "h2", "ul", "ol", "link"]
HTML = "".join(
    f"<h2>Раздел {n}</h2><p>Абзац {n}: <b>жирный</b> и <i>курсив</i>.</p>"
    f"<ul><li>пункт</li><li>ещё <b>один</b></li></ul>"
    for n in range(30)
)
THREADS = 8
ROUNDS = 10


def blocks(contentstate_json: str) -> list[tuple[str, str]]:
    # Block keys are random per conversion; the types and texts must match.
    return [(b["type"], b["text"]) for b in json.loads(contentstate_json)["blocks"]]


@contextmanager
def eager_thread_switching():
    # Switch threads every microsecond instead of every 5 ms, so the threads interleave
    # inside the parser as they do under a loaded gunicorn worker.
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(previous)


def convert_at_once(convert) -> list[str]:
    """``convert(HTML)`` from THREADS threads at once; what went wrong, if anything."""
    expected = blocks(ContentstateConverter(FEATURES).from_database_format(HTML))
    start = threading.Barrier(THREADS)
    failures: list[str] = []

    def work():
        start.wait()
        for _ in range(ROUNDS):
            try:
                if blocks(convert(HTML)) != expected:
                    failures.append("another thread's text")
            except Exception as exc:  # what the race raises is the finding
                failures.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=work) for _ in range(THREADS)]
    with eager_thread_switching():
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    return failures


@contextmanager
def without_the_guard():
    guard = ContentstateConverter.__dict__["html_to_contentstate_handler"]
    del ContentstateConverter.html_to_contentstate_handler
    try:
        yield
    finally:
        ContentstateConverter.html_to_contentstate_handler = guard


def test_the_guard_is_installed_when_django_starts():
    guard = ContentstateConverter.__dict__.get("html_to_contentstate_handler")
    assert isinstance(guard, PerThreadHandler)


def test_one_converter_serves_concurrent_editors():
    assert convert_at_once(ContentstateConverter(FEATURES).from_database_format) == []


def test_the_shared_widget_of_a_rich_text_block_serves_concurrent_editors():
    # What the page editor does: one block definition, one widget, many requests.
    widget = RichTextBlock(features=FEATURES).field.widget
    assert convert_at_once(widget.format_value) == []


def test_without_the_guard_the_installed_wagtail_still_breaks():
    """When this fails, the installed Wagtail carries the fix (wagtail/wagtail#14573):
    delete cms/wagtail_fixes.py's guard, its call in cms/apps.py and this module."""
    with without_the_guard():
        failures = convert_at_once(ContentstateConverter(FEATURES).from_database_format)
    assert failures, "the unguarded converter survived: remove the guard"
    assert any("AssertionError" in f or "another thread" in f for f in failures)


def test_the_guard_names_the_release_it_was_written_for():
    installed = tuple(wagtail.VERSION[:3])
    if installed != GUARDED_WAGTAIL_VERSION:
        pytest.fail(
            f"Wagtail {installed} is installed; the rich-text guard was written for "
            f"{GUARDED_WAGTAIL_VERSION}: check whether wagtail/wagtail#14573 is in it "
            "and remove the guard, or raise GUARDED_WAGTAIL_VERSION."
        )
