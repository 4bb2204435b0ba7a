"""Spam: advertising and bait unrelated to the post.

Evidence comes in kinds, each with a weight: a contact (link, handle, phone,
«write me in DM»), money (earnings per day, interest, prices), an offer family
(loans, crypto «investments», jobs with daily pay, occult services, promotion of
groups, «we will file your benefit for you» intermediaries, gambling, goods and
services) and floods. Weights of different kinds combine as a noisy-or and the
comment is spam from ``SPAM_THRESHOLD`` on, so one kind alone is rarely enough:
a citizen naming a phone or asking about a loan is not an advertiser.

A link to an official domain or a phone next to an official body is no signal
(a citizen quoting gosuslugi.ru or the hotline). An offer inside a question or a
warning («не ведитесь на тех, кто пишет «оформим пособие за вас»») counts only
when the comment also gives a contact.
"""

from __future__ import annotations

import re
from functools import cache

from . import lexicon
from .doc import Doc
from .finding import Finding

SPAM_THRESHOLD = 0.6
_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>«»\"]+"
    r"|\b(?:[a-z0-9а-яё-]+\.)+(?:ru|com|net|org|info|biz|io|me|su|рф|pro|online|site|"
    r"club|xyz|top|shop|store|ly|gl|cc|to|link|ws|at|us)\b(?:/[^\s<>«»\"]*)?",
    re.IGNORECASE,
)
# A link needs a letter right after a dot («bit.ly», «сайт.рф») or a slash; a
# sentence's full stop is followed by a space.
_LINK_HINT = re.compile(r"[^\W_]\.[^\W\d_]{2}|/")
_HANDLE = re.compile(r"(?<![\w.])@[a-z][a-z0-9_]{3,}", re.IGNORECASE)
_PHONE = re.compile(
    r"(?<!\d)(?:\+7|8)[\s\-(]*\d{3,5}[\s\-)]*\d{1,3}[\s\-]*\d{2}[\s\-]*\d{2}(?!\d)"
    r"|(?<!\d)9\d{2}[\s\-]?\d{3}[\s\-]?\d{2}[\s\-]?\d{2}(?!\d)"
)
# Cheap first looks: a phone needs a run of digits and separators, money a digit
# before a currency, a period, a percent sign or «в»/«за».
_DIGIT_RUN = re.compile(r"\d[\d\s\-()]{5,}\d")
_MONEY_HINT = re.compile(
    r"\d\s*(?:%|₽|\$|[кkрт]\b|руб|тыс|usdt|долл|в\s|за\s|/)"
    r"|\d\s*(?:тысяч|млн|миллион)"
)
_OFFICIAL_CONTEXT = re.compile(
    r"горяч\w* лини|министерств|соцзащит|мфц|приемн|управлени|администраци|"
    r"поликлиник|больниц|справочн|дежурн|единый номер|госуслуг|сфр|пенсионн|"
    r"социальн\w* фонд|соцфонд|фонд\w* пенсион|центр\w* (?:занятост|соц)|опек|прокуратур"
)
# Earnings per period: «от 3000 в день», «50 тысяч в месяц», «2000₽ за смену».
_EARNINGS = re.compile(
    r"\d[\d\s.,]*\s*(?:тыс\w*\.?|т\.?р\.?|к|k|руб\w*\.?|р\.?|₽|\$|usdt|долл\w*)?\s*"
    r"(?:в|за|/)\s*(?:день|сутки|неделю|час|смену|месяц|мес|выход)\b"
)
_HOURS_A_DAY = re.compile(r"\d\s*(?:-\s*\d\s*)?час\w*\s+в\s+день")
_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s?%")
_INCOME_NEAR_PERCENT = re.compile(
    r"доход|прибыл|годовых|в месяц|в день|в неделю|бонус|одобрени|под \d|ставк|вклад|депозит"
)
_DISCOUNT_NEAR_PERCENT = re.compile(r"скидк|дешевл|распродаж|акци")
_PRICE = re.compile(r"\d[\d\s]*\s*(?:руб\w*|р\.|₽|тыс\w*|т\.р)")
_EMOJI = re.compile(
    "[\U0001f300-\U0001faff\u2600-\u27bf\u2b50\u2b06\u2194-\u21aa\u3030\u303d\u3297\u3299]"
)
_CAPS_LETTER = re.compile(r"[A-ZА-ЯЁ]")
# A caps flood has runs of capitals; most comments have none and skip the count.
_CAPS_RUN = re.compile(r"[A-ZА-ЯЁ]{3}[^a-zа-яё]{0,3}[A-ZА-ЯЁ]{3}")
_LETTER = re.compile(r"[^\W\d_]")
_EXCLAIM = re.compile(r"[!?]{3,}")
_SIMPLE = re.compile(r"[\x20-\x7eа-яА-ЯёЁ\n\r\t«»—–…№]*")

_LOAN_CUE = re.compile(
    r"без (?:отказ|справок|провер(?:к|ок)|поручител|залог)|на карту|до зарплаты|в долг|"
    r"одобрени|одобрим|одобряем|\bки\b|кредитн\w* истори|под \d|за \d+ минут|онлайн|"
    r"срочно|мгновенн|спиш\w+|списани|банкротств|коллектор|законно"
)
_INVEST_CUE = re.compile(
    r"пассивн|без вложени|с нуля|обуча|научу|сигнал|прибыл|доход|связк|заработ"
)
_JOB_CUE = re.compile(
    r"без опыта|свободн\w* график|в декрете|для мам|мамочк|пенсионер|студент|"
    r"требу\w+ (?:люди|сотрудник|курьер|помощник|оператор|грузчик|менеджер)|"
    r"ищ\w+ (?:людей|партнер|сотрудник|помощник)|набира\w+|набор (?:сотрудник|оператор|курьер|людей)|"
    r"в команду|на дому|удален|удаленк|подработ"
)
_INTERMEDIARY_CUE = re.compile(
    r"за вас|под ключ|без отказ|без очеред|быстро|гарант|опыт|результат|сопровожд|"
    r"недорого|цена|стоимост|\d\s*(?:руб|р\.|₽)|без проблем|одобрени|оплата после"
)


@cache
def _phrases() -> lexicon.GatedFile:
    return lexicon.gated_regexes("spam_phrases.txt")


@cache
def official_domains() -> frozenset[str]:
    return lexicon.words("official_domains.txt")


@cache
def _suspicious_tlds() -> frozenset[str]:
    return lexicon.words("suspicious_tlds.txt")


@cache
def _shorteners() -> frozenset[str]:
    return lexicon.words("url_shorteners.txt")


_PHRASE_WEIGHTS = {
    "dm": 0.45,
    "dm_plain": 0.35,
    "where": 0.55,
    "bait": 0.55,
    "strong": 0.55,
    "weak": 0.25,
}
# Kinds that make an offer concrete: without one of them an offer family inside
# a question or a warning does not count.
_CONTACT = frozenset({"link", "shortener", "handle", "phone", "dm", "where", "bait"})
_FAMILY_WEIGHT = 0.5
# Vocabulary tags some offer family starts from (a comment with none of them and
# no other signal needs no family check).
_FAMILY_TAGS = frozenset(
    {
        "loan",
        "invest",
        "earn",
        "job",
        "occult",
        "promo_target",
        "promo_service",
        "benefit",
        "sale_verb",
        "sale_word",
        "gamble",
        "health_ad",
        "ad_service",
        "dating",
    }
)


def _host(url: str) -> str:
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower())
    return re.split(r"[/?#:]", host, maxsplit=1)[0]


def _under(host: str, domains: frozenset[str]) -> bool:
    return any(host == d or host.endswith("." + d) for d in domains)


def find(doc: Doc, official: frozenset[str] | None = None) -> list[Finding]:
    official = official_domains() if official is None else official
    text, lowered = doc.text, doc.lowered
    findings: list[Finding] = []
    has_digit = doc.has_digit
    if _LINK_HINT.search(text):
        findings.extend(_links(text, official))
    if "@" in text:
        for m in _HANDLE.finditer(text):
            findings.append(Finding(m.start(), m.end(), "spam", 0.4, "handle"))
    if has_digit:
        if _DIGIT_RUN.search(text):
            for m in _PHONE.finditer(text):
                around = lowered[max(0, m.start() - 80) : m.end() + 40]
                if not _OFFICIAL_CONTEXT.search(around):
                    findings.append(Finding(m.start(), m.end(), "spam", 0.4, "phone"))
        if _MONEY_HINT.search(lowered):
            findings.extend(_money(lowered))
    for signal, spans in doc.matches(_phrases()).items():
        # «пиши мне» is a weaker «пиши мне в лс»: one signal, not two.
        reason = "dm" if signal == "dm_plain" else signal
        for start, end in spans:
            findings.append(
                Finding(start, end, "spam", _PHRASE_WEIGHTS[signal], reason)
            )
    findings.extend(_families(doc, findings))
    findings = _guarded(doc, findings)
    findings.extend(_floods(text))
    findings.extend(mixed_script(doc.tokens))
    return findings


def _links(text: str, official: frozenset[str]) -> list[Finding]:
    findings = []
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
    return findings


def _money(lowered: str) -> list[Finding]:
    findings = []
    m = _EARNINGS.search(lowered)
    if m:
        findings.append(Finding(m.start(), m.end(), "spam", 0.45, "earnings"))
    for m in _PERCENT.finditer(lowered):
        around = lowered[max(0, m.start() - 40) : m.end() + 25]
        if _INCOME_NEAR_PERCENT.search(around):
            findings.append(Finding(m.start(), m.end(), "spam", 0.4, "percent"))
            break
        if _DISCOUNT_NEAR_PERCENT.search(around):
            findings.append(Finding(m.start(), m.end(), "spam", 0.3, "percent"))
            break
    m = _PRICE.search(lowered)
    if m:
        findings.append(Finding(m.start(), m.end(), "spam", 0.15, "price"))
    return findings


def _families(doc: Doc, found: list[Finding]) -> list[Finding]:
    """Offer families, each found by its vocabulary plus a cue that makes it an
    offer (a bare «кредит» or «гадать» in a citizen's sentence is not one)."""
    if doc.tagpos.keys().isdisjoint(_FAMILY_TAGS) and not found:
        return []
    lowered = doc.lowered
    kinds = {f.reason for f in found}
    contact = not kinds.isdisjoint(_CONTACT)
    money = not kinds.isdisjoint({"earnings", "percent", "price"})
    offer = any(doc.first_person(i) or doc.imperative(i) for i in doc.at("offer_verb"))
    families: list[tuple[str, int, float]] = []

    def add(reason: str, positions: list[int], weight: float = _FAMILY_WEIGHT) -> None:
        families.append((reason, positions[0], weight))

    digits = doc.has_digit
    if doc.has("loan") and _LOAN_CUE.search(lowered):
        add("loan", doc.at("loan"))
    if doc.has("invest") and (money or digits or _INVEST_CUE.search(lowered)):
        add("investment", doc.at("invest"))
    earn = doc.at("earn")
    if earn and (
        "earnings" in kinds
        or any(
            doc.first_person(i) and doc.lemma(i, "научить", "обучить", "помочь")
            for i in doc.at("offer_verb")
        )
    ):
        add("earnings_offer", earn)
    if doc.has("job") and (
        _JOB_CUE.search(lowered)
        or _HOURS_A_DAY.search(lowered)
        or "earnings" in kinds
        or "strong" in kinds
    ):
        add("job", doc.at("job"))
    occult = doc.at("occult")
    if occult and (
        len({doc.forms[i] for i in occult}) >= 2 or offer or contact or money
    ):
        add("occult", occult)
    promo = _promotion(doc)
    if promo is not None:
        add("promotion", [promo[0]], promo[1])
    if doc.has("promo_service") and (money or contact or "weak" in kinds):
        add("promotion", doc.at("promo_service"))
    intermediary = _intermediary(doc, contact)
    if intermediary is not None:
        add("intermediary", [intermediary[0]], intermediary[1])
    sellers = [
        i
        for i in doc.at("sale_verb")
        if doc.first_person(i) and "plur" not in doc.infos[i].grammemes
    ]
    if sellers and (money or contact or "weak" in kinds or doc.has("sale_word")):
        add("goods", sellers)
    sale_words = {doc.forms[i] for i in doc.at("sale_word")}
    if len(sale_words) >= 2 and contact:
        add("goods", doc.at("sale_word"))
    if doc.has("gamble") and (found or offer or promo is not None):
        add("gambling", doc.at("gamble"))
    for tag in ("health_ad", "ad_service", "dating"):
        if doc.has(tag) and (money or contact or "weak" in kinds):
            add("goods", doc.at(tag))
    if doc.has("benefit") and any(f.reason in ("link", "shortener") for f in found):
        add("phishing", doc.at("benefit"))
    findings = []
    seen = set()
    for reason, i, weight in sorted(families, key=lambda f: -f[2]):
        if reason in seen:
            continue
        seen.add(reason)
        start, end = doc.span(i)
        findings.append(Finding(start, end, "spam", weight, reason))
    if doc.has("sale_word"):
        # «доставка», «скидка», «бесплатно»: the vocabulary of shops, weak alone.
        start, end = doc.span(doc.at("sale_word")[0])
        findings.append(Finding(start, end, "spam", 0.2, "sale_word"))
    return findings


def _promotion(doc: Doc) -> tuple[int, float] | None:
    """«Подписывайтесь на наш канал», «вступайте в группу», «заходите ко мне на
    страницу» — unless the group is the ministry's or another official one.
    A call and «our»/«my» together weigh more than either."""
    best = None
    for i in doc.at("promo_target"):
        if doc.quoted(i) or _official_after(doc, i):
            continue
        call = own = False
        for j in range(max(0, i - 4), i):
            if doc.sentence(j) != doc.sentence(i):
                continue
            if doc.tagged(j, "promo_verb") and doc.imperative(j):
                call = True
            if doc.lemma(j, "наш", "мой") or doc.forms[j] in ("мне", "нам"):
                own = True
        if call or own:
            weight = 0.65 if call and own else 0.5
            if best is None or weight > best[1]:
                best = (i, weight)
    return best


def _official_after(doc: Doc, i: int) -> bool:
    for j in range(i - 1, min(len(doc), i + 4)):
        if doc.lemma(
            j,
            "министерство",
            "официальный",
            "соцфонд",
            "фонд",
            "сфр",
            "мфц",
            "администрация",
            "правительство",
            "губернатор",
            "соцзащита",
            "госуслуга",
            "район",
            "управление",
        ):
            return True
    return False


_SURE_INTERMEDIARY = re.compile(
    r"за вас|под ключ|без отказ|гарант|оплата после|без очеред"
)


def _intermediary(doc: Doc, contact: bool) -> tuple[int, float] | None:
    """«Оформим пособие за вас», «помогу получить субсидию, пишите», «соцконтракт
    под ключ: сопровождение»: paperwork about a benefit offered for money."""
    benefits = doc.at("benefit")
    if not benefits:
        return None
    sure = _SURE_INTERMEDIARY.search(doc.lowered)
    for i in doc.at("intermediary_verb"):
        person = doc.first_person(i)
        if not (person or ((contact or sure) and doc.gram(i, "NOUN"))):
            continue
        if not any(abs(b - i) <= 5 for b in benefits if b != i):
            continue
        if sure:
            return i, 0.6
        if contact or _INTERMEDIARY_CUE.search(doc.lowered):
            return i, _FAMILY_WEIGHT
    return None


def _guarded(doc: Doc, findings: list[Finding]) -> list[Finding]:
    """Drop offer evidence from questions and warnings when no contact is given."""
    if any(f.reason in _CONTACT for f in findings):
        return findings
    warning = any(not doc.quoted(i) for i in doc.at("warning"))
    question = "?" in doc.text
    if not (warning or question):
        return findings
    kept = []
    for f in findings:
        if warning or _in_question(doc.text, f.start):
            continue
        kept.append(f)
    return kept


def _in_question(text: str, offset: int) -> bool:
    """Whether the sentence holding ``offset`` ends with a question mark."""
    for ch in text[offset:]:
        if ch in ".!…\n":
            return False
        if ch == "?":
            return True
    return False


def _floods(text: str) -> list[Finding]:
    findings = []
    if not _SIMPLE.fullmatch(text):
        emoji = _EMOJI.findall(text)
        if emoji:
            letters = len(_LETTER.findall(text))
            if len(emoji) >= 6 and len(emoji) * 3 >= letters or len(emoji) >= 10:
                findings.append(Finding(0, len(text), "spam", 0.65, "emoji_flood"))
            elif len(emoji) >= 4:
                findings.append(Finding(0, len(text), "spam", 0.3, "emoji_flood"))
    if not _CAPS_RUN.search(text):
        return findings
    caps = len(_CAPS_LETTER.findall(text))
    if caps >= 16:
        letters = len(_LETTER.findall(text))
        if letters >= 20 and caps >= 0.8 * letters:
            weight = 0.5 if _EXCLAIM.search(text) else 0.35
            findings.append(Finding(0, len(text), "spam", weight, "caps_flood"))
    return findings


def mixed_script(words) -> list[Finding]:
    mixed = [w for w in words if w.mixed_script and not w.derived]
    if not mixed:
        return []
    weight = 0.45 if len(mixed) == 1 else 0.7
    return [Finding(w.start, w.end, "spam", weight, "mixed_script") for w in mixed]


_PER_PHRASE = frozenset({"weak", "strong"})


def combined(findings: list[Finding]) -> float:
    """Noisy-or over the strongest finding of each reason; every advertising
    phrase is a signal of its own («недорого» and «звоните» are two)."""
    best: dict[tuple[str, int], float] = {}
    for f in findings:
        key = (f.reason, f.start if f.reason in _PER_PHRASE else 0)
        best[key] = max(best.get(key, 0.0), f.weight)
    remaining = 1.0
    for weight in best.values():
        remaining *= 1.0 - weight
    return 1.0 - remaining
