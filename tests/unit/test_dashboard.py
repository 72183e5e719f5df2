"""Home's figures are counted by the database: they must equal what listing every checklist
entry and every planned attendance (the obvious computation) gives, on awkward data."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.domain.checklist import (
    WHITESPACE,
    ChecklistEntry,
    PlanCounts,
    Progress,
    has_research,
    prep_progress,
)
from planner.domain.enums import AttendanceStatus, FollowUpStatus, NetworkType, PriorityTier
from planner.domain.goals import GoalProgress, goal_progress
from planner.domain.ids import EventId, GoalId
from planner.domain.model import Attendance, Event, Goal, Person
from planner.services.checklist import ChecklistService
from planner.services.dashboard import Dashboard, UpcomingEvent, build_dashboard
from planner.services.events import EventService
from planner.services.goals import GoalService
from planner.services.workspace import Workspace
from planner.storage.overdue import LateFollowUp

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
ZONES = ("Europe/Lisbon", "America/New_York", "Pacific/Auckland", "Asia/Tokyo", "UTC")
NOTES = ("", " ", "\n\t", "\u3000", "\xa0\u2003", "\u200b", "Met at a meetup", " x ", "\u3000x")


def reference_dashboard(workspace: Workspace, now: datetime, today: date) -> Dashboard:
    """Home as it was computed before the counting queries: every entry listed."""
    recent = [e for e in workspace.repos.events.all() if e.end > now - timedelta(days=45)]
    events = [e for e in recent if e.end > now]
    ids = [e.id for e in events if e.id is not None]
    entries = ChecklistService(workspace).entries_for(recent)
    goals = workspace.repos.goals.for_events(ids)
    attendances = workspace.repos.attendances.for_events(ids, planned_only=True)
    upcoming = []
    overdue: list[tuple[Event, ChecklistEntry]] = []
    for event in events:
        assert event.id is not None
        mine = entries[event.id]
        progress = goal_progress(goals.get(event.id, []), attendances.get(event.id, []))
        upcoming.append(UpcomingEvent(event, prep_progress(mine), progress))
    for event in recent:  # of those ended within 45 days, what was due after their first day
        assert event.id is not None
        overdue.extend(
            (event, entry)
            for entry in entries[event.id]
            if entry.is_overdue(today) and (event.end > now or entry.due > event.local_start.date())
        )
    overdue.sort(key=lambda pair: (pair[1].due, pair[0].start))
    late = [
        LateFollowUp(
            f.follow_up.id,
            f.follow_up.due,
            f.follow_up.action,
            f.person_name,
            f.follow_up.event_id,
            f.event_name,
        )
        for f in workspace.repos.follow_ups.listings()
        if f.follow_up.status == FollowUpStatus.OPEN
        and f.follow_up.due < today
        and f.follow_up.id is not None
    ]
    late.sort(key=lambda f: (f.due, f.id))
    return Dashboard(
        upcoming=upcoming,
        overdue=overdue,
        balance=GoalService(workspace).balance(),
        late_follow_ups=late,
    )


def fill(workspace: Workspace, seed: int) -> list[Event]:
    """Events around NOW with ticked items, goals, must-meet people with and without notes
    (whitespace of every kind counts as none), and links within and across events."""
    rng = random.Random(seed)
    events = EventService(workspace)
    checklist = ChecklistService(workspace)
    goal_service = GoalService(workspace)
    made: list[Event] = []
    all_goals: list[Goal] = []
    for n in range(8):
        zone = rng.choice(ZONES)
        start = (NOW + timedelta(days=rng.randint(-40, 20), hours=rng.randint(-12, 12))).astimezone(
            ZoneInfo(zone)
        )
        event = events.create(
            Event(
                name=f"Event {n}",
                start=start,
                end=start + timedelta(hours=rng.choice((1, 8, 30))),
                timezone=zone,
            )
        )
        assert event.id is not None
        made.append(event)
        for item_id in checklist.order(event.id):
            if rng.random() < 0.3:
                checklist.set_done(item_id, True)
        if rng.random() < 0.3:
            checklist.add_item(event.id, "Book the train", rng.randint(-30, 3))
        for g in range(rng.randint(0, 3)):
            all_goals.append(
                goal_service.create(
                    Goal(
                        event_id=event.id,
                        text=f"Goal {g}",
                        network_type=rng.choice(list(NetworkType)),
                        target_count=rng.randint(0, 3),
                    )
                )
            )
    for n in range(120):
        event = rng.choice(made)
        assert event.id is not None
        person = workspace.repos.people.add(Person(full_name=f"Person {n}"))
        assert person.id is not None
        own = [g for g in all_goals if g.event_id == event.id]
        # Mostly the event's own goals; now and then a goal of another event (not counted).
        pool = own + ([rng.choice(all_goals)] if all_goals and rng.random() < 0.2 else [])
        linked = {g.id for g in pool if g.id is not None and rng.random() < 0.4}
        workspace.repos.attendances.add(
            Attendance(
                event_id=event.id,
                person_id=person.id,
                tier=rng.choice(list(PriorityTier)),
                status=rng.choice(list(AttendanceStatus)),
                research_notes=rng.choice(NOTES),
                goal_ids=frozenset(GoalId(g) for g in linked),
            )
        )
    return made


def test_whitespace_is_what_str_isspace_says() -> None:
    spaces = "".join(ch for ch in map(chr, range(0x110000)) if ch.isspace())
    assert spaces == WHITESPACE
    assert not has_research(spaces) and has_research(" \u200b ")  # zero-width space is text


@pytest.mark.parametrize("seed", range(6))
def test_counts_equal_the_listed_checklist(workspace: Workspace, seed: int) -> None:
    events = fill(workspace, seed)
    ids = [e.id for e in events if e.id is not None]
    counts = workspace.repos.checklist.plan_counts(ids)
    entries = ChecklistService(workspace).entries_for(events)
    for event in events:
        assert event.id is not None
        mine = entries[event.id]
        assert counts[event.id].progress == prep_progress(mine)
        open_offsets = [e.due_offset_days for e in mine if not e.done]
        assert counts[event.id].earliest_open_offset == min(open_offsets, default=None)
        for today in (NOW.date() + timedelta(days=d) for d in range(-40, 45, 3)):
            late = any(e.is_overdue(today) for e in mine)
            assert counts[event.id].has_overdue(event, today) == late
            after = any(e.is_overdue(today) and e.due_offset_days > 0 for e in mine)
            assert counts[event.id].has_overdue_after_start(event, today) == after


@pytest.mark.parametrize("seed", range(6))
def test_goal_progress_equals_the_listed_attendances(workspace: Workspace, seed: int) -> None:
    events = fill(workspace, seed)
    ids = [e.id for e in events if e.id is not None]
    goals = workspace.repos.goals.for_events(ids)
    attendances = workspace.repos.attendances.for_events(ids, planned_only=True)
    progress = GoalService(workspace).progress_for(ids)
    for event_id in ids:
        expected = goal_progress(goals.get(event_id, []), attendances.get(event_id, []))
        assert progress[event_id] == expected


@pytest.mark.parametrize("seed", range(6))
def test_dashboard_equals_the_obvious_computation(workspace: Workspace, seed: int) -> None:
    fill(workspace, seed)
    for days in (-10, -3, 0, 2, 7, 30):
        today = NOW.date() + timedelta(days=days)
        assert build_dashboard(workspace, NOW, today) == reference_dashboard(workspace, NOW, today)


def test_upcoming_events_are_those_not_over(workspace: Workspace) -> None:
    fill(workspace, 0)
    events = EventService(workspace)
    for minutes in (-60, 0, 1):  # ended an hour ago, ends exactly at NOW, a minute later
        events.create(
            Event(
                name=f"Ends {minutes}",
                start=NOW - timedelta(hours=2),
                end=NOW + timedelta(minutes=minutes),
                timezone="Asia/Tokyo",
            )
        )
    every = workspace.repos.events.all()
    for now in (NOW, NOW + timedelta(microseconds=1), NOW - timedelta(microseconds=1)):
        expected = [e for e in every if e.end > now]
        assert workspace.repos.events.upcoming(now) == expected
    assert "Ends 0" in {e.name for e in workspace.repos.events.upcoming(NOW - timedelta(seconds=1))}
    assert "Ends 0" not in {e.name for e in workspace.repos.events.upcoming(NOW)}


def test_counts_of_events_without_anything(workspace: Workspace) -> None:
    event = EventService(workspace).create(
        Event(name="Bare", start=NOW, end=NOW + timedelta(hours=1), timezone="UTC")
    )
    assert event.id is not None
    for item_id in ChecklistService(workspace).order(event.id):
        ChecklistService(workspace).delete_item(item_id)
    missing = EventId(event.id + 100)
    counts = workspace.repos.checklist.plan_counts([event.id, missing])
    assert counts == {event.id: PlanCounts(), missing: PlanCounts()}
    assert counts[event.id].progress == Progress(0, 0)
    assert not counts[event.id].has_overdue(event, date(2030, 1, 1))
    assert GoalService(workspace).progress_for([event.id]) == {event.id: []}


def test_a_goal_linked_only_from_another_event_is_not_shortlisted(workspace: Workspace) -> None:
    events = EventService(workspace)
    first, second = (
        events.create(Event(name=name, start=NOW, end=NOW + timedelta(hours=1), timezone="UTC"))
        for name in ("First", "Second")
    )
    assert first.id is not None and second.id is not None
    goal = GoalService(workspace).create(
        Goal(event_id=first.id, text="Investors", network_type=NetworkType.STRATEGIC)
    )
    person = workspace.repos.people.add(Person(full_name="Ana"))
    assert goal.id is not None and person.id is not None
    workspace.repos.attendances.add(
        Attendance(
            event_id=second.id,
            person_id=person.id,
            status=AttendanceStatus.MET,
            goal_ids=frozenset({goal.id}),
        )
    )
    counts = workspace.repos.checklist.plan_counts([first.id])[first.id]
    assert (counts.goals, counts.goals_shortlisted) == (1, 0)
    assert GoalService(workspace).progress_for([first.id])[first.id] == [
        GoalProgress(goal, met=0, shortlisted=0)
    ]


def test_follow_ups_past_their_day_are_overdue_of_any_event_or_none(workspace: Workspace) -> None:
    """Home counts late follow-ups beside late preparation: an open one due before today,
    past events' too and one of no event; not one done or cancelled, nor one due today."""
    from planner.domain.model import FollowUp

    past = EventService(workspace).create(
        Event(
            name="Past Meetup",
            start=NOW - timedelta(days=20),
            end=NOW - timedelta(days=20) + timedelta(hours=3),
            timezone="UTC",
        )
    )
    person = workspace.repos.people.add(Person(full_name="Elin Berg"))
    assert person.id is not None
    today = NOW.date()
    for action, days, status, event_id in (
        ("Send the slides", -3, FollowUpStatus.OPEN, past.id),
        ("Call about the audit", -1, FollowUpStatus.OPEN, None),
        ("Thank-you note", -5, FollowUpStatus.DONE, past.id),
        ("Intro to Noa", -2, FollowUpStatus.CANCELLED, past.id),
        ("Coffee", 0, FollowUpStatus.OPEN, past.id),
    ):
        workspace.repos.follow_ups.add(
            FollowUp(
                person_id=person.id,
                due=today + timedelta(days=days),
                action=action,
                uid=action,
                status=status,
                event_id=event_id,
            )
        )
    late = build_dashboard(workspace, NOW, today).late_follow_ups
    assert [(f.action, f.person_name, f.event_name) for f in late] == [
        ("Send the slides", "Elin Berg", "Past Meetup"),
        ("Call about the audit", "Elin Berg", None),
    ]


def test_the_after_event_work_of_an_event_ended_within_45_days_is_overdue(
    workspace: Workspace,
) -> None:
    """The after-event items (write down whom you met, send the follow-ups) are what is late
    once an event is over, not its lapsed preparation; 45 days after its end nothing is."""
    service = EventService(workspace)
    made = {}
    for name, ended_days_ago in (("Last week", 7), ("Two months ago", 60)):
        end = NOW - timedelta(days=ended_days_ago)
        made[name] = service.create(
            Event(name=name, start=end - timedelta(hours=8), end=end, timezone="UTC")
        )
    dashboard = build_dashboard(workspace, NOW, NOW.date())
    assert dashboard.upcoming == []
    late = [(event.name, entry) for event, entry in dashboard.overdue]
    assert {name for name, _ in late} == {"Last week"}
    first_day = made["Last week"].local_start.date()
    assert {entry.due_offset_days for _, entry in late} == {1, 2}  # whom you met, follow-ups
    assert all(entry.due > first_day for _, entry in late)
    # The check-in a month on is late too once its day has passed; 45 days on, nothing is.
    later = NOW + timedelta(days=30)
    assert {
        entry.due_offset_days
        for _, entry in build_dashboard(workspace, later, later.date()).overdue
    } == {1, 2, 30}
    later = NOW + timedelta(days=39)
    assert build_dashboard(workspace, later, later.date()).overdue == []
