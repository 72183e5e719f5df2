"""Events, and whole-event snapshots so a deleted event can be brought back exactly (undo)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from planner.domain.ids import EventId
from planner.domain.model import Event
from planner.storage.codec import from_utc_text, now_text, utc_text
from planner.storage.database import Database, insert_sql, inserted_id, update_sql
from planner.storage.errors import NotFoundError

_FIELDS = ("name", "starts_at", "ends_at", "timezone", "venue", "url", "notes", "is_sample")
_COLUMNS = "id, " + ", ".join(_FIELDS)
_INSERT = insert_sql("event", ("id", *_FIELDS, "created_at", "updated_at"))
_UPDATE = update_sql("event", (*_FIELDS, "updated_at"))

# Tables whose rows go with their event, in an order that satisfies foreign keys on re-insert.
_OWNED = (
    ("goal", "SELECT * FROM goal WHERE event_id = ?"),
    ("attendance", "SELECT * FROM attendance WHERE event_id = ?"),
    (
        "attendance_goal",
        "SELECT ag.* FROM attendance_goal ag JOIN attendance a ON a.id = ag.attendance_id "
        "WHERE a.event_id = ?",
    ),
    ("checklist_item", "SELECT * FROM checklist_item WHERE event_id = ?"),
    ("import_review", "SELECT * FROM import_review WHERE event_id = ?"),
)
# Tables that outlive their event (the link is set to NULL) and get the link back on restore.
_LINKED = ("interaction", "follow_up")


@dataclass(frozen=True, slots=True)
class EventSummary:
    event: Event
    attendee_count: int
    goal_count: int
    met_count: int


@dataclass(frozen=True, slots=True)
class EventSnapshot:
    """Everything deleting an event removed or unlinked, to put back on undo."""

    event_row: dict[str, Any]
    owned: tuple[tuple[str, tuple[str, ...], tuple[tuple[Any, ...], ...]], ...]
    """(table, columns, rows) for each table whose rows went with the event."""
    linked: tuple[tuple[str, tuple[int, ...]], ...]

    @property
    def event_id(self) -> EventId:
        return EventId(int(self.event_row["id"]))


def _event(row: sqlite3.Row | tuple[Any, ...]) -> Event:
    tz = row[4]
    return Event(
        id=EventId(row[0]),
        name=row[1],
        start=from_utc_text(row[2], tz),
        end=from_utc_text(row[3], tz),
        timezone=tz,
        venue=row[5],
        url=row[6],
        notes=row[7],
        is_sample=bool(row[8]),
    )


class EventRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, event: Event) -> Event:
        event = _to_the_second(event)
        stamp = now_text()
        with self._db.transaction() as conn:
            cursor = conn.execute(
                _INSERT,
                (event.id, *_values(event), stamp, stamp),
            )
        return replace(event, id=EventId(inserted_id(cursor)))

    def update(self, event: Event) -> Event:
        if event.id is None:
            raise ValueError("cannot update an event that was never saved")
        event = _to_the_second(event)
        with self._db.transaction() as conn:
            cursor = conn.execute(
                _UPDATE,
                (*_values(event), now_text(), event.id),
            )
            if cursor.rowcount != 1:
                raise NotFoundError(f"event {event.id} no longer exists")
        return event

    def get(self, event_id: EventId) -> Event:
        row = self._db.connection.execute(
            f"SELECT {_COLUMNS} FROM event WHERE id = ?", (event_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"event {event_id} does not exist")
        return _event(row)

    def all(self) -> list[Event]:
        rows = self._db.connection.execute(
            f"SELECT {_COLUMNS} FROM event ORDER BY starts_at, id"
        ).fetchall()
        return [_event(row) for row in rows]

    def sample_size(self) -> tuple[int, int]:
        """How many sample events and sample people are left, in one query (people by the
        partial index person_sample). Home's banner asks at start-up, so this sits with the
        events, which Home loads anyway, rather than loading the people's module for it."""
        row = self._db.connection.execute(
            "SELECT (SELECT count(*) FROM event WHERE is_sample),"
            " (SELECT count(*) FROM person WHERE is_sample)"
        ).fetchone()
        return int(row[0]), int(row[1])

    def upcoming(self, now: datetime) -> list[Event]:
        """Events not over at `now` (ending after it), in start order. Stored times are whole
        seconds of fixed-width UTC text, so comparing the text compares the times."""
        rows = self._db.connection.execute(
            f"SELECT {_COLUMNS} FROM event WHERE ends_at > ? ORDER BY starts_at, id",
            (utc_text(now),),
        ).fetchall()
        return [_event(row) for row in rows]

    def summaries(self) -> list[EventSummary]:
        """Events in start order with the counts the events list shows, in one query."""
        rows = self._db.connection.execute(
            f"""
            SELECT {_COLUMNS},
                (SELECT count(*) FROM attendance a WHERE a.event_id = event.id),
                (SELECT count(*) FROM goal g WHERE g.event_id = event.id),
                (SELECT count(*) FROM attendance a
                   WHERE a.event_id = event.id AND a.status = 'met')
            FROM event ORDER BY starts_at, id
            """
        ).fetchall()
        return [EventSummary(_event(row), row[9], row[10], row[11]) for row in rows]

    def find(self, text: str) -> list[Event]:
        """Events whose name contains `text`, ignoring case in every script ("FÓRUM" finds
        "Fórum"). Filtered in Python: SQLite's LIKE folds ASCII letters only, and a user has
        hundreds of events, not millions."""
        needle = text.casefold()
        return [event for event in self.all() if needle in event.name.casefold()]

    def delete(self, event_id: EventId) -> EventSnapshot:
        with self._db.transaction() as conn:
            cursor = conn.cursor()
            cursor.row_factory = sqlite3.Row
            row = cursor.execute("SELECT * FROM event WHERE id = ?", (event_id,)).fetchone()
            if row is None:
                raise NotFoundError(f"event {event_id} does not exist")
            owned = []
            for table, sql in _OWNED:
                rows = conn.execute(sql, (event_id,))
                columns = tuple(column[0] for column in rows.description)
                owned.append((table, columns, tuple(rows.fetchall())))
            linked = tuple(
                (
                    table,
                    tuple(
                        r[0]
                        for r in conn.execute(
                            f"SELECT id FROM {table} WHERE event_id = ?", (event_id,)
                        )
                    ),
                )
                for table in _LINKED
            )
            conn.execute("DELETE FROM event WHERE id = ?", (event_id,))
        return EventSnapshot(dict(row), tuple(owned), linked)

    def remove(self, event_id: EventId) -> None:
        """Delete the event with everything it owns, keeping no snapshot: for a caller that
        records the rows the delete writes (storage/recording.py) instead."""
        with self._db.transaction() as conn:
            if conn.execute("DELETE FROM event WHERE id = ?", (event_id,)).rowcount != 1:
                raise NotFoundError(f"event {event_id} does not exist")

    def restore(self, snapshot: EventSnapshot) -> Event:
        with self._db.transaction() as conn:
            _insert(conn, "event", snapshot.event_row)
            for table, columns, rows in snapshot.owned:
                marks = ", ".join("?" for _ in columns)
                conn.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows
                )
            for table, ids in snapshot.linked:
                conn.executemany(
                    f"UPDATE {table} SET event_id = ? WHERE id = ?",
                    [(snapshot.event_id, row_id) for row_id in ids],
                )
        return self.get(snapshot.event_id)


def _values(event: Event) -> tuple[Any, ...]:
    """The event's columns, in _FIELDS order."""
    return (
        event.name,
        utc_text(event.start),
        utc_text(event.end),
        event.timezone,
        event.venue,
        event.url,
        event.notes,
        int(event.is_sample),
    )


def _to_the_second(event: Event) -> Event:
    """Times are stored to the second; return what a later read will give back."""
    return replace(
        event, start=event.start.replace(microsecond=0), end=event.end.replace(microsecond=0)
    )


def _insert(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> None:
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))
