"""A Piece as article HTML: every block type has a form here, natively (figure,
blockquote, lists) or as text (polls, contests, live broadcasts, videos), so nothing is
dropped. Unsanitised: the Dzen feed and the WordPress and LiveJournal renders each clean
it with their own allow-list (``syndication.render.sanitize``)."""

from __future__ import annotations

from html import escape
from urllib.parse import urljoin

from syndication import content as c
from syndication.render.block_lines import caption_text, text_lines
from syndication.render.lines import HEADING, QUOTE


class HtmlWriter:
    """Piece items → HTML, unsanitised: each user of it cleans with its own allow-list
    (the Dzen feed, the WordPress and LiveJournal renders)."""

    def __init__(self, piece_url: str):
        self.piece_url = piece_url

    def runs(self, runs: c.Runs) -> str:
        out = []
        for run in runs:
            html = escape(run.text)
            if run.bold:
                html = f"<b>{html}</b>"
            if run.italic:
                html = f"<i>{html}</i>"
            if run.href:
                href = escape(urljoin(self.piece_url, run.href))
                html = f'<a href="{href}">{html}</a>'
            out.append(html)
        return "".join(out)

    def figure(self, photo: c.Photo, caption: str | None = None) -> str:
        caption = caption_text(photo) if caption is None else caption
        alt = escape(photo.alt or caption)
        html = f'<figure><img src="{escape(photo.url)}" alt="{alt}">'
        if caption:
            html += f"<figcaption>{escape(caption)}</figcaption>"
        return html + "</figure>"

    def list(self, block: c.ListBlock) -> str:
        tag = "ol" if block.ordered else "ul"
        items = "".join(
            "<li>"
            + self.runs(item.runs)
            + "".join(self.list(child) for child in item.children)
            + "</li>"
            for item in block.items
        )
        return f"<{tag}>{items}</{tag}>"

    def lines(self, block) -> str:
        """The shared text form (``block_lines``): headings, items, paragraphs."""
        out = []
        for line in text_lines(block, self.piece_url):
            body = escape(line.prefix) + self.runs(line.runs)
            if line.style == HEADING:
                out.append(f"<h3>{body}</h3>")
            elif line.style == QUOTE:
                out.append(f"<blockquote><p>{body}</p></blockquote>")
            else:
                out.append(f"<p>{body}</p>")
        return "".join(out)

    def block(self, block) -> str:
        if isinstance(block, c.Paragraph):
            return f"<p>{self.runs(block.runs)}</p>"
        if isinstance(block, c.Heading):
            level = min(max(block.level, 2), 4)
            return f"<h{level}>{self.runs(block.runs)}</h{level}>"
        if isinstance(block, c.ListBlock):
            return self.list(block)
        if isinstance(block, c.Photo):
            return self.figure(block)
        if isinstance(block, c.Gallery):
            title = f"<h3>{escape(block.title)}</h3>" if block.title else ""
            return title + "".join(self.figure(p) for p in block.photos)
        if isinstance(block, c.Infographic):
            # The image for the eye, the text alternative for everyone else.
            return self.figure(block.image, block.title) + self.lines(block)
        if isinstance(block, c.Cards):
            title = f"<h3>{escape(block.title)}</h3>" if block.title else ""
            cards = "".join(
                (self.figure(card.image, card.title) if card.image else "")
                + f"<p><b>{escape(card.title)}</b> — {escape(card.text)}</p>"
                for card in block.cards
            )
            return title + cards
        if isinstance(block, c.Animation) and not block.is_video:
            photo = c.Photo(block.url, alt=block.caption, caption=block.caption)
            return self.figure(photo)
        if isinstance(block, c.Animation):
            # No video element every reader keeps (Dzen's RSS, blogs): a link with the words.
            label = escape(block.caption or block.url)
            return f'<p><a href="{escape(block.url)}">{label}</a></p>'
        if isinstance(block, c.Quote):
            author = escape(block.author + (f", {block.role}" if block.role else ""))
            return (
                f"<blockquote><p>«{escape(block.text.strip())}»</p>"
                f"<p>— {author}</p></blockquote>"
            )
        if isinstance(block, c.Video):
            html = self.figure(block.cover, block.title) if block.cover else ""
            html += self.lines(block)
            if block.file_url and not block.url:
                link = escape(block.file_url)
                html += f'<p><a href="{link}">{escape(block.title)}</a></p>'
            return html
        if isinstance(block, (c.Live, c.Poll, c.Contest)):
            return self.lines(block)
        raise TypeError(f"No HTML form for {type(block).__name__}")
