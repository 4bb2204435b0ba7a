"""The page the «Соцсети» preview shows: the editor's form as it is now, half-filled.

A draft is the normal state of a piece: a photo block waits for its image, a poll for
its options. Wagtail's form rejects such data as a whole, and reading it into a post
crashed (``'NoneType' object has no attribute 'get_rendition'``). Here every field the
form accepts is taken, the body is read from the form without validation, and each
block that is not ready yet is set aside and named, so the preview shows the rest.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import CharField, TextField
from django.utils.translation import gettext as _
from wagtail.blocks import StreamValue

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Unfinished:
    """A block the networks get nothing from until the editor fills it in."""

    number: int  # 1-based, as the editor counts blocks
    label: str  # «Фото», «Опрос»
    missing: tuple[str, ...]  # the labels of the fields to fill in

    def __str__(self) -> str:
        fields = ", ".join(f"«{name}»" for name in self.missing)
        if fields:
            return _("%(block)s, block %(number)s: fill in %(fields)s.") % {
                "block": self.label,
                "number": self.number,
                "fields": fields,
            }
        return _("%(block)s, block %(number)s: not filled in yet.") % {
            "block": self.label,
            "number": self.number,
        }


def _missing_fields(block, error: ValidationError) -> tuple[str, ...]:
    """The labels of the fields an error of ``block.clean`` is about."""
    block_errors = getattr(error, "block_errors", None)
    if not block_errors:
        return ()
    child_blocks = getattr(block, "child_blocks", None)
    if child_blocks is None:  # a list: its items are the one child block
        return (str(block.label),)
    return tuple(
        str(child_blocks[name].label) for name in block_errors if name in child_blocks
    )


def split_body(body) -> tuple[StreamValue | None, list[Unfinished]]:
    """``body`` without the blocks that do not validate yet, and those blocks named.
    A block that validates is read exactly as publishing will read it."""
    if body is None:
        return body, []
    ready, unfinished = [], []
    for number, child in enumerate(body, start=1):
        try:
            child.block.clean(child.value)
        except ValidationError as error:
            unfinished.append(
                Unfinished(
                    number, str(child.block.label), _missing_fields(child.block, error)
                )
            )
            continue
        ready.append((child.block_type, child.value, child.id))
    return StreamValue(body.stream_block, ready, is_lazy=False), unfinished


def draft_from_form(request, page, *, parent=None):
    """``page`` with every field of the editor's form that is valid now; the body as
    typed, unvalidated. ``None`` when the form carries no page data at all (the
    editor's scripts have not built the form yet)."""
    data = request.POST.copy()
    if "title" not in data:
        return None
    data["title"] = data["title"] or page.title or _("Untitled piece")
    data.setdefault("slug", page.slug or str(uuid.uuid4()))
    if not data.get("slug"):
        data["slug"] = page.slug or str(uuid.uuid4())
    parent = parent or page.get_parent().specific
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(
        data, request.FILES, instance=page, parent_page=parent, for_user=request.user
    )
    if hasattr(page, "body") and "body-count" not in data:
        # The editor's scripts have not built the body's inputs yet: keep the body.
        form.fields.pop("body", None)
    try:
        # Fills ``page`` with the fields that are valid (ModelForm's _post_clean).
        form.is_valid()
    except (KeyError, ValueError):
        # A widget's data is missing mid-edit (a block being added): keep the page.
        logger.info("preview: the form data is incomplete", exc_info=True)
        return page
    # The chief editor's unsaved «Соцсети» tab: the preview shows those accounts.
    choice = getattr(form, "syndication", None)
    page._preview_choice = choice if choice is not None and choice.is_valid() else None
    cleaned = getattr(form, "cleaned_data", {})
    if "tags" in cleaned and hasattr(page, "tags"):
        page.tags.set(cleaned["tags"])
    if "body" in form.errors and hasattr(page, "body"):
        page.body = _body_as_typed(page, data, request.FILES)
    for name in form.errors:
        # A text the form rejects (the lead emptied, a title too long) is still
        # what the editor sees in the form: preview that, not the saved one.
        if isinstance(_model_field(page, name), (CharField, TextField)):
            setattr(page, name, data.get(name, ""))
    return page


def _model_field(page, name):
    try:
        return page._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _body_as_typed(page, data, files):
    """The stream as the form describes it, without validation; the saved body if
    the form's stream data is not there (yet)."""
    try:
        return page.body.stream_block.value_from_datadict(data, files, "body")
    except (KeyError, ValueError, TypeError):
        logger.info("preview: the body's form data is incomplete", exc_info=True)
        return page.body
