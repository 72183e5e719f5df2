"""The user's network: everyone they know or plan to meet, across events."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from planner.domain.enums import AttendanceStatus, AttendeeRole, PriorityTier
from planner.domain.ids import EventId, PersonId
from planner.domain.model import Person
from planner.storage.codec import from_utc_text, now_text
from planner.storage.database import Database, insert_sql, inserted_id, update_sql
from planner.storage.errors import NotFoundError

PERSON_FIELDS = (
    "full_name",
    "given_name",
    "family_name",
    "email",
    "company",
    "title",
    "phone",
    "linkedin_url",
    "notes",
    "is_sample",
)
_COLUMNS = "id, " + ", ".join(PERSON_FIELDS)
# Every column of the table, in order (imports and merges copy whole rows). imported_at: when
# an import last wrote the person, NULL once edited (see planner.storage.schema.V5).
PERSON_COLUMNS = ("id", *PERSON_FIELDS, "created_at", "updated_at", "imported_at")
_INSERT = insert_sql("person", PERSON_COLUMNS)
_UPDATE = update_sql("person", (*PERSON_FIELDS, "updated_at", "imported_at"))
_SELECT = f"SELECT {_COLUMNS} FROM person"
_IDS_PER_QUERY = 500  # well under SQLite's limit on a statement's parameters


NOT_DUPLICATE_COLUMNS = ("first_id", "second_id")


def not_duplicates_of(conn: sqlite3.Connection, person_id: int) -> list[tuple[int, int]]:
    """The pairs the user said are two people, that this person is one of (schema V6)."""
    return conn.execute(
        "SELECT first_id, second_id FROM not_duplicate WHERE first_id = :id"
        " UNION SELECT first_id, second_id FROM not_duplicate WHERE second_id = :id"
        " ORDER BY 1, 2",
        {"id": person_id},
    ).fetchall()


def remembered_not_duplicates(
    conn: sqlite3.Connection, pairs: Sequence[tuple[int, int]] | None = None
) -> set[tuple[int, int]]:
    """The pairs (lower id first) the user said are two people: all of them, or those of
    `pairs`."""
    if pairs is None:
        return set(conn.execute("SELECT first_id, second_id FROM not_duplicate"))
    return set(
        conn.execute(
            "SELECT first_id, second_id FROM not_duplicate WHERE"
            " (first_id, second_id) IN"
            " (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]')"
            " FROM json_each(?))",
            (json.dumps(list(pairs)),),
        )
    )


def is_not_duplicate(conn: sqlite3.Connection, pair: tuple[int, int]) -> bool:
    """Whether the user said this pair (lower id first) is two people."""
    return (
        conn.execute(
            "SELECT 1 FROM not_duplicate WHERE first_id = ? AND second_id = ?", pair
        ).fetchone()
        is not None
    )


def people_for_comparing(conn: sqlite3.Connection) -> Iterator[tuple[Any, ...]]:
    """Every person by id, as (id, full_name, given_name, family_name, email, company, phone,
    linkedin_url): what the search for duplicates compares."""
    return iter(
        conn.execute(
            "SELECT id, full_name, given_name, family_name, email, company, phone, linkedin_url"
            " FROM person ORDER BY id"
        )
    )


def person_from_row(row: tuple[Any, ...]) -> Person:
    """A person from a whole row of PERSON_COLUMNS."""
    return _person(row)


def _person(row: tuple[Any, ...]) -> Person:
    return Person(
        id=PersonId(row[0]),
        full_name=row[1],
        given_name=row[2],
        family_name=row[3],
        email=row[4],
        company=row[5],
        title=row[6],
        phone=row[7],
        linkedin_url=row[8],
        notes=row[9],
        is_sample=bool(row[10]),
    )


def _values(person: Person) -> tuple[Any, ...]:
    return (
        person.full_name,
        person.given_name,
        person.family_name,
        person.email,
        person.company,
        person.title,
        person.phone,
        person.linkedin_url,
        person.notes,
        int(person.is_sample),
    )


@dataclass(frozen=True, slots=True)
class PersonListing:
    """A person with the number of events they are linked to, for the people list."""

    person: Person
    event_count: int


@dataclass(frozen=True, slots=True)
class PersonPlace:
    """An event a person is on the list of, and where they stand there."""

    event_id: EventId
    event_name: str
    start: datetime  # at the venue
    end: datetime
    role: AttendeeRole
    tier: PriorityTier | None  # pinned by the user
    status: AttendanceStatus


class PersonRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, person: Person) -> Person:
        return self.add_many([person])[0]

    def add_many(self, people: Iterable[Person]) -> list[Person]:
        stamp = now_text()
        saved: list[Person] = []
        sql = _INSERT
        with self._db.transaction() as conn:
            for person in people:
                cursor = conn.execute(sql, (person.id, *_values(person), stamp, stamp, None))
                saved.append(replace(person, id=PersonId(inserted_id(cursor))))
        return saved

    def update(self, person: Person) -> Person:
        """Save an edit. The person's values are then the user's: a later import fills only
        what is empty (imported_at becomes NULL)."""
        if person.id is None:
            raise ValueError("cannot update a person who was never saved")
        with self._db.transaction() as conn:
            cursor = conn.execute(
                _UPDATE,
                (*_values(person), now_text(), None, person.id),
            )
            if cursor.rowcount != 1:
                raise NotFoundError(f"person {person.id} no longer exists")
        return person

    def get(self, person_id: PersonId) -> Person:
        row = self._db.connection.execute(f"{_SELECT} WHERE id = ?", (person_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"person {person_id} does not exist")
        return _person(row)

    def names(self, person_ids: Iterable[PersonId]) -> dict[PersonId, str]:
        """The full names of these people (those that exist): a report names a few people of
        a network that may hold a hundred thousand, so only they are read."""
        wanted = sorted(set(person_ids))
        names: dict[PersonId, str] = {}
        for start in range(0, len(wanted), _IDS_PER_QUERY):
            batch = wanted[start : start + _IDS_PER_QUERY]
            marks = ", ".join("?" * len(batch))
            rows = self._db.connection.execute(
                f"SELECT id, full_name FROM person WHERE id IN ({marks})", batch
            )
            names.update((PersonId(row[0]), row[1]) for row in rows)
        return names

    def places(self, person_id: PersonId) -> list[PersonPlace]:
        """The events the person is on the list of, the latest first."""
        rows = self._db.connection.execute(
            """SELECT e.id, e.name, e.starts_at, e.ends_at, e.timezone, a.role, a.pinned_tier,
                      a.status
            FROM attendance a JOIN event e ON e.id = a.event_id
            WHERE a.person_id = ? ORDER BY e.starts_at DESC, e.id""",
            (person_id,),
        ).fetchall()
        return [
            PersonPlace(
                EventId(row[0]),
                row[1],
                from_utc_text(row[2], row[4]),
                from_utc_text(row[3], row[4]),
                AttendeeRole(row[5]),
                PriorityTier(row[6]) if row[6] is not None else None,
                AttendanceStatus(row[7]),
            )
            for row in rows
        ]

    def link_counts(self, person_id: PersonId) -> tuple[int, int, int]:
        """How many events' lists, follow-ups and interactions the person is on."""
        events, follow_ups, interactions = self._db.connection.execute(
            """SELECT (SELECT count(*) FROM attendance WHERE person_id = :id),
                      (SELECT count(*) FROM follow_up WHERE person_id = :id),
                      (SELECT count(*) FROM interaction_person WHERE person_id = :id)""",
            {"id": person_id},
        ).fetchone()
        return events, follow_ups, interactions

    def with_email(self, email: str) -> Person | None:
        """Someone who has this email address, whatever its case (the lowest id if several)."""
        row = self._db.connection.execute(
            f"{_SELECT} WHERE email IS NOT NULL AND lower(email) = lower(?) ORDER BY id LIMIT 1",
            (email,),
        ).fetchone()
        return None if row is None else _person(row)

    def all(self) -> list[Person]:
        rows = self._db.connection.execute(
            f"{_SELECT} ORDER BY full_name COLLATE NOCASE, id"
        ).fetchall()
        return [_person(row) for row in rows]

    def listings(self) -> list[PersonListing]:
        rows = self._db.connection.execute(
            f"""SELECT {_COLUMNS},
                (SELECT count(*) FROM attendance a WHERE a.person_id = person.id)
            FROM person ORDER BY full_name COLLATE NOCASE, id"""
        ).fetchall()
        return [PersonListing(_person(row), row[11]) for row in rows]

    def count(self) -> int:
        return int(self._db.connection.execute("SELECT count(*) FROM person").fetchone()[0])

    def delete(self, person_id: PersonId) -> None:
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM person WHERE id = ?", (person_id,))
