"""The Telegram render's long-text option: one message, its beginning and «Читать
полностью» linking to the full text (a Telegraph page), instead of follow-ups."""

from syndication.networks import get_network
from syndication.networks.base import FOLLOW_UP, FULL_TEXT_PAGE
from syndication.render import telegram_html as tg
from tests.syndication import samples
from tests.syndication.standalone import configure_standalone

configure_standalone()

tg_network = get_network("telegram")
PAGE = "https://telegra.ph/Posobie-vyroslo-12-02"


def text_messages(post):
    return [m for m in post.messages if m.method == "sendMessage"]


def test_long_text_becomes_one_message_with_the_page_link():
    piece = samples.long_text_piece(9000)
    without = tg_network.render(piece)
    assert len(text_messages(without)) > 1
    assert FOLLOW_UP in without.warning_kinds()

    post = tg_network.render(piece, options={"full_text_url": PAGE})
    (message,) = text_messages(post)
    assert post.warning_kinds().count(FULL_TEXT_PAGE) == 1
    assert FOLLOW_UP not in post.warning_kinds()
    assert f'<a href="{PAGE}">Читать полностью</a>' in message.text
    # the link comes after the text, then the hashtags; the site's «Подробнее» link
    # gives way to the page, which holds the whole piece
    visible, problems = tg.read(message.text)
    assert not problems
    assert len(visible.encode("utf-16-le")) // 2 <= tg_network.text_limit
    assert visible.rstrip().endswith(" ".join(piece.hashtags))
    assert "Подробнее" not in visible
    # the beginning is the text's own beginning, cut at a sentence boundary
    first_sentence = samples.sentence(1)
    assert first_sentence in visible
    before_link = visible.split("Читать полностью")[0].rstrip()
    assert before_link.endswith((".", "!", "?", "»"))
    warning = next(w for w in post.warnings if w.kind == FULL_TEXT_PAGE)
    assert warning.detail["shown"] < warning.detail["total"]
    assert "Telegraph" in str(warning)


def test_the_media_and_polls_still_follow_the_text():
    piece = samples.every_block_piece()
    plain = tg_network.render(piece)
    post = tg_network.render(piece, options={"full_text_url": PAGE})
    media = [m.method for m in plain.messages if m.method != "sendMessage"]
    assert [m.method for m in post.messages if m.method != "sendMessage"] == media


def test_a_text_that_fits_ignores_the_option():
    piece = samples.long_text_piece(1500)
    plain = tg_network.render(piece)
    post = tg_network.render(piece, options={"full_text_url": PAGE})
    assert [m.text for m in post.messages] == [m.text for m in plain.messages]
    assert FULL_TEXT_PAGE not in post.warning_kinds()
    assert PAGE not in "".join(m.text for m in post.messages)


def test_editors_own_long_text_links_the_page_too():
    text = "\n\n".join(samples.paragraph(i * 10 + 1, 10).text for i in range(12))
    piece = samples.long_text_piece(1000)
    post = tg_network.render(piece, options={"text": text, "full_text_url": PAGE})
    (message,) = text_messages(post)
    assert PAGE in message.text
    assert FULL_TEXT_PAGE in post.warning_kinds()
