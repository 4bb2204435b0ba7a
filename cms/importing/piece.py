"""Create a NewsPage from a JSON file, the way a press office brings news from its old site.

The whole file is checked before anything is written: every problem is reported with the
block index and field it concerns, and nothing is created unless there are none. Block
values are validated by the blocks themselves (Wagtail's ``clean``), so the rules an editor
meets in the admin are exactly the rules the import applies.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import bleach
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from cms.blocks import PieceStreamBlock
from cms.models import NewsIndexPage, NewsPage

# What survives from an old site's HTML: the same features the editor's rich text offers.
ALLOWED_TAGS = ["p", "br", "b", "strong", "i", "em", "a", "ul", "ol", "li", "h2", "h3"]
ALLOWED_ATTRIBUTES = {"a": ["href"]}
ALLOWED_PROTOCOLS = ["http", "https", "mailto", "tel"]


class PieceImportError(Exception):
    """The file cannot be imported; ``problems`` lists every reason, one per line."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class _FileRef:
    """A path in the JSON that must become an image or a document."""

    location: str  # e.g. "body[2].photos[0].image", for messages
    path: Path
    kind: str  # "image" or "document"
    setter: object = field(repr=False, default=None)


def _load_json(path: Path) -> dict:
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PieceImportError(
            [
                _("Cannot read %(path)s: %(error)s")
                % {"path": path, "error": exc.strerror}
            ]
        ) from exc
    except UnicodeDecodeError as exc:
        raise PieceImportError(
            [_("%(path)s is not UTF-8 text.") % {"path": path}]
        ) from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise PieceImportError(
            [
                _("Invalid JSON at line %(line)s, column %(column)s: %(error)s")
                % {"line": exc.lineno, "column": exc.colno, "error": exc.msg}
            ]
        ) from exc
    if not isinstance(data, dict):
        raise PieceImportError(
            [_("The file must hold a JSON object with title, lead and body.")]
        )
    return data


def _collect_files(block, value, location: str, base: Path, refs: list, problems: list):
    """Walk a block value and replace file paths by placeholders recorded in ``refs``."""
    if isinstance(block, (ImageChooserBlock, DocumentChooserBlock)):
        kind = "image" if isinstance(block, ImageChooserBlock) else "document"
        if value in (None, ""):
            return None
        if not isinstance(value, str):
            problems.append(
                _("%(loc)s: expected a file path relative to the JSON file.")
                % {"loc": location}
            )
            return None
        ref = _FileRef(location, (base / value).resolve(), kind)
        refs.append(ref)
        return ref
    if isinstance(block, blocks.StructBlock):
        if not isinstance(value, dict):
            problems.append(
                _("%(loc)s: expected an object with fields.") % {"loc": location}
            )
            return value
        unknown = set(value) - set(block.child_blocks)
        for name in sorted(unknown):
            problems.append(
                _("%(loc)s: unknown field «%(field)s»; allowed: %(allowed)s.")
                % {
                    "loc": location,
                    "field": name,
                    "allowed": ", ".join(block.child_blocks),
                }
            )
        return {
            name: _collect_files(
                child, value.get(name), f"{location}.{name}", base, refs, problems
            )
            for name, child in block.child_blocks.items()
            if name in value
        }
    if isinstance(block, blocks.ListBlock):
        if value is None:
            return []
        if not isinstance(value, list):
            problems.append(_("%(loc)s: expected a list.") % {"loc": location})
            return []
        return [
            _collect_files(
                block.child_block, item, f"{location}[{i}]", base, refs, problems
            )
            for i, item in enumerate(value)
        ]
    if isinstance(block, blocks.RichTextBlock):
        if not isinstance(value, str):
            problems.append(_("%(loc)s: expected HTML text.") % {"loc": location})
            return ""
        return bleach.clean(
            value,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            protocols=ALLOWED_PROTOCOLS,
            strip=True,
        )
    return value


def _check_file(ref: _FileRef) -> str | None:
    if not ref.path.is_file():
        return _("%(loc)s: file %(path)s not found.") % {
            "loc": ref.location,
            "path": ref.path,
        }
    if ref.kind == "image":
        try:
            with PILImage.open(ref.path) as image:
                image.verify()
        except (UnidentifiedImageError, OSError, SyntaxError):
            return _("%(loc)s: %(path)s is not a readable image.") % {
                "loc": ref.location,
                "path": ref.path,
            }
    return None


def _flatten_errors(data: dict, location: str, names: dict | None = None) -> list[str]:
    """Turn Wagtail's nested ``as_json_data()`` of a validation error into lines.

    ``names`` labels the top-level indexes with their block type, as the first checks do:
    ``body[8] (poll).options: …``."""
    lines = [f"{location}: {message}" for message in data.get("messages", [])]
    children = data.get("blockErrors") or {}
    items = children.items() if isinstance(children, dict) else enumerate(children)
    for key, child in items:
        if child is None:
            continue
        if isinstance(key, int) or str(key).isdigit():
            sub = f"{location}[{key}]"
            if names and int(key) in names:
                sub += f" ({names[int(key)]})"
        else:
            sub = f"{location}.{key}"
        lines.extend(_flatten_errors(child, sub))
    return lines


@dataclass
class _Plan:
    data: dict
    body: list
    refs: list[_FileRef]
    cover: _FileRef | None
    parent: NewsIndexPage
    date: dt.date | None


def _plan(path: Path, parent: NewsIndexPage | None) -> _Plan:
    data = _load_json(path)
    problems: list[str] = []
    base = path.parent
    for key in ("title", "lead"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            problems.append(
                _("«%(field)s» is required and must be text.") % {"field": key}
            )
    tags = data.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        problems.append(_("«tags» must be a list of strings."))
    date = None
    if data.get("date"):
        try:
            date = dt.date.fromisoformat(str(data["date"]))
        except ValueError:
            problems.append(_("«date» must be YYYY-MM-DD."))

    stream = PieceStreamBlock()
    refs: list[_FileRef] = []
    cover = None
    if data.get("cover"):
        cover = _collect_files(
            ImageChooserBlock(), data["cover"], "cover", base, refs, problems
        )

    body = data.get("body", [])
    planned = []
    if not isinstance(body, list):
        problems.append(_("«body» must be a list of blocks."))
        body = []
    for index, item in enumerate(body):
        location = f"body[{index}]"
        if not isinstance(item, dict) or "type" not in item:
            problems.append(
                _("%(loc)s: a block needs «type» and «value».") % {"loc": location}
            )
            continue
        block_type = item["type"]
        if block_type not in stream.child_blocks:
            problems.append(
                _("%(loc)s: unknown block type «%(type)s»; known: %(known)s.")
                % {
                    "loc": location,
                    "type": block_type,
                    "known": ", ".join(stream.child_blocks),
                }
            )
            continue
        if "value" not in item:
            problems.append(
                _("%(loc)s (%(type)s): «value» is missing.")
                % {"loc": location, "type": block_type}
            )
            continue
        location = f"{location} ({block_type})"
        value = _collect_files(
            stream.child_blocks[block_type],
            item["value"],
            location,
            base,
            refs,
            problems,
        )
        planned.append((block_type, value))

    problems.extend(filter(None, (_check_file(ref) for ref in refs)))

    if parent is None:
        parent = NewsIndexPage.objects.first()
        if parent is None:
            problems.append(
                _(
                    "There is no news list page to put the piece under; run load_demo or create one."
                )
            )
    if problems:
        raise PieceImportError(problems)
    return _Plan(data, planned, refs, cover, parent, date)


def validate_piece(path: str | Path, parent: NewsIndexPage | None = None) -> None:
    """Check a file without writing anything; raises PieceImportError with every problem."""
    _plan(Path(path), parent)


def _substitute(value, created: dict):
    if isinstance(value, _FileRef):
        return created[id(value)].pk
    if isinstance(value, dict):
        return {key: _substitute(item, created) for key, item in value.items()}
    if isinstance(value, list):
        return [_substitute(item, created) for item in value]
    return value


def import_piece(
    path: str | Path,
    *,
    publish: bool = False,
    parent: NewsIndexPage | None = None,
    user=None,
) -> NewsPage:
    """Create the page (a draft, or live with ``publish``) and return it."""
    plan = _plan(Path(path), parent)
    created: dict[int, object] = {}
    try:
        with transaction.atomic():
            by_path: dict[tuple, object] = {}
            for ref in plan.refs:
                # The same file used twice (a photo and a gallery) is one library item.
                key = (ref.kind, ref.path)
                if key not in by_path:
                    by_path[key] = _create_file(ref, user)
                created[id(ref)] = by_path[key]
            raw_body = [
                {"type": t, "value": _substitute(v, created)} for t, v in plan.body
            ]
            stream = PieceStreamBlock()
            body = stream.to_python(raw_body)
            try:
                stream.clean(body)
            except ValidationError as exc:
                raise PieceImportError(
                    _flatten_errors(
                        exc.as_json_data(),
                        "body",
                        {i: block_type for i, (block_type, _v) in enumerate(plan.body)},
                    )
                ) from exc
            page = NewsPage(
                title=plan.data["title"].strip(),
                lead=plan.data["lead"].strip(),
                slug=plan.data.get("slug")
                or _free_slug(plan.parent, plan.data["title"]),
                body=body,
                cover=created.get(id(plan.cover)) if plan.cover else None,
                live=False,
                owner=user,
            )
            if plan.date:
                page.date = plan.date
            page.tags.set(plan.data.get("tags", []))
            try:
                page.full_clean(exclude=["path", "depth", "url_path"])
            except ValidationError as exc:
                raise PieceImportError(
                    [
                        f"{name}: {'; '.join(msgs)}"
                        for name, msgs in exc.message_dict.items()
                    ]
                ) from exc
            plan.parent.add_child(instance=page)
            revision = page.save_revision(user=user, log_action=True)
            if publish:
                revision.publish(user=user)
                page.refresh_from_db()
            return page
    except BaseException:
        # The database rolled back; the files written for it must go too.
        for obj in {id(obj): obj for obj in created.values()}.values():
            obj.file.delete(save=False)
        raise


def _create_file(ref: _FileRef, user):
    model = get_image_model() if ref.kind == "image" else get_document_model()
    with ref.path.open("rb") as handle:
        if ref.kind == "image":
            obj = model(
                title=ref.path.stem,
                file=ImageFile(handle, name=ref.path.name),
                uploaded_by_user=user,
            )
        else:
            obj = model(
                title=ref.path.stem,
                file=File(handle, name=ref.path.name),
                uploaded_by_user=user,
            )
        obj.save()
    return obj


def _free_slug(parent, title: str) -> str:
    base = slugify(title, allow_unicode=True)[:70] or "news"
    slug, n = base, 2
    siblings = parent.get_children()
    while siblings.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
