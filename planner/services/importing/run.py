"""One import under way: what each prepared row does once `matching` has said whom it is, in
file order, inside the import's transaction.

- A merge fills the fields that are empty on the person already known. On a person nobody has
  edited since an import wrote them (person.imported_at is set), it also replaces the company,
  title, phone and LinkedIn profile the file has new values for: an updated list updates what
  changed. The email and the names stay: they are what the person was recognised by. A person
  this import added is only filled by later rows of the same file.
- A row that is nobody known adds a person, and a review item when it may be someone known.
- Everyone imported gets an attendance at the event; one that exists is kept (with the
  user's status), its role only filled in when it was the default.
- A row whose status says the person is not coming (cancelled, refunded...) is left out, and
  when the person it names (by email, else by the very same name, and only one person) was
  on the event's list before this import, no other row has them coming, and the user has not
  started planning to meet them (status, priority, notes, goals, follow-ups, interactions
  all untouched), their attendance is deleted: an updated list takes them off. The row's
  reason in the report says so, or that they were kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from planner.domain.dedupe import (
    R_BLOCKS,
    R_COMPANY_KEY,
    R_COMPARE,
    R_EMAIL_KEY,
    R_FAMILY_NAME,
    R_FULL_NAME,
    R_GIVEN_NAME,
    R_LINE,
    R_LINKEDIN_KEY,
    R_NAMED_BY_EMAIL,
    R_NOTES,
    R_ROLE,
    Prepared,
    name_key,
)
from planner.domain.enums import AttendanceStatus, AttendeeRole, PriorityTier, ResearchStatus
from planner.domain.ids import EventId
from planner.domain.importing import ImportReport, ReviewItem, Skipped, Withdrawn
from planner.services.importing.change_set import ImportChanges, import_changes
from planner.services.importing.matching import Known, KnownAttendance, PeopleIndex
from planner.services.importing.writes import PendingWrites
from planner.services.memory import forget
from planner.storage import imports as store
from planner.storage.codec import now_text
from planner.storage.imports import (
    FILL_ORDER,
    P_FAMILY_NAME,
    P_FULL_NAME,
    P_GIVEN_NAME,
    P_IMPORTED_AT,
    P_NOTES,
    P_UPDATED_AT,
    REFRESH_ORDER,
)

if TYPE_CHECKING:
    from planner.services.importing.rows import RowPreparer

__all__ = ["ImportRun"]

FREE_BATCH = 1000  # entries of the matching index freed between yields of the GIL

_ATTENDEE = AttendeeRole.ATTENDEE.value
_NICE_TO_MEET = PriorityTier.NICE_TO_MEET.value
_TO_MEET = AttendanceStatus.TO_MEET.value
_NOT_STARTED = ResearchStatus.NOT_STARTED.value


class ImportRun:
    """One import's matching index, decisions and pending writes. Rows come prepared
    (`RowPreparer`); `preparer` also makes the keys of the people already in the database."""

    def __init__(
        self,
        conn: Any,
        event_id: EventId,
        source: str,
        report: ImportReport,
        preparer: RowPreparer,
    ) -> None:
        self.conn = conn
        self.event_id = event_id
        self.source = source
        self.report = report
        self.stamp = now_text()
        self.next_person = store.next_id(conn, "person")
        self.next_attendance = store.next_id(conn, "attendance")
        self.next_review = store.next_id(conn, "import_review")
        self.writes = PendingWrites(conn)
        self.new_people: list[Known] = []
        self.updated_people: dict[int, Known] = {}
        self.new_attendances: list[KnownAttendance] = []
        self.review_rows: list[tuple[Any, ...]] = []
        self.withdrawn: list[tuple[int, Withdrawn]] = []  # (position in report.skipped, row)
        self.placed = 0  # rows placed so far
        self.flushed_at = 0  # rows placed at the last flush
        self.index = index = PeopleIndex(preparer)
        self._match = index.match
        index.load(store.people_for_matching(conn), store.attendances_at(conn, event_id))

    # placing ---------------------------------------------------------------------------

    def place(self, row: Prepared) -> None:
        """Match a prepared row (planner.services.importing.rows) and record what it adds."""
        self.placed += 1
        certain, uncertain = self._match(row)
        report = self.report
        if certain is not None:
            report.merged += 1
            self._fill(certain, row)
            target = certain
        else:
            target = self._add(row)
            report.added += 1
            if uncertain is not None:
                other, score = uncertain
                review = (
                    self.next_review,
                    self.event_id,
                    self.source,
                    row[R_LINE],
                    target.id,
                    other.id,
                    round(min(max(score, 0.0), 100.0), 1),
                    self.stamp,
                )
                self.next_review += 1
                self.review_rows.append(review)
                self.writes.pending_reviews.append(review)
                report.review.append(ReviewItem(row[R_LINE], target.id, other.id, review[6]))
        self._attend(target, row[R_ROLE])

    def _add(self, row: Prepared) -> Known:
        stamp = self.stamp
        # R_FULL_NAME .. R_NOTES are the person's columns after its id, up to is_sample.
        values = [self.next_person, *row[R_FULL_NAME : R_NOTES + 1], 0, stamp, stamp, stamp]
        self.next_person += 1
        known = Known(
            values,
            True,
            row[R_NAMED_BY_EMAIL],
            row[R_COMPARE],
            row[R_EMAIL_KEY],
            row[R_LINKEDIN_KEY],
            row[R_COMPANY_KEY],
        )
        self.new_people.append(known)
        self.writes.pending_people.append(known)
        self.index.add(known, row[R_BLOCKS])
        return known

    def _fill(self, known: Known, row: Prepared) -> None:
        """Fill the known person's empty fields from the row, and for a person as an import
        left them (`refreshable`) replace the fields of REFRESH_ORDER the row has new values
        for. Nothing the user has edited is overwritten."""
        values = known.values
        changed = refreshed = False
        if known.refreshable:
            # The first row of the file that is this person says what changed; later rows of
            # it only fill, as they did when the file was first imported: the same file
            # imported again changes nothing.
            known.refreshable = False
            for index in REFRESH_ORDER:  # a person column's index is the prepared row's too
                value = row[index]
                if value and values[index] and value != values[index]:
                    values[index] = value
                    refreshed = True
        if known.named_by_email and not row[R_NAMED_BY_EMAIL]:
            values[P_FULL_NAME] = row[R_FULL_NAME]
            changed = True
        if (
            values[P_GIVEN_NAME] is None
            and values[P_FAMILY_NAME] is None
            and (row[R_GIVEN_NAME] or row[R_FAMILY_NAME])
            and name_key(values[P_FULL_NAME]) == name_key(row[R_FULL_NAME])
        ):
            values[P_GIVEN_NAME] = row[R_GIVEN_NAME]
            values[P_FAMILY_NAME] = row[R_FAMILY_NAME]
            changed = True
        for index in FILL_ORDER:  # a person column's index is the prepared row's too
            value = row[index]
            if value and not values[index]:
                values[index] = value
                changed = True
        if row[R_NOTES] and values[P_NOTES] == "":
            values[P_NOTES] = row[R_NOTES]
            changed = True
        if refreshed:
            changed = True
            values[P_IMPORTED_AT] = self.stamp  # still as an import left them
        if not changed:
            return
        self.index.refile(known)
        if not known.is_new:
            values[P_UPDATED_AT] = self.stamp
            self.updated_people[known.id] = known
            self.report.updated = len(self.updated_people)
        if known.flushed and not known.dirty:
            known.dirty = True
            self.writes.dirty_people.append(known)

    def _attend(self, known: Known, role: str) -> None:
        attendance = known.attendance
        if attendance is None:
            attendance_id = self.next_attendance
            row: list[Any] = [
                attendance_id,
                self.event_id,
                known.id,
                role,
                _NICE_TO_MEET,  # the column before tiers were pinned
                _TO_MEET,
                "",
                "",
                "",
                "",
                None,  # no tier pinned: the ranking suggests one
                _NOT_STARTED,
            ]
            self.next_attendance += 1
            attendance = KnownAttendance(attendance_id, role, row)
            known.attendance = attendance
            self.new_attendances.append(attendance)
            self.writes.pending_attendances.append(attendance)
            self.report.attendances_added += 1
        else:
            attendance.confirmed = True  # a row of this file has them coming
        if attendance.role == _ATTENDEE and role != _ATTENDEE:
            attendance.role = role
            if attendance.row is not None:
                attendance.row[3] = role
            if attendance.flushed and not attendance.dirty:
                attendance.dirty = True
                self.writes.dirty_attendances.append(attendance)

    # people no longer coming -------------------------------------------------------------

    def take_off_withdrawn(self) -> None:
        """After every row is placed: take off the event's list the people a row says are not
        coming (`Withdrawn`), when an earlier import put them there, no row of this file has
        them coming after all, and the user has not started planning to meet them. Each such
        row's reason in the report says what became of the person."""
        if not self.withdrawn:
            return
        on_list = self.index.on_list
        found = [(at, row, on_list(row)) for at, row in self.withdrawn]
        candidates = [known.attendance.id for _, _, known in found if known and known.attendance]
        unplanned = store.unplanned_attendances(self.conn, candidates) if candidates else set()
        leaving: dict[int, Known] = {}
        skipped = self.report.skipped
        for at, row, known in found:
            if known is None or known.attendance is None:
                continue
            if known.attendance.id in unplanned:
                reason = f"{row.reason}: taken off the event's list"
                leaving[known.attendance.id] = known
            else:
                reason = f"{row.reason}: kept on the event's list, with your plans for them"
            skipped[at] = Skipped(row.line, reason)
        if not leaving:
            return
        ids = sorted(leaving)
        self.writes.remove_attendances(ids)
        for known in leaving.values():
            known.attendance = None
        self.report.attendances_removed = len(ids)

    # writing ---------------------------------------------------------------------------

    def flush(self) -> None:
        self.flushed_at = self.placed
        self.writes.flush()

    def changes(self) -> ImportChanges:
        """What the import wrote, once the last rows are flushed."""
        return import_changes(
            self.conn,
            self.event_id,
            self.source,
            self.new_people,
            self.new_attendances,
            self.review_rows,
            self.writes,
        )

    def release(self) -> None:
        """Drop the index a little at a time, giving up the GIL in between: freeing a
        hundred thousand people in one go would hold up every other thread."""
        self.writes.before_people.clear()
        self.writes.before_attendances.clear()
        index = self.index
        forget(
            (
                index.blocks,
                index.exact,
                index.by_email,
                index.by_linkedin,
                self.updated_people,
                self.new_people,
                self.new_attendances,
                self.review_rows,
            ),
            FREE_BATCH,
        )
