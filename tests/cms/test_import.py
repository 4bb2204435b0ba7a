"""`import_piece`: good input creates a page with every block; bad input names the block
index and field and creates nothing."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.importing import PieceImportError, import_piece
from cms.models import NewsPage

pytestmark = pytest.mark.django_db


def write_image(path, colour=(200, 60, 40)):
    path.parent.mkdir(parents=True, exist_ok=True)
    PILImage.new("RGB", (320, 200), colour).save(path, format="JPEG")


def write_gif(path):
    frames = [PILImage.new("RGB", (40, 40), (i * 40, 0, 0)) for i in range(3)]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:])
    path.write_bytes(buffer.getvalue())


def every_block_piece(tmp_path) -> dict:
    for name in ("cover", "1", "2", "3", "info"):
        write_image(tmp_path / "img" / f"{name}.jpg")
    write_gif(tmp_path / "anim.gif")
    photo = {"image": "img/1.jpg", "caption": "Подпись", "alt": "Описание фото"}
    return {
        "title": "Все блоки",
        "lead": "Лид для соцсетей.",
        "tags": ["соцзащита", "Кузбасс"],
        "cover": "img/cover.jpg",
        "date": "2026-11-20",
        "body": [
            {
                "type": "text",
                "value": "<p>Абзац с <a href='https://example.org'>ссылкой</a>.</p><script>x()</script>",
            },
            {"type": "photo", "value": {**photo, "credit": "Пресс-служба"}},
            {
                "type": "gallery",
                "value": {"photos": [photo, {**photo, "image": "img/2.jpg"}]},
            },
            {
                "type": "infographic",
                "value": {
                    "image": "img/info.jpg",
                    "title": "Цифры",
                    "text_alternative": "12 400 рублей",
                },
            },
            {
                "type": "cards",
                "value": {
                    "cards": [
                        {"title": "Шаг 1", "text": "Заявление", "image": "img/3.jpg"}
                    ]
                },
            },
            {
                "type": "animation",
                "value": {"file": "anim.gif", "caption": "Как это работает"},
            },
            {
                "type": "video",
                "value": {"url": "https://rutube.ru/video/abc/", "title": "Видео"},
            },
            {
                "type": "live",
                "value": {
                    "url": "https://vk.com/video-1_1",
                    "start": "2026-12-01T11:00:00+07:00",
                    "title": "Эфир",
                },
            },
            {
                "type": "poll",
                "value": {
                    "question": "Удобно?",
                    "options": ["Да", "Нет"],
                    "multiple": False,
                },
            },
            {
                "type": "contest",
                "value": {
                    "title": "Конкурс",
                    "terms": "Условия",
                    "start": "2026-12-01",
                    "end": "2026-12-20",
                    "how_to_enter": "Пришлите фото",
                },
            },
            {
                "type": "quote",
                "value": {"text": "Цитата", "author": "Министр", "role": "министр"},
            },
        ],
    }


def dump(tmp_path, data, name="piece.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_good_piece_creates_page_with_every_block(site_tree, tmp_path):
    path = dump(tmp_path, every_block_piece(tmp_path))
    page = import_piece(path, publish=True)
    page = NewsPage.objects.get(pk=page.pk)
    assert page.live
    assert [b.block_type for b in page.body] == [
        "text", "photo", "gallery", "infographic", "cards", "animation",
        "video", "live", "poll", "contest", "quote",
    ]  # fmt: skip
    assert sorted(page.tag_names) == ["Кузбасс", "соцзащита"]
    assert page.cover is not None
    assert str(page.date) == "2026-11-20"
    # The old site's HTML is sanitised: the script is gone, the link stays.
    html = page.body[0].value.source
    assert "<script>" not in html and 'href="https://example.org"' in html
    assert page.body[1].value["image"].pk == get_image_model().objects.get(title="1").pk
    assert page.body[5].value["file"].file.name.endswith(".gif")


def test_command_prints_page_id(site_tree, tmp_path, capsys):
    path = dump(tmp_path, every_block_piece(tmp_path))
    call_command("import_piece", str(path))
    out = capsys.readouterr().out.strip()
    page = NewsPage.objects.get(pk=int(out))
    assert not page.live  # a draft without --publish


@pytest.mark.parametrize(
    "mutate, expected",
    [
        (
            lambda d: d["body"].append({"type": "carousel", "value": {}}),
            "body[11]: неизвестный тип блока «carousel»",
        ),
        (lambda d: d["body"][8]["value"].update(options=["Один"]), "body[8] (poll)"),
        (lambda d: d["body"][10]["value"].pop("author"), "body[10] (quote).author"),
        (
            lambda d: d["body"][1]["value"].update(image="img/missing.jpg"),
            "body[1] (photo).image",
        ),
        (lambda d: d.pop("lead"), "«lead»"),
        (
            lambda d: d["body"][2]["value"]["photos"][1].update(colour="red"),
            "body[2] (gallery).photos[1]",
        ),
    ],
    ids=[
        "unknown-block",
        "poll-one-option",
        "missing-field",
        "missing-image",
        "no-lead",
        "unknown-field",
    ],
)
def test_bad_piece_names_the_block_and_creates_nothing(
    site_tree, tmp_path, mutate, expected
):
    data = every_block_piece(tmp_path)
    mutate(data)
    path = dump(tmp_path, data)
    images_before = get_image_model().objects.count()
    with pytest.raises(PieceImportError) as excinfo:
        import_piece(path)
    assert any(expected in problem for problem in excinfo.value.problems), (
        excinfo.value.problems
    )
    assert NewsPage.objects.count() == 0
    assert get_image_model().objects.count() == images_before
    assert get_document_model().objects.count() == 0


def test_unreadable_image_is_reported(site_tree, tmp_path):
    data = every_block_piece(tmp_path)
    (tmp_path / "img" / "1.jpg").write_bytes(b"not an image at all")
    with pytest.raises(PieceImportError) as excinfo:
        import_piece(dump(tmp_path, data))
    assert any(
        "не является читаемым изображением" in p for p in excinfo.value.problems
    ), excinfo.value.problems
    assert NewsPage.objects.count() == 0


def test_invalid_json_reports_line_and_creates_nothing(site_tree, tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{"title": "x",\n "lead": }', encoding="utf-8")
    with pytest.raises(CommandError) as excinfo:
        call_command("import_piece", str(path))
    assert "строка 2" in str(excinfo.value)
    assert NewsPage.objects.count() == 0


def test_validation_failure_after_files_leaves_no_files(site_tree, tmp_path, settings):
    """A block that only Wagtail's own clean() rejects (contest ending before it starts)
    is caught after the images were written: the database and the media both roll back."""
    data = every_block_piece(tmp_path)
    data["body"][9]["value"]["end"] = "2026-11-01"
    media_files = lambda: {p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()}  # noqa: E731
    settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
    before = media_files()
    with pytest.raises(PieceImportError) as excinfo:
        import_piece(dump(tmp_path, data))
    assert any("body[9] (contest).end" in p for p in excinfo.value.problems), (
        excinfo.value.problems
    )
    assert NewsPage.objects.count() == 0 and get_image_model().objects.count() == 0
    assert {p for p in media_files() - before if "original_images" in str(p)} == set()
