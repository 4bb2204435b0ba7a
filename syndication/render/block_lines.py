"""The text form of every Piece item, shared by all networks.

A network renders an item natively where it can (a photo as an attachment, a poll as a
poll) and falls back to these Lines where it cannot, so no item is ever dropped. The
wording a reader sees is Russian through gettext; ``Network.render`` activates the
post's language around the whole render.
"""

from __future__ import annotations

from datetime import date, datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cms.region import REGION_TIME_NAME, REGION_TZ
from syndication import content as c
from syndication.render.lines import HEADING, ITEM, QUOTE, Line, plain_line

# The press office works in Kuzbass: every time in a post is local time there, named
# as the site names it (cms/region.py).
LOCAL_TZ = REGION_TZ
BULLETS = ("•", "◦", "▪")
INDENT = "    "


def format_datetime(value: datetime) -> str:
    '"1 декабря 2026, 11:00" in the region\'s time.'
    if value.tzinfo is not None:
        value = value.astimezone(LOCAL_TZ)
    return date_format(value, "j E Y, H:i")


def format_date(value: date) -> str:
    return date_format(value, "j E Y")


def list_lines(block: c.ListBlock, depth: int = 0) -> list[Line]:
    lines = []
    for number, item in enumerate(block.items, start=1):
        marker = f"{number}." if block.ordered else BULLETS[min(depth, 2)]
        lines.append(
            Line(
                item.runs,
                ITEM,
                prefix=f"{INDENT * depth}{marker} ",
                tight=bool(lines) or depth > 0,
                source=block,
            )
        )
        for child in item.children:
            lines.extend(list_lines(child, depth + 1))
    return lines


def caption_text(photo: c.Photo) -> str:
    """A photo's caption with its credit; the alt text when there is no caption."""
    text = (photo.caption or "").strip()
    if photo.credit:
        credit = _("Photo: %(credit)s") % {"credit": photo.credit}
        # «Бассейн Фото: Пресс-служба» read as one phrase: a caption without its
        # own closing mark gets a full stop before the credit.
        if text and text[-1] not in ".!?…":
            text += "."
        text = f"{text} {credit}" if text else credit
    return text


def poll_lines(poll: c.Poll, piece_url: str) -> list[Line]:
    """A poll the network cannot carry natively, as text with a way to vote."""
    lines = [plain_line(_("Poll: %(question)s") % {"question": poll.question}, HEADING)]
    for number, option in enumerate(poll.options, start=1):
        lines.append(plain_line(option, ITEM, prefix=f"{number}. ", tight=True))
    lines.append(plain_line(_("Vote on the site: %(url)s") % {"url": piece_url}))
    return [Line(x.runs, x.style, x.prefix, x.tight, source=poll) for x in lines]


def text_lines(block, piece_url: str) -> list[Line]:
    """Lines for the text of ``block``; media items give only their words here."""
    lines: list[Line]
    if isinstance(block, c.Paragraph):
        lines = [Line(block.runs)]
    elif isinstance(block, c.Heading):
        lines = [Line(block.runs, HEADING)]
    elif isinstance(block, c.ListBlock):
        return list_lines(block)
    elif isinstance(block, c.Gallery):
        lines = [plain_line(block.title, HEADING)] if block.title else []
    elif isinstance(block, c.Infographic):
        lines = [plain_line(block.title, HEADING)]
        lines += [
            plain_line(p.strip(), tight=True)
            for p in _paragraphs(block.text_alternative)
        ]
        if block.source:
            source = _("Source: %(source)s") % {"source": block.source}
            lines.append(plain_line(source, tight=True))
    elif isinstance(block, c.Cards):
        lines = [plain_line(block.title, HEADING)] if block.title else []
        for card in block.cards:
            runs = (c.Run(card.title, bold=True), c.Run(f" — {card.text}"))
            lines.append(Line(runs, ITEM, prefix=f"{BULLETS[0]} ", tight=bool(lines)))
    elif isinstance(block, c.Video):
        lines = [plain_line(block.title, HEADING)]
        if block.description:
            lines.append(plain_line(block.description, tight=True))
        if block.url:
            lines.append(
                plain_line(_("Watch: %(url)s") % {"url": block.url}, tight=True)
            )
    elif isinstance(block, c.Animation):
        lines = [plain_line(block.caption)] if block.caption else []
    elif isinstance(block, c.Photo):
        caption = caption_text(block)
        lines = [plain_line(caption)] if caption else []
    elif isinstance(block, c.Live):
        lines = [
            plain_line(_("Live: %(title)s") % {"title": block.title}, HEADING),
            plain_line(
                _("Starts %(when)s (%(zone)s)")
                % {"when": format_datetime(block.start), "zone": REGION_TIME_NAME},
                tight=True,
            ),
        ]
        if block.description:
            lines.append(plain_line(block.description, tight=True))
        lines.append(plain_line(_("Watch: %(url)s") % {"url": block.url}, tight=True))
    elif isinstance(block, c.Poll):
        return poll_lines(block, piece_url)
    elif isinstance(block, c.Contest):
        lines = [
            plain_line(_('Contest: "%(title)s"') % {"title": block.title}, HEADING),
            plain_line(block.terms, tight=True),
            plain_line(
                _("Dates: from %(start)s to %(end)s")
                % {"start": format_date(block.start), "end": format_date(block.end)},
                tight=True,
            ),
            plain_line(
                _("How to take part: %(how)s") % {"how": block.how_to_enter}, tight=True
            ),
        ]
        if block.prize:
            lines.append(
                plain_line(_("Prize: %(prize)s") % {"prize": block.prize}, tight=True)
            )
        if block.link:
            lines.append(
                plain_line(
                    _("Terms and entry: %(url)s") % {"url": block.link}, tight=True
                )
            )
    elif isinstance(block, c.Quote):
        author = block.author + (f", {block.role}" if block.role else "")
        lines = [plain_line(f"«{block.text.strip()}» — {author}", QUOTE)]
    else:  # pragma: no cover - a new block type must get a text form here
        raise TypeError(f"No text form for {type(block).__name__}")
    # An empty paragraph or caption would only add blank lines.
    return [
        Line(x.runs, x.style, x.prefix, x.tight, source=block)
        for x in lines
        if x.prefix or x.text.strip()
    ]


def _paragraphs(text: str) -> list[str]:
    return [part for part in text.replace("\r", "").split("\n") if part.strip()]
