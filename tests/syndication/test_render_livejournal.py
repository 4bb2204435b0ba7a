"""LiveJournal render: one HTML entry (subject, lead, lj-cut, the rest, the link back),
LiveJournal's allow-list, absolute images, limits, nothing lost."""

import re
from html.parser import HTMLParser

import pytest

from syndication import content as c
from syndication.exceptions import RenderError
from syndication.networks import get_network
from syndication.networks.base import SHORTENED, Message, Post
from syndication.networks.livejournal import taglist
from tests.syndication import samples
from tests.syndication.standalone import configure_standalone

configure_standalone()

network = get_network("livejournal")
# The tags an entry may carry, written out independently of the module under test.
TAGS = {"p", "br", "a", "b", "i", "u", "s", "h2", "h3", "h4", "blockquote", "ul"}
TAGS |= {"ol", "li", "figure", "img", "figcaption", "lj-cut"}
ATTRS = {"a": {"href"}, "img": {"src", "alt"}, "lj-cut": {"text"}}


class Reader(HTMLParser):
    """Checks the markup strictly and collects the words a reader sees."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.text, self.errors, self.images, self.cuts = [], [], [], [], []

    def handle_starttag(self, tag, attrs):
        if tag not in TAGS:
            self.errors.append(tag)
        names = {name for name, _ in attrs}
        if names - ATTRS.get(tag, set()):
            self.errors.append(f"{tag}{sorted(names)}")
        if tag == "img":
            self.images.append(dict(attrs)["src"])
            return
        if tag == "br":
            return
        if tag == "lj-cut":
            self.cuts.append(dict(attrs).get("text"))
        self.stack.append(tag)
        self.text.append(" ")

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"/{tag}")
        self.text.append(" ")

    def handle_data(self, data):
        self.text.append(data)


def read(markup: str) -> Reader:
    reader = Reader()
    reader.feed(markup)
    reader.close()
    assert not reader.errors and not reader.stack, (reader.errors, markup[:300])
    return reader


def entry(piece, **kwargs):
    post = network.render(piece, **kwargs)
    assert len(post.messages) == 1
    return post, post.messages[0]


def words(markup: str) -> str:
    return " ".join("".join(read(markup).text).split())


def test_golden_small_piece():
    piece = c.Piece(
        "Заголовок",
        "Лид & суть.",
        "https://site.ru/n/1/",
        hashtags=("#соцзащита", "#ДетскийСад"),
        blocks=(
            c.Paragraph((c.Run("Текст "), c.Run("ссылка", href="/a/"), c.Run("."))),
            c.Heading((c.Run("Раздел"),), 2),
            c.Photo("https://site.ru/p.jpg", alt="Зал", caption="Подпись"),
            c.Quote("Цитата.", "Иванов", "министр"),
        ),
    )
    post, message = entry(piece)
    assert message.method == "postevent"
    assert message.parse_mode == "livejournal_html"
    assert message.options == {
        "subject": "Заголовок",
        "taglist": "соцзащита, ДетскийСад",
        "url": "https://site.ru/n/1/",
    }
    assert message.text == (
        "<p>Лид &amp; суть.</p>"
        '<lj-cut text="Читать дальше">'
        '<p>Текст <a href="https://site.ru/a/">ссылка</a>.</p>'
        "<h2>Раздел</h2>"
        '<figure><img src="https://site.ru/p.jpg" alt="Зал">'
        "<figcaption>Подпись</figcaption></figure>"
        "<blockquote><p>«Цитата.»</p><p>— Иванов, министр</p></blockquote>"
        "</lj-cut>"
        '<p>Подробнее: <a href="https://site.ru/n/1/">https://site.ru/n/1/</a></p>'
    )
    assert post.warnings == []


def test_every_block_reaches_the_reader_in_allowed_markup():
    piece = samples.every_block_piece()
    post, message = entry(piece)
    reader = read(message.text)
    seen = " ".join("".join(reader.text).split())
    for expected in [
        "Условия & сроки <важно>",
        "Кто может подать",
        "СНИЛС всех членов семьи",
        "Подпись к снимку 1.",
        "12 400 рублей на ребёнка.",
        "Заявление — Подайте онлайн.",
        "Как подать за минуту.",
        "Министр отвечает",
        "Смотреть: https://rutube.ru/video/abc/",
        "Начало: 1 декабря 2026, 11:00",
        "Как вам удобнее подавать заявления?",
        "Конкурс «Моя семья»",
        "«Помощь должна приходить сама.» — Елена Воронина, министр",
    ]:
        assert expected in seen, expected
    # Photos, the gallery, the infographic, a card and the GIF: images by URL.
    assert len(reader.images) == 6
    assert all(src.startswith("https://vestnik.example.ru/") for src in reader.images)
    assert '<a href="https://vestnik.example.ru/documents/8/m.mp4">' in message.text
    assert reader.cuts == ["Читать дальше"]
    assert seen.startswith(piece.lead)
    assert seen.endswith(f"Подробнее: {piece.url}")
    assert piece.title not in message.text  # the title is the subject


def test_the_lead_is_above_the_cut_and_the_link_after_it():
    piece = samples.base_piece([samples.paragraph(1, 2), samples.paragraph(3, 2)])
    _, message = entry(piece)
    above, rest = message.text.split('<lj-cut text="Читать дальше">')
    assert words(above) == piece.lead
    inside, after = rest.split("</lj-cut>")
    assert "Сообщение 1:" in inside and "Сообщение 4:" in inside
    assert words(after) == f"Подробнее: {piece.url}"


def test_without_a_lead_the_first_block_shows_above_the_cut():
    piece = samples.base_piece([samples.paragraph(1, 1), samples.paragraph(2, 1)])
    piece = c.Piece(piece.title, "", piece.url, blocks=piece.blocks)
    _, message = entry(piece)
    above = message.text.split("<lj-cut")[0]
    assert "Сообщение 1:" in above and "Сообщение 2:" not in above


def test_a_lead_alone_has_no_cut():
    _, message = entry(samples.base_piece([]))
    assert "lj-cut" not in message.text
    assert words(message.text).startswith(samples.base_piece([]).lead)


def test_custom_text_is_sent_as_is_with_the_rest_under_the_cut():
    text = "Первый абзац & <не тег>.\n\nВторой абзац."
    post, message = entry(samples.base_piece([samples.paragraph(1, 1)]),
                          options={"text": text})  # fmt: skip
    assert message.text == (
        "<p>Первый абзац &amp; &lt;не тег&gt;.</p>"
        '<lj-cut text="Читать дальше"><p>Второй абзац.</p></lj-cut>'
    )
    assert "custom_text" in post.warning_kinds()


def test_over_the_size_limit_whole_blocks_are_kept_and_the_entry_links_on():
    piece = samples.long_text_piece(70_000)
    post, message = entry(piece)
    assert len(message.text.encode()) <= network.event_limit
    assert SHORTENED in post.warning_kinds()
    warning = next(w for w in post.warnings if w.kind == SHORTENED)
    assert "размер" in str(warning).lower() or "LiveJournal" in str(warning)
    seen = words(message.text)
    assert seen.endswith(f"Полный текст на сайте: {piece.url} Подробнее: {piece.url}")
    # What is shown is a prefix of the piece, whole paragraphs.
    shown = [p for p in piece.blocks if p.text.split(":")[0] + ":" in seen]
    assert list(piece.blocks[: len(shown)]) == shown and len(shown) < len(piece.blocks)
    read(message.text)


def test_a_long_title_is_shortened_at_a_word_with_a_warning():
    piece = samples.base_piece([], title="Очень длинный заголовок " * 10)
    post, message = entry(piece)
    subject = message.options["subject"]
    assert len(subject) <= 100 and subject.endswith("…")
    assert SHORTENED in post.warning_kinds()


def test_markup_from_rich_text_cannot_escape_the_allow_list():
    evil = c.Paragraph((c.Run('<script>alert(1)</script><iframe src="x">'),))
    _, message = entry(samples.base_piece([evil]))
    assert "<script" not in message.text and "<iframe" not in message.text
    assert "&lt;script&gt;" in message.text


def test_tags_lose_commas_and_repeats():
    assert taglist(["а,б", "Кузбасс", "кузбасс", " ", "я" * 60]) == (
        "а б, Кузбасс, " + "я" * 50
    )


@pytest.mark.parametrize(
    "text, problem",
    [
        ("<p>x</p><script>1</script>", "allow-list"),
        ('<p><img src="/media/a.jpg" alt=""></p>', "absolute"),
        ("<p>" + "я" * 31_000 + "</p>", "size"),
    ],
)
def test_check_catches_what_build_must_never_produce(text, problem):
    post = Post("livejournal", [Message("postevent", text, "livejournal_html",
                                        options={"subject": "S"})])  # fmt: skip
    with pytest.raises(RenderError) as error:
        network.check(post)
    assert re.search(problem, str(error.value))


def test_a_piece_without_a_url_has_no_empty_link():
    # A page not yet on the site (a draft's preview) has no URL: no «Подробнее:»
    # pointing nowhere.
    piece = samples.base_piece([samples.paragraph(1, 1)], url="")
    event = network.render(piece).messages[0].text
    assert 'href=""' not in event and "<a" not in event
