"""Saving the plan for one person at an event."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from planner.domain.enums import AttendanceStatus, PriorityTier
from planner.domain.ids import GoalId
from planner.domain.people import MAX_NOTE
from planner.domain.rules import ValidationError
from planner.services.goals import GoalService
from planner.services.people import update_attendance
from planner.services.sample import UPCOMING_NAME, seed_sample
from planner.services.workspace import Workspace


def test_update_saves_status_tier_notes_and_goal_links(workspace: Workspace) -> None:
    seed_sample(workspace, datetime(2026, 11, 22, tzinfo=UTC))
    event = next(e for e in workspace.repos.events.all() if e.name == UPCOMING_NAME)
    assert event.id is not None
    attendance = workspace.repos.attendances.for_event(event.id)[-1]
    goal = workspace.repos.goals.for_event(event.id)[1]
    assert goal.id is not None
    changed = replace(
        attendance,
        status=AttendanceStatus.MET,
        tier=PriorityTier.MUST_MEET,
        research_notes="Runs the fintech meetup.",
        goal_ids=frozenset({goal.id}),
    )
    update_attendance(workspace, changed)
    assert workspace.repos.attendances.for_event(event.id)[-1] == changed
    progress = {p.goal.id: p for p in GoalService(workspace).progress(event.id)}
    assert progress[goal.id].met == 1


def test_links_to_goals_of_other_events_are_dropped(workspace: Workspace) -> None:
    seed_sample(workspace, datetime(2026, 11, 22, tzinfo=UTC))
    events = workspace.repos.events.all()
    upcoming = next(e for e in events if e.name == UPCOMING_NAME)
    other = next(e for e in events if e.name != UPCOMING_NAME)
    assert upcoming.id is not None and other.id is not None
    foreign = workspace.repos.goals.for_event(other.id)[0].id
    attendance = workspace.repos.attendances.for_event(upcoming.id)[0]
    saved = update_attendance(
        workspace, replace(attendance, goal_ids=frozenset({GoalId(foreign or 0)}))
    )
    assert saved.goal_ids == frozenset()


def test_overlong_notes_are_refused_and_nothing_changes(workspace: Workspace) -> None:
    seed_sample(workspace, datetime(2026, 11, 22, tzinfo=UTC))
    event = next(e for e in workspace.repos.events.all() if e.name == UPCOMING_NAME)
    assert event.id is not None
    attendance = workspace.repos.attendances.for_event(event.id)[0]
    with pytest.raises(ValidationError):
        update_attendance(workspace, replace(attendance, ask="?" * (MAX_NOTE + 1)))
    assert workspace.repos.attendances.for_event(event.id)[0] == attendance
