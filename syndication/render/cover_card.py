"""JPEG images Instagram accepts: a generated cover card for a text-only piece, and
any photo re-encoded to fit Instagram's image rules.

Instagram publishes images only from a public URL, JPEG only (docs/networks.md §5.3), at
most 8 MiB, aspect ratio between 4:5 and 1.91:1 and width 320-1440 px (§5.4; the
numbers come from a publishing tool's spec, so we stay inside them with a margin:
1080 px squares and ≤ 1440 px wide re-encodes).

Both functions are pure (bytes in, bytes out). The only thing read from disk is the
font: DejaVu Sans (Cyrillic) from /usr/share/fonts when present, else Pillow's
built-in font (whose bitmap fallback has no Cyrillic on old Pillows, so the
DejaVu lookup comes first).
"""

from __future__ import annotations

import base64
import io
import textwrap
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

from django.conf import settings
from PIL import Image, ImageDraw, ImageFont, ImageOps

CARD_SIZE = (1080, 1080)  # 1:1 - inside 4:5..1.91:1, and the preview is square
MIN_RATIO, MAX_RATIO = 4 / 5, 1.91  # width / height
MIN_WIDTH, MAX_WIDTH = 320, 1440
MAX_BYTES = 8 * 1024 * 1024
BACKGROUND = (22, 58, 99)  # the press office's dark blue
TEXT_COLOUR = (255, 255, 255)
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts")
FONT_NAMES = ("DejaVuSans-Bold.ttf", "DejaVuSans.ttf")
# Bumped when the drawing changes, so stored cards are drawn anew (client's file name).
CARD_VERSION = "1"
# An attachment's ``spec["generated"]`` when it is a card we draw (no URL yet): the
# render marks it, the preview and the Instagram client draw it.
GENERATED_CARD = "cover_card"


def is_generated_card(attachment) -> bool:
    return attachment.spec.get("generated") == GENERATED_CARD


@cache
def font_path() -> str:
    """The first DejaVu Sans found, or "" (Pillow's default font is used then)."""
    for directory in FONT_DIRS:
        root = Path(directory)
        if not root.is_dir():
            continue
        for name in FONT_NAMES:
            direct = root / name
            if direct.is_file():
                return str(direct)
            found = next(root.rglob(name), None)
            if found:
                return str(found)
    return ""


def _font(size: int):
    path = font_path()
    if path:
        return ImageFont.truetype(path, size)
    try:
        return ImageFont.load_default(size)  # Pillow ≥ 10.1: a scalable font
    except TypeError:  # pragma: no cover - older Pillow
        return ImageFont.load_default()


def _wrap(draw, text: str, font, width: int) -> list[str]:
    """Greedy word wrap by measured pixel width."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}".strip()
            if draw.textlength(candidate, font=font) <= width or not current:
                current = candidate
            else:
                lines.append(current)
                current = word
        if current:
            lines.append(current)
    return lines


def _fit_title(draw, title: str, box: tuple[int, int]):
    """The largest font size (down to a floor) whose wrapped title fits the box; at
    the floor the title is cut with «…» (the caption carries it in full)."""
    width, height = box
    for size in range(96, 35, -6):
        font = _font(size)
        lines = _wrap(draw, title, font, width)
        line_height = int(size * 1.25)
        if len(lines) * line_height <= height and all(
            draw.textlength(line, font=font) <= width for line in lines
        ):
            return font, lines, line_height
    size = 36
    font = _font(size)
    line_height = int(size * 1.25)
    room = max(1, height // line_height)
    lines = _wrap(draw, title, font, width)
    if len(lines) > room:
        lines = lines[:room]
        lines[-1] = textwrap.shorten(lines[-1] + " …", width=len(lines[-1]) + 2)
        if not lines[-1].endswith("…"):
            lines[-1] = lines[-1].rstrip(".,;: ") + "…"
    # A single word wider than the card (a giant URL) is cut by characters.
    lines = [_cut_to_width(draw, line, font, width) for line in lines]
    return font, lines, line_height


def _cut_to_width(draw, line: str, font, width: int) -> str:
    if draw.textlength(line, font=font) <= width:
        return line
    while line and draw.textlength(line + "…", font=font) > width:
        line = line[:-1]
    return line + "…"


def _cover(background: bytes | None, size: tuple[int, int]) -> Image.Image:
    """The background: the piece's cover cropped to fill and darkened, or plain."""
    if background:
        try:
            with Image.open(io.BytesIO(background)) as source:
                image = ImageOps.fit(source.convert("RGB"), size)
        except (OSError, ValueError, Image.DecompressionBombError):
            image = None
        if image is not None:
            shade = Image.new("RGB", size, (0, 0, 0))
            return Image.blend(image, shade, 0.55)
    return Image.new("RGB", size, BACKGROUND)


def render_card(
    title: str,
    background: bytes | None = None,
    *,
    footer: str = "",
    size: tuple[int, int] = CARD_SIZE,
    quality: int = 88,
) -> bytes:
    """A JPEG: ``title`` in white over ``background`` (image bytes, any format Pillow
    reads; a broken image falls back to the plain colour), ``footer`` (the site's
    name or address) small at the bottom."""
    image = _cover(background, size)
    draw = ImageDraw.Draw(image)
    margin = size[0] // 12
    footer_font = _font(max(24, size[0] // 36))
    footer_height = int(footer_font.size * 2.2) if footer else 0
    box = (size[0] - 2 * margin, size[1] - 2 * margin - footer_height)
    font, lines, line_height = _fit_title(draw, title.strip() or " ", box)
    top = margin + (box[1] - len(lines) * line_height) // 2
    for index, line in enumerate(lines):
        draw.text(
            (margin, top + index * line_height), line, font=font, fill=TEXT_COLOUR
        )
    if footer:
        text = _cut_to_width(draw, footer, footer_font, box[0])
        draw.text(
            (margin, size[1] - margin - footer_font.size),
            text,
            font=footer_font,
            fill=(220, 228, 240),
        )
    return _jpeg(image, quality)


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue()


def instagram_ready(data: bytes, content_type: str = "") -> bool:
    """Whether an image can be sent to Instagram as it is: a JPEG of allowed size,
    width and aspect ratio."""
    if len(data) > MAX_BYTES:
        return False
    try:
        with Image.open(io.BytesIO(data)) as image:
            kind, (width, height) = image.format, image.size
    except (OSError, ValueError, Image.DecompressionBombError):
        return False
    return (
        kind == "JPEG"
        and MIN_WIDTH <= width <= MAX_WIDTH
        and MIN_RATIO <= width / height <= MAX_RATIO
    )


def to_instagram_jpeg(data: bytes, quality: int = 88) -> bytes:
    """Re-encode any image as a JPEG Instagram accepts: scaled to 320-1440 px wide,
    padded (never cropped: nothing of the photo is lost) with the card colour to the
    nearest allowed aspect ratio. Raises ``ValueError`` for bytes that are no image."""
    try:
        with Image.open(io.BytesIO(data)) as source:
            image = ImageOps.exif_transpose(source).convert("RGB")
    except (OSError, Image.DecompressionBombError) as exc:
        raise ValueError(f"not an image: {exc}") from exc
    width, height = image.size
    ratio = width / height
    if ratio < MIN_RATIO:  # too tall: pad the sides
        canvas_size = (round(height * MIN_RATIO) + 1, height)
    elif ratio > MAX_RATIO:  # too wide: pad top and bottom
        canvas_size = (width, round(width / MAX_RATIO) + 1)
    else:
        canvas_size = (width, height)
    if canvas_size != (width, height):
        canvas = Image.new("RGB", canvas_size, BACKGROUND)
        canvas.paste(
            image,
            ((canvas_size[0] - width) // 2, (canvas_size[1] - height) // 2),
        )
        image = canvas
    target_width = min(max(image.width, MIN_WIDTH), MAX_WIDTH)
    if target_width != image.width:
        scale = target_width / image.width
        image = image.resize(
            (target_width, max(1, round(image.height * scale))), Image.LANCZOS
        )
    result = _jpeg(image, quality)
    while len(result) > MAX_BYTES and quality > 40:
        quality -= 15
        result = _jpeg(image, quality)
    return result


def local_media_bytes(url: str) -> bytes | None:
    """The bytes of one of our own files under MEDIA_ROOT named by ``url``, or None
    (no HTTP: the preview must stay fast and work offline)."""
    path = urlparse(url or "").path
    if not path.startswith(settings.MEDIA_URL):
        return None
    root = Path(settings.MEDIA_ROOT).resolve()
    local = (root / path[len(settings.MEDIA_URL) :]).resolve()
    if root not in local.parents or not local.is_file():
        return None
    return local.read_bytes()


def card_data_uri(spec: dict, size: int = 540) -> str:
    """The generated card of a render's attachment spec as a ``data:`` URI, drawn as
    the client will draw it (smaller), for the «Соцсети» preview."""
    data = render_card(
        spec.get("title", ""),
        local_media_bytes(spec.get("background_url", "")),
        footer=spec.get("footer", ""),
        size=(size, size),
        quality=80,
    )
    return "data:image/jpeg;base64," + base64.b64encode(data).decode("ascii")
