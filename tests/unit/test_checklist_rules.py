"""domain.checklist: due dates counted in venue days, the self-ticking items, the timeline."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.checklist import (
    RESEARCH_KEY,
    RESEARCH_OFFSET_DAYS,
    SHORTLIST_OFFSET_DAYS,
    ChecklistEntry,
    DynamicItem,
    Progress,
    checklist_entries,
    due_date,
    dynamic_items,
    offset_for,
    offset_label,
    prep_progress,
)
from planner.domain.enums import AttendanceStatus, NetworkType, PriorityTier, ResearchStatus
from planner.domain.ids import AttendanceId, ChecklistItemId, EventId, GoalId, PersonId
from planner.domain.model import Attendance, ChecklistItem, Event, Goal
from planner.services.workspace import Workspace

LISBON = ZoneInfo("Europe/Lisbon")
NEW_YORK = ZoneInfo("America/New_York")
AUCKLAND = ZoneInfo("Pacific/Auckland")
KIRITIMATI = ZoneInfo("Pacific/Kiritimati")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
EVENT_ID = EventId(1)


def event_at(start: datetime, zone: str, **changes: Any) -> Event:
    values: dict[str, Any] = {
        "name": "Conference",
        "start": start,
        "end": start + timedelta(hours=8),
        "timezone": zone,
        "id": EVENT_ID,
    }
    values.update(changes)
    return Event(**values)


def lisbon_morning() -> Event:
    """Opens at 09:00 on the day Lisbon moves its clocks forward (01:00 UTC → 02:00 WEST)."""
    return event_at(datetime(2026, 3, 29, 9, 0, tzinfo=LISBON), "Europe/Lisbon")


def lisbon_after_midnight() -> Event:
    """00:30 in Lisbon on 29 March, still the evening of 28 March in New York.

    Given as the New York wall clock on purpose: the zone the instant was typed in must not
    matter, only the venue's.
    """
    start = datetime(2026, 3, 28, 20, 30, tzinfo=NEW_YORK)
    assert start == datetime(2026, 3, 29, 0, 30, tzinfo=LISBON)
    return event_at(start, "Europe/Lisbon")


def item(
    text: str, offset: int, *, position: int = 0, done: bool = False, item_id: int | None = None
) -> ChecklistItem:
    return ChecklistItem(
        event_id=EVENT_ID,
        text=text,
        due_offset_days=offset,
        done=done,
        position=position,
        uid=f"{text}@test",
        id=None if item_id is None else ChecklistItemId(item_id),
    )


def goal(goal_id: int, text: str = "Meet investors", **changes: Any) -> Goal:
    values: dict[str, Any] = {
        "event_id": EVENT_ID,
        "text": text,
        "network_type": NetworkType.STRATEGIC,
        "id": GoalId(goal_id),
    }
    values.update(changes)
    return Goal(**values)


def attendance(attendance_id: int, person_id: int, **changes: Any) -> Attendance:
    values: dict[str, Any] = {
        "event_id": EVENT_ID,
        "person_id": PersonId(person_id),
        "id": AttendanceId(attendance_id),
    }
    values.update(changes)
    return Attendance(**values)


def dynamic(key: str, offset: int, done: bool = False) -> DynamicItem:
    return DynamicItem(key=key, text=key, due_offset_days=offset, done=done)


# --- offset labels ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("offset", "label"),
    [(-14, "T-14"), (-1, "T-1"), (0, "T"), (1, "T+1"), (30, "T+30"), (-366, "T-366")],
)
def test_offset_label(offset: int, label: str) -> None:
    assert offset_label(offset) == label


# --- due dates in venue days -----------------------------------------------------------------


def test_due_dates_on_the_lisbon_dst_change_day() -> None:
    event = lisbon_morning()
    assert event.start.astimezone(UTC) == datetime(2026, 3, 29, 8, 0, tzinfo=UTC)
    assert due_date(event, 0) == date(2026, 3, 29)
    assert due_date(event, -1) == date(2026, 3, 28)
    assert due_date(event, -14) == date(2026, 3, 15)
    assert due_date(event, 1) == date(2026, 3, 30)
    assert offset_for(event, date(2026, 3, 28)) == -1
    assert offset_for(event, date(2026, 3, 15)) == -14
    assert offset_for(event, date(2026, 3, 30)) == 1


def test_an_after_midnight_lisbon_start_counts_from_the_lisbon_date() -> None:
    event = lisbon_after_midnight()
    # In New York (where the user may be) it is still the 28th.
    assert event.start.astimezone(NEW_YORK).date() == date(2026, 3, 28)
    assert event.start.astimezone(UTC).date() == date(2026, 3, 29)
    assert event.local_start.date() == date(2026, 3, 29)
    assert due_date(event, 0) == date(2026, 3, 29)
    assert due_date(event, -1) == date(2026, 3, 28)
    assert due_date(event, -14) == date(2026, 3, 15)
    assert due_date(event, 1) == date(2026, 3, 30)


def test_the_zone_the_start_was_given_in_does_not_matter() -> None:
    lisbon_typed = event_at(datetime(2026, 3, 29, 0, 30, tzinfo=LISBON), "Europe/Lisbon")
    new_york_typed = lisbon_after_midnight()
    utc_typed = event_at(datetime(2026, 3, 29, 0, 30, tzinfo=UTC), "Europe/Lisbon")
    for offset in (-14, -1, 0, 1):
        expected = date(2026, 3, 29) + timedelta(days=offset)
        assert due_date(lisbon_typed, offset) == expected
        assert due_date(new_york_typed, offset) == expected
        assert due_date(utc_typed, offset) == expected


def test_due_dates_survive_a_round_trip_through_storage(workspace: Workspace) -> None:
    saved = workspace.repos.events.add(replace(lisbon_after_midnight(), id=None))
    assert saved.id is not None
    loaded = workspace.repos.events.get(saved.id)
    assert loaded.timezone == "Europe/Lisbon"
    assert due_date(loaded, -1) == date(2026, 3, 28)
    assert due_date(loaded, 1) == date(2026, 3, 30)


def test_overdue_depends_on_the_users_today_not_the_venue_clock() -> None:
    event = lisbon_morning()
    (entry,) = checklist_entries(event, [item("Pack", -1)], [])
    assert entry.due == date(2026, 3, 28)
    # 01:30 UTC: the 29th in Lisbon (02:30 WEST), still the 28th in New York (21:30 EDT).
    moment = datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    today_new_york = moment.astimezone(NEW_YORK).date()
    today_lisbon = moment.astimezone(LISBON).date()
    assert today_new_york == date(2026, 3, 28)
    assert today_lisbon == date(2026, 3, 29)
    assert not entry.is_overdue(today_new_york)  # due today is not late
    assert entry.is_overdue(today_lisbon)
    assert not entry.is_overdue(date(2026, 3, 27))


def test_a_done_item_is_never_overdue() -> None:
    (entry,) = checklist_entries(lisbon_morning(), [item("Pack", -1, done=True)], [])
    assert not entry.is_overdue(date(2030, 1, 1))


@pytest.mark.parametrize(
    ("start", "zone", "venue_day", "utc_day"),
    [
        # 08:00 NZST is 20:00 UTC the day before.
        (datetime(2026, 6, 1, 8, 0, tzinfo=AUCKLAND), "Pacific/Auckland", 1, 31),
        # UTC+14: 09:00 is 19:00 UTC the day before.
        (datetime(2026, 6, 1, 9, 0, tzinfo=KIRITIMATI), "Pacific/Kiritimati", 1, 31),
        # 22:00 PDT is 05:00 UTC the next day.
        (datetime(2026, 6, 1, 22, 0, tzinfo=LOS_ANGELES), "America/Los_Angeles", 1, 2),
    ],
    ids=["auckland-morning", "kiritimati-morning", "los-angeles-late-evening"],
)
def test_the_venue_day_wins_over_the_utc_day(
    start: datetime, zone: str, venue_day: int, utc_day: int
) -> None:
    event = event_at(start, zone)
    assert event.start.astimezone(UTC).day == utc_day
    assert event.start.astimezone(UTC).date() != event.local_start.date()
    assert due_date(event, 0) == date(2026, 6, venue_day)
    assert due_date(event, -1) == date(2026, 5, 31)
    assert due_date(event, 1) == date(2026, 6, 2)
    assert offset_for(event, date(2026, 6, venue_day)) == 0


def test_auckland_event_given_as_utc_instant() -> None:
    event = event_at(datetime(2026, 5, 31, 20, 0, tzinfo=UTC), "Pacific/Auckland")
    assert due_date(event, 0) == date(2026, 6, 1)
    assert due_date(event, -7) == date(2026, 5, 25)


@pytest.mark.parametrize(
    ("start", "before", "day", "after"),
    [
        # Spring forward: 02:00 → 03:00 on 8 March.
        (datetime(2026, 3, 8, 9, 0), date(2026, 3, 7), date(2026, 3, 8), date(2026, 3, 9)),
        # Early on the change day, before the gap.
        (datetime(2026, 3, 8, 1, 30), date(2026, 3, 7), date(2026, 3, 8), date(2026, 3, 9)),
        # Fall back: 02:00 → 01:00 on 1 November.
        (datetime(2026, 11, 1, 9, 0), date(2026, 10, 31), date(2026, 11, 1), date(2026, 11, 2)),
        # 23:30 the night before the change, when UTC is already on the change day.
        (
            datetime(2026, 10, 31, 23, 30),
            date(2026, 10, 30),
            date(2026, 10, 31),
            date(2026, 11, 1),
        ),
    ],
    ids=["spring-morning", "spring-before-gap", "fall-morning", "fall-eve"],
)
def test_us_dst_change_days(start: datetime, before: date, day: date, after: date) -> None:
    event = event_at(start.replace(tzinfo=NEW_YORK), "America/New_York")
    assert due_date(event, -1) == before
    assert due_date(event, 0) == day
    assert due_date(event, 1) == after
    assert due_date(event, -14) == day - timedelta(days=14)


@pytest.mark.parametrize("fold", [0, 1])
def test_the_repeated_hour_of_the_us_fall_back_is_the_same_day(fold: int) -> None:
    start = datetime(2026, 11, 1, 1, 30, tzinfo=NEW_YORK, fold=fold)
    event = event_at(start, "America/New_York")
    assert due_date(event, 0) == date(2026, 11, 1)
    assert due_date(event, -1) == date(2026, 10, 31)


# Starts far enough from the calendar's ends for any zone's offset.
starts = st.datetimes(
    min_value=datetime(1900, 1, 2), max_value=datetime(2200, 1, 1), timezones=st.timezones()
)


@settings(max_examples=120, deadline=None, database=None)
@given(start=starts, zone=st.timezones(), day=st.dates())
def test_due_date_inverts_offset_for(start: datetime, zone: ZoneInfo, day: date) -> None:
    event = event_at(start, zone.key)
    assert due_date(event, offset_for(event, day)) == day


@settings(max_examples=120, deadline=None, database=None)
@given(start=starts, zone=st.timezones(), offset=st.integers(min_value=-3660, max_value=3660))
def test_offset_for_inverts_due_date(start: datetime, zone: ZoneInfo, offset: int) -> None:
    event = event_at(start, zone.key)
    assert offset_for(event, due_date(event, offset)) == offset
    assert due_date(event, offset) - due_date(event, 0) == timedelta(days=offset)


# --- dynamic items ---------------------------------------------------------------------------


def test_one_item_per_goal_done_once_someone_is_linked() -> None:
    investors, partner = goal(1, "Meet 3 investors"), goal(2, "Find a partner")
    linked = attendance(10, 100, goal_ids=frozenset({GoalId(2)}))
    items = dynamic_items([investors, partner], [linked], {})
    assert [(i.key, i.done, i.goal_id, i.attendance_id) for i in items] == [
        ("goal-shortlist-1", False, 1, None),
        ("goal-shortlist-2", True, 2, None),
    ]
    assert all(i.due_offset_days == SHORTLIST_OFFSET_DAYS for i in items)
    assert "Meet 3 investors" in items[0].text
    assert "Find a partner" in items[1].text


def test_a_goal_counts_as_shortlisted_whatever_the_persons_status() -> None:
    skipped = attendance(10, 100, status=AttendanceStatus.SKIPPED, goal_ids=frozenset({GoalId(1)}))
    (shortlist,) = dynamic_items([goal(1)], [skipped], {})
    assert shortlist.done


def test_no_goals_and_no_attendances_give_no_items() -> None:
    assert dynamic_items([], [], {}) == []


def test_one_research_item_for_the_must_meet_people_ticks_itself_when_all_are_researched() -> None:
    people = [
        attendance(10, 100, tier=PriorityTier.MUST_MEET),
        attendance(11, 101, tier=PriorityTier.MUST_MEET, research_status=ResearchStatus.DONE),
        attendance(12, 102, tier=PriorityTier.SHOULD_MEET),
        attendance(13, 103),  # no tier pinned: the score suggests one
    ]
    (item,) = dynamic_items([], people, {})
    assert (item.key, item.done, item.attendance_id, item.goal_id) == (
        RESEARCH_KEY,
        False,
        None,
        None,
    )
    assert item.text == "Research the must-meet people (1 of 2 done)"
    assert item.due_offset_days == RESEARCH_OFFSET_DAYS
    people[0] = replace(people[0], research_status=ResearchStatus.DONE)
    (item,) = dynamic_items([], people, {})
    assert item.done and item.text == "Research the must-meet people (2 of 2 done)"


@pytest.mark.parametrize("status", [ResearchStatus.NOT_STARTED, ResearchStatus.IN_PROGRESS])
def test_research_not_done_or_notes_alone_leave_the_item_open(status: ResearchStatus) -> None:
    (research,) = dynamic_items(
        [],
        [
            attendance(
                10, 100, tier=PriorityTier.MUST_MEET, research_status=status, research_notes="x"
            )
        ],
        {},
    )
    assert not research.done


def test_no_must_meet_person_gives_no_research_item() -> None:
    assert dynamic_items([], [attendance(10, 100, tier=PriorityTier.SHOULD_MEET)], {}) == []


def test_keys_are_stable_and_distinct() -> None:
    goals = [goal(1), goal(2)]
    people = [
        attendance(1, 100, tier=PriorityTier.MUST_MEET),
        attendance(2, 101, tier=PriorityTier.MUST_MEET),
    ]
    first = dynamic_items(goals, people, {})
    # Later state (someone linked, notes written, a name known) keeps every key.
    second = dynamic_items(
        goals,
        [
            attendance(1, 100, tier=PriorityTier.MUST_MEET, goal_ids=frozenset({GoalId(1)})),
            attendance(2, 101, tier=PriorityTier.MUST_MEET, research_notes="x"),
        ],
        {PersonId(100): "Ana"},
    )
    assert [i.key for i in first] == [i.key for i in second]
    keys = [i.key for i in first]
    assert len(set(keys)) == len(keys) == 3
    assert keys == ["goal-shortlist-1", "goal-shortlist-2", RESEARCH_KEY]


def test_a_linked_must_meet_person_gives_both_items() -> None:
    person = attendance(5, 100, tier=PriorityTier.MUST_MEET, goal_ids=frozenset({GoalId(1)}))
    items = dynamic_items([goal(1)], [person], {PersonId(100): "Noa Levi"})
    assert [(i.key, i.done) for i in items] == [("goal-shortlist-1", True), (RESEARCH_KEY, False)]


# --- the checklist as shown ------------------------------------------------------------------


def test_stored_items_come_in_position_order() -> None:
    items = [
        item("third", -14, position=2, item_id=1),
        item("first", 5, position=0, item_id=2),
        item("second", -20, position=1, item_id=3),
    ]
    entries = checklist_entries(lisbon_morning(), items, [])
    assert [e.text for e in entries] == ["first", "second", "third"]
    assert [e.item_id for e in entries] == [2, 3, 1]
    assert [e.due for e in entries] == [date(2026, 4, 3), date(2026, 3, 9), date(2026, 3, 15)]
    assert not any(e.is_dynamic for e in entries)


def test_equal_positions_fall_back_to_id_order() -> None:
    items = [item("b", 0, item_id=7), item("a", 0, item_id=3)]
    assert [e.text for e in checklist_entries(lisbon_morning(), items, [])] == ["a", "b"]


def test_dynamic_entries_are_placed_on_the_timeline() -> None:
    items = [
        item("T-14", -14, position=0, item_id=1),
        item("T-7", -7, position=1, item_id=2),
        item("T-5", -5, position=2, item_id=3),
        item("T-1", -1, position=3, item_id=4),
        item("T+1", 1, position=4, item_id=5),
    ]
    extras = [
        dynamic("research-1", RESEARCH_OFFSET_DAYS),
        dynamic("goal-shortlist-1", SHORTLIST_OFFSET_DAYS),
        dynamic("late", 10),
        dynamic("early", -30),
    ]
    entries = checklist_entries(lisbon_morning(), items, extras)
    assert [e.text for e in entries] == [
        "early",
        "T-14",
        "T-7",
        "goal-shortlist-1",  # after the stored item due the same day
        "T-5",
        "research-1",
        "T-1",
        "T+1",
        "late",
    ]
    dynamic_entries = [e for e in entries if e.is_dynamic]
    assert [e.item_id for e in dynamic_entries] == [None] * 4
    assert all(e.item is None and e.dynamic is not None for e in dynamic_entries)
    research = next(e for e in entries if e.text == "research-1")
    assert research.due == date(2026, 3, 26)
    assert research.due_offset_days == RESEARCH_OFFSET_DAYS


def test_dynamic_entries_alone_are_sorted_by_due_day() -> None:
    entries = checklist_entries(
        lisbon_morning(), [], [dynamic("b", -3), dynamic("a", -7), dynamic("c", 0)]
    )
    assert [e.text for e in entries] == ["a", "b", "c"]
    assert [e.due for e in entries] == [date(2026, 3, 22), date(2026, 3, 26), date(2026, 3, 29)]


def test_entries_carry_done_from_their_source() -> None:
    entries = checklist_entries(
        lisbon_morning(),
        [item("open", -1, position=0), item("ticked", -1, position=1, done=True)],
        [dynamic("auto", 0, done=True)],
    )
    assert [(e.text, e.done) for e in entries] == [
        ("open", False),
        ("ticked", True),
        ("auto", True),
    ]


def test_same_day_dynamic_entries_keep_the_goal_order() -> None:
    goals = [goal(9, "ninth"), goal(10, "tenth"), goal(11, "eleventh")]
    items = dynamic_items(goals, [], {})
    entries = checklist_entries(lisbon_morning(), [], items)
    assert [e.dynamic.goal_id for e in entries if e.dynamic] == [9, 10, 11]


# --- progress --------------------------------------------------------------------------------


def entries_with(done: int, open_: int) -> list[ChecklistEntry]:
    items = [item(f"d{n}", 0, done=True, position=n) for n in range(done)]
    items += [item(f"o{n}", 0, position=done + n) for n in range(open_)]
    return checklist_entries(lisbon_morning(), items, [])


@pytest.mark.parametrize(
    ("done", "open_", "fraction", "percent"),
    [(0, 0, 0.0, 0), (0, 3, 0.0, 0), (1, 2, 1 / 3, 33), (2, 1, 2 / 3, 67), (4, 0, 1.0, 100)],
)
def test_prep_progress(done: int, open_: int, fraction: float, percent: int) -> None:
    progress = prep_progress(entries_with(done, open_))
    assert progress == Progress(done=done, total=done + open_)
    assert progress.fraction == pytest.approx(fraction)
    assert progress.percent == percent


def test_progress_counts_dynamic_entries() -> None:
    entries = checklist_entries(
        lisbon_morning(),
        [item("stored", -1, done=True)],
        [dynamic("auto-done", -3, done=True), dynamic("auto-open", -7)],
    )
    assert prep_progress(entries) == Progress(done=2, total=3)
    assert prep_progress(iter(entries)) == Progress(done=2, total=3)  # any iterable
