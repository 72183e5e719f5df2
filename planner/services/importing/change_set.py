"""What one import changed, as a change set storage can apply both ways: the rows it added,
and the before and after images of the rows it changed or deleted. Undo applies the before
images, redo the after images, with the same ids (planner.storage.changes.apply_changes).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from planner.domain.ids import AttendanceId, EventId, PersonId
from planner.services.importing.matching import Known, KnownAttendance
from planner.services.importing.writes import PendingWrites
from planner.storage import imports as store
from planner.storage.changes import ChangeSet, TableChanges
from planner.storage.imports import ATTENDANCE_COLUMNS, REVIEW_COLUMNS
from planner.storage.people import PERSON_COLUMNS

__all__ = ["ImportChanges", "import_changes"]

RELEASE_BATCH = 5000  # rows handled between yields of the GIL when building the change set


@dataclass(frozen=True, slots=True)
class ImportChanges:
    """Everything one import wrote, to undo it as one step and redo it with the same ids."""

    event_id: EventId
    source: str
    people_added: tuple[PersonId, ...]
    people_updated: tuple[PersonId, ...]  # known people filled in or brought up to date
    attendances_added: tuple[AttendanceId, ...]
    attendances_updated: tuple[AttendanceId, ...]  # default role filled in
    attendances_removed: tuple[AttendanceId, ...]  # the file says they are not coming
    reviews_added: tuple[int, ...]
    rows: ChangeSet  # before and after images of every row written

    @property
    def is_empty(self) -> bool:
        return len(self.rows) == 0


def import_changes(
    conn: Any,
    event_id: EventId,
    source: str,
    new_people: Sequence[Known],
    new_attendances: Sequence[KnownAttendance],
    review_rows: Sequence[tuple[Any, ...]],
    writes: PendingWrites,
) -> ImportChanges:
    """The change set of an import whose writes are all flushed: the rows it added, and
    the after image of each row `writes` holds a before image of, read back in the
    import's transaction."""
    before_people, before_attendances = writes.before_people, writes.before_attendances
    removed_attendances = writes.removed_attendances
    updated_ids = sorted(before_people)
    after_people = {row[0]: row for row in store.people_rows(conn, updated_ids)}
    updated_attendances = sorted(before_attendances)
    after_attendances = {row[0]: row for row in store.attendance_rows(conn, updated_attendances)}
    people = _columns([k.values for k in new_people], len(PERSON_COLUMNS))
    attendances = _columns([a.row or [] for a in new_attendances], len(ATTENDANCE_COLUMNS))
    reviews = _columns(review_rows, len(REVIEW_COLUMNS))
    rows = ChangeSet(
        (
            TableChanges(
                "person",
                PERSON_COLUMNS,
                1,
                tuple((before_people[i], after_people[i]) for i in updated_ids),
                people,
            ),
            TableChanges(
                "attendance",
                ATTENDANCE_COLUMNS,
                1,
                (
                    *((before_attendances[i], after_attendances[i]) for i in updated_attendances),
                    *((before, None) for before in removed_attendances.values()),
                ),
                attendances,
            ),
            TableChanges("import_review", REVIEW_COLUMNS, 1, (), reviews),
        )
    )
    return ImportChanges(
        event_id=event_id,
        source=source,
        people_added=people[0] if people else (),
        people_updated=tuple(PersonId(i) for i in updated_ids),
        attendances_added=attendances[0] if attendances else (),
        attendances_updated=tuple(AttendanceId(i) for i in updated_attendances),
        attendances_removed=tuple(AttendanceId(i) for i in sorted(removed_attendances)),
        reviews_added=reviews[0] if reviews else (),
        rows=rows,
    )


def _columns(rows: Sequence[Sequence[Any]], width: int) -> tuple[tuple[Any, ...], ...]:
    """Rows turned column by column, a batch at a time (see TableChanges.added)."""
    if not rows:
        return ()
    columns: list[list[Any]] = [[] for _ in range(width)]
    for start in range(0, len(rows), RELEASE_BATCH):
        batch = rows[start : start + RELEASE_BATCH]
        # Every row has the table's width: zip(*batch) turns the batch into its columns.
        for column, values in zip(columns, zip(*batch, strict=False), strict=False):
            column.extend(values)
        time.sleep(0)
    return tuple(tuple(column) for column in columns)
