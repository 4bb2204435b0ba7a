"""Small builders shared by tests (importable, unlike conftest.py)."""

import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model


def make_image(title: str = "Тестовое фото", size=(640, 480), colour=(30, 90, 160)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, format="JPEG")
    image = get_image_model()(title=title, file=ImageFile(buffer, name="test.jpg"))
    image.save()
    return image
