"""The neutral Piece: hashtags, rich text parsing, and reading a real NewsPage."""

import pytest

from syndication import content as c
from syndication.render.page_reader import piece_from_page
from syndication.render.richtext import blocks_from_html
from tests.syndication.standalone import configure_standalone

configure_standalone()


@pytest.mark.parametrize(
    ("tag", "hashtag"),
    [
        ("соцзащита", "#соцзащита"),
        ("детский сад", "#ДетскийСад"),
        ("МЧС России", "#МЧСРоссии"),
        ("COVID-19", "#COVID19"),
        ("«Единая» (выплата)!", "#ЕдинаяВыплата"),
        ("Кузбасс-2026", "#Кузбасс2026"),
        ("#уже_хэштег", "#уже_хэштег"),
        ("2026", ""),
        ("  ", ""),
        ("ёлка", "#ёлка"),
    ],
)
def test_hashtag_from_tag(tag, hashtag):
    assert c.hashtag_from_tag(tag) == hashtag


def test_multiword_with_punctuation_becomes_camel_case():
    assert (
        c.hashtag_from_tag("семьи с детьми, многодетные") == "#СемьиСДетьмиМногодетные"
    )


def test_hashtags_keep_order_and_drop_repeats_and_empties():
    tags = ["Кузбасс", "соцзащита", "кузбасс", "2026", "детский сад"]
    assert c.hashtags_from_tags(tags) == ("#Кузбасс", "#соцзащита", "#ДетскийСад")


def test_rich_text_paragraphs_links_and_formatting():
    html = (
        '<p>Выплаты &amp; льготы: <a href="https://x.ru/?a=1&amp;b=2">условия</a>'
        " и <b>сроки</b>,&nbsp;<i>подробно</i>.</p><p>  </p><h3>Итоги</h3>"
    )
    blocks = blocks_from_html(html, "blk")
    assert blocks == [
        c.Paragraph(
            (
                c.Run("Выплаты & льготы: "),
                c.Run("условия", href="https://x.ru/?a=1&b=2"),
                c.Run(" и "),
                c.Run("сроки", bold=True),
                c.Run(", "),
                c.Run("подробно", italic=True),
                c.Run("."),
            ),
            "blk",
        ),
        c.Heading((c.Run("Итоги"),), 3, "blk"),
    ]


def test_rich_text_nested_lists():
    html = (
        "<ol><li>Первое<ul><li>вложенное <b>жирное</b></li><li>ещё</li></ul></li>"
        "<li>Второе</li></ol><p>После списка.</p>"
    )
    blocks = blocks_from_html(html)
    outer, after = blocks
    assert isinstance(outer, c.ListBlock) and outer.ordered
    assert [c.runs_text(i.runs) for i in outer.items] == ["Первое", "Второе"]
    (inner,) = outer.items[0].children
    assert not inner.ordered
    assert inner.items[0].runs == (c.Run("вложенное "), c.Run("жирное", bold=True))
    assert after == c.Paragraph((c.Run("После списка."),))


def test_rich_text_line_break_and_unknown_tags_keep_text():
    blocks = blocks_from_html("<p>Строка<br/>вторая <span>и <u>ещё</u></span></p>")
    assert blocks[0].text == "Строка\nвторая и ещё"


def test_piece_is_frozen_and_network_neutral():
    piece = c.Piece("T", "L", "https://x.ru/")
    with pytest.raises(AttributeError):
        piece.title = "other"
    import syndication.content as module

    assert "wagtail" not in module.__dict__


# --- reading a real NewsPage ---------------------------------------------------------


@pytest.fixture
def document(db):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    doc = get_document_model()(title="Анимация")
    doc.file.save("how-to.gif", ContentFile(b"GIF89a"), save=False)
    doc.save()
    return doc


@pytest.fixture
def full_page(news_page, image, document):
    from datetime import date, datetime

    photo = {"image": image, "alt": "Зал", "caption": "Открытие.", "credit": "ИА"}
    news_page.body = [
        (
            "text",
            f'<p>Смотрите <a linktype="page" id="{news_page.pk}">новость</a> &amp; '
            "<b>итоги</b>.</p><h2>Кому</h2><ul><li>семьям<ul><li>с детьми</li>"
            "</ul></li></ul>",
        ),
        ("photo", photo),
        ("gallery", {"title": "Фото", "photos": [photo, photo]}),
        (
            "infographic",
            {"image": image, "title": "Сумма", "text_alternative": "12 400 ₽."},
        ),
        ("cards", {"title": "", "cards": [{"title": "Шаг", "text": "Подайте."}]}),
        ("animation", {"file": document, "caption": "Гифка."}),
        ("video", {"url": "https://rutube.ru/video/1/", "title": "Эфир"}),
        (
            "live",
            {
                "url": "https://vk.com/live",
                "start": datetime(2026, 12, 1, 11, 0),
                "title": "Прямой эфир",
            },
        ),
        (
            "poll",
            {"question": "Удобно?", "options": ["Да", "Нет"], "anonymous": True},
        ),
        (
            "contest",
            {
                "title": "Конкурс",
                "terms": "Фото.",
                "start": date(2026, 12, 1),
                "end": date(2026, 12, 20),
                "how_to_enter": "Пришлите.",
            },
        ),
        ("quote", {"text": "Поможем.", "author": "Воронина", "role": "министр"}),
    ]
    news_page.save_revision().publish()
    news_page.refresh_from_db()
    return news_page


@pytest.mark.django_db
def test_piece_from_page_reads_every_block(full_page):
    piece = piece_from_page(full_page)
    assert piece.title == "Выплаты выросли"
    assert piece.lead == "С 1 декабря пособие выросло на 8 %."
    # posts carry the short link, ASCII and short (issue 17), not the Cyrillic slug
    assert piece.url == full_page.get_site().root_url + f"/n/{full_page.pk}/"
    assert sorted(piece.hashtags) == ["#Кузбасс", "#соцзащита"]  # tag order: DB's
    assert piece.cover.url.startswith("http") and ".max-1600x1600" in piece.cover.url
    kinds = [type(b).__name__ for b in piece.blocks]
    assert kinds == [
        "Paragraph",
        "Heading",
        "ListBlock",
        "Photo",
        "Gallery",
        "Infographic",
        "Cards",
        "Animation",
        "Video",
        "Live",
        "Poll",
        "Contest",
        "Quote",
    ]
    paragraph = piece.blocks[0]
    link = next(r for r in paragraph.runs if r.href)
    assert link.href == full_page.full_url  # page link expanded and made absolute
    assert paragraph.text == "Смотрите новость & итоги."
    photo = piece.blocks[3]
    assert (photo.alt, photo.caption, photo.credit) == ("Зал", "Открытие.", "ИА")
    assert photo.url.startswith("http") and photo.block_id
    animation = piece.blocks[7]
    assert animation.url.startswith("http") and not animation.is_video
    live = piece.blocks[9]
    assert live.start.utcoffset().total_seconds() == 7 * 3600  # Novokuznetsk


@pytest.mark.django_db
def test_piece_from_a_draft_revision_is_rendered_for_every_network(full_page):
    from syndication.networks import available_networks

    full_page.lead = "Черновик лида."
    revision = full_page.save_revision()
    live = type(full_page).objects.get(pk=full_page.pk)
    assert piece_from_page(live).lead == "С 1 декабря пособие выросло на 8 %."
    piece = piece_from_page(full_page, revision=revision)
    assert piece.lead == "Черновик лида." and piece.revision_id == revision.pk
    for network in available_networks():
        post = network.render(piece)
        assert post.messages, network.code
