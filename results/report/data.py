"""What the monthly report says, gathered once: each section is a heading, column
headings and rows of plain values, so the three formats cannot disagree."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from accounts_registry.networks import Network
from accounts_registry.obligations import local_today

from .. import collectors, periods, queries
from .figures import moderation, register_changes


@dataclass(frozen=True)
class Figure:
    """A counter as the screens show it: ``value`` is None where the network does not
    report it («нет данных у сети»); ``mark`` labels a figure Vestnik counted itself
    («подсчёт Вестника»); ``signed`` shows the sign (a change of the audience). XLSX
    keeps the number, DOCX and PDF print ``cell(figure)``."""

    value: int | None
    mark: str = ""
    signed: bool = False


@dataclass(frozen=True)
class Measure:
    """A figure that is not a count: a share in per cent (``unit="percent"``, the
    engagement rate) or hours (``unit="hours"``, the time to answer); None where
    there is nothing to divide by («—»). XLSX keeps the number, with the unit in the
    cell's format (so a column can be sorted and summed); DOCX and PDF print
    ``cell(measure)``."""

    value: float | None
    unit: str


@dataclass(frozen=True)
class Cell:
    """What DOCX and PDF print in a cell: the text, a label under it, and whether it
    is a figure (right-aligned) or the network's missing one (set small)."""

    text: str
    mark: str = ""
    kind: str = "text"  # "num" or "na" or "text"


def grouped(value: int) -> str:
    text = f"{abs(value):,}".replace(",", "\u00a0")
    return ("−" if value < 0 else "") + text


# A figure written as text: «0,1 %», «3,5 ч», «—»; not «90 % answered within» or a date.
FIGURE_TEXT = re.compile(r"^(—|[−+]?\d[\d\u00a0]*(,\d+)?[ \u00a0]?(%|ч)?)$")


def no_break(text: str) -> str:
    """A one-letter word stays with the next one («у сети»), and a number with its
    unit («10 дней»), as Russian typesetting wants: a narrow cell must not end a
    line with «у» or «10»."""
    return re.sub(r"(?<=\b\w) |(?<=\d) (?=\w)", "\u00a0", text)


def decimal(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def measure_text(measure: Measure) -> str:
    if measure.value is None:
        return "—"
    if measure.unit == "percent":
        return decimal(measure.value) + "\u00a0%"  # «0,1 %» never split in a cell
    return ngettext("%(h)s hour", "%(h)s hours", max(1, round(measure.value))) % {
        "h": decimal(measure.value)
    }


def cell(value) -> Cell:
    if isinstance(value, Measure):
        return Cell(measure_text(value), kind="num")
    if isinstance(value, date):
        return Cell(value.strftime("%d.%m.%Y"))
    if isinstance(value, Figure):
        if value.value is None:
            return Cell(no_break(str(_("no data from the network"))), kind="na")
        text = grouped(value.value)
        if value.signed and value.value > 0:
            text = "+" + text
        return Cell(text, value.mark, "num")
    if isinstance(value, int) and not isinstance(value, bool):
        return Cell(grouped(value), kind="num")
    text = str(value)
    return Cell(text, kind="num" if FIGURE_TEXT.match(text) else "text")


@dataclass
class Table:
    title: str
    headings: list[str]
    rows: list[list] = field(default_factory=list)
    note: str = ""
    empty: str = ""
    # Widths in mm of the first columns on paper (the rest share what is left).
    widths: tuple[int, ...] = ()
    # Rows that sum others («Итого», a network's «все аккаунты»): set in bold.
    strong: set[int] = field(default_factory=set)
    # Columns whose words are never hyphenated on paper (a network's name, a state
    # in words: «Одноклассни-ки», «вовре-мя» read badly); they break at spaces.
    whole: set[int] = field(default_factory=set)

    @property
    def cells(self) -> list[list[Cell]]:
        return [[cell(value) for value in row] for row in self.rows]


@dataclass
class Report:
    month: str
    start: datetime
    end: datetime
    title: str
    intro: str
    tables: list[Table]


def month_title(month: str) -> str:
    year, number = (int(p) for p in month.split("-"))
    return _(
        "On the results of the ministry's official accounts for %(month)s %(year)s"
    ) % {
        "month": str(MONTHS[number]).lower(),
        "year": year,
    }


def _rate(totals) -> Measure:
    return Measure(totals.engagement_rate, "percent")


def counters_headings() -> list[str]:
    return [_("Posts"), _("Views"), _("Reach"), _("Reactions"), _("Reposts"),
            _("Comments"), _("Engagement")]  # fmt: skip


def counted_mark(networks: list[str], metric: str) -> str:
    """The screens' label (results_tags.counted_mark): «подсчёт Вестника» when every
    network of the figure is counted by Vestnik, «в т. ч. подсчёт Вестника» when the
    sum holds the networks' figures too."""
    ours = [code for code in networks if metric in collectors.counted(code)]
    if not ours:
        return ""
    if len(ours) == len(networks):
        return str(_("counted by Vestnik"))
    return str(_("incl. Vestnik's count"))


def counters(totals, networks: list[str]) -> list:
    figures = []
    for metric in queries.METRICS:
        value = getattr(totals, metric)
        mark = counted_mark(networks, metric) if value is not None else ""
        figures.append(Figure(value, mark))
    return [totals.posts, *figures, _rate(totals)]


def network_name(code: str) -> str:
    return str(dict(Network.choices).get(code, code))


def accounts_table(period) -> Table:
    table = Table(
        _("1. Audience and posts by account"),
        [
            _("Network"),
            _("Account"),
            _("Subscribers at the end"),
            pgettext("difference", "Change"),
            *counters_headings(),
        ],  # fmt: skip
        empty=_("No account was observed in the period."),
        widths=(19, 28),
    )
    accounts_of = Counter(row.account.network for row in period.by_account)
    network_totals = dict(period.by_network)
    left = dict(accounts_of)
    for row in period.by_account:
        code = row.account.network
        table.rows.append(
            [
                row.account.get_network_display(),
                row.account.name,
                Figure(row.subscribers),
                ""
                if row.subscribers_change is None
                else Figure(row.subscribers_change, signed=True),
                *counters(row.totals, [code]),
            ]  # fmt: skip
        )
        left[code] -= 1
        # A network's sum right under its last account; one account's row already
        # says it all.
        if not left[code] and accounts_of[code] > 1 and code in network_totals:
            table.strong.add(len(table.rows))
            table.rows.append(
                [
                    network_name(code),
                    _("all accounts"),
                    "",
                    "",
                    *counters(network_totals[code], [code]),
                ]  # fmt: skip
            )
    every = [code for code, _totals in period.by_network]
    table.strong.add(len(table.rows))
    table.rows.append([_("Total"), "", "", "", *counters(period.total, every)])
    table.note = accounts_note(period)
    return table


def accounts_note(period) -> str:
    shown = {row.account.network: row.account.get_network_display()
             for row in period.by_account}  # fmt: skip
    silent = sorted(str(name) for code, name in shown.items()
                    if not collectors.given(code))  # fmt: skip
    counting = sorted(str(name) for code, name in shown.items()
                      if "comments" in collectors.counted(code))  # fmt: skip
    note = [_("«no data from the network»: the network does not report the figure "
              "through its API, so it is not counted as zero.")]  # fmt: skip
    if silent:
        note.append(
            ngettext(
                "%(names)s gives no counters of a post through its API.",
                "%(names)s give no counters of a post through their APIs.",
                len(silent),
            )
            % {"names": ", ".join(silent)}
        )
    if counting:
        note.append(
            _(
                "«counted by Vestnik»: comments in %(names)s are counted by Vestnik "
                "from its moderation inbox, the network does not report them."
            )  # fmt: skip
            % {"names": ", ".join(counting)}
        )
    note.append(
        _(
            "Engagement: reactions, reposts and comments per view; «—» where there "
            "are no views to divide by."
        )  # fmt: skip
    )
    return " ".join(str(part) for part in note)


def top_table(period) -> Table:
    table = Table(
        _("2. The most read pieces"),
        ["№", _("Piece"), _("Networks"), *counters_headings()],
        empty=_("No piece of the period has views yet."),
        widths=(8, 52, 24),
    )
    for number, piece in enumerate(period.top, start=1):
        table.rows.append(
            [
                number,
                piece.title,
                ", ".join(network_name(n) for n in piece.networks),
                *counters(piece.totals, piece.networks),
            ]  # fmt: skip
        )
    return table


def hours(delta: timedelta) -> Measure:
    return Measure(delta.total_seconds() / 3600, "hours")


# «of them» rows sit under their total; no-break spaces survive HTML's collapsing.
INDENT = "\u00a0" * 4


def moderation_table(start: datetime, end: datetime, now: datetime) -> Table:
    figures = moderation(start, end, now)
    table = Table(_("3. Moderation"), [_("Figure"), _("Value")], widths=(130,))
    table.rows.append([_("Comments and messages received"), figures.received])
    table.rows.append([_("Removed or hidden"), figures.removed])
    of_them = _("of them")
    for _code, label, count in figures.reasons:
        table.rows.append([f"{INDENT}{of_them}: {label}", count])
    table.rows.append([_("Answered"), figures.answered])
    if figures.answered:
        table.rows.append([_("Median time to answer"), hours(figures.median)])
        table.rows.append([_("90 % answered within"), hours(figures.ninetieth)])
    else:
        table.rows.append([_("Median time to answer"), _("no answers")])
        table.rows.append([_("90 % answered within"), _("no answers")])
    table.rows.append([_("Deadlines to answer that fell in the period"), figures.due])
    table.rows.append([f"{INDENT}{_('of them missed')}", figures.missed])
    return table


def register_table(start: datetime, end: datetime, now: datetime) -> Table:
    """The period's changes with the state of each 10-day report as of the day the
    report is taken: the words the period view shows (``figures.notice_words``)."""
    table = Table(
        _("4. Changes in the register of accounts"),
        [
            _("Date"),
            _("Account"),
            _("Network"),
            _("What changed"),
            _("Who"),
            no_break(_("10-day report")),
        ],  # fmt: skip
        empty=_("The register did not change in the period."),
        widths=(22, 32, 31, 33, 28),
        whole={2, 5},
        note=_(
            "A created or deleted account is reported to the media department "
            "within 10 days."
        ),  # fmt: skip
    )
    for change in register_changes(start, end, local_today(now)):
        table.rows.append(
            [
                change.day,
                change.account.name,
                change.account.get_network_display(),
                change.what,
                change.who,
                change.notice,
            ]  # fmt: skip
        )
    return table


def build(month: str, now: datetime | None = None) -> Report:
    start, end = periods.month_bounds(month)
    now = now or timezone.now()
    period = queries.period(start, end)
    return Report(
        month=month,
        start=start,
        end=end,
        title=month_title(month),
        intro=_(
            "We report the results of the ministry's official accounts in social "
            "networks for the period from %(first)s to %(last)s: the audience, the "
            "posts and what readers did with them, the most read pieces, the "
            "moderation of comments and the changes in the register of accounts."
        )
        % {
            "first": timezone.localtime(start).strftime("%d.%m.%Y"),
            "last": (timezone.localtime(end) - timedelta(days=1)).strftime("%d.%m.%Y"),
        },
        tables=[
            accounts_table(period),
            top_table(period),
            moderation_table(start, end, now),
            register_table(start, end, now),
        ],
    )
