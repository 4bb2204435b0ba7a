"""The evaluation set of one-click fixes (tests/fixtures/voice/fixes.json): at
least 95 % of the fixes offered leave an expected sentence, and no fewer fixes
are offered than before issue 13."""

import pytest

from tests.voice.fixes_eval import evaluate, load_set

# What the checker offered on this set before issue 13, as bench_fixes.py
# --baseline measured it (bench/voice/README.md, «Before issue 13»): 1.74
# findings with a one-click suggestion per sentence.
FINDINGS_WITH_FIX_BEFORE = 1.74
TARGET = 0.95


@pytest.fixture(scope="module")
def figures():
    return evaluate(load_set())


@pytest.fixture(scope="module")
def before_figures():
    """The sentences the figures before issue 13 were measured on («fresh» came later)."""
    return evaluate([s for s in load_set() if not s.get("fresh")])


def test_the_set_is_big_enough_and_well_formed():
    sentences = load_set()
    assert len(sentences) >= 60
    assert len({s["id"] for s in sentences}) == len(sentences)
    for item in sentences:
        entries = item["fixes"] + item.get("later", []) + item.get("added", [])
        for fragment, *replacements in entries:
            assert fragment in item["text"], (item["id"], fragment)
            assert replacements, (item["id"], fragment)


def test_at_least_95_percent_of_one_click_fixes_are_correct(figures):
    assert figures["correct_share"] >= TARGET, figures["wrong"]


# Rounds whose «fixes» list every rewrite a careful editor would accept (round 10
# and every later one, tests/fixtures/voice/ANNOTATING.md), not only the ones a text needs: their «expected» counts optional rewrites
# («ежемесячно» → «каждый месяц») and alternative spans of one edit, so the share
# of them offered is reported (bench_fixes.py) but not held to the 85 % below.
FIRST_ROUND_ANNOTATED_IN_FULL = 10


# Groups of «fixes» that the house standard written since (ANNOTATING.md:
# «предоставляется» → «положена» for a payment or a measure, «дают» for a place
# or a right) rules out: «выплату дают», «меру дают», «услуга положена». The
# other group of the same finding («выплата положена») stays counted; these are
# no longer what a careful editor would need.
WITHDRAWN = {
    # «обращения граждан» is the term of the law on citizens' appeals (59-ФЗ):
    # «обращения людей» was rejected blind in round 24 (o25), so it is no
    # longer a rewrite a careful editor needs (grammar.json fixed_names).
    ("p20", "граждан"),
    # «в течение N рабочих дней со дня …» is a deadline counted from an event:
    # «за N рабочих дней» was rejected blind in round 23 (l18, «изменён смысл
    # срока»), so t09's «за десять рабочих дней со дня принятия решения» is no
    # longer a rewrite a careful editor needs (test_fixes_remaining.py).
    ("t09", "в течение десяти рабочих дней"),
    # «В итоге проверки (заседания)» for «по итогам / по результатам» was accepted
    # blind in rounds 16–18 and rejected by both judges of the unlisted sheet of
    # 8 December (e39): where judges disagree the house gives advice, not a
    # button, so these groups are no longer what a careful editor needs.
    ("s22", "По итогам"),
    ("t11", "По итогам"),
    ("k18", "По результатам"),
    ("s02", "Данная мера социальной поддержки предоставляется"),
    ("h05", "Единовременная выплата предоставляется"),
    ("h20", "предоставляется"),
    ("f18", "предоставляется компенсация"),
    ("g02", "Единовременная денежная выплата предоставляется"),
    ("p03", "предоставляется компенсация"),
    ("p18", "Единовременная выплата предоставляется"),
    ("r02", "Данная выплата предоставляется"),
    (
        "t02",
        "Ежемесячная выплата на ребёнка в возрасте от трёх до семи лет включительно"
        " предоставляется",
    ),
    # «населённые пункты» → «сёла», «посёлки» was rejected by both blind judges
    # of round 29 (ae17, «в отдалённых сёлах»: the meaning narrows, as a
    # населённый пункт may be a town), so no number of it gets a button any more
    # (government.json; ANNOTATING.md).
    ("s44", "населённых пунктов"),
    ("t33", "населённых пунктов"),
    # «оздоровление» → «отдых» was rejected by both blind judges of round 30
    # (af20, «по отдыху детей»: rest is not health care), so it is advice now
    # (bureaucratism.json; ANNOTATING.md).
    ("s25", "оздоровления"),
}


def _without_withdrawn(item: dict) -> dict:
    fixes = [f for f in item["fixes"] if (item["id"], f[0]) not in WITHDRAWN]
    return {**item, "fixes": fixes}


@pytest.fixture(scope="module")
def needed_figures():
    return evaluate(
        [
            _without_withdrawn(s)
            for s in load_set()
            if (s.get("fresh") or 0) < FIRST_ROUND_ANNOTATED_IN_FULL
        ]
    )


def test_withdrawn_groups_exist():
    groups = {(s["id"], f[0]) for s in load_set() for f in s["fixes"]}
    assert groups >= WITHDRAWN


def test_no_fewer_fixes_than_before(needed_figures, before_figures):
    assert before_figures["findings_with_fix_per_sentence"] >= FINDINGS_WITH_FIX_BEFORE
    # Most of what a careful editor would fix is offered.
    assert needed_figures["expected_offered"] >= 0.85 * needed_figures["expected"], (
        needed_figures["missed"]
    )
