"""The home screen's figures: what is coming, how prepared the user is, what is late (in
preparation and in follow-ups)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from planner.domain.checklist import ChecklistEntry, Progress
from planner.domain.goals import GoalProgress, NetworkBalance
from planner.domain.model import Event
from planner.services.checklist import ChecklistService
from planner.services.goals import GoalService
from planner.services.workspace import Workspace
from planner.storage.overdue import LateFollowUp, late_follow_ups

__all__ = ["Dashboard", "LateFollowUp", "UpcomingEvent", "build_dashboard"]


@dataclass(frozen=True, slots=True)
class UpcomingEvent:
    event: Event
    prep: Progress
    goals: list[GoalProgress]


@dataclass(frozen=True, slots=True)
class Dashboard:
    upcoming: list[UpcomingEvent]
    overdue: list[tuple[Event, ChecklistEntry]]  # preparation left undone past its day
    balance: NetworkBalance
    late_follow_ups: list[LateFollowUp] = field(default_factory=list)  # of any event, or none


def build_dashboard(workspace: Workspace, now: datetime, today: date) -> Dashboard:
    """`now` decides what is upcoming (not yet over); `today` (the user's date) what is late."""
    upcoming_events = workspace.repos.events.upcoming(now)
    ids = [e.id for e in upcoming_events if e.id is not None]
    counts = workspace.repos.checklist.plan_counts(ids)
    progress = GoalService(workspace).progress_for(ids)
    upcoming = []
    late = []
    for event in upcoming_events:
        assert event.id is not None
        upcoming.append(UpcomingEvent(event, counts[event.id].progress, progress[event.id]))
        if counts[event.id].has_overdue(event, today):
            late.append(event)
    # Counting is enough for the progress; only a checklist with something late is listed (an
    # entry per must-meet person), to show what is late.
    entries = ChecklistService(workspace).entries_for(late) if late else {}
    overdue: list[tuple[Event, ChecklistEntry]] = []
    for event in late:
        assert event.id is not None
        overdue.extend((event, entry) for entry in entries[event.id] if entry.is_overdue(today))
    overdue.sort(key=lambda pair: (pair[1].due, pair[0].start))
    return Dashboard(
        upcoming=upcoming,
        overdue=overdue,
        balance=GoalService(workspace).balance(),
        late_follow_ups=late_follow_ups(workspace.db, today),
    )
