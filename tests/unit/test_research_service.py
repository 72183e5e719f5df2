"""Research on an event's attendees, many at once: pinned tiers, research status, tags and goal
links, each one transaction that undo takes back whole; and what a tag is kept as."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.domain.enums import NetworkType, PriorityTier, ResearchStatus
from planner.domain.ids import AttendanceId, EventId, PersonId
from planner.domain.model import Attendance, Goal
from planner.domain.rules import ValidationError
from planner.domain.tags import MAX_TAG, tidy_tag, tidy_tags
from planner.services.ranking import rank_event
from planner.services.research import (
    all_tags,
    link_to_goal,
    must_meet_research,
    person_tags,
    set_research_status,
    set_tier,
    tag_people,
    untag_people,
)
from planner.services.undo import record, redo_changes, undo_changes
from planner.services.workspace import Workspace
from tests.builders import event_id_in, person_in
from tests.db_contents import every_row


@pytest.fixture
def workspace() -> Iterator[Workspace]:
    with Workspace.in_memory() as ws:
        yield ws


def listed(ws: Workspace, event: EventId, *names: str, **plan: Any) -> list[AttendanceId]:
    ids = []
    for name in names:
        added = ws.repos.attendances.add(Attendance(event, person_in(ws, name), **plan))
        assert added.id is not None
        ids.append(added.id)
    return ids


def undone_whole(ws: Workspace, edit: Callable[[], object]) -> None:
    """The edit changes something, and one undo puts every row back; redo does it again."""
    conn = ws.db.connection
    before = every_row(conn)
    done = record(ws, edit)
    after = every_row(conn)
    assert after != before
    undo_changes(ws, done.changes)
    assert every_row(conn) == before
    redo_changes(ws, done.changes)
    assert every_row(conn) == after


def test_a_pinned_tier_orders_the_ranking_and_undo_takes_it_back(workspace: Workspace) -> None:
    event = event_id_in(workspace)
    workspace.repos.goals.add(
        Goal(event, "Meet investors", NetworkType.STRATEGIC, roles=("investor",))
    )
    chef, investor = listed(workspace, event, "Ana Chef", "Bo Investor")
    conn = workspace.db.connection
    conn.execute("UPDATE person SET title = 'Investor' WHERE full_name = 'Bo Investor'")
    assert [r.facts.attendance_id for r in rank_event(workspace, event)] == [investor, chef]
    assert rank_event(workspace, event)[0].tier is PriorityTier.MUST_MEET  # as the score says
    undone_whole(workspace, lambda: set_tier(workspace, [investor], PriorityTier.NICE_TO_MEET))
    set_tier(workspace, [chef], PriorityTier.SHOULD_MEET)
    ranked = rank_event(workspace, event)
    assert [r.facts.attendance_id for r in ranked] == [chef, investor]  # the pins win
    assert ranked[0].pinned and ranked[1].tier is PriorityTier.NICE_TO_MEET
    assert set_tier(workspace, [chef, investor], PriorityTier.SKIP) == 2
    assert {r.tier for r in rank_event(workspace, event)} == {PriorityTier.SKIP}
    assert set_tier(workspace, [chef, investor], None) == 2
    assert [r.facts.attendance_id for r in rank_event(workspace, event)] == [investor, chef]


def test_research_status_for_many_and_the_must_meet_count(workspace: Workspace) -> None:
    event = event_id_in(workspace)
    must = listed(workspace, event, "A", "B", "C", tier=PriorityTier.MUST_MEET)
    listed(workspace, event, "D")
    assert must_meet_research(workspace, event)[ResearchStatus.NOT_STARTED] == 3
    undone_whole(workspace, lambda: set_research_status(workspace, must[:2], ResearchStatus.DONE))
    counts = must_meet_research(workspace, event)
    assert (counts[ResearchStatus.DONE], counts[ResearchStatus.NOT_STARTED]) == (2, 1)
    assert set_research_status(workspace, must[:2], ResearchStatus.DONE) == 0  # already so


def test_tags_for_many_people_found_by_the_ranking_and_the_search_index(
    workspace: Workspace,
) -> None:
    event = event_id_in(workspace)
    ana, bo = (person_in(workspace, name) for name in ("Ana", "Bo"))
    for person in (ana, bo):
        workspace.repos.attendances.add(Attendance(event, person))
    undone_whole(workspace, lambda: tag_people(workspace, [ana, bo], ["  Fintech ", "VC"]))
    assert person_tags(workspace, ana) == ("Fintech", "VC")
    assert tag_people(workspace, [ana], ["fintech"]) == 0  # held already, whatever the case
    assert all_tags(workspace) == [("Fintech", 2), ("VC", 2)]
    facts = {r.facts.person_id: r.facts.tags for r in rank_event(workspace, event)}
    assert facts[ana] == ("Fintech", "VC")
    found = workspace.db.connection.execute(
        "SELECT rowid FROM person_search WHERE person_search MATCH 'tags:fintech' ORDER BY rowid"
    ).fetchall()
    assert found == [(ana,), (bo,)]
    undone_whole(workspace, lambda: untag_people(workspace, [bo], ["FINTECH"]))
    assert person_tags(workspace, bo) == ("VC",)


def test_a_tag_that_cannot_be_kept_is_refused_and_nothing_changes(workspace: Workspace) -> None:
    ana = person_in(workspace, "Ana")
    for tags in ([], [" ", "\u200b"], ["x" * (MAX_TAG + 1)]):
        with pytest.raises(ValidationError):
            tag_people(workspace, [ana], tags)
    assert person_tags(workspace, ana) == ()


def test_linking_to_a_goal_counts_only_people_of_the_goals_own_event(
    workspace: Workspace,
) -> None:
    event, other = event_id_in(workspace), event_id_in(workspace, "PyCon")
    goal = workspace.repos.goals.add(Goal(event, "Meet founders", NetworkType.OPERATIONAL))
    assert goal.id is not None
    here = listed(workspace, event, "Ana", "Bo")
    there = listed(workspace, other, "Cy")
    undone_whole(workspace, lambda: link_to_goal(workspace, [*here, *there], goal.id))
    assert link_to_goal(workspace, here, goal.id) == 0  # linked already
    linked = {a.id for a in workspace.repos.attendances.for_event(event) if a.goal_ids}
    assert linked == set(here)
    assert not any(a.goal_ids for a in workspace.repos.attendances.for_event(other))


def test_bulk_edits_of_20000_attendees_take_well_under_a_second(workspace: Workspace) -> None:
    event = event_id_in(workspace)
    conn = workspace.db.connection
    now = "2026-01-01T00:00:00+00:00"
    with workspace.db.transaction():
        conn.executemany(
            "INSERT INTO person (id, full_name, created_at, updated_at) VALUES (?, ?, ?, ?)",
            [(n, f"Person {n}", now, now) for n in range(1, 20_001)],
        )
        conn.executemany(
            "INSERT INTO attendance (event_id, person_id) VALUES (?, ?)",
            [(event, n) for n in range(1, 20_001)],
        )
    ids = [AttendanceId(row[0]) for row in conn.execute("SELECT id FROM attendance")]
    people = [PersonId(n) for n in range(1, 20_001)]
    started = time.perf_counter()
    assert set_tier(workspace, ids, PriorityTier.SHOULD_MEET) == 20_000
    assert set_research_status(workspace, ids, ResearchStatus.IN_PROGRESS) == 20_000
    assert tag_people(workspace, people, ["conference"]) == 20_000
    assert time.perf_counter() - started < 3.0  # about 0.4 s here; a loaded machine is slower


@given(st.text(max_size=60))
def test_a_tag_is_kept_tidy_and_tidying_again_changes_nothing(text: str) -> None:
    tag = tidy_tag(text)
    assert tidy_tag(tag) == tag
    assert tag == tag.strip() and "  " not in tag
    assert tidy_tags([text, f" {text} ", text]) == ([tag] if tag else [])
