"""The home screen's figures: what is coming, how prepared the user is, what is late (in
preparation and in follow-ups)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from planner.domain.checklist import ChecklistEntry, Progress, checklist_entries
from planner.domain.goals import GoalProgress, NetworkBalance
from planner.domain.model import Event
from planner.services.checklist import ChecklistService
from planner.services.goals import GoalService
from planner.services.workspace import Workspace
from planner.storage.overdue import LateFollowUp, late_follow_ups

__all__ = ["LATE_AFTER_END", "Dashboard", "LateFollowUp", "UpcomingEvent", "build_dashboard"]

LATE_AFTER_END = timedelta(days=45)
"""How long after an event ends its undone checklist still counts as overdue. Once it is over,
what is late is the work due after its first day ("write down whom you met", "send your
follow-ups"); what was due before it or on it has lapsed with it. 45 days covers the
routine's latest such step (a check-in 30 days on) with two weeks to spare, while an event
left unfinished years ago does not nag for ever."""


def still_late(event: Event, entry: ChecklistEntry, now: datetime, today: date) -> bool:
    """Overdue, and still worth doing: before an event ends, anything past its day; after
    it, only what was due after its first day."""
    return entry.is_overdue(today) and (event.end > now or entry.due_offset_days > 0)


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
    """`now` decides what is upcoming (not yet over); `today` (the user's date) what is late,
    of the events upcoming or ended within LATE_AFTER_END (see `still_late`)."""
    recent_events = workspace.repos.events.upcoming(now - LATE_AFTER_END)
    upcoming_events = [e for e in recent_events if e.end > now]
    counts = workspace.repos.checklist.plan_counts([e.id for e in recent_events if e.id])
    progress = GoalService(workspace).progress_for([e.id for e in upcoming_events if e.id])
    upcoming = []
    late = []
    for event in recent_events:
        assert event.id is not None
        if event.end > now:
            upcoming.append(UpcomingEvent(event, counts[event.id].progress, progress[event.id]))
        if (
            counts[event.id].has_overdue(event, today)
            if event.end > now
            else counts[event.id].has_overdue_after_start(event, today)
        ):
            late.append(event)
    # Counting is enough for the progress; only a checklist with something late is listed (an
    # entry per must-meet person), to show what is late.
    coming = [event for event in late if event.end > now]
    ended = [event for event in late if event.end <= now]
    entries = ChecklistService(workspace).entries_for(coming) if coming else {}
    if ended:  # what is due after the first day is stored items only: no self-ticking ones
        items = workspace.repos.checklist.for_events([e.id for e in ended if e.id])
        for event in ended:
            assert event.id is not None
            entries[event.id] = checklist_entries(event, items.get(event.id, []), [])
    overdue: list[tuple[Event, ChecklistEntry]] = []
    for event in late:
        assert event.id is not None
        overdue.extend(
            (event, entry) for entry in entries[event.id] if still_late(event, entry, now, today)
        )
    overdue.sort(key=lambda pair: (pair[1].due, pair[0].start))
    return Dashboard(
        upcoming=upcoming,
        overdue=overdue,
        balance=GoalService(workspace).balance(),
        late_follow_ups=late_follow_ups(workspace.db, today),
    )
