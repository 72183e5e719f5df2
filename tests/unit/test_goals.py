"""domain.goals: word lists, goal validation, progress against targets, network balance."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.enums import AttendanceStatus, NetworkType
from planner.domain.goals import (
    MAX_GOAL_TEXT,
    MAX_TARGET,
    NetworkBalance,
    goal_problems,
    goal_progress,
    parse_words,
)
from planner.domain.ids import AttendanceId, EventId, GoalId, PersonId
from planner.domain.model import Attendance, Goal

EVENT_ID = EventId(1)
SEPARATORS = (",", ";", "\n")


def goal(goal_id: int = 1, **changes: Any) -> Goal:
    values: dict[str, Any] = {
        "event_id": EVENT_ID,
        "text": "Meet 3 fintech investors",
        "network_type": NetworkType.STRATEGIC,
        "target_count": 3,
        "id": GoalId(goal_id),
    }
    values.update(changes)
    return Goal(**values)


def attendance(
    attendance_id: int,
    goal_ids: set[int],
    status: AttendanceStatus = AttendanceStatus.TO_MEET,
) -> Attendance:
    return Attendance(
        event_id=EVENT_ID,
        person_id=PersonId(100 + attendance_id),
        status=status,
        goal_ids=frozenset(GoalId(g) for g in goal_ids),
        id=AttendanceId(attendance_id),
    )


MET = AttendanceStatus.MET


# --- parse_words -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("fintech, Payments; seed", ("fintech", "Payments", "seed")),
        ("fintech\npayments\r\nseed", ("fintech", "payments", "seed")),
        ("  a  ,,; ;\n\n b ", ("a", "b")),
        ("machine   learning,\tdata\tscience", ("machine learning", "data science")),
        ("Fintech, FINTECH, fintech, payments", ("Fintech", "payments")),
        ("Straße, STRASSE", ("Straße",)),  # casefold, not lower()
        ("seed, angel, seed, Angel, series a", ("seed", "angel", "series a")),
        ("", ()),
        ("   ", ()),
        (",;\n", ()),
        ("決済, 投資ディレクター; 桜キャピタル", ("決済", "投資ディレクター", "桜キャピタル")),
        ("تمويل, مدفوعات", ("تمويل", "مدفوعات")),
        ("محمد الأمين; נועה לוי", ("محمد الأمين", "נועה לוי")),
    ],
)
def test_parse_words(text: str, words: tuple[str, ...]) -> None:
    assert parse_words(text) == words


def test_parse_words_keeps_the_first_spelling_and_the_order() -> None:
    assert parse_words("zeta, Alpha, ALPHA, beta, Zeta") == ("zeta", "Alpha", "beta")


word_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from([",", ";", "\n", " ", "\t", "\r", "決", "ك", "É"]),
    ),
    max_size=60,
)


@settings(max_examples=300, deadline=None, database=None)
@given(text=word_text)
def test_parse_words_gives_clean_distinct_words(text: str) -> None:
    words = parse_words(text)
    assert isinstance(words, tuple)
    for word in words:
        assert word
        assert word == word.strip()
        assert not any(sep in word for sep in SEPARATORS)
        assert "  " not in word
    assert len({w.casefold() for w in words}) == len(words)


@settings(max_examples=300, deadline=None, database=None)
@given(text=word_text)
def test_parse_words_is_idempotent(text: str) -> None:
    words = parse_words(text)
    assert parse_words(", ".join(words)) == words
    assert parse_words("\n".join(words)) == words


@settings(max_examples=100, deadline=None, database=None)
@given(
    words=st.lists(
        st.text(st.characters(categories=("L", "N")), min_size=1, max_size=10),
        max_size=8,
    )
)
def test_parse_words_keeps_first_occurrences_in_order(words: list[str]) -> None:
    expected: list[str] = []
    for word in words:
        if word.casefold() not in {w.casefold() for w in expected}:
            expected.append(word)
    assert parse_words("; ".join(words)) == tuple(expected)


# --- goal_problems ---------------------------------------------------------------------------


def test_a_good_goal_has_no_problems() -> None:
    assert goal_problems(goal()) == []
    assert goal_problems(goal(text="x" * MAX_GOAL_TEXT, target_count=MAX_TARGET)) == []
    assert goal_problems(goal(target_count=0)) == []
    assert goal_problems(goal(text="  padded  ")) == []


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_a_goal_needs_text(text: str) -> None:
    (problem,) = goal_problems(goal(text=text))
    assert "needs a description" in problem


def test_a_goal_text_has_a_length_limit() -> None:
    (problem,) = goal_problems(goal(text="x" * (MAX_GOAL_TEXT + 1)))
    assert str(MAX_GOAL_TEXT) in problem
    # Surrounding blanks do not count towards the limit.
    assert goal_problems(goal(text=" " + "x" * MAX_GOAL_TEXT + " ")) == []


@pytest.mark.parametrize("text", ["Meet\x00people", "Meet\x1bpeople", "line one\nline two"])
def test_a_goal_text_may_not_hold_control_characters(text: str) -> None:
    (problem,) = goal_problems(goal(text=text))
    assert "control characters" in problem


@pytest.mark.parametrize("target", [-1, MAX_TARGET + 1, -(10**6)])
def test_the_target_has_bounds(target: int) -> None:
    (problem,) = goal_problems(goal(target_count=target))
    assert "target" in problem
    assert str(MAX_TARGET) in problem


def test_several_problems_are_reported_together() -> None:
    problems = goal_problems(goal(text="", target_count=-1))
    assert len(problems) == 2


# --- goal_progress ---------------------------------------------------------------------------


def test_progress_counts_met_and_linked_people_for_each_goal() -> None:
    investors, partner = goal(1, target_count=3), goal(2, target_count=1)
    people = [
        attendance(1, {1}, MET),
        attendance(2, {1}),
        attendance(3, {1, 2}, MET),
        attendance(4, {1}, AttendanceStatus.SKIPPED),
        attendance(5, set(), MET),  # met, but for no goal
    ]
    first, second = goal_progress([investors, partner], people)
    assert (first.goal, first.met, first.shortlisted, first.target) == (investors, 2, 4, 3)
    assert first.fraction == pytest.approx(2 / 3)
    assert not first.reached
    assert (second.goal, second.met, second.shortlisted) == (partner, 1, 1)
    assert second.fraction == 1.0
    assert second.reached


def test_progress_keeps_the_goal_order() -> None:
    goals = [goal(3), goal(1), goal(2)]
    assert [p.goal.id for p in goal_progress(goals, [])] == [3, 1, 2]


def test_a_goal_with_nobody_linked() -> None:
    (progress,) = goal_progress([goal(target_count=2)], [])
    assert (progress.met, progress.shortlisted, progress.fraction, progress.reached) == (
        0,
        0,
        0.0,
        False,
    )


def test_a_zero_target_is_already_reached() -> None:
    (progress,) = goal_progress([goal(target_count=0)], [])
    assert progress.fraction == 1.0
    assert progress.reached


def test_meeting_more_than_the_target_caps_the_fraction() -> None:
    people = [attendance(n, {1}, MET) for n in range(1, 6)]
    (progress,) = goal_progress([goal(target_count=2)], people)
    assert progress.met == 5
    assert progress.fraction == 1.0
    assert progress.reached


def test_attendances_linked_to_other_goals_are_ignored() -> None:
    people = [attendance(1, {7}, MET), attendance(2, {8}), attendance(3, {1}, MET)]
    (progress,) = goal_progress([goal(1, target_count=2)], people)
    assert (progress.met, progress.shortlisted) == (1, 1)
    assert progress.fraction == 0.5


def test_goal_progress_accepts_one_shot_iterables() -> None:
    people = iter([attendance(1, {1}, MET), attendance(2, {2}, MET)])
    results = goal_progress(iter([goal(1), goal(2)]), people)
    assert [r.met for r in results] == [1, 1]


# --- network balance -------------------------------------------------------------------------

STRAT, OPER, PERS = NetworkType.STRATEGIC, NetworkType.OPERATIONAL, NetworkType.PERSONAL


def test_no_goals_no_hint() -> None:
    assert NetworkBalance(goals={}, met={}).hint() is None
    assert NetworkBalance(goals={STRAT: 0, OPER: 0}, met={OPER: 3}).hint() is None


def test_a_hint_when_no_goal_is_strategic() -> None:
    balance = NetworkBalance(goals={OPER: 2, PERS: 1}, met={})
    assert balance.total_goals == 3
    hint = balance.hint()
    assert hint is not None
    assert "strategic" in hint


def test_a_hint_when_strategic_goals_are_under_a_fifth() -> None:
    balance = NetworkBalance(goals={STRAT: 1, OPER: 4, PERS: 1}, met={STRAT: 1})
    hint = balance.hint()
    assert hint is not None
    assert "1 of your 6 goals" in hint


def test_exactly_a_fifth_strategic_is_enough() -> None:
    assert NetworkBalance(goals={STRAT: 1, OPER: 4}, met={STRAT: 1, OPER: 2}).hint() is None


def test_a_hint_when_only_the_other_goals_have_met_people() -> None:
    hint = NetworkBalance(goals={STRAT: 2, OPER: 2}, met={OPER: 3}).hint()
    assert hint is not None
    assert "strategic" in hint
    # Zero recorded explicitly reads the same as missing.
    assert NetworkBalance(goals={STRAT: 2, OPER: 2}, met={STRAT: 0, OPER: 3}).hint() == hint


@pytest.mark.parametrize(
    ("goals", "met"),
    [
        ({STRAT: 1, OPER: 1}, {STRAT: 1, OPER: 5}),
        ({STRAT: 2, OPER: 2}, {}),  # nobody met yet: nothing to nudge about
        ({STRAT: 3}, {STRAT: 1}),
        ({STRAT: 1, OPER: 1, PERS: 1}, {STRAT: 0, OPER: 0}),
    ],
)
def test_a_balanced_plan_gets_no_hint(
    goals: dict[NetworkType, int], met: dict[NetworkType, int]
) -> None:
    assert NetworkBalance(goals=goals, met=met).hint() is None


def test_the_three_hints_differ() -> None:
    hints = {
        NetworkBalance(goals={OPER: 1}, met={}).hint(),
        NetworkBalance(goals={STRAT: 1, OPER: 9}, met={}).hint(),
        NetworkBalance(goals={STRAT: 1, OPER: 1}, met={OPER: 1}).hint(),
    }
    assert None not in hints
    assert len(hints) == 3
