"""Expanded Wagtail rich text (HTML) → Paragraph / Heading / ListBlock items with runs.

Wagtail's editor produces a small vocabulary (p, h2, h3, b, i, a, ul, ol, li, br); the
parser keeps the text of anything else, so a stray tag never loses words. Entities are
decoded here (``convert_charrefs``), so no ``&amp;`` or ``&nbsp;`` reaches a renderer.
"""

from __future__ import annotations

from html.parser import HTMLParser

from syndication.content import Heading, ListBlock, ListItem, Paragraph, Run
from syndication.render.text import strip_runs

_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}
_BOLD = {"b", "strong"}
_ITALIC = {"i", "em"}


class _ListFrame:
    def __init__(self, ordered: bool):
        self.ordered = ordered
        self.items: list[ListItem] = []
        self.runs: list[Run] | None = None  # runs of the open <li>
        self.children: list[ListBlock] = []


class _RichTextParser(HTMLParser):
    def __init__(self, block_id: str):
        super().__init__(convert_charrefs=True)
        self.block_id = block_id
        self.blocks: list = []
        self.runs: list[Run] = []
        self.heading_level = 0
        self.bold = 0
        self.italic = 0
        self.hrefs: list[str] = []
        self.lists: list[_ListFrame] = []

    # -- inline -------------------------------------------------------------------
    def _target(self) -> list[Run]:
        if self.lists:
            frame = self.lists[-1]
            if frame.runs is None:  # text between items: treat as an item of its own
                frame.runs = []
            return frame.runs
        return self.runs

    def handle_data(self, data: str) -> None:
        if not data:
            return
        data = data.replace("\u00a0", " ").replace("\r", "")
        if not data.strip() and not self._target():
            return
        data = " ".join(data.split("\n")) if "\n" in data else data
        href = self.hrefs[-1] if self.hrefs else ""
        self._target().append(Run(data, href, self.bold > 0, self.italic > 0))

    def handle_starttag(self, tag, attrs):
        if tag in _BOLD:
            self.bold += 1
        elif tag in _ITALIC:
            self.italic += 1
        elif tag == "a":
            self.hrefs.append(dict(attrs).get("href") or "")
        elif tag == "br":
            self._target().append(Run("\n"))
        elif tag in ("ul", "ol"):
            if self.lists and self.lists[-1].runs is None:
                self.lists[-1].runs = []
            self._flush()
            self.lists.append(_ListFrame(ordered=tag == "ol"))
        elif tag == "li" and self.lists:
            self._close_item()
            self.lists[-1].runs = []
        elif tag in _BLOCK_TAGS:
            self._flush()
            if tag[0] == "h" and tag[1:].isdigit():
                self.heading_level = int(tag[1:])

    def handle_endtag(self, tag):
        if tag in _BOLD:
            self.bold = max(self.bold - 1, 0)
        elif tag in _ITALIC:
            self.italic = max(self.italic - 1, 0)
        elif tag == "a":
            if self.hrefs:
                self.hrefs.pop()
        elif tag == "li" and self.lists:
            self._close_item()
        elif tag in ("ul", "ol") and self.lists:
            self._close_item()
            frame = self.lists.pop()
            block = ListBlock(tuple(frame.items), frame.ordered, self.block_id)
            if not frame.items:
                return
            if self.lists:
                parent = self.lists[-1]
                parent.children.append(block)
                if parent.runs is None:
                    parent.runs = []
            else:
                self.blocks.append(block)
        elif tag in _BLOCK_TAGS:
            self._flush()

    # -- structure ----------------------------------------------------------------
    def _close_item(self) -> None:
        frame = self.lists[-1]
        if frame.runs is None:
            return
        runs = strip_runs(tuple(frame.runs))
        if runs or frame.children:
            frame.items.append(ListItem(runs, tuple(frame.children)))
        frame.runs = None
        frame.children = []

    def _flush(self) -> None:
        runs = strip_runs(tuple(self.runs))
        self.runs = []
        if runs:
            if self.heading_level:
                self.blocks.append(Heading(runs, self.heading_level, self.block_id))
            else:
                self.blocks.append(Paragraph(runs, self.block_id))
        self.heading_level = 0

    def close(self):
        super().close()
        while self.lists:
            self.handle_endtag("ol" if self.lists[-1].ordered else "ul")
        self._flush()


def blocks_from_html(html: str, block_id: str = "") -> list:
    """Parse expanded rich text into Piece items, merging adjacent same-format runs."""
    parser = _RichTextParser(block_id)
    parser.feed(html)
    parser.close()
    return [_merge(block) for block in parser.blocks]


def _merge_runs(runs) -> tuple[Run, ...]:
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].href, merged[-1].bold, merged[-1].italic) == (
            run.href,
            run.bold,
            run.italic,
        ):
            last = merged.pop()
            run = Run(last.text + run.text, run.href, run.bold, run.italic)
        merged.append(run)
    return tuple(merged)


def _merge(block):
    if isinstance(block, (Paragraph, Heading)):
        return type(block)(**{**block.__dict__, "runs": _merge_runs(block.runs)})
    if isinstance(block, ListBlock):
        return ListBlock(
            tuple(
                ListItem(
                    _merge_runs(item.runs), tuple(_merge(c) for c in item.children)
                )
                for item in block.items
            ),
            block.ordered,
            block.block_id,
        )
    return block
