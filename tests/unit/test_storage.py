"""storage: connection settings, transactions, and exact round trips of every domain type."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from planner.domain.enums import (
    AttendanceStatus,
    AttendeeRole,
    FollowUpStatus,
    InteractionKind,
    NetworkType,
    PriorityTier,
)
from planner.domain.ids import EventId, PersonId
from planner.domain.model import (
    Attendance,
    ChecklistItem,
    Event,
    FollowUp,
    Goal,
    Interaction,
    Person,
)
from planner.services.workspace import Repositories, Workspace
from planner.storage.database import Database
from planner.storage.errors import NotFoundError
from planner.storage.imports import INSERT_REVIEW
from planner.storage.schema import SCHEMA_VERSION
from tests.db_contents import every_row

TOKYO = ZoneInfo("Asia/Tokyo")
LISBON = ZoneInfo("Europe/Lisbon")
NEW_YORK = ZoneInfo("America/New_York")

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
    "app_state",
)


@pytest.fixture
def file_db(tmp_path: Path) -> Iterator[Database]:
    db = Database.open(tmp_path / "planner.sqlite3")
    yield db
    db.close()


@pytest.fixture
def repos(workspace: Workspace) -> Repositories:
    return workspace.repos


def count(db: Database, table: str) -> int:
    return int(db.connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def table_rows(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order, for exact before/after comparisons."""
    rows = every_row(db.connection)
    assert set(TABLES) <= set(rows)
    return rows


def sample_event(**changes: Any) -> Event:
    values: dict[str, Any] = {
        "name": "Tokyo FinTech Week",
        "start": datetime(2026, 3, 2, 9, 30, tzinfo=TOKYO),
        "end": datetime(2026, 3, 4, 18, 0, tzinfo=TOKYO),
        "timezone": "Asia/Tokyo",
        "venue": "Tokyo International Forum",
        "url": "https://fintech.example/tokyo",
        "notes": "Hall B\nBadge at desk 3",
    }
    values.update(changes)
    return Event(**values)


def assert_same_wall_clock(saved: datetime, original: datetime) -> None:
    assert saved == original
    assert saved.tzinfo == original.tzinfo
    assert saved.replace(tzinfo=None) == original.replace(tzinfo=None)
    assert saved.utcoffset() == original.utcoffset()


# --- connection settings ---------------------------------------------------------------------


def test_in_memory_database_has_foreign_keys_and_current_schema() -> None:
    db = Database.in_memory()
    try:
        assert db.connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.schema_version == SCHEMA_VERSION
        assert db.path is None
        assert db.integrity_ok()
        names = {
            row[0]
            for row in db.connection.execute("SELECT name FROM sqlite_schema WHERE type='table'")
        }
        assert set(TABLES) <= names
    finally:
        db.close()


def test_file_database_uses_wal_foreign_keys_and_current_schema(
    file_db: Database, tmp_path: Path
) -> None:
    conn = file_db.connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert file_db.schema_version == SCHEMA_VERSION
    assert file_db.path == tmp_path / "planner.sqlite3"
    assert file_db.integrity_ok()


def test_reopening_a_current_database_takes_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "planner.sqlite3"
    Database.open(path).close()
    db = Database.open(path)
    db.close()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".bak")) == []


def test_foreign_keys_are_enforced(workspace: Workspace) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        workspace.repos.goals.add(
            Goal(event_id=EventId(999), text="orphan", network_type=NetworkType.PERSONAL)
        )
    assert count(workspace.db, "goal") == 0


def test_event_table_refuses_an_end_before_start(workspace: Workspace) -> None:
    event = sample_event(end=datetime(2026, 3, 1, 9, 30, tzinfo=TOKYO))
    with pytest.raises(sqlite3.IntegrityError):
        workspace.repos.events.add(event)


# --- transactions ----------------------------------------------------------------------------


def insert_state(conn: sqlite3.Connection, key: str) -> None:
    conn.execute("INSERT INTO app_state (key, value) VALUES (?, 'x')", (key,))


def state_keys(db: Database) -> list[str]:
    """Keys the test wrote (the workspace records its own, e.g. templates_installed)."""
    rows = db.connection.execute(
        "SELECT key FROM app_state WHERE key != 'templates_installed' ORDER BY key"
    )
    return [row[0] for row in rows]


def test_transaction_commits(file_db: Database, tmp_path: Path) -> None:
    with file_db.transaction() as conn:
        insert_state(conn, "a")
    assert not file_db.connection.in_transaction
    # Visible to a second connection, so it really was committed.
    other = sqlite3.connect(tmp_path / "planner.sqlite3")
    try:
        assert other.execute("SELECT key FROM app_state").fetchall() == [("a",)]
    finally:
        other.close()


def test_transaction_rolls_back_on_exception(file_db: Database) -> None:
    with pytest.raises(RuntimeError, match="boom"), file_db.transaction() as conn:
        insert_state(conn, "a")
        assert state_keys(file_db) == ["a"]
        raise RuntimeError("boom")
    assert state_keys(file_db) == []
    assert not file_db.connection.in_transaction
    # The connection is usable afterwards.
    with file_db.transaction() as conn:
        insert_state(conn, "b")
    assert state_keys(file_db) == ["b"]


def test_transaction_rolls_back_on_sql_error(workspace: Workspace) -> None:
    db = workspace.db
    with pytest.raises(sqlite3.IntegrityError), db.transaction() as conn:
        insert_state(conn, "a")
        insert_state(conn, "a")  # primary key clash
    assert state_keys(db) == []


def test_nested_transaction_rolls_back_only_the_inner_savepoint(workspace: Workspace) -> None:
    db = workspace.db
    with db.transaction() as conn:
        insert_state(conn, "outer-before")
        with pytest.raises(ValueError), db.transaction() as inner:
            insert_state(inner, "inner")
            raise ValueError("inner fails")
        insert_state(conn, "outer-after")
        assert conn.in_transaction
    assert state_keys(db) == ["outer-after", "outer-before"]
    assert not db.connection.in_transaction


def test_nested_transaction_commits_with_the_outer_one(workspace: Workspace) -> None:
    db = workspace.db
    with db.transaction() as conn:
        with db.transaction() as inner:
            insert_state(inner, "inner")
            with db.transaction() as innermost:
                insert_state(innermost, "innermost")
        insert_state(conn, "outer")
    assert state_keys(db) == ["inner", "innermost", "outer"]


def test_failure_in_outer_transaction_undoes_released_savepoints(workspace: Workspace) -> None:
    db = workspace.db
    with pytest.raises(KeyError), db.transaction() as conn:
        with db.transaction() as inner:
            insert_state(inner, "inner")
        insert_state(conn, "outer")
        raise KeyError("late failure")
    assert state_keys(db) == []


def test_repository_writes_inside_a_failed_transaction_are_undone(workspace: Workspace) -> None:
    repos = workspace.repos
    with pytest.raises(RuntimeError), workspace.db.transaction():
        repos.events.add(sample_event())
        repos.people.add(Person(full_name="Ana"))
        raise RuntimeError("user cancelled")
    assert repos.events.all() == []
    assert repos.people.count() == 0


# --- round trips -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "start", "end"),
    [
        ("Asia/Tokyo", datetime(2026, 3, 2, 9, 30), datetime(2026, 3, 4, 18, 0)),
        ("Europe/Lisbon", datetime(2026, 3, 28, 22, 0), datetime(2026, 3, 29, 10, 0)),  # DST
        ("America/New_York", datetime(2026, 12, 6, 9, 0), datetime(2026, 12, 7, 17, 45, 30)),
        ("Asia/Kolkata", datetime(2026, 1, 15, 10, 0), datetime(2026, 1, 15, 11, 0)),
        ("UTC", datetime(2026, 7, 1, 0, 0), datetime(2026, 7, 1, 0, 0, 1)),
    ],
)
def test_event_round_trip_keeps_wall_clock_and_zone(
    repos: Repositories, zone: str, start: datetime, end: datetime
) -> None:
    tz = ZoneInfo(zone)
    event = sample_event(start=start.replace(tzinfo=tz), end=end.replace(tzinfo=tz), timezone=zone)
    saved = repos.events.add(event)
    assert saved.id is not None
    loaded = repos.events.get(saved.id)
    assert loaded == saved
    assert loaded.timezone == zone
    assert_same_wall_clock(loaded.start, event.start)
    assert_same_wall_clock(loaded.end, event.end)
    assert loaded.local_start.replace(tzinfo=None) == start


def test_event_times_are_kept_to_the_second_and_add_returns_what_get_reads(
    repos: Repositories,
) -> None:
    event = sample_event(
        start=datetime(2026, 3, 2, 9, 30, 0, 250_000, tzinfo=TOKYO),
        end=datetime(2026, 3, 2, 9, 31, 0, 750_000, tzinfo=TOKYO),
    )
    saved = repos.events.add(event)
    assert saved.id is not None
    assert repos.events.get(saved.id) == saved
    assert saved.start == datetime(2026, 3, 2, 9, 30, tzinfo=TOKYO)
    assert saved.end == datetime(2026, 3, 2, 9, 31, tzinfo=TOKYO)


def test_event_times_are_stored_as_utc_text(workspace: Workspace) -> None:
    saved = workspace.repos.events.add(
        sample_event(
            start=datetime(2026, 12, 6, 9, 0, tzinfo=NEW_YORK),
            end=datetime(2026, 12, 6, 17, 0, tzinfo=NEW_YORK),
            timezone="America/New_York",
        )
    )
    row = workspace.db.connection.execute(
        "SELECT starts_at, ends_at, timezone FROM event WHERE id = ?", (saved.id,)
    ).fetchone()
    assert row == ("2026-12-06T14:00:00+00:00", "2026-12-06T22:00:00+00:00", "America/New_York")


def test_event_given_in_another_zone_is_read_back_in_its_own_zone(repos: Repositories) -> None:
    # Times given in UTC for a Lisbon event come back as Lisbon wall clock, same instants.
    event = sample_event(
        start=datetime(2026, 7, 1, 8, 0, tzinfo=UTC),
        end=datetime(2026, 7, 1, 16, 0, tzinfo=UTC),
        timezone="Europe/Lisbon",
    )
    saved = repos.events.add(event)
    assert saved.id is not None
    loaded = repos.events.get(saved.id)
    assert loaded.start == event.start
    assert loaded.start.isoformat() == "2026-07-01T09:00:00+01:00"
    assert loaded.end.isoformat() == "2026-07-01T17:00:00+01:00"


HOSTILE = [
    "<b>O'Brien & Co</b>",
    "Robert'); DROP TABLE event;--",
    'quote " and backslash \\ and %_ wildcards',
    "nul\x00inside",
    "emoji 🎉 and combining é",
    "\u202eright-to-left override",
    "line\nbreaks\r\nand\ttabs",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_round_trips_in_every_text_field(repos: Repositories, text: str) -> None:
    event = repos.events.add(sample_event(name=f"Event {text}", venue=text, notes=text, url=text))
    assert event.id is not None
    assert repos.events.get(event.id) == event
    person = repos.people.add(Person(full_name=text, company=text, notes=text))
    assert person.id is not None
    assert repos.people.get(person.id) == person
    assert [e.name for e in repos.events.all()] == [f"Event {text}"]


def test_person_round_trip_with_international_names_and_missing_fields(
    repos: Repositories,
) -> None:
    people = [
        Person(
            full_name="田中 美咲", given_name="美咲", family_name="田中", company="桜キャピタル"
        ),
        Person(full_name="محمد الأمين", given_name="محمد", family_name="الأمين"),
        Person(full_name="נועה לוי", given_name="נועה", family_name="לוי", title="מנהלת"),
        Person(full_name="Zoë Ångström-Ñúñez"),
        Person(
            full_name="Liam O'Brien",
            given_name="Liam",
            family_name="O'Brien",
            email="liam@example.com",
            company="Brightside Bank",
            title="Innovation Lead",
            phone="+353 1 234 5678",
            linkedin_url="https://www.linkedin.com/in/liam",
            notes="Met at\nWeb Summit",
            is_sample=True,
        ),
    ]
    saved = repos.people.add_many(people)
    ids = [p.id for p in saved if p.id is not None]
    assert len(ids) == 5 and ids == sorted(set(ids))
    for original, stored in zip(people, saved, strict=True):
        assert stored.id is not None
        assert stored == replace(original, id=stored.id)
        assert repos.people.get(stored.id) == stored
    bare = repos.people.get(saved[3].id)  # type: ignore[arg-type]
    assert bare.given_name is None
    assert bare.email is None
    assert bare.notes == ""
    assert repos.people.count() == 5


def test_person_update_and_delete(repos: Repositories) -> None:
    person = repos.people.add(Person(full_name="Ana"))
    assert person.id is not None
    changed = replace(person, email="ana@example.com", given_name=None)
    repos.people.update(changed)
    assert repos.people.get(person.id) == changed
    repos.people.delete(person.id)
    with pytest.raises(NotFoundError):
        repos.people.get(person.id)
    with pytest.raises(NotFoundError):
        repos.people.update(changed)


def test_event_update_and_missing_event(repos: Repositories) -> None:
    event = repos.events.add(sample_event())
    assert event.id is not None
    moved = replace(
        event,
        start=datetime(2026, 3, 29, 9, 0, tzinfo=LISBON),
        end=datetime(2026, 3, 29, 17, 0, tzinfo=LISBON),
        timezone="Europe/Lisbon",
        name="Moved",
    )
    repos.events.update(moved)
    assert repos.events.get(event.id) == moved
    assert repos.events.get(event.id).start.isoformat() == "2026-03-29T09:00:00+01:00"
    with pytest.raises(NotFoundError):
        repos.events.get(EventId(event.id + 1))
    with pytest.raises(NotFoundError):
        repos.events.update(replace(moved, id=EventId(event.id + 1)))
    with pytest.raises(ValueError):
        repos.events.update(replace(moved, id=None))


def test_goal_round_trip_with_keyword_tuples(repos: Repositories) -> None:
    event = repos.events.add(sample_event())
    assert event.id is not None
    goals = [
        Goal(
            event_id=event.id,
            text="Meet 3 investors",
            network_type=NetworkType.STRATEGIC,
            target_count=3,
            keywords=("fintech", "séed", "決済", 'quo"te'),
            roles=("Partner",),
            companies=("Cobalt Ventures", "Sakura Capital"),
            priority=1,
            position=1,
        ),
        Goal(event_id=event.id, text="Old team", network_type=NetworkType.PERSONAL, position=0),
        Goal(
            event_id=event.id,
            text="Vendor",
            network_type=NetworkType.OPERATIONAL,
            target_count=0,
            keywords=("",),
            position=2,
        ),
    ]
    saved = [repos.goals.add(goal) for goal in goals]
    loaded = repos.goals.for_event(event.id)
    assert loaded == [saved[1], saved[0], saved[2]]  # ordered by position
    assert loaded[1].keywords == ("fintech", "séed", "決済", 'quo"te')
    assert isinstance(loaded[1].keywords, tuple)
    assert loaded[0].keywords == ()
    assert loaded[2].keywords == ("",)


def test_attendance_round_trip_with_goal_links(workspace: Workspace) -> None:
    repos = workspace.repos
    event = repos.events.add(sample_event())
    assert event.id is not None
    goal_a = repos.goals.add(Goal(event.id, "A", NetworkType.STRATEGIC))
    goal_b = repos.goals.add(Goal(event.id, "B", NetworkType.PERSONAL))
    ana, bo = repos.people.add_many([Person(full_name="Ana"), Person(full_name="Bo")])
    assert goal_a.id and goal_b.id and ana.id and bo.id
    first = repos.attendances.add(
        Attendance(
            event_id=event.id,
            person_id=ana.id,
            role=AttendeeRole.SPEAKER,
            tier=PriorityTier.MUST_MEET,
            status=AttendanceStatus.MET,
            research_notes="Wrote the book on <payments>",
            talking_points="1. intro\n2. ask",
            offer="An intro",
            ask="Advice",
            goal_ids=frozenset({goal_a.id, goal_b.id}),
        )
    )
    second = repos.attendances.add(Attendance(event_id=event.id, person_id=bo.id))
    assert repos.attendances.for_event(event.id) == [first, second]
    assert repos.attendances.for_event(event.id)[0].goal_ids == {goal_a.id, goal_b.id}
    assert repos.attendances.for_event(event.id)[1].goal_ids == frozenset()
    assert count(workspace.db, "attendance_goal") == 2


def test_attendance_is_unique_per_event_and_person(repos: Repositories) -> None:
    event = repos.events.add(sample_event())
    person = repos.people.add(Person(full_name="Ana"))
    assert event.id and person.id
    repos.attendances.add(Attendance(event_id=event.id, person_id=person.id))
    with pytest.raises(sqlite3.IntegrityError):
        repos.attendances.add(Attendance(event_id=event.id, person_id=person.id))
    assert len(repos.attendances.for_event(event.id)) == 1


def test_checklist_round_trip(repos: Repositories) -> None:
    event = repos.events.add(sample_event())
    assert event.id is not None
    items = [
        ChecklistItem(
            event.id, "Charge phone", due_offset_days=-1, done=True, position=1, uid="c1@test"
        ),
        ChecklistItem(
            event.id, "Write goals", due_offset_days=-14, position=0, uid="c2@test", sequence=3
        ),
        ChecklistItem(
            event.id,
            "Send follow-ups",
            due_offset_days=2,
            position=2,
            uid="c3@test",
            template_key="follow-up-send",
        ),
    ]
    saved = [repos.checklist.add(item) for item in items]
    assert repos.checklist.for_event(event.id) == [saved[1], saved[0], saved[2]]
    assert repos.checklist.for_event(event.id)[1].done is True


def test_interaction_round_trip_with_several_people(repos: Repositories) -> None:
    event = repos.events.add(sample_event())
    people = repos.people.add_many(Person(full_name=n) for n in ("Ana", "Bo", "Cy"))
    ids = tuple(PersonId(p.id) for p in people if p.id is not None)
    assert event.id is not None
    interaction = repos.interactions.add(
        Interaction(
            occurred_at=datetime(2026, 3, 3, 19, 15, tzinfo=TOKYO),
            kind=InteractionKind.IN_PERSON,
            person_ids=ids,
            place="Lobby bar",
            notes="Talked about <b>bold</b> ideas",
            event_id=event.id,
        )
    )
    only_call = repos.interactions.add(
        Interaction(
            occurred_at=datetime(2026, 4, 1, 10, 0, tzinfo=NEW_YORK),
            kind=InteractionKind.CALL,
            person_ids=(ids[1],),
        )
    )
    for person_id in ids:
        loaded = repos.interactions.for_person(person_id)
        expected = [interaction, only_call] if person_id == ids[1] else [interaction]
        assert loaded == expected
    loaded_one = repos.interactions.for_person(ids[0])[0]
    assert_same_wall_clock(loaded_one.occurred_at, interaction.occurred_at)
    assert loaded_one.person_ids == ids
    loaded_call = repos.interactions.for_person(ids[1])[1]
    assert loaded_call.event_id is None
    assert_same_wall_clock(loaded_call.occurred_at, only_call.occurred_at)


def test_follow_up_round_trip(repos: Repositories) -> None:
    event = repos.events.add(sample_event())
    person = repos.people.add(Person(full_name="Ana Lúcia"))
    assert event.id and person.id
    first = repos.follow_ups.add(
        FollowUp(
            person_id=person.id,
            due=date(2026, 3, 10),
            action="Send the deck",
            uid="0f8fad5b-d9cb-469f-a165-70867728950e@networking-planner.local",
            status=FollowUpStatus.SNOOZED,
            sequence=3,
            notes="after the board meeting",
            event_id=event.id,
        )
    )
    second = repos.follow_ups.add(
        FollowUp(person_id=person.id, due=date(2026, 3, 5), action="Call", uid="uid-2")
    )
    linked = repos.follow_ups.for_event(event.id)
    assert linked == [first]
    assert linked[0].due == date(2026, 3, 10)
    assert linked[0].sequence == 3
    listings = repos.follow_ups.listings()
    assert [(item.follow_up, item.person_name, item.event_name) for item in listings] == [
        (second, "Ana Lúcia", None),  # open first
        (first, "Ana Lúcia", "Tokyo FinTech Week"),
    ]


def test_follow_up_uid_is_unique(repos: Repositories) -> None:
    person = repos.people.add(Person(full_name="Ana"))
    assert person.id is not None
    repos.follow_ups.add(FollowUp(person.id, date(2026, 1, 1), "a", uid="same"))
    with pytest.raises(sqlite3.IntegrityError):
        repos.follow_ups.add(FollowUp(person.id, date(2026, 1, 2), "b", uid="same"))


# --- delete and restore ----------------------------------------------------------------------


def build_event_with_everything(repos: Repositories) -> tuple[Event, Event]:
    """Two events sharing people; the first owns and links one of everything."""
    event = repos.events.add(sample_event())
    other = repos.events.add(sample_event(name="Other event"))
    ana, bo, cy = repos.people.add_many(Person(full_name=n) for n in ("Ana", "Bo", "Cy"))
    assert event.id and other.id and ana.id and bo.id and cy.id
    goal_a = repos.goals.add(Goal(event.id, "A", NetworkType.STRATEGIC, keywords=("x", "y")))
    goal_b = repos.goals.add(Goal(event.id, "B", NetworkType.PERSONAL, position=1))
    assert goal_a.id and goal_b.id
    repos.attendances.add(
        Attendance(event.id, ana.id, status=AttendanceStatus.MET, goal_ids=frozenset({goal_a.id}))
    )
    repos.attendances.add(
        Attendance(event.id, bo.id, offer="help", goal_ids=frozenset({goal_a.id, goal_b.id}))
    )
    repos.attendances.add(Attendance(other.id, ana.id))
    repos.checklist.add(
        ChecklistItem(event.id, "Prepare", due_offset_days=-3, done=True, uid="p1@test")
    )
    repos.checklist.add(ChecklistItem(other.id, "Other prep", uid="p2@test"))
    repos.interactions.add(
        Interaction(
            datetime(2026, 3, 3, 12, 0, tzinfo=TOKYO),
            InteractionKind.IN_PERSON,
            (ana.id, bo.id),
            event_id=event.id,
        )
    )
    repos.interactions.add(
        Interaction(datetime(2026, 3, 5, 12, 0, tzinfo=TOKYO), InteractionKind.EMAIL, (cy.id,))
    )
    repos.follow_ups.add(FollowUp(ana.id, date(2026, 3, 9), "Thank", uid="u1", event_id=event.id))
    repos.follow_ups.add(FollowUp(bo.id, date(2026, 3, 9), "Other", uid="u2", event_id=other.id))
    with repos.events._db.transaction() as conn:  # a possible duplicate left by an import
        conn.execute(INSERT_REVIEW, (None, event.id, "list.csv", 7, cy.id, ana.id, 88.5, "now"))
        conn.execute(INSERT_REVIEW, (None, other.id, "other.csv", 3, bo.id, cy.id, 90.0, "now"))
    return event, other


def test_the_event_with_everything_has_rows_in_every_table_that_refers_to_it(
    workspace: Workspace,
) -> None:
    event, _ = build_event_with_everything(workspace.repos)
    conn = workspace.db.connection
    tables = [
        name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    ]
    referring = [
        table
        for table in tables
        if any(key[2] == "event" for key in conn.execute(f"PRAGMA foreign_key_list({table})"))
    ]
    assert {"goal", "attendance", "checklist_item", "import_review"} <= set(referring)
    for table in referring:  # so that delete and restore below are tried on each of them
        found = conn.execute(f"SELECT count(*) FROM {table} WHERE event_id = ?", (event.id,))
        assert found.fetchone()[0] > 0, table


def test_delete_removes_owned_rows_and_unlinks_the_rest(workspace: Workspace) -> None:
    repos, db = workspace.repos, workspace.db
    event, other = build_event_with_everything(repos)
    assert event.id is not None

    snapshot = repos.events.delete(event.id)

    assert snapshot.event_id == event.id
    with pytest.raises(NotFoundError):
        repos.events.get(event.id)
    assert repos.events.all() == [other]
    assert repos.goals.for_event(event.id) == []
    assert repos.attendances.for_event(event.id) == []
    assert repos.checklist.for_event(event.id) == []
    assert count(db, "attendance_goal") == 0
    assert count(db, "attendance") == 1  # the other event's
    assert count(db, "checklist_item") == 1
    # Interactions and follow-ups outlive the event, unlinked.
    assert count(db, "interaction") == 2
    assert count(db, "interaction_person") == 3
    assert count(db, "follow_up") == 2
    assert (
        db.connection.execute("SELECT count(*) FROM interaction WHERE event_id IS NULL").fetchone()[
            0
        ]
        == 2
    )
    assert repos.follow_ups.for_event(event.id) == []
    assert count(db, "person") == 3


def test_restore_brings_back_exactly_what_delete_removed(workspace: Workspace) -> None:
    repos, db = workspace.repos, workspace.db
    event, _ = build_event_with_everything(repos)
    assert event.id is not None
    before = table_rows(db)

    snapshot = repos.events.delete(event.id)
    assert table_rows(db) != before
    restored = repos.events.restore(snapshot)

    assert restored == event
    assert table_rows(db) == before
    assert db.integrity_ok()
    assert db.connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_delete_and_restore_can_repeat(workspace: Workspace) -> None:
    repos, db = workspace.repos, workspace.db
    event, _ = build_event_with_everything(repos)
    assert event.id is not None
    before = table_rows(db)
    for _ in range(3):
        repos.events.restore(repos.events.delete(event.id))
    assert table_rows(db) == before


def test_deleting_a_missing_event_raises_and_changes_nothing(workspace: Workspace) -> None:
    repos, db = workspace.repos, workspace.db
    build_event_with_everything(repos)
    before = table_rows(db)
    with pytest.raises(NotFoundError):
        repos.events.delete(EventId(12345))
    assert table_rows(db) == before
    assert not db.connection.in_transaction


# --- listing and search ----------------------------------------------------------------------


def test_list_is_in_start_order(repos: Repositories) -> None:
    late = repos.events.add(
        sample_event(
            name="late",
            start=datetime(2026, 5, 1, 9, 0, tzinfo=UTC),
            end=datetime(2026, 5, 1, 10, 0, tzinfo=UTC),
        )
    )
    # Earlier in real time although its wall clock (10:00 Tokyo) reads later than 09:00 UTC.
    early = repos.events.add(
        sample_event(
            name="early",
            start=datetime(2026, 5, 1, 10, 0, tzinfo=TOKYO),
            end=datetime(2026, 5, 1, 11, 0, tzinfo=TOKYO),
        )
    )
    assert [e.name for e in repos.events.all()] == [early.name, late.name]


def test_summaries_count_attendees_goals_and_met(workspace: Workspace) -> None:
    event, other = build_event_with_everything(workspace.repos)
    summaries = {s.event.name: s for s in workspace.repos.events.summaries()}
    first = summaries[event.name]
    assert (first.attendee_count, first.goal_count, first.met_count) == (2, 2, 1)
    second = summaries[other.name]
    assert (second.attendee_count, second.goal_count, second.met_count) == (1, 0, 0)


def test_find_escapes_like_wildcards(repos: Repositories) -> None:
    percent = repos.events.add(sample_event(name="100% fun"))
    repos.events.add(sample_event(name="100x fun"))
    underscore = repos.events.add(sample_event(name="snake_case meetup"))
    repos.events.add(sample_event(name="snakeXcase meetup"))
    backslash = repos.events.add(sample_event(name="back\\slash"))
    repos.events.add(sample_event(name="backslash"))

    assert repos.events.find("100%") == [percent]
    assert repos.events.find("e_c") == [underscore]
    assert repos.events.find("k\\s") == [backslash]
    assert len(repos.events.find("100")) == 2
    assert len(repos.events.find("%")) == 1
    assert len(repos.events.find("_")) == 1


def test_find_ignores_ascii_case(repos: Repositories) -> None:
    event = repos.events.add(sample_event(name="Web Summit"))
    assert repos.events.find("web SUMMIT") == [event]
    assert repos.events.find("nothing") == []
