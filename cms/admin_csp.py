"""Wagtail's admin without inline scripts (issue 12.11).

Wagtail 8 initialises a few widgets with an inline ``<script>`` written right after
their markup. The content security policy runs no inline script, so each is replaced by
a marker that ``cms/static/cms/admin/inline-init.js`` (a file, loaded on every admin
page) turns into the same call:

- date, time and date-time inputs, InlinePanel and MultipleChooserPanel: template
  overrides in ``cms/templates/wagtailadmin/``;
- choosers (page, image, document, snippet, task), which write their script in Python
  (``BaseChooser.render``): ``render_chooser_without_script`` below, installed from
  ``CmsConfig.ready()``.

A marker names its call from an allow-list (the same in the JS file), never a free
function name: markup injected into a page must not be able to call any function it
likes. A widget this module does not know keeps Wagtail's inline script, which the
policy blocks and the browser test (tests/security/test_admin_in_browser.py) reports.
REMOVE what a Wagtail release makes unnecessary (Wagtail is moving these to Stimulus).
"""

from __future__ import annotations

import json
import logging

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.admin.widgets.chooser import BaseChooser
from wagtail.admin.widgets.workflows import AdminTaskChooser

log = logging.getLogger(__name__)

# `new <name>(id, options)`: the chooser classes Wagtail's JS defines on window.
CHOOSER_CONSTRUCTORS = frozenset(
    {"Chooser", "PageChooser", "ImageChooser", "DocumentChooser", "SnippetChooser"}
)
WAGTAIL_RENDER = BaseChooser.render


def chooser_marker(widget: BaseChooser, id_: str, name: str, value_data) -> str | None:
    """The marker that replaces ``widget``'s inline script, or None if unknown."""
    if isinstance(widget, AdminTaskChooser):
        call = {"function": "createTaskChooser"}
    elif (
        type(widget).render_js_init is BaseChooser.render_js_init
        and widget.js_constructor in CHOOSER_CONSTRUCTORS
    ):
        options = widget.get_js_init_options(id_, name, value_data)
        call = {"construct": widget.js_constructor, "options": options}
    else:
        return None
    # The id stands alone in its attribute: InlinePanel rewrites "__prefix__" in it
    # when it adds a child form, one occurrence per quoted attribute.
    return format_html(
        '<span hidden data-vestnik-init="chooser" data-vestnik-for="{}" '
        'data-vestnik-call="{}"></span>',
        id_,
        json.dumps(call),
    )


def render_chooser_without_script(self, name, value, attrs=None, renderer=None):
    """``BaseChooser.render`` with a marker instead of the inline script."""
    try:
        id_ = attrs["id"]
    except (KeyError, TypeError) as e:
        raise TypeError(
            "BaseChooser cannot be rendered without an 'id' attribute"
        ) from e
    value_data = self.get_value_data(value)
    marker = chooser_marker(self, id_, name, value_data)
    if marker is None:
        log.warning(
            "%s initialises itself with an inline script, which the content security "
            "policy blocks: teach cms/admin_csp.py its call",
            type(self).__name__,
        )
        return WAGTAIL_RENDER(self, name, value, attrs, renderer)
    widget_html = self.render_html(name, value_data, attrs)
    # render_html escapes what it writes (Wagtail's own template); the marker too.
    return mark_safe(f"{widget_html}{marker}")  # noqa: S308


def install_inline_script_free_choosers() -> None:
    """Called from ``CmsConfig.ready()``; idempotent."""
    BaseChooser.render = render_chooser_without_script
