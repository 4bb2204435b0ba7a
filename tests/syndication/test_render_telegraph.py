"""Telegraph render: one page of Node JSON, allowed tags only, limits, nothing lost."""

import json
import re

import pytest

from syndication import content as c
from syndication.networks import get_network
from syndication.networks.base import SHORTENED
from tests.syndication import samples
from tests.syndication.standalone import configure_standalone

configure_standalone()

network = get_network("telegraph")
# Telegraph's allow-list, written out here independently of the module under test.
TAGS = set(
    [
        "a",
        "aside",
        "b",
        "blockquote",
        "br",
        "code",
        "em",
        "figcaption",
        "figure",
        "h3",
        "h4",
        "hr",
        "i",
        "iframe",
        "img",
        "li",
        "ol",
        "p",
        "pre",
        "s",
        "strong",
        "u",
        "ul",
        "video",
    ]
)


class Account:
    name = "Вестник области"


def page(piece, **kwargs):
    post = network.render(piece, Account(), **kwargs)
    assert len(post.messages) == 1
    message = post.messages[0]
    return post, message.options, json.loads(message.text)


def walk(nodes):
    for node in nodes:
        if isinstance(node, dict):
            yield node
            yield from walk(node.get("children", []))


def words(nodes) -> str:
    out = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        else:
            out.append(words(node.get("children", [])))
            for target in node.get("attrs", {}).values():
                out.append(f" {target} ")
    return "".join(out)


def test_golden_small_piece():
    piece = c.Piece(
        "Заголовок",
        "Лид.",
        "https://site.ru/n/1/",
        blocks=(
            c.Paragraph((c.Run("Текст "), c.Run("ссылка", href="/a/"), c.Run("."))),
            c.Heading((c.Run("Раздел"),), 2),
            c.Heading((c.Run("Подраздел"),), 3),
            c.Photo("https://site.ru/p.jpg", alt="Зал", caption="Подпись"),
            c.Quote("Цитата.", "Иванов", "министр"),
        ),
    )
    post, options, content = page(piece)
    assert options == {
        "title": "Заголовок",
        "author_name": "Вестник области",
        "author_url": "https://site.ru/n/1/",
    }
    assert content == [
        {"tag": "p", "children": [{"tag": "em", "children": ["Лид."]}]},
        {
            "tag": "p",
            "children": [
                "Текст ",
                {
                    "tag": "a",
                    "attrs": {"href": "https://site.ru/a/"},
                    "children": ["ссылка"],
                },
                ".",
            ],
        },
        {"tag": "h3", "children": ["Раздел"]},
        {"tag": "h4", "children": ["Подраздел"]},
        {
            "tag": "figure",
            "children": [
                {"tag": "img", "attrs": {"src": "https://site.ru/p.jpg"}},
                {"tag": "figcaption", "children": ["Подпись"]},
            ],
        },
        {
            "tag": "blockquote",
            "children": [
                "«Цитата.»",
                {"tag": "br"},
                {"tag": "em", "children": ["— Иванов, министр"]},
            ],
        },
    ]
    assert post.warnings == []


def test_every_block_uses_allowed_tags_and_attrs_only():
    _, _, content = page(samples.every_block_piece())
    tags = {node["tag"] for node in walk(content)}
    assert tags <= TAGS
    assert {"figure", "img", "figcaption", "blockquote", "ol", "ul", "li"} <= tags
    for node in walk(content):
        assert set(node.get("attrs", {})) <= {"href", "src"}
        assert set(node) <= {"tag", "attrs", "children"}


def test_every_block_nothing_lost():
    piece = samples.every_block_piece()
    _, _, content = page(piece)
    text = words(content)
    expected = [
        "Условия & сроки <важно>",
        "https://vestnik.example.ru/news/usloviya/",
        "Кто может подать",
        "паспорт",
        "всех членов семьи",
        "Подпись к снимку 1.",
        "Как это было",
        "photo-3.max-1600x1600.jpg",
        "Размер выплаты",
        "12 400 рублей на ребёнка.",
        "Минсоцзащиты Кузбасса",
        "Заявление",
        "Придёт за 10 дней.",
        "how-to.gif",
        "Как подать за минуту.",
        "Министр отвечает",
        "https://vestnik.example.ru/documents/8/m.mp4",
        "Прямая линия",
        "https://rutube.ru/video/abc/",
        "Эфир с министром",
        "https://vk.com/video-1_2",
        "Как вам удобнее подавать заявления?",
        "Вариант 3",
        "Моя семья",
        "Поездка в Шерегеш",
        "https://vestnik.example.ru/konkurs/",
        "Помощь должна приходить сама.",
        "Елена Воронина",
    ]
    for fragment in expected:
        assert fragment in text, fragment
    # Poll, contest and live keep a clickable link.
    hrefs = {n["attrs"]["href"] for n in walk(content) if n["tag"] == "a"}
    assert {"https://vk.com/video-1_2", "https://vestnik.example.ru/konkurs/"} <= hrefs
    assert samples.URL in hrefs  # the poll's "vote on the site"


def test_long_piece_fits_one_page_without_cutting():
    piece = samples.long_text_piece(20_000)
    post, _, content = page(piece)
    text = words(content)
    last = int(re.findall(r"Сообщение (\d+)", text)[-1])
    assert last == len(piece.blocks) * 4
    assert SHORTENED not in post.warning_kinds()


def test_over_size_limit_cut_at_block_boundary_with_link():
    piece = samples.long_text_piece(120_000)
    post, _, content = page(piece)
    size = len(json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode())
    assert size <= 64 * 1024
    assert size <= network.content_limit
    assert SHORTENED in post.warning_kinds()
    # Whole paragraphs only: each kept one equals its source block's text.
    paragraphs = [n for n in content if n["tag"] == "p"][1:-1]  # lead .. tail
    for node, block in zip(paragraphs, piece.blocks, strict=False):
        assert words([node]) == block.text
    tail = content[-1]
    assert tail["children"][-1]["attrs"]["href"] == piece.url
    kept = len(paragraphs)
    assert 0 < kept < len(piece.blocks)
    assert str(len(piece.blocks) - kept) in str(post.warnings[-1])


def test_title_limit():
    piece = samples.base_piece([samples.paragraph(1, 1)], title="Слово " * 80)
    post, options, _ = page(piece)
    assert len(options["title"]) <= 256
    assert options["title"].endswith("…")
    assert SHORTENED in post.warning_kinds()


def test_headings_map_down_one_level():
    piece = samples.base_piece(
        [c.Heading((c.Run("Два"),), 2), c.Heading((c.Run("Три"),), 3)]
    )
    _, _, content = page(piece)
    assert [n["tag"] for n in content[1:]] == ["h3", "h4"]


def test_editor_own_text_is_sent_as_paragraphs():
    piece = samples.every_block_piece()
    _, _, content = page(piece, options={"text": "Первый.\n\nВторой https://x.ru/"})
    assert [words([node]).split() for node in content] == [
        ["Первый."],
        ["Второй", "https://x.ru/", "https://x.ru/"],
    ]


def test_unknown_block_raises_type_error():
    with pytest.raises(TypeError):
        network.render(samples.base_piece([object()]), Account())
