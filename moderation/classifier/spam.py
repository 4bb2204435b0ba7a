"""Spam signals: links, phones, promo phrases, floods and mixed-alphabet words.

Each signal has a weight; the weights combine as a noisy-or and the comment is
spam from ``SPAM_THRESHOLD`` on. A link to an official domain or a phone quoted
next to an official body is not a signal (a citizen quoting gosuslugi.ru).
"""

from __future__ import annotations

import re
from functools import cache

from . import lexicon
from .finding import Finding
from .textnorm import Word

SPAM_THRESHOLD = 0.6
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>«»\"]+"
    r"|\b(?:[a-z0-9а-яё-]+\.)+(?:ru|com|net|org|info|biz|io|me|su|рф|pro|online|site|"
    r"club|xyz|top|shop|store|ly|gl|cc|to|link|ws|at|us)\b(?:/[^\s<>«»\"]*)?",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"(?<![\w.])@[a-z][a-z0-9_]{3,}", re.IGNORECASE)
_PHONE = re.compile(
    r"(?<!\d)(?:\+7|8)[\s\-(]*\d{3,5}[\s\-)]*\d{1,3}[\s\-]*\d{2}[\s\-]*\d{2}(?!\d)"
    r"|(?<!\d)9\d{2}[\s\-]?\d{3}[\s\-]?\d{2}[\s\-]?\d{2}(?!\d)"
)
_OFFICIAL_CONTEXT = re.compile(
    r"горяч\w* лини|министерств|соцзащит|мфц|приемн|управлени|администраци|"
    r"поликлиник|больниц|справочн|дежурн|единый номер|госуслуг|сфр|пенсионн",
)
_EMOJI = re.compile(
    "[\U0001f300-\U0001faff\u2600-\u27bf\u2b50\u2b06\u2194-\u21aa\u3030\u303d\u3297\u3299]"
)
_CAPS_LETTER = re.compile(r"[A-ZА-ЯЁ]")
_LETTER = re.compile(r"[^\W\d_]")
_EXCLAIM = re.compile(r"[!?]{3,}")


@cache
def _phrases() -> list[tuple[float, re.Pattern[str]]]:
    return [(float(w), rx) for w, rx in lexicon.tagged_regexes("spam_phrases.txt")]


@cache
def official_domains() -> frozenset[str]:
    return lexicon.words("official_domains.txt")


@cache
def _suspicious_tlds() -> frozenset[str]:
    return lexicon.words("suspicious_tlds.txt")


@cache
def _shorteners() -> frozenset[str]:
    return lexicon.words("url_shorteners.txt")


def _host(url: str) -> str:
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower())
    return re.split(r"[/?#:]", host, maxsplit=1)[0]


def _under(host: str, domains: frozenset[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def find(
    text: str, lowered: str, words: list[Word], official: frozenset[str] | None = None
) -> list[Finding]:
    official = official_domains() if official is None else official
    findings: list[Finding] = []
    for m in _URL.finditer(text):
        host = _host(m.group())
        if _under(host, official):
            continue
        if _under(host, _shorteners()):
            findings.append(Finding(m.start(), m.end(), "spam", 0.75, "shortener"))
        else:
            cheap = host.rsplit(".", 1)[-1] in _suspicious_tlds()
            findings.append(
                Finding(m.start(), m.end(), "spam", 0.65 if cheap else 0.5, "link")
            )
    for m in _HANDLE.finditer(text):
        findings.append(Finding(m.start(), m.end(), "spam", 0.35, "handle"))
    for m in _PHONE.finditer(text):
        if not _OFFICIAL_CONTEXT.search(lowered[max(0, m.start() - 80) : m.end() + 40]):
            findings.append(Finding(m.start(), m.end(), "spam", 0.4, "phone"))
    for weight, rx in _phrases():
        m = rx.search(lowered)
        if m:
            findings.append(Finding(m.start(), m.end(), "spam", weight, "promo"))
    findings.extend(_floods(text))
    mixed = [w for w in words if w.mixed_script and not w.derived]
    if mixed:
        weight = 0.45 if len(mixed) == 1 else 0.7
        findings.extend(
            Finding(w.start, w.end, "spam", weight, "mixed_script") for w in mixed
        )
    return findings


def _floods(text: str) -> list[Finding]:
    findings = []
    emoji = _EMOJI.findall(text)
    letters = _LETTER.findall(text)
    if len(emoji) >= 6 and len(emoji) * 3 >= len(letters) or len(emoji) >= 10:
        findings.append(Finding(0, len(text), "spam", 0.65, "emoji_flood"))
    elif len(emoji) >= 4:
        findings.append(Finding(0, len(text), "spam", 0.3, "emoji_flood"))
    caps = len(_CAPS_LETTER.findall(text))
    if len(letters) >= 20 and caps >= 0.8 * len(letters):
        weight = 0.5 if _EXCLAIM.search(text) else 0.35
        findings.append(Finding(0, len(text), "spam", weight, "caps_flood"))
    return findings


def combined(findings: list[Finding]) -> float:
    """Noisy-or over the strongest finding of each reason; every promo phrase is
    a signal of its own."""
    best: dict[tuple[str, int], float] = {}
    for f in findings:
        key = (f.reason, f.start if f.reason == "promo" else 0)
        best[key] = max(best.get(key, 0.0), f.weight)
    remaining = 1.0
    for weight in best.values():
        remaining *= 1.0 - weight
    return 1.0 - remaining
