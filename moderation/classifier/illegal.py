"""Other violations of law: drugs, forged papers, trade in personal data,
cashing out certificates and maternity capital, vote buying, calls to violence or
blockades, threats, and publishing someone's personal data.

Each rule pairs word families (``data/vocabulary.txt``) with what makes them an
offence: a first-person offer, a call («надо», «давайте», «бы»), a target, a sum
of money. A comment that talks *about* the offence — a warning, a report, the
news, a quote of the law (vocabulary section ``warning``) — is not flagged,
unless it threatens in the first person.
"""

from __future__ import annotations

import re
from functools import cache

from . import lexicon
from .doc import Doc
from .finding import Finding

_WEIGHTS = {
    "threat": 0.85,
    "violence": 0.8,
    "drugs": 0.8,
    "documents": 0.75,
    "doxxing": 0.75,
    "data_trade": 0.75,
    "cashout": 0.75,
    "vote_buying": 0.75,
}
_PASSPORT_NUMBER = re.compile(r"(?<!\d)\d{2}\s?\d{2}\s?№?\s?\d{6}(?!\d)")
_SNILS = re.compile(r"(?<!\d)\d{3}-\d{3}-\d{3}[\s-]\d{2}(?!\d)")
_FULL_NAME = re.compile(
    r"\b[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:вич|вна|вны|вне|вной|вича|вичу|ична|инична|ичну)\b"
)
_PERSONAL_DETAILS = re.compile(
    r"паспорт|прописан|пропис|прожива|живет|адрес|телефон|\bул\.|\bкв\.|снилс|дата рождения"
)
_CONTACT = re.compile(
    r"(?<![\w.])@[a-z][a-z0-9_]{3,}|(?:\+7|8)[\s\-(]*9\d\d|пиш\w*\s+(?:в\s+)?(?:лс|личк|телег|директ)",
    re.IGNORECASE,
)
_MONEY = re.compile(
    r"\d[\d\s]*\s*(?:руб\w*|р\.|₽|тыс\w*|т\.р)|\d+\s+(?:на карту|наличными|за голос|за бюллетен)"
    r"|на карту|наличными|\bденьг\w*|\bоплат\w*|\bплачу\b|\bзаплат\w*"
)
_PEOPLE_DATA = (
    "пенсионер",
    "получатель",
    "многодетный",
    "клиент",
    "семья",
    "фио",
    "телефон",
    "адрес",
    "снилс",
    "паспорт",
    "человек",
    "житель",
    "фамилия",
    "данные",
    "номер",
    "база",
)
# Whom a call to violence can name besides officials and buildings.
_OBJECT_PRONOUNS = (
    "их",
    "всех",
    "вас",
    "тебя",
    "его",
    "ее",
    "этих",
    "таких",
    "тех",
    "того",
    "эту",
    "этого",
    "эта",
    "этот",
    "ваш",
    "вашу",
    "ваше",
)
# Threat verbs whose first person is a threat whatever follows.
_PLAIN_THREATS = (
    "убить",
    "перестрелять",
    "пристрелить",
    "застрелить",
    "зарезать",
    "прирезать",
    "порешить",
    "придушить",
    "задушить",
    "покалечить",
    "урыть",
    "грохнуть",
    "кокнуть",
    "подкараулить",
)


@cache
def _phrases() -> lexicon.GatedFile:
    return lexicon.gated_regexes("illegal_phrases.txt")


@cache
def _relevant_tags() -> frozenset[str]:
    """Tags without one of which (and without a digit) no rule can fire."""
    return frozenset(_phrases().by_gate) | _RULE_TAGS


_RULE_TAGS = frozenset(
    {
        "drug",
        "drug_soft",
        "drug_trade",
        "drug_worker",
        "document",
        "forgery",
        "sell",
        "buy",
        "personal_data",
        "account",
        "cashout",
        "capital",
        "vote",
        "violent_verb",
        "block_verb",
        "publish",
        "data_noun",
    }
)


def find(doc: Doc) -> list[Finding]:
    if doc.tagpos.keys().isdisjoint(_relevant_tags()):
        # No rule's words: only a bare SNILS number can still be published data.
        if not doc.has_digit:
            return []
        weight = _WEIGHTS["doxxing"]
        return [
            Finding(m.start(), m.end(), "illegal", weight, "doxxing")
            for m in _SNILS.finditer(doc.text)
        ]
    found: list[tuple[str, int, int]] = []  # (category, start, end)
    matches = doc.matches(_phrases())
    for rule in (
        _drugs,
        _documents,
        _data_trade,
        _cashout,
        _vote_buying,
        _violence,
        _doxxing,
    ):
        found.extend(rule(doc, matches))
    for start, end in matches.get("threat", ()):
        # A menacing phrase («мало не покажется») is a threat whatever else the
        # comment says, unless it is quoted.
        quoted = doc.quoted_at(start)
        found.append(("threat" if quoted else "threat_first_person", start, end))
    if not found:
        return []
    guarded = _about_the_offence(doc)
    findings = []
    for category, start, end in found:
        # A first-person threat and a published number are the offence itself,
        # whatever else the comment says.
        if guarded and category not in ("threat_first_person", "doxxing_number"):
            continue
        if category == "threat_first_person":
            category = "threat"
        elif category == "doxxing_number":
            category = "doxxing"
        findings.append(Finding(start, end, "illegal", _WEIGHTS[category], category))
    return findings


def _about_the_offence(doc: Doc) -> bool:
    """A warning, report or news item names the offence without committing it;
    an advertisement with a contact stays an advertisement."""
    if not any(not doc.quoted(i) for i in doc.at("warning")):
        return False
    return not _CONTACT.search(doc.text)


def _span(doc: Doc, *positions: int) -> tuple[int, int]:
    return doc.span(min(positions), max(positions))


def _drugs(doc: Doc, matches: dict) -> list:
    hard = doc.at("drug")
    soft = doc.at("drug_soft")
    trade = doc.at("drug_trade")
    if not (hard or soft or trade or doc.has("drug_worker")):
        return []
    found = [
        ("drugs", *doc.span(i)) for i in doc.at("drug_worker") if not doc.quoted(i)
    ]
    stash = _stash(doc)
    offer = any(doc.first_person(i) for i in doc.at("offer_verb"))
    if hard and (
        trade or offer or len(hard) + len(soft) >= 2 or _CONTACT.search(doc.text)
    ):
        found.append(("drugs", *_span(doc, hard[0], *(trade[:1] or hard[:1]))))
    elif stash is not None:
        found.append(("drugs", *doc.span(stash)))
    elif soft and matches.get("drugs", []) and doc.has("get"):
        found.append(("drugs", *doc.span(soft[0])))
    else:
        # «Продам соль, недорого, пиши»: a slang substance offered for sale.
        for i in doc.at("sell"):
            if doc.first_person(i) and any(
                doc.lemma(j, *_SLANG_ON_SALE)
                for j in range(i + 1, min(len(doc), i + 3))
            ):
                found.append(("drugs", *doc.span(i, min(len(doc) - 1, i + 1))))
                break
    return found


# Accounts and cards bought or sold for someone else's use.
_ACCOUNT_WORDS = (
    "госуслуга",
    "учетка",
    "аккаунт",
    "ваш",
    "имя",
    "подтвердить",
    "подтвержденный",
)
# Slang names sold by dealers that no one sells as groceries in a comment.
_SLANG_ON_SALE = ("соль", "шишка", "бошка", "кристалл", "скорость", "кристаллик")


# Work and pay around «закладка»/«клад» that make it the drug trade's word.
_PAID_WORK = (
    "оплата",
    "курьер",
    "работа",
    "заработок",
    "крипта",
    "криптовалюта",
    "перевод",
    "смена",
)


def _stash(doc: Doc) -> int | None:
    """«Закладка»/«клад» as the trade uses them: next to a substance, paid for,
    or offered in a district; not a bookmark or a foundation stone."""
    for i in doc.at("drug_trade"):
        if not doc.lemma(i, "закладка", "клад") or doc.quoted(i):
            continue
        if doc.has("drug") or doc.has("drug_soft"):
            return i
        near = [j for j in range(max(0, i - 6), min(len(doc), i + 7)) if j != i]
        if any(doc.lemma(j, *_PAID_WORK) for j in near):
            return i
        offered = any(doc.tagged(j, "offer_verb") and doc.first_person(j) for j in near)
        if offered and any(doc.lemma(j, "район", "город") for j in near):
            return i
    return None


def _documents(doc: Doc, matches: dict) -> list:
    papers = doc.at("document")
    if not papers:
        return []
    found = []
    for start, end in matches.get("forgery", []):
        for i in papers:
            token = doc.tokens[i]
            if abs(token.start - start) < 60 and _same_sentence(
                doc, token.start, start
            ):
                found.append(
                    ("documents", min(start, token.start), max(end, token.end))
                )
                break
    for i in doc.at("forgery"):
        if doc.quoted(i):
            continue
        if any(abs(p - i) <= 4 for p in papers):
            found.append(("documents", *doc.span(i)))
            break
    if found:
        return found
    if "?" in doc.text:
        return []
    # «Купить диплом», «продам медкнижку»: papers no one may sell.
    for i in doc.at("sell") + doc.at("buy"):
        selling = doc.first_person(i) or (doc.infinitive(i) and i == 0)
        if selling and any(
            0 < p - i <= 3 and doc.lemma(p, *_NEVER_SOLD) for p in papers
        ):
            found.append(("documents", *doc.span(i)))
            return found
    # «Сделаем справку за день», «Купить диплом недорого»: an offer of a paper.
    if not matches.get("forgery_weak", []):
        return []
    for i in doc.at("forge_offer"):
        offer = doc.first_person(i) or (doc.infinitive(i) and i == 0)
        if offer and any(abs(p - i) <= 4 for p in papers if _specific_paper(doc, p)):
            found.append(("documents", *doc.span(i)))
            break
    return found


# Papers issued to a person, never sold: buying or selling one is forgery.
_NEVER_SOLD = (
    "диплом",
    "аттестат",
    "медкнижка",
    "права",
    "удостоверение",
    "больничный",
    "справка",
    "медсправка",
    "свидетельство",
)


def _specific_paper(doc: Doc, i: int) -> bool:
    return doc.lemma(
        i,
        "диплом",
        "аттестат",
        "медкнижка",
        "больничный",
        "права",
        "удостоверение",
        "справка",
        "прописка",
        "инвалидность",
        "снилс",
        "полис",
        "паспорт",
        "свидетельство",
    )


def _same_sentence(doc: Doc, a: int, b: int) -> bool:
    lo, hi = sorted((a, b))
    return not re.search(r"[.!?\n]", doc.lowered[lo:hi])


_SALE_CUE = re.compile(
    r"недорого|дешево|цена|прайс|₽|\d\s*руб|пиши|в лс|в личк|оптом|актуальн|свеж"
)


def _data_trade(doc: Doc, matches: dict) -> list:
    found = []
    # «База телефонов пенсионеров, недорого»: a database offered without a verb.
    for i in doc.at("personal_data"):
        if doc.lemma(i, "база", "пробив", "слив", "выгрузка") and not doc.quoted(i):
            near = range(max(0, i - 3), min(len(doc), i + 5))
            if any(
                doc.lemma(j, *_PEOPLE_DATA) for j in near if j != i
            ) and _SALE_CUE.search(doc.lowered):
                return [("data_trade", *doc.span(i))]
    sellers = [
        i
        for i in sorted(set(doc.at("sell") + doc.at("buy")))
        if doc.first_person(i) or doc.gram(i, "past") and doc.lemma(i, "слить")
    ]
    for i, form in enumerate(doc.forms):
        if form.startswith("пробив") and doc.gram(i, "NOUN") or form == "пробив":
            sellers.append(i)
    for i in sellers:
        near = range(max(0, i - 4), min(len(doc), i + 6))
        if any(doc.lemma(j, *_PEOPLE_DATA) for j in near if j != i):
            if doc.tagged(i, "buy") and not any(
                doc.lemma(j, "база", "данные", "чужой", "ваш", "любой", "учетка")
                for j in near
            ):
                continue
            found.append(("data_trade", *doc.span(i)))
            break
        if any(doc.tagged(j, "account") for j in near if j != i) and any(
            doc.lemma(j, *_ACCOUNT_WORDS) for j in near
        ):
            found.append(("data_trade", *doc.span(i)))
            break
    return found


def _cashout(doc: Doc, matches: dict) -> list:
    capital = [i for i in doc.at("capital") if not _gift_certificate(doc, i)]
    if not capital:
        return []
    for i in doc.at("cashout"):
        if any(abs(c - i) <= 6 for c in capital):
            return [("cashout", *_span(doc, i, capital[0]))]
    for i in doc.at("buy"):
        if (doc.first_person(i) or doc.gram(i, "NOUN")) and any(
            0 < c - i <= 5 or 0 < i - c <= 2 for c in capital
        ):
            return [("cashout", *_span(doc, i, capital[0]))]
    if re.search(r"на руки|в наличные|наличными", doc.lowered) and any(
        doc.lemma(c, "маткапитал", "материнский", "тср") for c in capital
    ):
        return [("cashout", *doc.span(capital[0]))]
    return []


def _gift_certificate(doc: Doc, i: int) -> bool:
    if not doc.lemma(i, "сертификат"):
        return False
    around = range(max(0, i - 2), min(len(doc), i + 4))
    return not any(
        doc.lemma(
            j,
            "жилищный",
            "тср",
            "реабилитация",
            "материнский",
            "жилье",
            "коляска",
            "электронный",
        )
        for j in around
    )


def _vote_buying(doc: Doc, matches: dict) -> list:
    votes = [i for i in doc.at("vote") if not doc.quoted(i)]
    if not votes:
        return []
    pay = doc.at("pay")
    money = _MONEY.search(doc.lowered)
    for v in votes:
        # «Куплю голоса», «кто продаст голос»: the trade is the offence, price or not.
        if any(0 < v - b <= 3 and doc.first_person(b) for b in doc.at("buy")) or any(
            0 < v - b <= 2
            and doc.lemma(b, "продать", "продавать")
            and doc.lemma(v, "голос")
            for b in doc.at("sell")
        ):
            return [("vote_buying", *doc.span(v))]
        if any(abs(p - v) <= 8 for p in pay) and money:
            return [("vote_buying", *doc.span(v))]
        if money and re.search(r"\d", money.group()) and _money_near(doc, v):
            return [("vote_buying", *doc.span(v))]
    return []


def _money_near(doc: Doc, v: int) -> bool:
    token = doc.tokens[v]
    around = doc.lowered[max(0, token.start - 50) : token.end + 50]
    return bool(
        re.search(
            r"\d[\d\s]*\s*(?:руб\w*|р\.|₽|тыс\w*)|\d+\s+на карту|за голос|за бюллетен",
            around,
        )
    )


def _violence(doc: Doc, matches: dict) -> list:
    found = []
    for i in doc.at("violent_verb"):
        if doc.quoted(i) or _negated(doc, i) or _harmless_object(doc, i):
            continue
        window = range(max(0, i - 4), min(len(doc), i + 5))
        aimed = any(
            doc.tagged(j, "target")
            or doc.tagged(j, "building")
            or (doc.lemma(j, *_OBJECT_PRONOUNS) and not _points_at_a_thing(doc, j))
            for j in window
            if j != i and doc.sentence(j) == doc.sentence(i)
        )
        if (
            doc.first_person(i)
            and doc.tagged(i, "threat_verb")
            and (aimed or doc.lemma(i, *_PLAIN_THREATS))
        ):
            found.append(("threat_first_person", *doc.span(i)))
            continue
        if not aimed:
            continue
        mood = doc.infinitive(i) or doc.imperative(i) or _first_plural(doc, i)
        if mood and _called(doc, i):
            found.append(("violence", *doc.span(i)))
    for i in doc.at("block_verb"):
        if doc.quoted(i) or _negated(doc, i):
            continue
        if not (doc.infinitive(i) or doc.imperative(i) or _first_plural(doc, i)):
            continue
        if doc.tagged(i, "violent_verb") and found:
            continue
        window = range(max(0, i - 3), min(len(doc), i + 6))
        if any(doc.tagged(j, "building") for j in window if j != i) and _called(doc, i):
            found.append(("violence", *doc.span(i)))
    return found


def _points_at_a_thing(doc: Doc, j: int) -> bool:
    """«все эти справки»: a pronoun followed by a thing, not a person."""
    for k in range(j + 1, min(len(doc), j + 3)):
        grammemes = doc.infos[k].grammemes
        if "NOUN" in grammemes:
            return "inan" in grammemes and not (
                doc.tagged(k, "building") or doc.tagged(k, "target")
            )
    return False


def _first_plural(doc: Doc, i: int) -> bool:
    grammemes = doc.infos[i].grammemes
    return "1per" in grammemes and "plur" in grammemes


def _called(doc: Doc, i: int) -> bool:
    """A call: «надо», «давайте», «предлагаю», «бы», an imperative, or an
    infinitive opening its sentence («Бить всех приезжих»)."""
    if doc.imperative(i) or _first_plural(doc, i):
        return True
    sentence = doc.sentence(i)
    for j in range(max(0, i - 6), min(len(doc), i + 6)):
        if doc.sentence(j) != sentence:
            continue
        if doc.forms[j] == "бы" or doc.tagged(j, "call"):
            return True
    return i == 0 or doc.sentence(i - 1) != sentence


def _negated(doc: Doc, i: int) -> bool:
    return i > 0 and doc.forms[i - 1] in ("не", "нельзя", "ни")


def _harmless_object(doc: Doc, i: int) -> bool:
    return any(
        doc.tagged(j, "harmless_object") for j in range(i + 1, min(len(doc), i + 4))
    ) or any(doc.tagged(j, "harmless_object") for j in range(max(0, i - 2), i))


def _doxxing(doc: Doc, matches: dict) -> list:
    found = [("doxxing", s, e) for s, e in matches.get("doxxing", [])]
    text = doc.text
    if doc.has_digit:
        for m in _PASSPORT_NUMBER.finditer(text):
            before = doc.lowered[max(0, m.start() - 40) : m.start()]
            if "паспорт" in before or "серия" in before:
                found.append(("doxxing_number", m.start(), m.end()))
        for m in _SNILS.finditer(text):
            found.append(("doxxing_number", m.start(), m.end()))
    if doc.has("data_noun"):
        m = _FULL_NAME.search(text)
        if m and _PERSONAL_DETAILS.search(doc.lowered[m.end() : m.end() + 120]):
            found.append(("doxxing", m.start(), m.end()))
    for i in doc.at("publish"):
        if not (
            doc.first_person(i)
            or doc.gram(i, "pres")
            and "1per" in doc.infos[i].grammemes
        ):
            continue
        if any(doc.tagged(j, "data_noun") for j in range(i + 1, min(len(doc), i + 6))):
            found.append(("doxxing", *doc.span(i)))
            break
    return found
