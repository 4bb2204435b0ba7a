"""Grammar of single words for the fixes: readings in context, inflection, government.

Everything the fixes need from pymorphy3 goes through here, cached, so that a
replacement is put in exactly the form of the words it replaces (issue 13).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .morph import clear_caches as clear_morph
from .morph import normalize, parses

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# Forms that are correct but dated or colloquial: a fix never produces them.
_RARE = frozenset({"V-ey", "V-oy", "V-ie", "V-bi", "V-sh", "V-be", "V-en", "Infr"})
_RARE |= {"Arch", "Erro", "Dist", "Slng", "Init"}
# Plurals the dictionary gives two ways under one tag, each for another sense;
# in a press office's text the first is meant: children's camps («лагеря», not
# the political «лагери»), school buildings, teachers, utility bills, passes.
_USUAL_VARIANTS = frozenset({"лагеря", "корпуса", "учителя", "счета", "пропуска"})
# Parses below this share of the word's best parse are not considered.
_MIN_SHARE = 0.05

# Cases a simple preposition governs, the usual one first. Where a preposition
# takes two cases the fixes never guess: a rule names the case (``в +п``).
PREPOSITION_CASES: dict[str, tuple[str, ...]] = {
    "в": ("loct", "accs"),
    "во": ("loct", "accs"),
    "на": ("loct", "accs"),
    "по": ("datv",),
    "с": ("ablt", "gent"),
    "со": ("ablt", "gent"),
    "о": ("loct", "accs"),
    "об": ("loct", "accs"),
    "обо": ("loct",),
    "за": ("ablt", "accs"),
    "под": ("ablt", "accs"),
    "при": ("loct",),
    "к": ("datv",),
    "ко": ("datv",),
    "через": ("accs",),
    "про": ("accs",),
    "сквозь": ("accs",),
    "над": ("ablt",),
    "перед": ("ablt",),
    "между": ("ablt",),
    "благодаря": ("datv",),
    "согласно": ("datv",),
    "вопреки": ("datv",),
}
for _word in [
    "для",
    "из-за",
    "из",
    "от",
    "до",
    "без",
    "у",
    "после",
    "около",
    "вокруг",
    "среди",
    "кроме",
    "ради",
    "свыше",
    "посредством",
    "вследствие",
    "ввиду",
    "помимо",
    "вместо",
    "насчёт",
    "насчет",
    "вдоль",
    "мимо",
    "против",
    "напротив",
    "внутри",
    "вне",
    "возле",
    "близ",
    "накануне",
    "путём",
    "путем",
]:
    PREPOSITION_CASES[_word] = ("gent",)

# Russian names of the cases used in the rule files: ``из-за +р``.
CASE_MARKS = {
    "и": "nomn",
    "р": "gent",
    "д": "datv",
    "в": "accs",
    "т": "ablt",
    "п": "loct",
}


@dataclass(frozen=True, slots=True)
class Reading:
    """One plausible analysis of a word: pymorphy's parse and its tag."""

    parse: object
    pos: str | None
    grammemes: frozenset[str]

    @property
    def lemma(self) -> str:
        return normalize(self.parse.normal_form)

    def has(self, *grammemes: str) -> bool:
        return all(g in self.grammemes for g in grammemes)

    def case(self) -> str | None:
        for case in CASES:
            if case in self.grammemes:
                return case
        if "loc2" in self.grammemes:
            return "loct"
        if "gen2" in self.grammemes:
            return "gent"
        return None

    def number(self) -> str | None:
        return (
            "plur"
            if "plur" in self.grammemes
            else "sing"
            if "sing" in self.grammemes
            else None
        )

    def gender(self) -> str | None:
        for gender in ("masc", "femn", "neut"):
            if gender in self.grammemes:
                return gender
        return None


@lru_cache(maxsize=100_000)
def readings(word: str) -> tuple[Reading, ...]:
    """Plausible readings of a word (any case), best first; no rare forms."""
    found = parses(normalize(word))
    if not found:
        return ()
    best = found[0].score or 1.0
    out = []
    for parse in found:
        if parse.score < best * _MIN_SHARE:
            continue
        grammemes = frozenset(parse.tag.grammemes)
        if grammemes & _RARE:
            continue
        pos = str(parse.tag.POS) if parse.tag.POS else None
        if pos is None and "NUMB" in grammemes:
            pos = "NUMB"
        out.append(Reading(parse, pos, grammemes))
    return tuple(out)


@lru_cache(maxsize=20_000)
def pronoun_adjectives(word: str) -> tuple[Reading, ...]:
    """Every reading of a pronoun adjective («этого», «того», «всего»), however
    rare pymorphy scores it: «этого» is the neuter far more often than the
    masculine, yet «этого срока» needs the masculine, and the noun decides."""
    found = parses(normalize(word))
    return tuple(
        Reading(p, "ADJF", frozenset(p.tag.grammemes))
        for p in found
        if "Apro" in p.tag.grammemes and str(p.tag.POS) == "ADJF"
    )


@lru_cache(maxsize=20_000)
def is_known(word: str) -> bool:
    """The dictionary knows the word: its best parse is not a guess."""
    found = parses(normalize(word))
    return bool(found) and all(
        type(step[0]).__name__ == "DictionaryAnalyzer"
        for step in found[0].methods_stack
    )


def pos_of(word: str) -> set[str]:
    return {r.pos for r in readings(word) if r.pos}


def is_preposition(word: str) -> bool:
    rs = readings(word)
    return bool(rs) and rs[0].pos == "PREP"


def governed_cases(preposition: str) -> tuple[str, ...]:
    return PREPOSITION_CASES.get(normalize(preposition), ())


_LEXEMES: dict[tuple, tuple[tuple[str, frozenset[str]], ...]] = {}
_LEXEMES_MAX = 20_000


def _lexeme(parse) -> tuple[tuple[str, frozenset[str]], ...]:
    """Every form of the word's lexeme with its grammemes. Kept by paradigm and
    dictionary form, so «граждан» and «гражданам» share one: building a verb's
    lexeme costs a millisecond."""
    step = parse.methods_stack[0]
    if type(step[0]).__name__ != "DictionaryAnalyzer" or len(parse.methods_stack) > 1:
        key = ("guess", parse.word, str(parse.tag))
    else:
        key = (parse.normal_form, step[2])
    found = _LEXEMES.get(key)
    if found is None:
        if len(_LEXEMES) >= _LEXEMES_MAX:
            _LEXEMES.clear()
        found = tuple(
            (form.word, frozenset(form.tag.grammemes)) for form in parse.lexeme
        )
        _LEXEMES[key] = found
    return found


def inflect(reading: Reading, wanted: set[str] | frozenset[str]) -> str | None:
    """The form of ``reading``'s lexeme with every grammeme in ``wanted``.

    Plain forms are preferred: no archaic, colloquial or variant endings. None
    when the lexeme has no such form, or two equally plain ones (the fix is then
    withdrawn rather than guessed).
    """
    if "-" in reading.parse.word and _guessed_compound(reading.parse):
        return _inflect_compound(reading, frozenset(wanted))
    forms = _lexeme(reading.parse)
    wanted = frozenset(wanted) | _kept_by_participle(reading, wanted)
    # «лучшие», «старейшие» share their lexeme with «хороший», «старый»: the
    # superlative or comparative must stay one, or «лучших работников» comes
    # out «хороших работников» and the meaning changes.
    wanted |= reading.grammemes & _DEGREES
    first = next((g for _, g in forms if wanted <= g and not g & _RARE), None)
    if first is None:
        return None
    tied = sorted({word for word, g in forms if g == first})
    if len({normalize(w) for w in tied}) == 1:
        return max(tied, key=lambda w: "ё" in w)  # «сёл» and «сел» are one word
    tied = sorted({normalize(w): w for w in tied}.values())
    # Two forms with one tag: keep the one closest to the word we started from
    # («люди» → «людям», not the counting form «человекам»); if none is closer
    # («лагеря» or «лагери»), the dictionary cannot tell and neither do we.
    usual = [w for w in tied if normalize(w) in _USUAL_VARIANTS]
    if len(usual) == 1:
        return usual[0]
    source = reading.parse.word
    ranked = sorted(tied, key=lambda w: -_common_prefix(w, source))
    if _common_prefix(ranked[0], source) == _common_prefix(ranked[1], source):
        return None
    return ranked[0]


def _guessed_compound(parse) -> bool:
    return type(parse.methods_stack[0][0]).__name__ == "HyphenatedWordsAnalyzer"


_NOMINAL = frozenset(CASES) | {"sing", "plur"}


def _inflect_compound(reading: Reading, wanted: frozenset[str]) -> str | None:
    """«дома-интерната» → «дом-интернат», «детей-сирот» → «детям-сиротам»: both
    nouns of a hyphenated compound change; the dictionary's guess for the whole
    word changes only the last («дома-интернат»)."""
    parts = reading.parse.word.split("-")
    if len(parts) != 2 or reading.pos != "NOUN":
        return None
    have = {reading.case(), reading.number()}
    out = []
    for part in parts:
        own = [
            r
            for r in readings(part)
            if r.pos == "NOUN" and {r.case(), r.number()} == have
        ]
        if not own:
            return None
        forms = {inflect(r, wanted & _NOMINAL) for r in own}
        if len(forms) != 1 or None in forms:
            return None
        out.append(forms.pop())
    return "-".join(out)


_VOICES = frozenset({"actv", "pssv"})
_TENSES = frozenset({"past", "pres"})
_VERB_POS = frozenset({"PRTF", "PRTS", "VERB", "INFN", "GRND"})
_DEGREES = frozenset({"Supr", "Cmp2"})


def _kept_by_participle(reading: Reading, wanted) -> frozenset[str]:
    """A participle agreeing with a new noun stays what it was: its lexeme is
    the verb's, where «проведённого» in the feminine would otherwise come out
    as the active «провёдшей» instead of «проведённой»."""
    if reading.pos not in ("PRTF", "PRTS"):
        return frozenset()
    kept = set()
    if not wanted & _VOICES:
        kept |= reading.grammemes & _VOICES
    if not wanted & _TENSES:
        kept |= reading.grammemes & _TENSES
    if not wanted & _VERB_POS:
        kept.add(reading.pos)
    return frozenset(kept)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def same_shape(original: str, new: str) -> str:
    """Write ``new`` with the capitalisation of ``original`` (МФЦ, Кузбасс, слово)."""
    if not original or not new:
        return new
    if original.isupper() and len(original) > 1:
        return new.upper()
    if original[0].isupper():
        return new[0].upper() + new[1:]
    return new


def capitalise(text: str) -> str:
    for i, char in enumerate(text):
        if char.isalpha():
            return text[:i] + char.upper() + text[i + 1 :]
    return text


_VOWELS = set("аоуэиыАОУЭИЫ")
_CONSONANTS = set("бвгджзйклмнпрстфхцчшщ")


def euphonic(preposition: str, following: str) -> str:
    """«о» before a vowel is «об», «в» before «вт…» is «во»: «об оплате», «во вторник»."""
    word = following.lower()
    second = word[1:2]
    if preposition == "о" and word[:1] in _VOWELS:
        return "об"
    if preposition == "в" and word[:1] in "вф" and second in _CONSONANTS:
        return "во"
    if preposition == "с" and word[:1] in "сзшж" and second in _CONSONANTS:
        return "со"
    if preposition == "к" and word[:1] in "кг" and second in _CONSONANTS:
        return "ко"
    return preposition


def clear_caches() -> None:
    """Forget every word analysed or inflected (for cold-start benchmarks)."""
    clear_morph()
    readings.cache_clear()
    is_known.cache_clear()
    pronoun_adjectives.cache_clear()
    _LEXEMES.clear()
