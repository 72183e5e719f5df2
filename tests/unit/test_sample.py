"""services.sample: seeded once, relative to "now", and removable without touching user data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from planner.domain.enums import AttendanceStatus
from planner.domain.model import Attendance, Event, Person
from planner.services.sample import (
    PAST_NAME,
    UPCOMING_NAME,
    has_sample,
    remove_sample,
    seed_on_first_run,
    seed_sample,
)
from planner.services.workspace import Workspace
from planner.storage.sample import SAMPLE_LEFT

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
TABLES = (
    "event",
    "person",
    "goal",
    "attendance",
    "attendance_goal",
    "checklist_item",
    "interaction",
    "interaction_person",
    "follow_up",
)


def counts(workspace: Workspace) -> dict[str, int]:
    conn = workspace.db.connection
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def everything(workspace: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    conn = workspace.db.connection
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}


def add_user_data(workspace: Workspace) -> tuple[Event, Person, Attendance]:
    repos = workspace.repos
    event = repos.events.add(
        Event(
            name="My own conference",
            start=datetime(2026, 9, 1, 9, tzinfo=UTC),
            end=datetime(2026, 9, 1, 17, tzinfo=UTC),
            timezone="UTC",
        )
    )
    person = repos.people.add(Person(full_name="Ana Real"))
    assert event.id is not None and person.id is not None
    attendance = repos.attendances.add(Attendance(event_id=event.id, person_id=person.id))
    return event, person, attendance


def sample_events(workspace: Workspace) -> dict[str, Event]:
    return {event.name: event for event in workspace.repos.events.all() if event.is_sample}


# --- seeding once ----------------------------------------------------------------------------


def test_first_run_seeds_the_sample(workspace: Workspace) -> None:
    assert not has_sample(workspace)
    assert seed_on_first_run(workspace, NOW) is True
    assert has_sample(workspace)
    assert sorted(sample_events(workspace)) == sorted([UPCOMING_NAME, PAST_NAME])
    assert counts(workspace)["person"] == 10


def test_asking_whether_the_sample_is_left_reads_no_list(workspace: Workspace) -> None:
    plan = workspace.db.connection.execute(f"EXPLAIN QUERY PLAN {SAMPLE_LEFT}").fetchall()
    steps = [step[-1] for step in plan]
    assert any("person USING" in step and "INDEX person_sample" in step for step in steps)
    assert not any(step == "SCAN person" for step in steps)


def test_second_run_seeds_nothing(workspace: Workspace) -> None:
    assert seed_on_first_run(workspace, NOW)
    before = everything(workspace)
    assert seed_on_first_run(workspace, NOW) is False
    assert seed_on_first_run(workspace, NOW + timedelta(days=400)) is False
    assert everything(workspace) == before


def test_removing_the_sample_is_final(workspace: Workspace) -> None:
    assert seed_on_first_run(workspace, NOW)
    remove_sample(workspace)
    assert seed_on_first_run(workspace, NOW) is False
    assert not has_sample(workspace)
    assert counts(workspace)["event"] == 0


def test_an_existing_database_with_events_is_not_seeded_but_remembered(
    workspace: Workspace,
) -> None:
    event, _, _ = add_user_data(workspace)
    before = everything(workspace)

    assert seed_on_first_run(workspace, NOW) is False

    assert everything(workspace) == before
    assert not has_sample(workspace)
    # Recorded: even once the user's events are gone, no sample appears later.
    assert event.id is not None
    workspace.repos.events.delete(event.id)
    assert seed_on_first_run(workspace, NOW) is False
    assert not has_sample(workspace)
    assert workspace.db.connection.execute(
        "SELECT value FROM app_state WHERE key = 'sample_seeded'"
    ).fetchall() == [("1",)]


def test_first_run_state_survives_a_restart(tmp_path: Path) -> None:
    with Workspace.open(tmp_path) as workspace:
        assert seed_on_first_run(workspace, NOW)
    with Workspace.open(tmp_path) as workspace:
        assert seed_on_first_run(workspace, NOW) is False
        assert has_sample(workspace)
        assert counts(workspace)["event"] == 2


def test_has_sample_sees_sample_people_alone(workspace: Workspace) -> None:
    workspace.repos.people.add(Person(full_name="Sample Sam", is_sample=True))
    assert has_sample(workspace)
    workspace.repos.people.add(Person(full_name="Real Rita"))
    remove_sample(workspace)
    assert not has_sample(workspace)
    assert [p.full_name for p in workspace.repos.people.all()] == ["Real Rita"]


# --- what the sample contains ----------------------------------------------------------------


@pytest.fixture
def seeded(workspace: Workspace) -> Workspace:
    seed_sample(workspace, NOW)
    return workspace


def test_one_event_is_upcoming_and_one_is_past(seeded: Workspace) -> None:
    events = sample_events(seeded)
    upcoming, past = events[UPCOMING_NAME], events[PAST_NAME]
    assert NOW < upcoming.start < upcoming.end
    assert past.start < past.end < NOW
    assert upcoming.start - NOW < timedelta(days=30)
    assert NOW - past.end < timedelta(days=30)
    # Each event reads in its venue's zone.
    assert upcoming.timezone == "Europe/Lisbon"
    assert upcoming.local_start.hour == 9
    assert past.local_start.hour == 17


@pytest.mark.parametrize(
    "now",
    [
        datetime(2026, 3, 28, 23, 30, tzinfo=UTC),  # around the European DST change
        datetime(2026, 12, 31, 23, 59, tzinfo=UTC),  # over the year end
        datetime(2030, 2, 28, 6, 0, tzinfo=UTC),
    ],
)
def test_the_sample_is_always_relative_to_now(workspace: Workspace, now: datetime) -> None:
    seed_sample(workspace, now)
    events = sample_events(workspace)
    assert events[UPCOMING_NAME].start > now
    assert events[PAST_NAME].end < now


def test_the_upcoming_event_has_goals_attendees_and_a_checklist(seeded: Workspace) -> None:
    repos = seeded.repos
    upcoming = sample_events(seeded)[UPCOMING_NAME]
    assert upcoming.id is not None
    goals = repos.goals.for_event(upcoming.id)
    attendances = repos.attendances.for_event(upcoming.id)
    assert len(goals) >= 2
    assert len(attendances) >= 3
    goal_ids = {goal.id for goal in goals}
    assert any(a.goal_ids for a in attendances)
    assert all(a.goal_ids <= goal_ids for a in attendances)  # links stay within the event
    assert all(a.status is AttendanceStatus.TO_MEET for a in attendances)
    assert repos.checklist.for_event(upcoming.id)
    people = {p.id: p for p in repos.people.all()}
    assert all(people[a.person_id].is_sample for a in attendances)


def test_the_past_event_has_people_met_interactions_and_follow_ups(seeded: Workspace) -> None:
    repos = seeded.repos
    past = sample_events(seeded)[PAST_NAME]
    assert past.id is not None
    attendances = repos.attendances.for_event(past.id)
    met = [a.person_id for a in attendances if a.status is AttendanceStatus.MET]
    assert met
    for person_id in met:
        interactions = repos.interactions.for_person(person_id)
        assert [i.event_id for i in interactions] == [past.id]
        assert interactions[0].occurred_at < NOW
    follow_ups = repos.follow_ups.for_event(past.id)
    assert follow_ups
    assert {f.person_id for f in follow_ups} <= set(met)
    uids = [item.follow_up.uid for item in repos.follow_ups.listings()]
    assert len(uids) == len(set(uids)) == len(follow_ups)
    assert all(uid.endswith("@networking-planner.local") for uid in uids)


def test_a_second_sample_gets_new_calendar_uids(workspace: Workspace) -> None:
    seed_sample(workspace, NOW)
    first = {item.follow_up.uid for item in workspace.repos.follow_ups.listings()}
    remove_sample(workspace)
    seed_sample(workspace, NOW)
    second = {item.follow_up.uid for item in workspace.repos.follow_ups.listings()}
    assert first and second
    assert first.isdisjoint(second)


# --- removing it -----------------------------------------------------------------------------


def test_remove_sample_keeps_the_users_own_data(workspace: Workspace) -> None:
    seed_sample(workspace, NOW)
    event, person, attendance = add_user_data(workspace)

    removed = remove_sample(workspace)

    assert removed == 2 + 10  # events + people deleted directly
    assert not has_sample(workspace)
    repos = workspace.repos
    assert repos.events.all() == [event]
    assert repos.people.all() == [person]
    assert event.id is not None
    assert repos.attendances.for_event(event.id) == [attendance]
    totals = counts(workspace)
    for table in ("goal", "attendance_goal", "checklist_item", "interaction_person", "follow_up"):
        assert totals[table] == 0, table
    assert totals["attendance"] == 1
    assert workspace.db.connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_remove_sample_when_there_is_none_changes_nothing(workspace: Workspace) -> None:
    add_user_data(workspace)
    before = everything(workspace)
    assert remove_sample(workspace) == 0
    assert everything(workspace) == before


def test_remove_sample_leaves_no_sample_interactions(workspace: Workspace) -> None:
    seed_sample(workspace, NOW)
    remove_sample(workspace)
    assert counts(workspace)["interaction"] == 0


def _own_event(workspace: Workspace) -> Event:
    return workspace.repos.events.add(
        Event(
            name="My conference",
            start=NOW + timedelta(days=20),
            end=NOW + timedelta(days=21),
            timezone="Europe/Lisbon",
        )
    )


def test_a_sample_person_put_on_one_of_the_users_lists_stays_when_the_sample_goes(
    workspace: Workspace,
) -> None:
    from planner.services.people import add_to_event

    seed_sample(workspace, NOW)
    mine = _own_event(workspace)
    assert mine.id is not None
    noa = next(p for p in workspace.repos.people.all() if p.full_name == "Noa Levi")
    assert noa.id is not None and noa.is_sample
    add_to_event(workspace, mine.id, [noa.id])

    remove_sample(workspace)

    kept = workspace.repos.people.all()
    assert [(p.full_name, p.is_sample) for p in kept] == [("Noa Levi", False)]
    assert [a.person_id for a in workspace.repos.attendances.for_event(mine.id)] == [noa.id]
    assert not has_sample(workspace)


def test_a_sample_person_merged_with_someone_of_the_users_is_the_users(
    workspace: Workspace,
) -> None:
    from planner.services.people import add_person, merge_people

    seed_sample(workspace, NOW)
    mine = add_person(workspace, Person(full_name="Noa Levi", phone="+972501234567"))
    sample = [p for p in workspace.repos.people.all() if p.is_sample]
    noa = next(p for p in sample if p.full_name == "Noa Levi")
    assert noa.id is not None
    merge_people(workspace, noa.id, mine.person_id)  # the sample's details kept
    assert not workspace.repos.people.get(noa.id).is_sample
    two = [p.id for p in sample if p.full_name in ("Elin Berg", "Jonas Lind")]
    assert two[0] is not None and two[1] is not None
    merge_people(workspace, two[0], two[1])  # two sample people stay sample
    assert workspace.repos.people.get(two[0]).is_sample

    remove_sample(workspace)

    kept = workspace.repos.people.get(noa.id)
    assert (kept.full_name, kept.phone) == ("Noa Levi", "+972501234567")


def test_the_sample_writes_every_name_as_its_people_would(workspace: Workspace) -> None:
    """A full name is its parts joined as their script joins them: 田中美咲 without a space."""
    from planner.domain.names import full_name_from_parts

    seed_sample(workspace, NOW)
    people = workspace.repos.people.all()
    assert "田中美咲" in {person.full_name for person in people}
    for person in people:
        if person.given_name and person.family_name:
            expected = full_name_from_parts(person.given_name, person.family_name)
            assert person.full_name == expected
