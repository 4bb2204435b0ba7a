"""The piece's title field grows with a long press title (a textarea in place of
Wagtail's one-line input); line breaks never reach the title."""

from __future__ import annotations

import pytest
from wagtail.admin.widgets import AdminAutoHeightTextInput

from cms.forms import NewsPageForm
from cms.models import NewsPage


def test_the_title_field_grows_and_enter_does_not_break_it():
    panel = NewsPage.content_panels[0]
    assert panel.field_name == "title"
    widget = panel.widget
    assert isinstance(widget, AdminAutoHeightTextInput)
    assert "w-autosize" in widget.attrs["data-controller"]
    assert "keydown.enter->w-action#noop:prevent" in widget.attrs["data-action"]


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        (
            "Семьи участников СВО\nполучат выплату",
            "Семьи участников СВО получат выплату",
        ),
        ("  Выплаты  выросли \r\n", "Выплаты выросли"),
    ],
)
def test_pasted_line_breaks_become_spaces(typed, kept):
    form = NewsPageForm.__new__(NewsPageForm)
    form.cleaned_data = {"title": typed}
    assert form.clean_title() == kept
