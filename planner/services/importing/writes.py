"""An import's writes: the people, attendances and review items it has decided on, written in
batches through planner.storage.imports, inside the import's one transaction.

Before the first write that changes a row already in the database, the row is read as it
was: those before images are what undo puts back (see change_set).
"""

from __future__ import annotations

from typing import Any

from planner.services.importing.matching import Known, KnownAttendance
from planner.storage import imports as store
from planner.storage.imports import P_FULL_NAME, P_ID, P_IMPORTED_AT, P_NOTES, P_UPDATED_AT

__all__ = ["PendingWrites"]


class PendingWrites:
    """The rows an import has added or changed since its last `flush`, and the before image
    of every row it has changed so far. The import appends to the lists as it places rows
    (each person or attendance once: `dirty` says it is listed) and flushes every few
    thousand rows."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.pending_people: list[Known] = []  # added, not yet written
        self.dirty_people: list[Known] = []  # written (or known) and changed since
        self.pending_attendances: list[KnownAttendance] = []
        self.dirty_attendances: list[KnownAttendance] = []
        self.pending_reviews: list[tuple[Any, ...]] = []
        self.before_people: dict[int, tuple[Any, ...]] = {}
        self.before_attendances: dict[int, tuple[Any, ...]] = {}
        self.removed_attendances: dict[int, tuple[Any, ...]] = {}

    def flush(self) -> None:
        conn = self.conn
        if self.pending_people:
            store.insert_people(conn, [k.values for k in self.pending_people])
            for known in self.pending_people:
                known.flushed = True
            self.pending_people = []
        if self.dirty_people:
            missing = [
                k.id for k in self.dirty_people if not k.is_new and k.id not in self.before_people
            ]
            for row in store.people_rows(conn, missing):
                self.before_people[row[0]] = row
            store.update_people(
                conn,
                [
                    (
                        *k.values[P_FULL_NAME : P_NOTES + 1],
                        k.values[P_UPDATED_AT],
                        k.values[P_IMPORTED_AT],
                        k.values[P_ID],
                    )
                    for k in self.dirty_people
                ],
            )
            for known in self.dirty_people:
                known.dirty = False
            self.dirty_people = []
        if self.pending_attendances:
            store.insert_attendances(conn, [a.row or () for a in self.pending_attendances])
            for attendance in self.pending_attendances:
                attendance.flushed = True
            self.pending_attendances = []
        if self.dirty_attendances:
            missing = [
                a.id
                for a in self.dirty_attendances
                if not a.is_new and a.id not in self.before_attendances
            ]
            for row in store.attendance_rows(conn, missing):
                self.before_attendances[row[0]] = row
            store.set_attendance_roles(conn, [(a.role, a.id) for a in self.dirty_attendances])
            for attendance in self.dirty_attendances:
                attendance.dirty = False
            self.dirty_attendances = []
        if self.pending_reviews:
            store.insert_reviews(conn, self.pending_reviews)
            self.pending_reviews = []

    def remove_attendances(self, ids: list[int]) -> None:
        """Delete these attendances (from before the import), keeping each row as it was."""
        for before in store.attendance_rows(self.conn, ids):
            self.removed_attendances[before[0]] = before
        store.delete_attendances(self.conn, ids)
