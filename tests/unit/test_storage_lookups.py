"""storage: the lookups the services ask for by name (app_state, the sample's rows, who is on
a list, a person's links, the "not the same" pairs), and the listings the GUI's tables read
through services.listings, on the workspace and on a worker's own connection."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from planner.domain.enums import InteractionKind
from planner.domain.ids import EventId, PersonId
from planner.domain.model import Attendance, Event, FollowUp, Interaction, Person
from planner.services.listings import (
    attendee_count,
    attendee_listings,
    follow_up_listings,
    people_count,
    people_listings,
    people_on_list,
)
from planner.services.workspace import Workspace
from planner.storage.app_state import set_state, state_value
from planner.storage.attendances import AttendanceRepository
from planner.storage.checklist import ChecklistRepository
from planner.storage.followups import interactions_of_one
from planner.storage.people import (
    PersonRepository,
    is_not_duplicate,
    people_for_comparing,
    remembered_not_duplicates,
)
from planner.storage.sample import delete_sample, has_events, sample_left

START = datetime(2026, 5, 4, 9, tzinfo=UTC)


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(tmp_path / "data") as workspace:
        yield workspace


def _event(workspace: Workspace, name: str = "Summit", *, sample: bool = False) -> EventId:
    event = workspace.repos.events.add(
        Event(name, START, START + timedelta(hours=8), "UTC", is_sample=sample)
    )
    assert event.id is not None
    return event.id


def _people(workspace: Workspace, *names: str, sample: bool = False) -> list[PersonId]:
    people = workspace.repos.people.add_many(Person(full_name=n, is_sample=sample) for n in names)
    return [p.id for p in people if p.id is not None]


def test_app_state_keeps_a_value_once(workspace: Workspace) -> None:
    conn = workspace.db.connection
    assert state_value(conn, "a key") is None
    set_state(conn, "a key", "1")
    assert state_value(conn, "a key") == "1"
    with pytest.raises(sqlite3.IntegrityError):
        set_state(conn, "a key", "2")
    assert state_value(conn, "a key") == "1"


def test_the_sample_rows_go_and_an_adopted_sample_person_stays(workspace: Workspace) -> None:
    conn = workspace.db.connection
    assert not has_events(conn) and not sample_left(conn)
    sample_event = _event(workspace, "Sample", sample=True)
    own_event = _event(workspace, "Mine")
    kept, gone = _people(workspace, "Kept", "Gone", sample=True)
    workspace.repos.attendances.add(Attendance(own_event, kept))
    workspace.repos.attendances.add(Attendance(sample_event, gone))
    assert has_events(conn) and sample_left(conn)
    with workspace.db.transaction() as tx:
        assert delete_sample(tx) == 2  # the sample event and the person nobody adopted
    assert not sample_left(conn)
    assert [e.name for e in workspace.repos.events.all()] == ["Mine"]
    assert workspace.repos.people.get(kept).is_sample is False


def test_the_checklist_is_marked_filled_once_per_event(workspace: Workspace) -> None:
    checklist = ChecklistRepository(workspace.db)
    event_id = workspace.repos.events.add(
        Event("Bare", START, START + timedelta(hours=1), "UTC")
    ).id
    assert event_id is not None
    assert checklist.generated(event_id) is False
    checklist.mark_generated(event_id)
    assert checklist.generated(event_id) is True
    assert checklist.generated(EventId(999)) is None


def test_who_of_some_people_is_on_a_list_and_their_names(workspace: Workspace) -> None:
    event_id = _event(workspace)
    ana, ben, cy = _people(workspace, "Ana", "Ben", "Cy")
    attendances = AttendanceRepository(workspace.db)
    attendances.add(Attendance(event_id, ana))
    attendances.add(Attendance(event_id, cy))
    assert attendances.on_list(event_id, [ana, ben]) == {ana}
    assert attendances.on_list(event_id, []) == set()
    assert attendances.person_names([ana, cy, PersonId(999)]) == {ana: "Ana", cy: "Cy"}


def test_a_persons_links_and_the_meetings_they_were_alone_in(workspace: Workspace) -> None:
    event_id = _event(workspace)
    ana, ben = _people(workspace, "Ana", "Ben")
    workspace.repos.attendances.add(Attendance(event_id, ana))
    workspace.repos.follow_ups.add(FollowUp(ana, date(2026, 6, 1), "Write", "uid-1@planner"))
    alone = workspace.repos.interactions.add(Interaction(START, InteractionKind.CALL, (ana,)))
    shared = workspace.repos.interactions.add(
        Interaction(START, InteractionKind.IN_PERSON, (ana, ben))
    )
    assert alone.id is not None and shared.id is not None
    assert PersonRepository(workspace.db).link_counts(ana) == (1, 1, 2)
    assert PersonRepository(workspace.db).link_counts(ben) == (0, 0, 1)
    conn = workspace.db.connection
    assert interactions_of_one(conn, [alone.id, shared.id]) == [alone.id]


def test_not_the_same_pairs_and_the_rows_compared(workspace: Workspace) -> None:
    ana, ben, cy = _people(workspace, "Ana", "Ben", "Cy")
    conn = workspace.db.connection
    conn.execute("INSERT INTO not_duplicate (first_id, second_id) VALUES (?, ?)", (ana, ben))
    assert remembered_not_duplicates(conn) == {(ana, ben)}
    assert remembered_not_duplicates(conn, [(ana, ben), (ben, cy)]) == {(ana, ben)}
    assert remembered_not_duplicates(conn, []) == set()
    assert is_not_duplicate(conn, (ana, ben)) and not is_not_duplicate(conn, (ben, cy))
    assert [row[:2] for row in people_for_comparing(conn)] == [
        (ana, "Ana"),
        (ben, "Ben"),
        (cy, "Cy"),
    ]


def test_the_listings_read_the_same_on_a_workers_own_connection(folder: Workspace) -> None:
    event_id = _event(folder)
    ana, ben = _people(folder, "Ana", "Ben")
    folder.repos.attendances.add(Attendance(event_id, ben))
    folder.repos.follow_ups.add(
        FollowUp(ben, date(2026, 6, 1), "Write", "uid-2@planner", event_id=event_id)
    )
    other = folder.second_connection()
    try:
        for target in (folder, other):
            assert [p.person.full_name for p in people_listings(target)] == ["Ana", "Ben"]
            assert [p.event_count for p in people_listings(target)] == [0, 1]
            assert people_count(target) == 2
            assert [a.full_name for a in attendee_listings(target, event_id)] == ["Ben"]
            assert attendee_count(target, event_id) == 1
            assert people_on_list(target, event_id) == {ben}
            assert [f.person_name for f in follow_up_listings(target)] == ["Ben"]
            assert [f.event_name for f in follow_up_listings(target, event_id)] == ["Summit"]
            assert follow_up_listings(target, EventId(999)) == []
    finally:
        other.close()
    assert ana not in people_on_list(folder, event_id)
