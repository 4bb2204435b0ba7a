"""Loading the rule files from ``rules/`` into an indexed rule book.

Rule files are JSON (PyYAML is not a dependency). ``categories.json`` names
the categories, ``syntax.json`` tunes the detectors and the scores, every
other file holds the word and phrase rules of one category.
"""

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .morph import normalize
from .patterns import GAP_MAX, Pattern, compile_pattern, signature

RULES_DIR = Path(__file__).parent / "rules"
_SPECIAL_FILES = {"categories.json", "syntax.json", "grammar.json"}
_STEM_KEY = 3


@dataclass(frozen=True, slots=True)
class Category:
    slug: str
    name: str
    score: str  # "clarity" or "readability"
    weight: float
    hint: str


@dataclass(frozen=True, slots=True)
class Rule:
    pattern: Pattern
    category: str
    suggestion: str | None
    hint: str


@dataclass
class RuleBook:
    categories: dict[str, Category]
    settings: dict
    rules: list[Rule]
    by_word: dict[str, list[Rule]] = field(default_factory=dict)
    by_pair: dict[tuple[str, str], list[Rule]] = field(default_factory=dict)
    by_stem: dict[str, list[Rule]] = field(default_factory=dict)
    grammar: dict = field(default_factory=dict)
    reach: int = 1  # the most words one rule's match can span, gaps included
    # Every word and stem some rule's pattern names: a word matching none of
    # them can be part of no finding.
    by_any_word: dict[str, list[int]] = field(default_factory=dict)
    by_any_stem: dict[str, list[int]] = field(default_factory=dict)

    def rules_naming(self, lemmas) -> set[int]:
        """Indexes into ``rules`` of the rules with a word (or stem) that matches a
        word with these lemmas, in any place of their pattern: only they can
        mark that word."""
        found: set[int] = set()
        for value in lemmas:
            found.update(self.by_any_word.get(value, ()))
            found.update(self.by_any_stem.get(value[:_STEM_KEY], ()))
        return found

    def index(self) -> None:
        """Index rules by their first word, or by their first two words.

        About a hundred rules start with «в»; keying them by the pair
        («в», «цель») keeps the matcher from trying each of them on every «в».
        """
        for n, rule in enumerate(self.rules):
            elements = rule.pattern.elements
            span = sum(GAP_MAX if e is None else 1 for e in elements)
            self.reach = max(self.reach, span)
            for element in elements:
                for alt in element or ():
                    if alt.kind == "stem":
                        self.by_any_stem.setdefault(alt.value[:_STEM_KEY], []).append(n)
                    else:
                        self.by_any_word.setdefault(alt.value, []).append(n)
            second = elements[1] if len(elements) > 1 else None
            pairable = second is not None and all(a.kind != "stem" for a in second)
            for alt in rule.pattern.first:
                if alt.kind == "stem":
                    self.by_stem.setdefault(alt.value[:_STEM_KEY], []).append(rule)
                elif pairable:
                    for alt2 in second:
                        key = (alt.value, alt2.value)
                        self.by_pair.setdefault(key, []).append(rule)
                else:
                    self.by_word.setdefault(alt.value, []).append(rule)

    def candidates(self, lemmas, next_lemmas=()) -> list[Rule]:
        """Rules that may match at a word with these lemmas, followed by a word
        with ``next_lemmas``. A rule may be listed twice; matching is idempotent."""
        found: list[Rule] = []
        for value in lemmas:
            found.extend(self.by_word.get(value, ()))
            found.extend(self.by_stem.get(value[:_STEM_KEY], ()))
            for following in next_lemmas:
                found.extend(self.by_pair.get((value, following), ()))
        return found


def _read(path: Path) -> dict:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def _parse_entry(entry, category: Category, path: Path) -> Rule:
    if isinstance(entry, str):
        entry = [entry]
    if not 1 <= len(entry) <= 3:
        raise ValueError(f"{path.name}: bad rule {entry!r}")
    source, suggestion, hint = (list(entry) + [None, None])[:3]
    return Rule(
        compile_pattern(source), category.slug, suggestion, hint or category.hint
    )


def _prepare_settings(settings: dict) -> dict:
    """Turn word lists into the sets and tuples the detectors look up."""

    def norm(words):
        return [w.lower().replace("ё", "е") for w in words]

    settings["_passive_exclusions"] = frozenset(
        norm(settings["passive_reflexive_exclusions"])
    )
    settings["_short_passive_exclusions"] = frozenset(
        norm(settings["short_passive_exclusions"])
    )
    settings["_verbal_suffixes"] = tuple(norm(settings["verbal_noun_suffixes"]))
    settings["_verbal_stoplist"] = frozenset(norm(settings["verbal_noun_stoplist"]))
    return settings


def _prepare_grammar(grammar: dict) -> dict:
    """Aspect partners both ways; word lists as sets."""
    pairs = grammar["aspect_pairs"]
    partner = dict(pairs)
    partner.update({perf: impf for impf, perf in pairs.items()})
    grammar["aspect_partner"] = partner
    for name in (
        "singular_only",
        "collective",
        "planning_verbs",
        "dummy_nouns",
        "event_participles",
        "may_happen",
        "not_given",
        "by_nature",
    ):
        grammar[name] = frozenset(grammar[name])
    # «принимать решение»: every word of an entry must be in the clause.
    grammar["deadline_verbs"] = tuple(
        " ".join(normalize(w) for w in entry.split())
        for entry in grammar.get("deadline_verbs", {}).get("verbs", ())
    )
    paid = grammar.get("paid_from", {})
    grammar["paid_from"] = {
        key: frozenset(normalize(w) for w in paid.get(key, ())) for key in ("money",)
    }
    grammar["passive_dummy_verbs"] = frozenset(
        normalize(w) for w in grammar.get("passive_dummy_verbs", {}).get("verbs", ())
    )
    grammar["noun_classes"] = {
        name: frozenset(normalize(w) for w in words)
        for name, words in grammar.get("noun_classes", {}).items()
        if not name.startswith("_")
    }
    grammar["defined_before"] = {
        name: frozenset(normalize(w) for w in words)
        for name, words in grammar.get("defined_before", {}).items()
        if not name.startswith("_")
    }
    grammar["kept_with"] = {
        normalize(k): frozenset(normalize(w) for w in v)
        for k, v in grammar.get("kept_with", {}).items()
        if not k.startswith("_")
    }
    grammar["plural_only"] = {
        normalize(k): frozenset(normalize(w) for w in v)
        for k, v in grammar.get("plural_only", {}).items()
        if not k.startswith("_")
    }
    grammar["not_given_classes"] = tuple(grammar.get("not_given_classes", ()))
    grammar["fixed_names"] = tuple(
        normalize(name) for name in grammar.get("fixed_names", {}).get("names", ())
    )
    grammar["plural_in_use"] = frozenset(
        grammar.get("plural_in_use", {}).get("nouns", ())
    )
    grammar["attributive_nouns"] = frozenset(
        grammar.get("attributive_only", {}).get("nouns", ())
    )
    grammar["attributive_only"] = frozenset(
        normalize(w) for w in grammar.get("attributive_only", {}).get("forms", ())
    )
    grammar["after_noun_only"] = frozenset(
        normalize(w) for w in grammar.get("after_noun_only", {}).get("participles", ())
    )
    grammar["verbs_taking_o"] = frozenset(
        normalize(w) for w in grammar.get("verbs_taking_o", {}).get("verbs", ())
    )
    grammar["noun_government"] = {
        normalize(k): v
        for k, v in grammar.get("noun_government", {}).items()
        if not k.startswith("_")
    }
    grammar["unfit_near"] = {
        normalize(word): {
            **{
                where: frozenset(normalize(w) for w in entry.get(where, ()))
                for where in (
                    "replacing",
                    "before",
                    "before_figure",
                    "next",
                    "after",
                    "sentence",
                    "clause_before",
                    "clause",
                    "age_up_to",
                    "age_from",
                )
            },
            # «льготный категория»: the two words right before, by lemma.
            "before_pair": frozenset(
                tuple(normalize(w) for w in pair.split())
                for pair in entry.get("before_pair", ())
            ),
        }
        for word, entry in grammar.get("unfit_near", {}).items()
        if not word.startswith("_")
    }
    grammar["emptied_nouns"] = {
        normalize(k): v
        for k, v in grammar.get("emptied_nouns", {}).items()
        if not k.startswith("_")
    }
    grammar["action_heads"] = frozenset(
        normalize(w) for w in grammar.get("action_heads", {}).get("nouns", ())
    )
    carried = grammar.get("collective_modifiers", {})
    grammar["collective_modifiers"] = {
        normalize(w): normalize(w) for w in carried.get("kept", ())
    } | {normalize(k): normalize(v) for k, v in carried.get("as", {}).items()}
    aims = grammar.get("aim_participles", {})
    grammar["aim_participles"] = {
        "verbs": frozenset(normalize(w) for w in aims.get("verbs", ())),
        "subjects": frozenset(normalize(w) for w in aims.get("subjects", ())),
    }
    return grammar


@cache
def load_rulebook(rules_dir: Path = RULES_DIR) -> RuleBook:
    raw_categories = _read(rules_dir / "categories.json")
    categories = {
        slug: Category(slug, c["name"], c["score"], float(c["weight"]), c["hint"])
        for slug, c in raw_categories.items()
        if not slug.startswith("_")
    }
    rules: list[Rule] = []
    seen: dict[tuple, str] = {}
    for path in sorted(rules_dir.glob("*.json")):
        if path.name in _SPECIAL_FILES:
            continue
        data = _read(path)
        category = categories[data["category"]]
        for entry in data["rules"]:
            rule = _parse_entry(entry, category, path)
            key = signature(rule.pattern)
            if key in seen:
                raise ValueError(
                    f"{path.name}: {rule.pattern.source!r} duplicates {seen[key]}"
                )
            seen[key] = f"{path.name}: {rule.pattern.source!r}"
            rules.append(rule)
    book = RuleBook(
        categories,
        _prepare_settings(_read(rules_dir / "syntax.json")),
        rules,
        grammar=_prepare_grammar(_read(rules_dir / "grammar.json")),
    )
    book.index()
    return book
