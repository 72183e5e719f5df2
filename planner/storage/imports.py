"""What an attendee import reads and writes in bulk, the column choices it remembers, and the
rows it left for the user to review.

The import service holds one transaction open for a whole file, so everything here takes the
transaction's connection and leaves BEGIN/COMMIT to the caller.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from planner.domain.ids import EventId, PersonId
from planner.domain.importing import Field, Mapping
from planner.domain.model import Person
from planner.storage.changes import read_rows
from planner.storage.codec import now_text
from planner.storage.database import Database
from planner.storage.people import PERSON_COLUMNS, PERSON_FIELDS, PersonRepository

ATTENDANCE_COLUMNS = (
    "id",
    "event_id",
    "person_id",
    "role",
    "tier",
    "status",
    "research_notes",
    "talking_points",
    "offer",
    "ask",
    "pinned_tier",
    "research_status",
)
REVIEW_COLUMNS = (
    "id",
    "event_id",
    "source",
    "line",
    "new_person_id",
    "existing_person_id",
    "score",
    "created_at",
)

# The person columns an import may fill when they are empty, as indexes into PERSON_COLUMNS.
# Positions in a PERSON_COLUMNS row.
P_ID = PERSON_COLUMNS.index("id")
P_FULL_NAME = PERSON_COLUMNS.index("full_name")
P_GIVEN_NAME = PERSON_COLUMNS.index("given_name")
P_FAMILY_NAME = PERSON_COLUMNS.index("family_name")
P_EMAIL = PERSON_COLUMNS.index("email")
P_COMPANY = PERSON_COLUMNS.index("company")
P_LINKEDIN_URL = PERSON_COLUMNS.index("linkedin_url")
P_NOTES = PERSON_COLUMNS.index("notes")
P_IS_SAMPLE = PERSON_COLUMNS.index("is_sample")
P_UPDATED_AT = PERSON_COLUMNS.index("updated_at")
P_IMPORTED_AT = PERSON_COLUMNS.index("imported_at")

FILLABLE = {name: PERSON_COLUMNS.index(name) for name in PERSON_FIELDS if name != "is_sample"}


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"


INSERT_PERSON = _insert_sql("person", PERSON_COLUMNS)
INSERT_ATTENDANCE = _insert_sql("attendance", ATTENDANCE_COLUMNS)
INSERT_REVIEW = _insert_sql("import_review", REVIEW_COLUMNS)


# --- matching ---------------------------------------------------------------------------------


def people_for_matching(conn: sqlite3.Connection) -> Iterator[tuple[Any, ...]]:
    """Every person, as (id, full_name, given_name, family_name, email, company, title, phone,
    linkedin_url, has_notes, as_imported): what matching and filling need, without the notes'
    text. as_imported: nobody has edited the person since an import wrote them."""
    return iter(
        conn.execute(
            "SELECT id, full_name, given_name, family_name, email, company, title, phone,"
            " linkedin_url, notes != '', imported_at IS NOT NULL FROM person"
        )
    )


def unplanned_attendances(conn: sqlite3.Connection, ids: Sequence[int]) -> set[int]:
    """Those of these attendances the user has not started planning: still to meet, the
    default priority, no notes, talking points, offer or ask, no goal, and no follow-up or
    interaction with the person at that event."""
    return {
        row[0]
        for row in conn.execute(
            """SELECT a.id FROM attendance a
            WHERE a.id IN (SELECT value FROM json_each(?))
              AND a.status = 'to-meet' AND a.pinned_tier IS NULL
              AND a.research_status = 'not-started'
              AND a.research_notes = '' AND a.talking_points = '' AND a.offer = ''
              AND a.ask = ''
              AND NOT EXISTS (SELECT 1 FROM attendance_goal g WHERE g.attendance_id = a.id)
              AND NOT EXISTS (SELECT 1 FROM follow_up f
                              WHERE f.person_id = a.person_id AND f.event_id = a.event_id)
              AND NOT EXISTS (SELECT 1 FROM interaction_person p
                              JOIN interaction i ON i.id = p.interaction_id
                              WHERE p.person_id = a.person_id AND i.event_id = a.event_id)""",
            (json.dumps(list(ids)),),
        )
    }


def attendances_at(conn: sqlite3.Connection, event_id: EventId) -> dict[int, tuple[int, str]]:
    """person id → (attendance id, role) for everyone already on the event's list."""
    return {
        person: (attendance, role)
        for attendance, person, role in conn.execute(
            "SELECT id, person_id, role FROM attendance WHERE event_id = ?", (event_id,)
        )
    }


def next_id(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])


def event_exists(conn: sqlite3.Connection, event_id: EventId) -> bool:
    return conn.execute("SELECT 1 FROM event WHERE id = ?", (event_id,)).fetchone() is not None


# --- writing an import's rows ------------------------------------------------------------

_UPDATE_PERSON = (
    "UPDATE person SET full_name = ?, given_name = ?, family_name = ?, email = ?, company = ?,"
    " title = ?, phone = ?, linkedin_url = ?, notes = coalesce(?, notes), updated_at = ?,"
    " imported_at = coalesce(?, imported_at) WHERE id = ?"
)


def insert_people(conn: sqlite3.Connection, rows: Iterable[Sequence[Any]]) -> None:
    """Add people, each row in PERSON_COLUMNS order, with its id."""
    conn.executemany(INSERT_PERSON, rows)


def update_people(conn: sqlite3.Connection, rows: Iterable[Sequence[Any]]) -> None:
    """Write what an import filled in or brought up to date on known people. Each row is
    (full_name .. notes in PERSON_COLUMNS order, updated_at, imported_at, id); a notes or
    imported_at of None keeps the stored value."""
    conn.executemany(_UPDATE_PERSON, rows)


def insert_attendances(conn: sqlite3.Connection, rows: Iterable[Sequence[Any]]) -> None:
    """Add attendances, each row in ATTENDANCE_COLUMNS order, with its id."""
    conn.executemany(INSERT_ATTENDANCE, rows)


def set_attendance_roles(conn: sqlite3.Connection, roles: Iterable[tuple[str, int]]) -> None:
    """Give attendances their role, as (role, attendance id) pairs."""
    conn.executemany("UPDATE attendance SET role = ? WHERE id = ?", roles)


def delete_attendances(conn: sqlite3.Connection, ids: Iterable[int]) -> None:
    conn.executemany("DELETE FROM attendance WHERE id = ?", [(i,) for i in ids])


def insert_reviews(conn: sqlite3.Connection, rows: Iterable[Sequence[Any]]) -> None:
    """Add review items, each row in REVIEW_COLUMNS order, with its id."""
    conn.executemany(INSERT_REVIEW, rows)


def people_rows(conn: sqlite3.Connection, ids: Iterable[int]) -> list[tuple[Any, ...]]:
    """These people as stored, in PERSON_COLUMNS order: the before and after images of
    the people an import changes."""
    return read_rows(conn, "person", PERSON_COLUMNS, "id", ids)


def attendance_rows(conn: sqlite3.Connection, ids: Iterable[int]) -> list[tuple[Any, ...]]:
    """These attendances as stored, in ATTENDANCE_COLUMNS order."""
    return read_rows(conn, "attendance", ATTENDANCE_COLUMNS, "id", ids)


_INDEX_EACH_NEW_PERSON = "person_search_insert"
_INDEX_NEW_PEOPLE = """
INSERT INTO person_search (rowid, full_name, company, title, tags, notes, email)
SELECT p.id, p.full_name, coalesce(p.company, ''), coalesce(p.title, ''),
       coalesce((SELECT group_concat(t.tag, ' ') FROM person_tag t WHERE t.person_id = p.id), ''),
       p.notes, coalesce(p.email, '')
FROM person p WHERE NOT EXISTS (SELECT 1 FROM person_search s WHERE s.rowid = p.id)
"""


@contextlib.contextmanager
def people_indexed_at_the_end(conn: sqlite3.Connection) -> Iterator[None]:
    """Inside a transaction that adds many people (an import, its redo): the people index
    takes them in one statement at the end instead of a trigger per row (122,000 people:
    0.6 s against 2.5 s). The trigger is dropped for the block and made again from its own
    text before the transaction ends, so another connection never sees the schema without
    it, and a rollback (a cancel, an error) puts everything back as it was."""
    row = conn.execute(
        "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?",
        (_INDEX_EACH_NEW_PERSON,),
    ).fetchone()
    if row is None:  # already deferred by an enclosing block
        yield
        return
    conn.execute(f'DROP TRIGGER "{_INDEX_EACH_NEW_PERSON}"')
    yield
    conn.execute(_INDEX_NEW_PEOPLE)  # everyone not in the index yet, whatever their id
    conn.execute(row[0])


@contextlib.contextmanager
def page_cache(conn: sqlite3.Connection, kib: int) -> Iterator[None]:
    """A page cache of `kib` KiB on this connection for as long as the block runs (an import
    touches every row of the person and attendance indexes); the size is put back after."""
    (pages,) = conn.execute("PRAGMA cache_size").fetchone()
    conn.execute(f"PRAGMA cache_size = {-int(kib)}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(pages)}")


# --- remembered mappings --------------------------------------------------------------------


def save_mapping(db: Database, signature: str, headers: Sequence[str], mapping: Mapping) -> None:
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO import_mapping (signature, mapping, headers, updated_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (signature) DO UPDATE SET"
            " mapping = excluded.mapping, headers = excluded.headers,"
            " updated_at = excluded.updated_at",
            (
                signature,
                json.dumps({str(column): field.value for column, field in sorted(mapping.items())}),
                json.dumps(list(headers), ensure_ascii=False),
                now_text(),
            ),
        )


def load_mapping(db: Database, signature: str) -> Mapping | None:
    """The mapping saved under `signature`; columns or fields this version does not know
    are left out."""
    row = db.connection.execute(
        "SELECT mapping FROM import_mapping WHERE signature = ?", (signature,)
    ).fetchone()
    if row is None:
        return None
    known = {field.value: field for field in Field}
    try:
        stored = json.loads(row[0])
    except ValueError:
        return None
    if not isinstance(stored, dict):
        return None
    mapping: Mapping = {}
    for column, value in stored.items():
        if isinstance(column, str) and column.isdigit() and value in known:
            mapping[int(column)] = known[value]
    return mapping


# --- review ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReviewListing:
    """A row an import could not surely match: the person it added and the one it resembles."""

    id: int
    event_id: EventId
    source: str
    line: int
    score: float
    created_at: str
    new_person: Person
    existing_person: Person


def review_listings(db: Database, event_id: EventId | None = None) -> list[ReviewListing]:
    where = "" if event_id is None else " WHERE event_id = ?"
    rows = db.connection.execute(
        "SELECT id, event_id, source, line, score, created_at, new_person_id,"
        f" existing_person_id FROM import_review{where} ORDER BY id",
        () if event_id is None else (event_id,),
    ).fetchall()
    people = PersonRepository(db)
    found: dict[int, Person] = {}
    for person_id in {row[6] for row in rows} | {row[7] for row in rows}:
        found[person_id] = people.get(PersonId(person_id))
    return [
        ReviewListing(
            id=row[0],
            event_id=EventId(row[1]),
            source=row[2],
            line=row[3],
            score=row[4],
            created_at=row[5],
            new_person=found[row[6]],
            existing_person=found[row[7]],
        )
        for row in rows
    ]


def review_count(db: Database, event_id: EventId | None = None) -> int:
    where = "" if event_id is None else " WHERE event_id = ?"
    row = db.connection.execute(
        f"SELECT count(*) FROM import_review{where}", () if event_id is None else (event_id,)
    ).fetchone()
    return int(row[0])


# Fields an import or a merge may fill on a known person, in the order it tries them.
FILL_ORDER = tuple(
    FILLABLE[name] for name in ("email", "company", "title", "phone", "linkedin_url")
)
# Fields an import replaces when the file has a new value, on a person nobody has edited since
# an import wrote them: what changes in an updated list. The email is what people are known
# by, and names are left as they are: the person is recognised under them.
REFRESH_ORDER = tuple(FILLABLE[name] for name in ("company", "title", "phone", "linkedin_url"))
