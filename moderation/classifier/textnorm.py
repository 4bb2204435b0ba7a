"""Normalisation of comment text into candidate words with original offsets.

Obfuscated Russian hides a word behind look-alike characters («xyй», «п@здец»),
separators («х у й», «б.л.я»), repeated letters and transliteration («nahuya»).
Each candidate word keeps the ``start``/``end`` offsets of the characters it was
built from, so a match on the normalised form points back at the original text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from typing import NamedTuple

from . import lexicon

WILDCARD = "*"
# Characters that carry no letter: removed before anything else.
_INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff",
    ),
    None,
)
# Upper-case Latin letters that look like Cyrillic ones only in upper case.
_UPPER_LOOKALIKES = str.maketrans("HBMTK", "нвмтк")
_LATIN_LOOKALIKES = str.maketrans(
    {
        "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у",
        "k": "к", "m": "м", "t": "т", "u": "и", "n": "п", "r": "г", "i": "и",
        "b": "б", "ё": "е", "#": WILDCARD,
    }
)  # fmt: skip
# Digits and symbols standing for letters; applied only inside real words.
_SYMBOL_LETTERS = str.maketrans(
    {
        "0": "о",
        "3": "з",
        "6": "б",
        "4": "ч",
        "1": "и",
        "9": "я",
        "@": "а",
        "$": "с",
        "€": "е",
    }
)
_LOOKALIKE_SET = frozenset("aeopcxykmtunribhAEOPCXYKMTHB")
# A piece is a run of letters, digits and masking symbols.
_PIECE = re.compile(r"(?:[^\W_]|[*#@$€])+")
_INTRA_SEPARATOR = re.compile(r"[.\-_,|/\\'\"~+:]{1,3}")
_SPACE_SEPARATOR = re.compile(r"[ \t.]{1,3}")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_CYRILLIC_WORD = re.compile(r"[а-яёА-ЯЁ]+")
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]")
_REPEATS = re.compile(r"(.)\1+")
_SIMPLE_TEXT = re.compile(r"[\x20-\x7eа-яА-ЯёЁ\n\r\t«»—–…№]*")
# Text the fast path can take: the simple characters plus emoji, pictographs and
# common typography, none of which NFKC changes or can sit inside a word.
_PLAIN_TEXT = re.compile(
    "[\x20-\x7eа-яА-ЯёЁ\n\r\t«»—–…№₽“”„‘’•·°×"
    "\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f]*"
)
_LINK_HINT = re.compile(r"[a-zA-Z0-9]\.[a-zA-Z]{2}|/|@[a-zA-Z]")
_LINKS = re.compile(
    r"(?:https?://|www\.)[^\s<>«»\"]+"
    r"|(?<![\w@.])(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,10}\b(?:/[^\s<>«»\"]*)?"
    r"|(?<![\w.])@[a-z][a-z0-9_.]{2,}"
    r"|\b[\w.+-]+@[\w-]+\.[\w.]+",
    re.IGNORECASE,
)
# Plain text needs none of the look-alike, digit or mask handling: no Latin letter
# and no digit or masking symbol touching a Cyrillic letter.
_NEEDS_FULL = re.compile(
    r"[a-zA-Z]|[а-яёА-ЯЁ][*@#$€0-9]|[*@#$€0-9][а-яёА-ЯЁ]|[а-яёА-ЯЁ]![а-яёА-ЯЁ]"
    r"|[а-яёА-ЯЁ](?:\.{2,3}|…)[а-яёА-ЯЁ]"
)
# One character class is much cheaper to search than _NEEDS_FULL's alternatives;
# most comments have none of these characters and skip it.
_MASK_HINT = re.compile(r"[a-zA-Z*@#$€!0-9…]|\.\.")
_CYRILLIC_RUN = re.compile(r"[а-яё]+")
_SPECIAL_CHAR = re.compile(r"[^\x20-\x7eа-яА-ЯёЁ\n\r\t«»—–…№]")
# Plain text can hold a hidden word only where a short piece touches a separator
# («б.л.я», «ху-йня») or three single letters stand in a row («х у й»).
_JOIN_HINT = re.compile(
    r"[а-яё][.\-_,|/\\'\"~+:]{1,3}[а-яё]"
    r"|(?<![а-яё])[а-яё][ \t.]{1,3}[а-яё][ \t.]{1,3}[а-яё](?![а-яё])"
)
# «е...ть», «х…я»: an ellipsis inside a short word hides two letters.
_ELLIPSIS_MASK = re.compile(
    r"(?<![^\W\d_])([^\W\d_]{1,3})(?:\.{2,3}|…)(?=[^\W\d_]{1,4}(?![^\W\d_]))"
)
# «п!здец», «бл!ть»: an exclamation mark after the first one to three letters of
# a word and before more letters hides a letter («Спасибо!Молодцы» is two words).
_BANG_MASK = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,3})(!{1,2})(?=[^\W\d_])")

_TRANSLIT_MULTI = [
    ("shch", "щ"), ("sch", "щ"), ("sh", "ш"), ("ch", "ч"), ("zh", "ж"), ("kh", "х"),
    ("ts", "ц"), ("ya", "я"), ("yu", "ю"), ("yo", "е"), ("ye", "е"), ("ja", "я"),
    ("ju", "ю"), ("jo", "е"), ("je", "е"), ("xy", "ху"),
]  # fmt: skip
_TRANSLIT_SINGLE = str.maketrans(
    "abvgdezijklmnoprstufhcwqx'", "абвгдезийклмнопрстуфхцвкхь"
)
_VOWELS = frozenset("аеиоуыэюя")


class Word(NamedTuple):
    """A candidate word: its normalised forms and where it sits in the original.

    A named tuple rather than a dataclass: a comment yields a dozen of them and
    tuple construction is several times cheaper."""

    forms: tuple[str, ...]
    start: int
    end: int
    mixed_script: bool = False
    derived: bool = False  # joined from pieces or transliterated


def collapse_repeats(form: str) -> str:
    return _REPEATS.sub(r"\1", form)


def transliterate(latin: str) -> str:
    out = latin
    for src, dst in _TRANSLIT_MULTI:
        out = out.replace(src, dst)
    chars: list[str] = []
    for ch in out:
        if ch == "y":
            chars.append("й" if chars and chars[-1] in _VOWELS else "ы")
        else:
            chars.append(ch.translate(_TRANSLIT_SINGLE))
    return "".join(chars)


def _clean(text: str) -> tuple[str, list[int]]:
    """NFKC and invisible-character removal with a map from each output
    character to its original index. Text that neither changes is returned as is
    (plain Cyrillic/ASCII, and emoji, which NFKC leaves alone)."""
    for m in _SPECIAL_CHAR.finditer(text):
        ch = m.group()
        if (
            ord(ch) in _INVISIBLE
            or unicodedata.category(ch) == "Mn"
            or unicodedata.normalize("NFKC", ch) != ch
        ):
            break
    else:
        return text, []
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ord(ch) in _INVISIBLE or unicodedata.category(ch) == "Mn":
            continue
        norm = unicodedata.normalize("NFKC", ch) if ord(ch) > 0x7F else ch
        out.append(norm)
        index.extend([i] * len(norm))
    return "".join(out), index


def _masked_ellipses(clean: str, index: list[int]) -> tuple[str, list[int]]:
    """Replace an ellipsis inside a short word with two wildcards, keeping the map
    from each character to its original offset."""
    if not index:
        index = list(range(len(clean)))
    out, out_index, last = [], [], 0
    for m in _ELLIPSIS_MASK.finditer(clean):
        dots_start, dots_end = m.end(1), m.end()
        out.append(clean[last:dots_start])
        out_index.extend(index[last:dots_start])
        out.append(WILDCARD * 2)
        out_index.extend([index[dots_start], index[dots_end - 1]])
        last = dots_end
    if not out:
        return clean, index
    out.append(clean[last:])
    out_index.extend(index[last:])
    return "".join(out), out_index


def _piece_form(raw: str, latin_in_text: bool = True) -> tuple[str, bool, bool]:
    """Normalised Cyrillic form of a piece, whether it mixes scripts, and whether
    it is purely Latin."""
    if (
        raw.isalpha()
        and not raw.isascii()
        and not (latin_in_text and _LATIN.search(raw))
    ):
        # Fast path for the common case: a plain Cyrillic word.
        return raw.lower().replace("ё", "е"), False, False
    has_cyr = bool(_CYRILLIC.search(raw))
    has_lat = bool(_LATIN.search(raw))
    letters = len(_LETTER.findall(raw))
    lookalike = has_cyr or all(c in _LOOKALIKE_SET for c in raw if c.isalpha())
    if has_lat and lookalike and raw.lower() not in lexicon.latin_allowlist():
        form = raw.translate(_UPPER_LOOKALIKES).lower().translate(_LATIN_LOOKALIKES)
    else:
        form = raw.lower().replace("ё", "е").replace("#", WILDCARD)
    if letters >= 2 or (letters >= 1 and WILDCARD in form):
        form = form.translate(_SYMBOL_LETTERS)
    return form, has_cyr and has_lat, has_lat and not has_cyr


def words(text: str) -> list[Word]:
    """All candidate words of ``text``: plain words, words joined across
    separators («б.л.я», «х у й»), and transliterations of Latin words.

    Plain words come first, in text order and never ``derived``; joined words
    follow them."""
    if _LINK_HINT.search(text):
        # Links, handles and e-mail addresses are not language: blank them out
        # (same length, so offsets hold) rather than transliterate «gosuslugi».
        text = _LINKS.sub(lambda m: " " * len(m.group()), text)
    if _PLAIN_TEXT.fullmatch(text) and not (
        _MASK_HINT.search(text) and _NEEDS_FULL.search(text)
    ):
        return _plain_words(text)
    return _masked_words(text)


def _plain_words(text: str) -> list[Word]:
    """The fast path: Cyrillic text with nothing masked, lower-cased in place
    (offsets carry over unchanged)."""
    lowered = text.lower().replace("ё", "е")
    result = [
        _new_word(Word, ((m.group(),), m.start(), m.end(), False, False))
        for m in _CYRILLIC_RUN.finditer(lowered)
    ]
    # Only words with a doubled letter need a collapsed variant: find the doubled
    # letters in the whole text once and collapse just the words holding them.
    repeats = [m.start() for m in _REPEATS.finditer(lowered)]
    if repeats:
        starts = [word.start for word in result]
        done = set()
        for position in repeats:
            k = bisect_right(starts, position) - 1
            if k < 0 or k in done or position >= result[k].end:
                continue
            done.add(k)
            word = result[k]
            result[k] = word._replace(forms=_with_collapsed(word.forms[0]))
    if len(result) > 2 and _JOIN_HINT.search(lowered):
        pieces = [(w.start, w.end, w.forms[0], "", w.start, w.end) for w in result]
        result.extend(_joined(lowered, pieces))
    return result


# Builds a Word without the named tuple's Python-level constructor (hot path).
_new_word = tuple.__new__


def _masked_words(text: str) -> list[Word]:
    clean, index = _clean(text)
    if "!" in clean:
        clean = _BANG_MASK.sub(lambda m: m[1] + WILDCARD * len(m[2]), clean)
    if ".." in clean or "…" in clean:
        clean, index = _masked_ellipses(clean, index)

    def orig(pos: int, end: bool = False) -> int:
        if not index:
            return pos
        return index[pos - 1] + 1 if end else index[pos]

    pieces = []  # (start, end, form, latin_raw)
    result: list[Word] = []
    latin_in_text = bool(_LATIN.search(clean))
    for m in _PIECE.finditer(clean):
        raw = m.group()
        if _CYRILLIC_WORD.fullmatch(raw):  # the common case, inlined
            form = raw.lower().replace("ё", "е")
            start, end = (
                (m.start(), m.end())
                if not index
                else (orig(m.start()), orig(m.end(), True))
            )
            result.append(Word(_with_collapsed(form), start, end))
            pieces.append((m.start(), m.end(), form, "", start, end))
            continue
        if not raw.isalpha() and not _LETTER.search(raw):
            continue
        form, mixed, latin = _piece_form(raw, latin_in_text)
        start, end = orig(m.start()), orig(m.end(), end=True)
        forms = _with_collapsed(form)
        if "@" in raw:  # «п@здец»: the @ may hide any letter, not only «а»
            forms += (_piece_form(raw.replace("@", WILDCARD))[0],)
        result.append(Word(forms, start, end, mixed_script=mixed))
        latin_raw = raw.lower() if latin else ""
        if latin_raw and latin_raw not in lexicon.latin_allowlist():
            result.append(
                Word(
                    _with_collapsed(transliterate(latin_raw)), start, end, derived=True
                )
            )
        pieces.append((m.start(), m.end(), form, latin_raw, start, end))
    result.extend(_joined(clean, pieces))
    return result


def _with_collapsed(form: str) -> tuple[str, ...]:
    if len(set(form)) == len(form) or not _REPEATS.search(form):
        return (form,)
    collapsed = collapse_repeats(form)
    return (form,) if collapsed == form else (form, collapsed)


def _joined(clean: str, pieces: list) -> list[Word]:
    """Words hidden by separators: a chain of pieces linked by short separators
    where some piece is at most two letters, or three or more single letters."""
    joined: list[Word] = []
    chain = [pieces[0]] if pieces else []
    intra = False
    for prev, cur in zip(pieces, pieces[1:], strict=False):
        # Up to three letters: «пиз-дец», «ху-йня», «б.л.я».
        short = len(prev[2]) <= 3 or len(cur[2]) <= 3
        if not short:  # the common case: two ordinary words, no regex needed
            if len(chain) > 1:
                joined.extend(_chain_word(chain, intra))
            chain, intra = [cur], False
            continue
        gap = clean[prev[1] : cur[0]]
        if _INTRA_SEPARATOR.fullmatch(gap) and " " not in gap:
            chain.append(cur)
            intra = True
            continue
        if _SPACE_SEPARATOR.fullmatch(gap) and len(prev[2]) == 1 and len(cur[2]) == 1:
            chain.append(cur)
            continue
        joined.extend(_chain_word(chain, intra))
        chain, intra = [cur], False
    joined.extend(_chain_word(chain, intra))
    return joined


def _chain_word(chain: list, intra: bool) -> list[Word] | tuple[()]:
    if len(chain) < 2 or (not intra and len(chain) < 3):
        return ()
    start, end = chain[0][4], chain[-1][5]
    result = [
        Word(_with_collapsed("".join(p[2] for p in chain)), start, end, derived=True)
    ]
    if all(p[3] for p in chain):
        latin = transliterate("".join(p[3] for p in chain))
        result.append(Word(_with_collapsed(latin), start, end, derived=True))
    return result
