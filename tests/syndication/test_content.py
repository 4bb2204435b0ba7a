"""The neutral Piece: hashtags, rich text parsing, and reading a real NewsPage."""

import pytest

from syndication import content as c
from syndication.render.richtext import blocks_from_html
from syndication.render.standalone import configure_standalone

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
