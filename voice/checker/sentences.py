"""Everything the checker finds in one sentence, with the fixes, cached by the
sentence's text: the editor panel checks the whole piece after every pause in
typing, and only the sentence being typed has changed."""

import re
from collections import OrderedDict
from dataclasses import replace

from .draft import Place
from .findings import Finding, Fix
from .fixes import fixes_for, passive_fixes
from .grammar import is_preposition
from .lexicon import match_lexical
from .names import name_spans
from .rules import Rule, RuleBook
from .syntax import genitive_chains, long_sentence, passive_voice, verbal_nouns
from .templates import parse_suggestion
from .text import Sentence, Token

_CACHE: OrderedDict = OrderedDict()
CACHE_SIZE = 4096


def sentence_findings(
    text: str, sentence: Sentence, book: RuleBook, fixes: bool
) -> list[Finding]:
    """Word-rule and syntax findings of ``sentence`` (a span of ``text``)."""
    own = text[sentence.start : sentence.end]
    key = (own, fixes, id(book))
    cached = _CACHE.get(key)
    if cached is None:
        local = Sentence(0, len(own), _relative(sentence), {})
        cached = _analyse(own, local, book, fixes)
        _CACHE[key] = cached
        if len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    else:
        _CACHE.move_to_end(key)
    return [_shifted(f, sentence.start) for f in cached]


def clear_cache() -> None:
    _CACHE.clear()


def _relative(sentence: Sentence) -> list[Token]:
    start = sentence.start
    return [
        Token(t.start - start, t.end - start, t.text, t.norm, t.info, t.joined)
        for t in sentence.tokens
    ]


def _shifted(finding: Finding, by: int) -> Finding:
    if not by:
        return finding
    return replace(
        finding,
        start=finding.start + by,
        end=finding.end + by,
        fixes=tuple(
            replace(f, start=f.start + by, end=f.end + by) for f in finding.fixes
        ),
    )


def _analyse(
    text: str, sentence: Sentence, book: RuleBook, fixes: bool
) -> list[Finding]:
    found = _lexical(text, sentence, book, fixes)
    out = list(found)
    out.extend(long_sentence(sentence, book))
    out.extend(genitive_chains(sentence, book))
    offered = {(x.start, x.end, x.text) for f in found for x in f.fixes}
    out.extend(_passive(text, sentence, book, fixes, offered))
    nouns = _uncovered(verbal_nouns(sentence, book), found)
    out.extend(_for_purpose(text, sentence, book, f) if fixes else f for f in nouns)
    return out


_PURPOSE = parse_suggestion("чтобы +инф")[0]


def _for_purpose(text: str, sentence: Sentence, book: RuleBook, found: Finding):
    """«Для получения компенсации необходимо …» at the start of a sentence: the
    verbal noun's finding offers «Чтобы получить компенсацию, необходимо …»."""
    tokens = sentence.tokens
    n = next((i for i, t in enumerate(tokens) if t.start == found.start), None)
    if n != 1 or tokens[0].norm != "для":
        return found
    fixes = fixes_for(Place(text, sentence, (0,), book), _PURPOSE.source)
    if not fixes:
        return found
    return replace(found, suggestion=fixes[0].text, fixes=fixes)


def _lexical(
    text: str, sentence: Sentence, book: RuleBook, fixes: bool
) -> list[Finding]:
    out = []
    tokens = sentence.tokens
    matches = match_lexical(sentence, book)
    sentence.memo["matches"] = matches
    for matched, rule in matches:
        place = Place(text, sentence, matched, book)
        found: tuple[Fix, ...] = ()
        hint = rule.hint
        start = tokens[matched[0]].start
        if (
            fixes
            and not _quoted(text, sentence, start)
            and not _in_name(sentence, matched, book)
        ):
            found = fixes_for(place, rule.suggestion) or _prefix_fixes(place, rule)
        if fixes and not found:
            hint = _with_advice(hint, rule.suggestion)
        out.append(
            Finding(
                tokens[matched[0]].start,
                tokens[matched[-1]].end,
                rule.category,
                hint,
                found[0].text if found else None,
                found,
            )
        )
    return out


def _quoted(text: str, sentence: Sentence, start: int) -> bool:
    """Words inside quotation marks are a name («программа „Старшее поколение“»)
    or someone's words: the finding stays, but no one-click fix rewrites them."""
    before = text[sentence.start : start]
    return before.count("«") > before.count("»") or before.count('"') % 2 == 1


def _in_name(sentence: Sentence, matched: tuple[int, ...], book) -> bool:
    """The words are part of a name fixed by law («комиссия по делам
    несовершеннолетних», «социально-реабилитационного центра для
    несовершеннолетних»): flagged, never rewritten by a click."""
    names = book.grammar["fixed_names"]
    if not names:
        return False
    spans = sentence.memo.get("fixed_names")
    if spans is None:
        spans = sentence.memo["fixed_names"] = name_spans(sentence, names)
    return any(s <= matched[0] and matched[-1] <= e for s, e in spans)


def _prefix_fixes(place: Place, rule: Rule) -> tuple[Fix, ...]:
    """For «в целях … обеспечения» whose own fix cannot be built, the fix of the
    rule for its first words alone («в целях» → «для»)."""
    if len(place.matched) < 2 or not is_preposition(
        place.sentence.tokens[place.first].norm
    ):
        return ()  # only a compound preposition's first words stand on their own
    tokens = place.sentence.tokens
    block = []
    for i in place.matched:
        if block and i != block[-1] + 1:
            break
        block.append(i)
    first = block[0]
    following = tokens[first + 1].info.lemmas if first + 1 < len(tokens) else ()
    for other in sorted(
        set(place.book.candidates(tokens[first].info.lemmas, following)),
        key=lambda r: r.pattern.source,
    ):
        if other is rule or not other.suggestion:
            continue
        sub = other.pattern.match_at(tokens, first)
        shorter = sub and len(sub) < len(place.matched)
        if shorter and set(sub) <= set(block) and sub[-1] - sub[0] + 1 == len(sub):
            found = fixes_for(
                Place(place.text, place.sentence, sub, place.book), other.suggestion
            )
            if found:
                return found
    return ()


def _with_advice(hint: str, suggestion: str | None) -> str:
    """No fix fits this place: the rule's words stay as advice in the hint. Words
    meant only for some nouns («по @план») are not advice where they did not fit:
    the rule's own hint says when to use them."""
    words = [
        t.display
        for t in parse_suggestion(suggestion)
        if t.kind == "words" and not t.sense
    ]
    # Words the hint already quotes are not repeated: after «…оставьте как есть:
    # «за десять дней» скажет …» a trailing «Например: «за»» would say the opposite.
    words = [w for w in words if w and not re.search(f"«{re.escape(w)}[ »]", hint)]
    if not words:
        return hint
    return f"{hint} Например: {', '.join(f'«{w}»' for w in words)}."


def _passive(
    text: str, sentence: Sentence, book: RuleBook, fixes: bool, offered: set
) -> list[Finding]:
    """Passive-voice findings, each with the active rewrite unless a word rule on
    the same words already offers that very fix."""
    out = []
    starts = {t.start: i for i, t in enumerate(sentence.tokens)}
    for finding in passive_voice(sentence, book):
        if not fixes:
            out.append(finding)
            continue
        place = Place(text, sentence, (starts[finding.start],), book)
        found = tuple(
            f for f in passive_fixes(place) if (f.start, f.end, f.text) not in offered
        )
        out.append(
            Finding(
                finding.start,
                finding.end,
                finding.category,
                finding.hint,
                found[0].text if found else None,
                found,
            )
        )
    return out


def _uncovered(findings: list[Finding], covering: list[Finding]) -> list[Finding]:
    """Drop verbal nouns already flagged by a word rule: «обеспечение» shows once."""
    return [
        f
        for f in findings
        if not any(c.start <= f.start and f.end <= c.end for c in covering)
    ]
