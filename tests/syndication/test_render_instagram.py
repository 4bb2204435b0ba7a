"""Instagram render: media first (image, carousel, reel, generated card), a plain
caption within 2 200 characters and 30 hashtags, polls and GIFs as text."""

import io

import pytest
from PIL import Image

from syndication import content as c
from syndication.exceptions import RenderError
from syndication.networks import get_network
from syndication.networks.base import MEDIA_OVER_LIMIT, POLL_AS_TEXT, Message, Post
from syndication.networks.instagram import (
    COVER_CARD,
    MEDIA_UNSUPPORTED,
    TAGS_LIMITED,
    hashtag_count,
    is_generated_card,
    mention_count,
)
from syndication.render import cover_card
from tests.syndication import samples
from tests.syndication.standalone import configure_standalone

configure_standalone()

ig = get_network("instagram")


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def small_piece(*blocks, **kwargs) -> c.Piece:
    values = {
        "title": "Заголовок",
        "lead": "Лид: приём продлён.",
        "url": "https://site.ru/n/1/",
        "hashtags": ("#соцзащита", "#ДетскийСад"),
        "blocks": blocks,
    }
    values.update(kwargs)
    return c.Piece(**values)


def video(name="m", **kwargs):
    return c.Video(
        "Министр отвечает", file_url=f"https://site.ru/d/{name}.mp4", **kwargs
    )


def test_golden_single_image_post():
    piece = small_piece(
        c.Paragraph(
            (
                c.Run("Заявление — на "),
                c.Run("Госуслугах", href="https://www.gosuslugi.ru/", bold=True),
                c.Run("."),
            )
        ),
        samples.photo(1),
    )
    post = ig.render(piece)
    (message,) = post.messages
    assert message.method == "media" and message.parse_mode == ""
    assert message.options == {"media_type": "IMAGE"}
    assert message.text == (
        "Лид: приём продлён.\n\n"
        "Заявление — на Госуслугах (https://www.gosuslugi.ru/).\n\n"
        "Подпись к снимку 1. Фото: Пресс-служба\n\n"
        "Подробнее: https://site.ru/n/1/\n\n"
        "#соцзащита #ДетскийСад"
    )
    (photo,) = message.attachments
    assert photo.kind == "photo" and photo.url == samples.photo(1).url
    assert photo.spec["alt"] == "Снимок 1: зал центра реабилитации"
    assert post.warnings == []


def test_gallery_is_a_carousel_and_the_photos_over_ten_stay_on_the_site():
    post = ig.render(samples.photos_piece(14))
    (message,) = post.messages
    assert message.options["media_type"] == "CAROUSEL"
    assert [a.url for a in message.attachments] == [
        samples.photo(n).url for n in range(1, 11)
    ]
    (warning,) = [w for w in post.warnings if w.kind == MEDIA_OVER_LIMIT]
    assert warning.detail["rest"] == 4
    # Carousel items have no captions: every photo's caption is in the text.
    for n in range(1, 15):
        assert f"Подпись к снимку {n}." in message.text


def test_a_piece_leading_with_a_video_file_is_a_reel():
    piece = small_piece(video(), samples.photo(1), samples.photo(2))
    post = ig.render(piece)
    (message,) = post.messages
    assert message.options["media_type"] == "REELS"
    (reel,) = message.attachments
    assert reel.kind == "video" and reel.url == "https://site.ru/d/m.mp4"
    assert "Министр отвечает" in message.text  # the video's title is in the caption
    (warning,) = [w for w in post.warnings if w.kind == MEDIA_OVER_LIMIT]
    assert warning.detail["rest"] == 2
    assert "Подпись к снимку 1." in message.text


def test_a_video_after_a_photo_is_a_carousel_item():
    post = ig.render(small_piece(samples.photo(1), video()))
    (message,) = post.messages
    assert message.options["media_type"] == "CAROUSEL"
    assert [a.kind for a in message.attachments] == ["photo", "video"]


def test_an_mp4_animation_is_a_video_and_a_gif_is_text():
    mp4 = c.Animation("https://site.ru/d/a.mp4", "Как подать.", True, "anim")
    gif = c.Animation("https://site.ru/d/b.gif", "Гифка с инструкцией.", False, "gif")
    post = ig.render(small_piece(gif, samples.photo(1), mp4))
    (message,) = post.messages
    assert [a.kind for a in message.attachments] == ["photo", "video"]
    assert "Гифка с инструкцией." in message.text and "Как подать." in message.text
    assert MEDIA_UNSUPPORTED in post.warning_kinds()
    assert "GIF" in str(post.warnings[0]) or "GIF" in str(post.warnings[-1])


def test_a_text_only_piece_gets_a_generated_cover_card():
    cover = samples.photo(7)
    for piece, background in [
        (small_piece(samples.paragraph(1, 1)), ""),
        (small_piece(samples.paragraph(1, 1), cover=cover), cover.url),
    ]:
        post = ig.render(piece)
        (message,) = post.messages
        assert message.options["media_type"] == "IMAGE"
        (card,) = message.attachments
        assert card.kind == "photo" and card.url == "" and is_generated_card(card)
        assert card.spec["title"] == "Заголовок"
        assert card.spec["background_url"] == background
        assert card.spec["footer"] == "site.ru"
        assert card.spec["base_url"] == piece.url
        assert COVER_CARD in post.warning_kinds()


def test_polls_are_text_with_a_way_to_vote():
    post = ig.render(small_piece(samples.photo(1), samples.poll(3)))
    text = post.messages[0].text
    assert "Опрос: Как вам удобнее подавать заявления?" in text
    assert "3. Вариант 3" in text
    assert "https://site.ru/n/1/" in text
    assert all(a.kind != "poll" for a in post.messages[0].attachments)
    assert POLL_AS_TEXT in post.warning_kinds()


def test_live_and_contest_are_text():
    post = ig.render(samples.every_block_piece())
    text = post.messages[0].text
    assert "Прямая трансляция: Эфир с министром" in text
    assert "Конкурс «Моя семья»" in text


@pytest.mark.parametrize("length", [6000, 20000])
def test_caption_stays_within_2200_and_ends_with_the_link(length):
    piece = samples.long_text_piece(length, emoji=True)
    post = ig.render(piece)
    text = post.messages[0].text
    assert units(text) <= 2200
    assert text.endswith(
        f"Читать полностью: {piece.url}\n\n#соцзащита #СемьиСДетьми #Кузбасс"
    )


def test_hashtags_over_thirty_are_left_out_with_a_warning():
    tags = tuple(f"#тег{n}" for n in range(1, 41))
    body = c.Paragraph((c.Run("В тексте #первый и #второй хэштеги."),))
    post = ig.render(small_piece(body, samples.photo(1), hashtags=tags))
    text = post.messages[0].text
    assert hashtag_count(text) == 30
    assert "#тег28" in text and "#тег29" not in text  # 2 in the body + 28
    (warning,) = [w for w in post.warnings if w.kind == TAGS_LIMITED]
    assert warning.detail["dropped"] == 12


def test_a_body_with_too_many_hashtags_and_mentions_keeps_the_words():
    words = " ".join(f"#слово{n}" for n in range(1, 36))
    names = " ".join(f"@user{n}" for n in range(1, 26))
    body = c.Paragraph((c.Run(f"{words} {names} почта: a@b.ru."),))
    post = ig.render(small_piece(body, samples.photo(1)))
    text = post.messages[0].text
    assert hashtag_count(text) == 30 and mention_count(text) == 20
    assert "слово35" in text and "user25" in text and "a@b.ru" in text
    assert post.warning_kinds().count(TAGS_LIMITED) == 3  # tail tags, #, @


def test_custom_text_is_fitted_to_the_caption_limit():
    post = ig.render(
        small_piece(samples.photo(1)), options={"text": "Свой текст. " * 400}
    )
    assert units(post.messages[0].text) <= 2200


def test_check_catches_a_bad_post():
    photo = ig.render(small_piece(samples.photo(1))).messages[0].attachments[0]
    bad = [
        Message(
            "media", "x" * 2201, attachments=(photo,), options={"media_type": "IMAGE"}
        ),
        Message(
            "media", "#a " * 31, attachments=(photo,), options={"media_type": "IMAGE"}
        ),
        Message("media", "x", attachments=(photo,), options={"media_type": "CAROUSEL"}),
        Message(
            "media", "x", attachments=(photo, photo), options={"media_type": "IMAGE"}
        ),
        Message("media", "x", attachments=(photo,), options={"media_type": "REELS"}),
    ]
    for message in bad:
        with pytest.raises(RenderError):
            ig.check(Post("instagram", [message]))


# -- the cover card ---------------------------------------------------------------


def image_of(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def png(size, colour=(200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


def test_cover_card_is_a_square_jpeg_with_the_title_drawn():
    data = cover_card.render_card("Выплаты семьям с детьми продлены", footer="site.ru")
    image = image_of(data)
    assert image.format == "JPEG" and image.size == (1080, 1080)
    assert cover_card.instagram_ready(data)
    # The plain background with white letters: many pixels differ from the colour.
    colours = image.convert("RGB").getcolors(1_000_000)
    bright = sum(n for n, rgb in colours if min(rgb) > 200)
    assert bright > 2000


def test_cover_card_uses_a_cyrillic_font_when_dejavu_is_installed():
    if not cover_card.font_path():
        pytest.skip("no DejaVu font on this machine")
    assert "DejaVuSans" in cover_card.font_path()
    # Cyrillic letters have real shapes (not the .notdef box): two titles differ.
    assert cover_card.render_card("Жук") != cover_card.render_card("Щит")


def test_cover_card_falls_back_to_the_default_font(monkeypatch):
    monkeypatch.setattr(cover_card, "font_path", lambda: "")
    assert image_of(cover_card.render_card("Заголовок")).size == (1080, 1080)


def test_cover_card_over_a_background_and_a_broken_background():
    red = cover_card.render_card("Т", png((2000, 800)))
    pixel = image_of(red).convert("RGB").getpixel((5, 5))
    assert pixel[0] > pixel[2]  # the darkened red cover, not the blue background
    blue = image_of(cover_card.render_card("Т", b"not an image"))
    plain = blue.convert("RGB").getpixel((5, 5))
    assert plain[2] > plain[0]


def test_cover_card_fits_a_very_long_title():
    title = "Очень длинный заголовок новости " * 20 + "https://" + "x" * 200
    image = image_of(cover_card.render_card(title, footer="vestnik.example.ru"))
    assert image.size == (1080, 1080)


@pytest.mark.parametrize(
    "size", [(1, 1), (100, 2000), (3000, 500), (5000, 5000), (1080, 1350)]
)
def test_any_image_becomes_an_instagram_ready_jpeg(size):
    data = cover_card.to_instagram_jpeg(png(size))
    assert cover_card.instagram_ready(data), image_of(data).size
    assert not cover_card.instagram_ready(png(size))  # a PNG never is


def test_no_image_is_an_error():
    with pytest.raises(ValueError):
        cover_card.to_instagram_jpeg(b"<html>")


def test_warnings_read_in_russian():
    post = ig.render(samples.base_piece([samples.paragraph(1, 1), samples.poll(3)]))
    texts = [str(w) for w in post.warnings]
    assert (
        "В Instagram нет опросов: опрос «Как вам удобнее подавать заявления?»"
        in texts[0]
    )
    assert texts[1] == (
        "В материале нет фото и видео: для Instagram создана карточка с заголовком."
    )
