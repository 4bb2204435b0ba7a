"""Guards against Wagtail bugs that are fixed upstream but not in the release we run.

REMOVE each guard when Wagtail is upgraded to a release that carries its fix;
``tests/cms/test_wagtail_fixes.py`` fails on an upgrade as a reminder.

Rich-text parser shared between threads (wagtail/wagtail#14573, Wagtail 8.0.1):
a ``RichTextBlock`` builds its Draftail widget once, and the widget keeps one
``ContentstateConverter`` whose ``HtmlToContentStateHandler`` is a stateful
``html.parser.HTMLParser``. Two editors opening pages at the same moment, in two threads
of one gunicorn worker, feed the same parser at once and interleave its state:
``AssertionError: unexpected call to parse_endtag`` (a 500 once in ~4,700 requests
under a few concurrent editors), or, worse, one editor's text in another's form.
The guard gives each thread its own handler; the converter's other parts (the exporter)
keep no state between calls.
"""

from __future__ import annotations

import threading

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.admin.rich_text.converters.html_to_contentstate import (
    HtmlToContentStateHandler,
)

# The release whose bug the guard works around; the test compares it with the
# installed one.
GUARDED_WAGTAIL_VERSION = (8, 0, 1)


class PerThreadHandler:
    """Stands in for ``ContentstateConverter.html_to_contentstate_handler``: each
    thread that converts gets its own parser, built from the converter's features.

    Wagtail's ``__init__`` assigns the first handler; it becomes the handler of the
    thread that built the converter, so nothing is built twice in the common case."""

    def __get__(self, converter, owner=None):
        if converter is None:
            return self
        local = self._local(converter)
        handler = getattr(local, "handler", None)
        if handler is None:
            handler = local.handler = HtmlToContentStateHandler(
                converter.features or ()
            )
        return handler

    def __set__(self, converter, handler) -> None:
        self._local(converter).handler = handler

    @staticmethod
    def _local(converter) -> threading.local:
        # setdefault is atomic under the GIL: two threads never get two locals.
        return converter.__dict__.setdefault(
            "_vestnik_thread_handlers", threading.local()
        )


def install_rich_text_parser_guard() -> None:
    """Called from ``CmsConfig.ready()``; idempotent."""
    current = ContentstateConverter.__dict__.get("html_to_contentstate_handler")
    if not isinstance(current, PerThreadHandler):
        ContentstateConverter.html_to_contentstate_handler = PerThreadHandler()
