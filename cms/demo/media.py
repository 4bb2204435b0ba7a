"""Pictures and an animation drawn with Pillow, so the demo ships no binary files."""

from __future__ import annotations

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

PALETTES = {
    "blue": ((22, 78, 140), (120, 180, 230)),
    "green": ((30, 110, 70), (160, 210, 150)),
    "orange": ((190, 90, 20), (250, 200, 120)),
    "violet": ((80, 50, 130), (190, 160, 230)),
    "teal": ((10, 100, 110), (140, 215, 210)),
}


FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/Library/Fonts/Arial.ttf",
)


def _cyrillic_font(size: int):
    for path in FONT_CANDIDATES:
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return None


def draw_picture(palette: str, label: str, size=(1200, 800)) -> bytes:
    """A gradient with a few shapes and a label: enough to tell the demo pictures apart."""
    top, bottom = PALETTES[palette]
    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(height):
        t = y / (height - 1)
        colour = tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (width, y)], fill=colour)
    draw.ellipse(
        [width * 0.62, height * 0.12, width * 0.92, height * 0.57], fill=bottom
    )
    draw.rectangle([width * 0.08, height * 0.62, width * 0.55, height * 0.82], fill=top)
    font = _cyrillic_font(48)
    if font is not None:  # Pillow's built-in font has no Cyrillic: no label beats tofu
        draw.text((width * 0.1, height * 0.68), label, fill=(255, 255, 255), font=font)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def draw_animation(frames: int = 8) -> bytes:
    """A small looping GIF: a dot walking along a progress bar."""
    images = []
    for i in range(frames):
        frame = Image.new("RGB", (480, 160), (245, 247, 250))
        draw = ImageDraw.Draw(frame)
        draw.rounded_rectangle([40, 70, 440, 90], radius=10, fill=(200, 210, 225))
        x = 40 + (400 * i) // (frames - 1)
        draw.rounded_rectangle([40, 70, x, 90], radius=10, fill=(22, 78, 140))
        draw.ellipse([x - 14, 66, x + 14, 94], fill=(190, 90, 20))
        images.append(frame)
    buffer = io.BytesIO()
    images[0].save(
        buffer,
        format="GIF",
        save_all=True,
        append_images=images[1:],
        duration=180,
        loop=0,
    )
    return buffer.getvalue()


def demo_image(title: str, palette: str, label: str):
    """Get or create a library image by title (idempotent)."""
    Image_ = get_image_model()
    existing = Image_.objects.filter(title=title).first()
    if existing:
        return existing
    data = draw_picture(palette, label)
    image = Image_(
        title=title, file=ImageFile(io.BytesIO(data), name=f"demo-{palette}.jpg")
    )
    image.save()
    return image


def demo_animation(title: str):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    document = Document(
        title=title, file=ContentFile(draw_animation(), name="demo-animation.gif")
    )
    document.save()
    return document
