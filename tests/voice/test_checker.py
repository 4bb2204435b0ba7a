"""Unit tests of the checker: matching, spans, detectors, scores and helpers."""

import re

import pytest

from voice.checker import (
    Finding,
    Report,
    category_names,
    check,
    check_fields,
    looks_like_press_release,
)
from voice.checker.patterns import compile_pattern
from voice.checker.rules import load_rulebook
from voice.checker.text import count_words, tokenize


def spans(text: str, category: str | None = None) -> list[str]:
    return [
        text[f.start : f.end]
        for f in check(text).findings
        if category is None or f.category == category
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Сотрудники осуществляли выдачу справок.", "осуществляли выдачу"),
        ("Осуществление проверки заняло месяц.", "Осуществление"),
        (
            "В целях дальнейшего обеспечения детей путёвками",
            "В целях дальнейшего обеспечения",
        ),
        ("Работу ведут на территории Кузбасса.", "на территории"),
        ("Ёлку поставят в соответствии с планом.", "в соответствии с"),
    ],
)
def test_lemma_and_gap_matching(text, expected):
    assert expected in spans(text, "government")


def test_suggestion_is_the_rule_word_in_the_form_its_place_needs():
    text = "Министерство осуществляет выплаты ветеранам."
    finding = next(
        f for f in check(text, fixes=True).findings if f.category == "government"
    )
    assert text[finding.start : finding.end] == "осуществляет выплаты"
    # The rule says «выплачивать»; the place needs the third person singular.
    assert finding.suggestion == "выплачивает"
    assert finding.fixes[0].apply(text) == "Министерство выплачивает ветеранам."
    assert finding.hint


def test_every_span_is_exactly_the_flagged_text():
    text = (
        "В рамках реализации программы  данная мера, как известно, является "
        "очень важной!!! Заявления принимаются в МФЦ."
    )
    for f in check(text).findings:
        flagged = text[f.start : f.end]
        assert flagged and flagged == flagged.strip()
        assert 0 <= f.start < f.end <= len(text)


def test_lexical_findings_do_not_share_words():
    text = "В целях обеспечения реализации мероприятий осуществляются выплаты."
    lexical = [
        f
        for f in check(text).findings
        if load_rulebook().categories[f.category].score == "clarity"
    ]
    for a, b in zip(lexical, lexical[1:], strict=False):
        assert a.end <= b.start


def test_data_are_not_flagged_as_the_word_данный():
    assert spans("По данным министерства, выплату получили 300 семей.") == []


def test_gap_word_keeps_its_own_finding():
    categories = check("Центр оказывает очень важную помощь.").categories()
    assert {"government", "intensifier"} <= categories


def test_genitive_chain_and_comma_breaks_it():
    text = "Это этап обеспечения реализации мероприятий программы."
    assert spans(text, "genitive_chain") == [
        "обеспечения реализации мероприятий программы"
    ]
    assert spans("Выдали три тысячи колясок, ходунков.", "genitive_chain") == []


def test_passive_voice_short_participle_and_reflexive():
    assert spans("Решение принято, выплаты производятся.", "passive_voice") == [
        "принято",
        "производятся",
    ]
    # Intransitive and excluded reflexive verbs are not passive.
    assert spans("Смена начнётся в июне, дети учатся.", "passive_voice") == []


def test_long_sentence_is_flagged_whole():
    long_text = " ".join(["слово"] * 30) + "."
    assert spans(long_text, "long_sentence") == [long_text]
    assert spans(" ".join(["слово"] * 10) + ".", "long_sentence") == []


def test_many_exclamations():
    assert spans("Ура! Мы победили! Спасибо!", "exclamations") == ["!", "!"]
    assert spans("Ура!!", "exclamations") == ["!!"]
    assert spans("Ура!", "exclamations") == []


def test_scores_are_rounded_and_bounded():
    for text in ["", "Привет.", "В целях обеспечения данной меры в рамках реализации."]:
        report = check(text)
        assert isinstance(report, Report)
        for score in (report.clarity, report.readability):
            assert 0.0 <= score <= 10.0
            assert round(score, 1) == score
    assert check("").clarity == 10.0 and check("").findings == []


def test_more_bureaucratese_scores_lower():
    plain = check("Семьи получат деньги в марте.")
    heavy = check("Семьям в марте будет осуществлено предоставление выплат.")
    assert heavy.clarity < plain.clarity


def test_report_as_dict_matches_the_command_contract():
    data = check("Данная мера.", fixes=True).as_dict()
    assert set(data) == {"clarity", "readability", "findings"}
    assert set(data["findings"][0]) == {
        "start",
        "end",
        "category",
        "hint",
        "suggestion",
        "fixes",
    }
    assert data["findings"][0]["suggestion"] == "Эта"
    assert data["findings"][0]["fixes"] == [
        {"start": 0, "end": 6, "text": "Эта", "removes": False}
    ]


def test_check_fields_reports_each_named_text():
    reports = check_fields({"title": "Данная мера", "lead": "", "body_0": None})
    assert set(reports) == {"title", "lead", "body_0"}
    assert reports["title"].findings and reports["lead"].findings == []
    assert all(isinstance(f, Finding) for f in reports["title"].findings)


def test_looks_like_press_release():
    assert looks_like_press_release(
        "В рамках реализации мероприятий министерством осуществлена выплата."
    )
    assert not looks_like_press_release("В Кемерове открыли новый детский сад.")
    assert not looks_like_press_release("")


def test_category_names_are_russian():
    names = category_names()
    assert names["government"] == "Казённый оборот"
    assert names["genitive_chain"].startswith("Цепочка")
    assert all(re.search("[а-яё]", name) for name in names.values())


def test_rulebook_is_rich_and_consistent():
    book = load_rulebook()  # raises on a duplicated rule
    assert len(book.rules) >= 500
    used = {rule.category for rule in book.rules}
    syntax_only = {"verbal_noun", "genitive_chain", "passive_voice"}
    syntax_only |= {"long_sentence", "exclamations"}
    assert used | syntax_only == set(book.categories)
    for category in book.categories.values():
        assert category.name and category.hint
        assert category.score in ("clarity", "readability")
    for rule in book.rules:
        assert rule.hint


@pytest.mark.parametrize("source", ["… в целях", "в целях …", ""])
def test_pattern_must_start_and_end_with_a_word(source):
    with pytest.raises(ValueError):
        compile_pattern(source)


def test_pattern_kinds():
    tokens = tokenize("в целях дальнейшего обеспечения")
    assert compile_pattern("в цель … обеспечение").match_at(tokens, 0) == (0, 1, 3)
    assert compile_pattern("=в =целях").match_at(tokens, 0) == (0, 1)
    assert compile_pattern("=в =цели").match_at(tokens, 0) is None
    assert compile_pattern("в цел* дальн*|ближн*").match_at(tokens, 0) == (0, 1, 2)


def test_counting_words_agrees_with_tokenizing():
    """Scores count a finding's words without analysing them (cold-start speed)."""
    text = "В связи с ремонтом здания приём граждан — по адресу: ул. Весенняя, 5-7."
    for start, end in ((0, len(text)), (2, 30), (10, 11), (40, len(text))):
        assert count_words(text, start, end) == len(tokenize(text, start, end))
