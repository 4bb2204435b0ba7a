"""Properties every network's render must have, checked on the tricky sample pieces.

Each post is checked independently of the render's own helpers: lengths in UTF-16
units, Telegram HTML parsed by a separate strict reader, and every sentence of the
source looked up in what the reader will see.
"""

import html
import re
from html.parser import HTMLParser

import pytest

from syndication import content as c
from syndication.networks import available_networks, get_network
from syndication.networks.base import (
    BLOCK_OMITTED,
    CUSTOM_TEXT,
    FOLLOW_UP,
    SHORTENED,
    Post,
)
from tests.syndication import samples
from tests.syndication.standalone import configure_standalone

configure_standalone()

NETWORKS = ["vk", "ok", "telegram", "facebook", "max", "instagram", "wordpress"]
NETWORKS += ["livejournal"]
TG_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code"}
TG_TAGS |= {"pre", "blockquote", "tg-spoiler"}


def units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class StrictTelegramHTML(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.stack, self.text, self.errors = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag not in TG_TAGS:
            self.errors.append(tag)
        if tag == "a" and [name for name, _ in attrs] != ["href"]:
            self.errors.append("a attrs")
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"/{tag}")

    def handle_data(self, data):
        self.text.append(data)

    def handle_entityref(self, name):
        if name not in {"lt", "gt", "amp", "quot"}:
            self.errors.append(f"&{name};")
        self.text.append(html.unescape(f"&{name};"))

    def handle_charref(self, name):
        self.text.append(html.unescape(f"&#{name};"))


def telegram_visible(markup: str) -> str:
    parser = StrictTelegramHTML()
    parser.feed(markup)
    parser.close()
    assert not parser.errors and not parser.stack, (parser.errors, markup[:300])
    assert not re.search(r"&(?!lt;|gt;|amp;|quot;|#\d+;)", markup), markup[:300]
    return "".join(parser.text)


# A blog article (WordPress): the tags its render may use, read by a strict parser.
ARTICLE_TAGS = {"p", "br", "a", "b", "strong", "i", "em", "u", "s", "h2", "h3", "h4"}
ARTICLE_TAGS |= {"blockquote", "ul", "ol", "li", "figure", "img", "figcaption"}
ARTICLE_TAGS |= {"lj-cut"}  # LiveJournal's cut: the rest behind a link
ARTICLE_VOID = {"br", "img"}
ARTICLE_BLOCKS = {"p", "h2", "h3", "h4", "li", "figcaption", "ul", "ol"}


class StrictArticleHTML(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.errors = [], [], []

    def handle_starttag(self, tag, attrs):
        allowed = {"a": {"href"}, "img": {"src", "alt"}, "lj-cut": {"text"}}
        allowed = allowed.get(tag, set())
        if tag not in ARTICLE_TAGS or {name for name, _ in attrs} - allowed:
            self.errors.append(tag)
        if tag in ARTICLE_BLOCKS:
            self.text.append("\n\n")
        if tag not in ARTICLE_VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"/{tag}")
        if tag in ARTICLE_BLOCKS:
            self.text.append("\n\n")

    def handle_data(self, data):
        self.text.append(data)


def article_visible(markup: str) -> str:
    parser = StrictArticleHTML()
    parser.feed(markup)
    parser.close()
    assert not parser.errors and not parser.stack, (parser.errors, markup[:300])
    return re.sub(r"\n{3,}", "\n\n", "".join(parser.text)).strip()


ARTICLE_MODES = ("wordpress_html", "livejournal_html")


def reader_texts(post: Post) -> list[str]:
    """Everything a reader sees: texts and captions, as plain text."""
    texts = []
    for message in post.messages:
        if message.parse_mode in ARTICLE_MODES:  # an article: its words
            texts.append(article_visible(message.text))
            continue
        parts = [message.text] + [
            a.spec.get("caption", "") for a in message.attachments
        ]
        for part in parts:
            if part:
                texts.append(telegram_visible(part) if message.parse_mode else part)
        for a in message.attachments:
            if a.kind == "poll":
                texts.append(a.spec["question"])
    return texts


def assert_valid(post: Post, network) -> None:
    for message in post.messages:
        if network.code == "telegram":
            limit = 1024 if message.is_caption else 4096
            assert units(telegram_visible(message.text)) <= limit
            for a in message.attachments:
                assert units(telegram_visible(a.spec.get("caption", ""))) <= 1024
            if message.method == "sendMediaGroup":
                assert 2 <= len(message.attachments) <= 10
        elif message.parse_mode == "wordpress_html":  # no length limit, tags only
            article_visible(message.text)
        elif message.parse_mode == "livejournal_html":  # LJ::BMAX_EVENT bytes
            assert len(message.text.encode()) < 65_535
            article_visible(message.text)
        elif network.code == "max":  # MAX HTML: the markup as sent within 4000
            assert units(message.text) <= 4000
            telegram_visible(message.text)  # balanced, known tags and entities
            assert len(message.attachments) <= 10
        else:
            assert units(message.text) <= network.text_limit
            assert not re.search(r"</?[a-z][^>]*>", message.text), "HTML in plain text"
            assert not re.search(r"&[a-z]+;|&#\d+;", message.text), "entity left"
            media = [a for a in message.attachments if a.kind != "poll"]
            assert len(media) <= 10
            assert sum(a.kind == "poll" for a in message.attachments) <= 1


def assert_no_sentence_lost(piece: c.Piece, post: Post) -> None:
    seen = "\n".join(reader_texts(post))
    # Plain-text networks spell links out as «words (URL)»; compare the words.
    flat = " ".join(re.sub(r" \(https?://[^)\s]+\)", "", seen).split())
    source = [p.text for p in piece.blocks if isinstance(p, c.Paragraph)]
    sentences = [s for text in source for s in re.split(r"(?<=\.) (?=Сообщение)", text)]
    missing = [s for s in sentences if " ".join(s.split()) not in flat]
    if missing:
        # Allowed only as a shortened post that ends with the link, and says so.
        assert SHORTENED in post.warning_kinds()
        assert piece.url in post.messages[0].text.split("\n\n")[-2]
        # What is shown is a prefix of the source: the cut is at a sentence end.
        shown = [s for s in sentences if s not in missing]
        assert sentences[: len(shown)] == shown


@pytest.mark.parametrize("code", NETWORKS)
@pytest.mark.parametrize(
    "piece",
    [
        samples.long_text_piece(6000),
        samples.long_text_piece(20000, emoji=True),
        samples.photos_piece(14),
        samples.base_piece([samples.paragraph(1, 2), samples.poll(12)]),
        samples.every_block_piece(),
        samples.thirty_block_piece(),
    ],
    ids=["6000", "20000-emoji", "14-photos", "12-poll", "every-block", "30-blocks"],
)
def test_limits_markup_and_no_sentence_lost(code, piece):
    network = get_network(code)
    post = network.render(piece)
    assert_valid(post, network)
    assert_no_sentence_lost(piece, post)


@pytest.mark.parametrize("code", NETWORKS)
def test_voice_opens_with_lead_ends_with_link_and_hashtags(code):
    piece = samples.base_piece([samples.paragraph(1, 1)])
    post = get_network(code).render(piece)
    text = reader_texts(post)[0]
    assert text.startswith(piece.lead)
    assert piece.title not in text
    if code == "wordpress":  # a blog keeps the tags as its own terms, not hashtags
        assert text.endswith(f"Подробнее: {piece.url}")
        assert post.messages[0].options["tags"] == list(piece.tags)
        return
    if code == "livejournal":  # the tags go to the entry's taglist
        assert text.endswith(f"Подробнее: {piece.url}")
        tags = getattr(piece, "tags", ()) or [h[1:] for h in piece.hashtags]
        assert post.messages[0].options["taglist"] == ", ".join(tags)
        return
    assert text.endswith(f"Подробнее: {piece.url}\n\n#соцзащита #СемьиСДетьми #Кузбасс")


@pytest.mark.parametrize("code", NETWORKS)
def test_every_block_type_reaches_the_reader(code):
    piece = samples.every_block_piece()
    post = get_network(code).render(piece)
    seen = " ".join(" ".join(reader_texts(post)).split())
    kinds = [a.kind for m in post.messages for a in m.attachments]
    for expected in [
        "Условия & сроки <важно>",  # entities decoded, never left as &amp;
        "Кто может подать",
        "паспорт",
        "Размер выплаты",
        "12 400 рублей на ребёнка.",
        "Источник: Минсоцзащиты Кузбасса",
        "Заявление — Подайте онлайн.",
        "Как подать за минуту.",
        "Смотреть: https://rutube.ru/video/abc/",
        "Начало: 1 декабря 2026, 11:00",
        "Конкурс «Моя семья»",
        "Сроки: с 1 декабря 2026 по 20 декабря 2026",
        "Приз: Поездка в Шерегеш",
        "«Помощь должна приходить сама.» — Елена Воронина, министр",
        "Как вам удобнее подавать заявления?",
        "Подпись к снимку 1.",
        "Подпись к снимку 2.",
    ]:
        assert expected in seen, (code, expected)
    if code == "livejournal":  # no upload API: images by URL, the video a link
        markup = post.messages[0].text
        assert markup.count("<img ") == 6  # with the GIF
        assert '<a href="https://vestnik.example.ru/documents/8/m.mp4">' in markup
        return
    assert kinds.count("photo") == 5  # photo, 2 gallery, infographic, a card's image
    # A blog article shows a video as its cover and a link (checked above).
    assert "video" in kinds or code == "wordpress"
    # Instagram takes JPEG and video only: the GIF is text (test_render_instagram).
    assert "animation" in kinds or code == "instagram"
    # Facebook Pages have no poll API: its poll is text (checked above).
    assert "poll" in kinds or code in ("facebook", "max", "instagram", "wordpress")


@pytest.mark.parametrize("code", NETWORKS)
def test_links_become_visible_urls_or_anchors(code):
    piece = samples.every_block_piece()
    post = get_network(code).render(piece)
    first = post.messages[0].text
    if code in ("telegram", "max", "wordpress", "livejournal"):
        first = "\n".join(m.text for m in post.messages)
        assert '<a href="https://www.gosuslugi.ru/">Госуслугах</a>' in first
        # A relative site link is made absolute against the piece's URL.
        assert (
            '<a href="https://vestnik.example.ru/news/usloviya/">на сайте</a>' in first
        )
    else:
        assert "Госуслугах (https://www.gosuslugi.ru/)" in first
        assert "на сайте (https://vestnik.example.ru/news/usloviya/)" in first


@pytest.mark.parametrize("code", NETWORKS)
def test_nested_lists_are_numbered_and_indented(code):
    piece = samples.base_piece([samples.nested_list()])
    if code in ("wordpress", "livejournal"):  # HTML lists: the blog numbers them
        text = get_network(code).render(piece).messages[0].text
        assert "<ol><li>Заявление на <a" in text
        assert "<li>Документы:<ul><li>паспорт</li><li>СНИЛС <b>всех" in text
        return
    text = reader_texts(get_network(code).render(piece))[0]
    assert "1. Заявление на Госуслугах" in text
    assert (
        "2. Документы:\n    ◦ паспорт\n    ◦ СНИЛС всех членов семьи\n3. Ответ" in text
    )


@pytest.mark.parametrize("code", NETWORKS)
def test_custom_text_is_what_is_sent(code):
    custom = "Свой текст для этой сети & без ссылки."
    post = get_network(code).render(
        samples.base_piece([samples.paragraph(1, 2)]), options={"text": custom}
    )
    assert reader_texts(post)[0] == custom
    assert CUSTOM_TEXT in post.warning_kinds()


@pytest.mark.parametrize("code", NETWORKS)
def test_omitted_blocks_are_left_out_with_a_warning(code):
    piece = samples.every_block_piece()
    post = get_network(code).render(piece, options={"omit_blocks": ["poll3", "quote"]})
    seen = " ".join(reader_texts(post))
    assert "Помощь должна приходить сама" not in seen
    assert "Как вам удобнее" not in seen
    assert BLOCK_OMITTED in post.warning_kinds()
    assert "исключённых редактором" in str(post.warnings[0])


def test_registry_and_no_api_half_on_the_render():
    from syndication.exceptions import UnknownNetwork
    from syndication.networks.base import Network

    # Telegraph renders Node JSON, not post text: its checks are test_render_telegraph.
    assert sorted(n.code for n in available_networks()) == sorted(
        [*NETWORKS, "telegraph"]
    )
    assert str(get_network("ok").name) == "Одноклассники"
    with pytest.raises(UnknownNetwork):
        get_network("myspace")
    # The network talks to its API only through the client (delivery/clients.py).
    for name in ("client", "publish", "edit", "delete", "fetch_comments", "ban"):
        assert not hasattr(Network, name)


def test_render_is_pure_and_repeatable():
    piece = samples.thirty_block_piece()
    for code in NETWORKS:
        first = get_network(code).render(piece)
        second = get_network(code).render(piece)
        assert first.messages == second.messages
        assert first.warning_kinds() == second.warning_kinds()


def test_follow_up_warning_is_russian():
    post = get_network("telegram").render(samples.long_text_piece(6000))
    (warning,) = [w for w in post.warnings if w.kind == FOLLOW_UP]
    assert str(warning) == "Текст продолжается в следующих сообщениях: 1."


def test_omitting_a_text_block_removes_all_its_items_and_counts_once():
    paragraphs = [
        c.Paragraph((c.Run(f"Абзац {n} из блока."),), block_id="t1") for n in range(3)
    ]
    piece = samples.base_piece([*paragraphs, samples.paragraph(10, 1)])
    post = get_network("vk").render(piece, options={"omit_blocks": ["t1"]})
    assert "Абзац" not in post.messages[0].text
    assert "Сообщение 10" in post.messages[0].text
    (warning,) = post.warnings
    assert warning.detail == {"count": 1}


def test_only_the_first_telegram_message_shows_the_link_preview():
    post = get_network("telegram").render(samples.long_text_piece(9000))
    previews = [m.options["link_preview_options"] for m in post.messages]
    assert previews[0] == {"url": samples.URL}
    assert all(p == {"is_disabled": True} for p in previews[1:]) and len(previews) == 3


def test_empty_paragraphs_add_no_blank_lines():
    empty = c.Paragraph((c.Run("   "),), block_id="e")
    piece = samples.base_piece(
        [samples.paragraph(1, 1), empty, samples.paragraph(2, 1)]
    )
    for code in NETWORKS:
        assert "\n\n\n" not in get_network(code).render(piece).messages[0].text
