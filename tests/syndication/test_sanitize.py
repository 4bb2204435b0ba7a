"""The one HTML-subset sanitiser: its fast path returns exactly what bleach would, on
every render of the sample pieces and on generated markup; its linkify writes what
bleach.linkify writes."""

from __future__ import annotations

import random
import zlib

import bleach
import pytest

from syndication.feeds import dzen_html
from syndication.networks import get_network, livejournal, wordpress
from syndication.render import max_html
from syndication.render import telegram_html as tg
from syndication.render.sanitize import HtmlSubset
from tests.syndication import samples

SUBSETS = {
    "telegram": tg.SUBSET,
    "max": max_html.SUBSET,
    "wordpress": wordpress.SUBSET,
    "livejournal": livejournal.SUBSET,
    "dzen": dzen_html.SUBSET,
}
PIECES = {
    "every-block": samples.every_block_piece,
    "30-blocks": samples.thirty_block_piece,
    "3-photos": lambda: samples.photos_piece(3),
}


def _rendered_html(code: str, piece) -> list[str]:
    texts = []
    for message in get_network(code).render(piece).messages:
        texts.append(message.text)
        texts += [a.spec.get("caption", "") for a in message.attachments]
    if code == "livejournal":
        texts = [part for text in texts for part in livejournal.split_cut(text)]
    return [text for text in texts if text]


@pytest.mark.parametrize("piece_name", PIECES)
@pytest.mark.parametrize("code", ["telegram", "max", "wordpress", "livejournal"])
def test_every_render_takes_the_fast_path_and_bleach_agrees(code, piece_name):
    subset = SUBSETS[code]
    texts = _rendered_html(code, PIECES[piece_name]())
    assert texts
    for text in texts:
        assert subset.is_clean(text), text[:200]
        assert subset.clean_with_bleach(text) == text


@pytest.mark.parametrize("piece_name", PIECES)
def test_dzen_feed_html_takes_the_fast_path(piece_name):
    html = dzen_html.piece_html(PIECES[piece_name]())
    assert dzen_html.SUBSET.is_clean(html)
    assert dzen_html.SUBSET.clean_with_bleach(html) == html


# Fragments a generated document is made of: allowed and foreign tags, every kind of
# attribute quoting, entities good and bad, characters a parser rewrites, URLs.
FRAGMENTS = [
    "<p>", "</p>", "<b>", "</b>", "<i>", "</i>", "<u>", "</u>", "<li>", "</li>",
    "<ul>", "</ul>", "<ol>", "</ol>", "<h2>", "</h2>", "<h3>", "</h3>", "<pre>",
    "</pre>", "<blockquote>", "</blockquote>", "<figure>", "</figure>",
    "<figcaption>", "</figcaption>", "<br>", "<br/>", "</br>", "<mark>", "</mark>",
    "<tg-spoiler>", "</tg-spoiler>", '<span class="tg-spoiler">', "</span>",
    '<a href="https://a.ru/x?a=1&amp;b=2">', '<a href="http://b.ru">', "<a>",
    '<a href="javascript:alert(1)">', '<a href="tg://resolve?domain=x">',
    '<a href="/relative">', "<a href='https://q.ru'>", '<a  href="https://s.ru">',
    '<a href="https://a.ru" title="t">', "</a>", '<img src="https://a.ru/i.jpg" alt="x">',
    '<img alt="y" src="https://a.ru/j.gif">', '<img src="data:image/png;base64,AA">',
    '<img src="https://a.ru/k.png" alt="it\'s &quot;q&quot;">', "<script>", "</script>",
    "<!-- c -->", "<", ">", "&", "&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "&copy;",
    "&#160;", "&#x27;", "&#0;", "&#13;", "&#x110000;", "&bogus;", "&amp", "\n", "\r",
    "\t", "\x0c", "\x01", "\x85", "\ufdd0", " ", "'", '"', "Текст", "слово.", "😀",
    "https://x.ru/a?b=1&amp;c=2", "gosuslugi.ru", "(http://y.ru/z)", "x.ru&#x27;s",
    "ftp://f.ru", "mailto:a@b.ru", "https://a.ru/&quot;b", "www.kremlin.ru.",
]  # fmt: skip


def _documents(count: int, seed: int):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 10)))


@pytest.mark.parametrize("code", sorted(SUBSETS))
def test_fast_path_never_disagrees_with_bleach_on_generated_markup(code):
    subset = SUBSETS[code]
    fast = 0
    for markup in _documents(6000, seed=zlib.crc32(code.encode())):
        if subset.is_clean(markup):
            fast += 1
            assert subset.clean_with_bleach(markup) == markup, markup
    assert fast > 100  # the generator does reach the fast path


@pytest.mark.parametrize(
    "markup",
    [
        "<b>x",
        "<b><i>x</b></i>",
        "a & b",
        "&nbsp;",
        '<a href="javascript:x">y</a>',
        "<a>без ссылки</a>",
        "<p>x</p>",
        "x\r\ny",
        "<!-- x -->",
    ],
)
def test_anything_else_goes_through_bleach(markup):
    assert not tg.SUBSET.is_clean(markup)


@pytest.mark.parametrize(
    "markup",
    [
        "<p>a<ul><li>x</li></ul></p>",  # the parser closes the <p> before <ul>
        "<ul><li>a<li>b</li></li></ul>",  # an <li> closes the open one
        "<h2><h3>x</h3></h2>",  # a heading closes the open heading
        '<a href="https://a.ru"><a href="https://b.ru">x</a></a>',
        "<pre>\nx</pre>",  # the parser drops the newline after <pre>
        '<img src="https://a.ru/i.jpg"/>',
        '<img src="https://a.ru/i.jpg" src="https://b.ru">',
    ],
)
def test_markup_an_html5_parser_rewrites_is_not_taken_as_clean(markup):
    subset = HtmlSubset(
        wordpress.ALLOWED_TAGS | {"pre"},
        wordpress.ALLOWED_ATTRIBUTES,
        wordpress.ALLOWED_PROTOCOLS,
    )
    assert not subset.is_clean(markup)
    assert subset.clean(markup) == subset.clean_with_bleach(markup) != markup


def test_clean_keeps_the_words_of_an_unsafe_link_and_numbers_unknown_entities():
    subset = HtmlSubset({"a", "b"}, {"a": ["href"]}, ["https"], {"amp", "lt"})
    assert subset.clean('<a href="javascript:x">жми</a>&nbsp;<b>да') == (
        "жми&#160;<b>да</b>"
    )


def test_linkify_writes_what_bleach_linkify_writes():
    subset = wordpress.SUBSET
    linked = 0
    for markup in _documents(4000, seed=7):
        if subset.is_clean(markup):
            expected = bleach.linkify(markup, callbacks=[], parse_email=False)
            assert subset.linkify(markup) == expected, markup
            linked += "<a href" in expected and "<a href" not in markup
    assert linked > 50


def test_wordpress_render_links_bare_urls():
    piece = samples.every_block_piece()
    text = get_network("wordpress").render(piece).messages[0].text
    rebuilt = wordpress.sanitize(bleach.linkify(text, callbacks=[], parse_email=False))
    assert rebuilt == text
    assert "<a href=" in text
