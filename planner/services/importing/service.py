"""Importing attendee lists: read a file, choose its columns, match its rows against the people
already known, and write the lot in one transaction that can be undone as one step.

How the GUI uses it
-------------------
1. In a worker thread: ``prepared = prepare_import(path, progress=..., cancelled=...)`` reads
   the file (FileProblem when it cannot be read, ImportCancelled when the user gives up on a
   long read; nothing is written). Then, on the GUI thread (it reads the database):
   ``prepared = with_remembered(prepared, workspace)`` puts back the columns the user chose
   the last time a file with the same headers was imported (``prepared.remembered``).
2. The user checks ``prepared.mapping`` against a preview of ``prepared.table.rows``.
3. In a worker thread, on its own connection:
   ``db = workspace.second_connection()`` then
   ``outcome = run_import(db, table, mapping, event_id, layout=..., progress=..., cancelled=...)``
   and ``db.close()``. The import holds one write transaction for the whole file: the GUI
   thread can go on reading through its own connection (WAL), but must not write until the
   import is over (a write would wait, then fail with "database is locked").
   ``progress(done, total)`` and ``cancelled()`` are called from the worker thread about every
   500 rows. A cancel raises ImportCancelled; any error propagates; in both cases the
   transaction is rolled back and the database is as it was.
4. Back on the GUI thread: ``remember_mapping(workspace, table.headers, mapping)`` and an undo
   command whose undo/redo call ``undo_import(workspace, outcome.changes)`` /
   ``redo_import(workspace, outcome.changes)``. Each is one transaction; for a list of
   100,000+ rows they take a second or so, so a GUI may run them in a worker as well (they
   take a Database too).

While an import runs, Python's cyclic garbage collector is off (process-wide: it would walk
the growing matching index again and again) and is switched back on at the end; the index is
freed in small steps so that no other thread waits on the GIL for long. Run one import at a
time.

Matching
--------
- The same email (trimmed, case-folded) is the same person, unless both rows carry a name and
  the names are unalike (a shared office address): then it is a review case.
- Otherwise names are compared fuzzily (rapidfuzz token_sort_ratio on name keys), only with
  people sharing a block key (planner.domain.dedupe.block_keys). Name ≥ 92 with the same
  company (company keys ≥ 90 alike) or the same LinkedIn profile, and no different email on
  both sides, is certain: the row is merged. Otherwise a score of ≥ 80 (the name score, or
  70 % name and 30 % company when both have a company) adds the person and a review item
  the user resolves later with resolve_review. When both have an email and the emails
  differ, only a name ≥ 92 at the same company (or with the same LinkedIn profile) is worth
  a review: a namesake with another address is someone else. Below that, a new person.
  The very same name with no company to compare counts as certain when that person was
  already on this event's list before the import (the same list imported again).
- A merge fills the fields that are empty on the person already known. On a person nobody has
  edited since an import wrote them (person.imported_at is set), it also replaces the company,
  title, phone and LinkedIn profile the file has new values for: an updated list updates what
  changed. The email and the names stay: they are what the person was recognised by. A person
  this import added is only filled by later rows of the same file.
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

import contextlib
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.domain.dedupe import (
    CERTAIN_NAME,
    EMAIL_NAME_FLOOR,
    MAX_BLOCK,
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
    SAME_COMPANY,
    UNCERTAIN,
    Prepared,
    compare_of,
    email_key,
    name_key,
)
from planner.domain.enums import AttendanceStatus, AttendeeRole, PriorityTier
from planner.domain.ids import AttendanceId, EventId, PersonId
from planner.domain.importing import (
    ChangedValue,
    Field,
    ImportCancelled,
    ImportReport,
    Layout,
    Mapping,
    ReviewItem,
    Skipped,
    Table,
    Withdrawn,
)
from planner.services.memory import bulk_objects, forget
from planner.services.workspace import Target, database_of
from planner.storage import imports as store
from planner.storage.changes import ChangeSet, TableChanges, apply_changes
from planner.storage.codec import now_text
from planner.storage.database import Database
from planner.storage.errors import NotFoundError
from planner.storage.imports import (
    ATTENDANCE_COLUMNS,
    FILL_ORDER,
    P_COMPANY,
    P_EMAIL,
    P_FAMILY_NAME,
    P_FULL_NAME,
    P_GIVEN_NAME,
    P_ID,
    P_IMPORTED_AT,
    P_LINKEDIN_URL,
    P_NOTES,
    P_UPDATED_AT,
    REFRESH_ORDER,
    REVIEW_COLUMNS,
)
from planner.storage.people import PERSON_COLUMNS

if TYPE_CHECKING:
    from planner.services.importing.rows import RowPreparer

__all__ = [
    "IDENTITY_FIELDS",
    "ImportCancelled",
    "ImportChanges",
    "ImportOutcome",
    "PreparedImport",
    "maps_identity",
    "prepare_import",
    "redo_import",
    "remember_mapping",
    "remembered_mapping",
    "run_import",
    "undo_import",
    "with_remembered",
]

BEST_PER_BLOCK = 10  # the closest names of each block are weighed, not every one above 80
BULK_CACHE_KIB = 65536  # SQLite page cache for the import's connection
RELEASE_BATCH = 5000  # rows handled between yields of the GIL when building the change set
FREE_BATCH = 1000  # entries of the matching index freed between yields of the GIL
RELEASE_AFTER_S = 1.0  # how long after an import its matching index starts to be freed
FLUSH_EVERY = 5000  # rows between writes (executemany batches)

IDENTITY_FIELDS = frozenset({Field.FULL_NAME, Field.GIVEN_NAME, Field.FAMILY_NAME, Field.EMAIL})


def maps_identity(mapping: Mapping) -> bool:
    """True when the mapping takes a name or an email column: the least an import needs."""
    return bool(IDENTITY_FIELDS & set(mapping.values()))


# --- reading and choosing the columns -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class PreparedImport:
    """A file read and its columns chosen, ready to show, adjust and import."""

    table: Table
    layout: Layout | None  # the export format recognised, if any
    mapping: Mapping  # the layout's, the remembered one, or the best guess
    remembered: bool = False  # the mapping is the user's choice for these headers last time

    @property
    def can_import(self) -> bool:
        return maps_identity(self.mapping)


def prepare_import(
    path: Path,
    target: Target | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PreparedImport:
    """Read `path` and choose its columns. Raises FileProblem (nothing written), or
    ImportCancelled when `cancelled()` turns true while the file is read. `progress(done,
    total)` hears how far the read is (rows, contacts or characters).

    Without `target` it does not touch the database, so it can run in any thread; with one,
    it also applies the remembered mapping (use the database only from its own thread).
    """
    from planner.interchange.layouts import guess_mapping
    from planner.interchange.tables import read_table

    def watch(done: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        if progress is not None:
            progress(done, total)

    with bulk_objects():  # a large file is a few hundred thousand lists and tuples
        table = read_table(path, watch if progress or cancelled else None)
    layout, mapping = guess_mapping(table)
    prepared = PreparedImport(table, layout, dict(mapping))
    return prepared if target is None else with_remembered(prepared, target)


def with_remembered(prepared: PreparedImport, target: Target) -> PreparedImport:
    """The same file with the columns the user chose last time for these headers, if any."""
    mapping = remembered_mapping(target, prepared.table.headers)
    if mapping is None:
        return prepared
    width = len(prepared.table.headers)
    mapping = {column: field for column, field in mapping.items() if column < width}
    if not mapping:
        return prepared
    return replace(prepared, mapping=mapping, remembered=True)


def save_left_out(path: Path, table: Table, report: ImportReport) -> int:
    """Write the rows and lines the import of `table` left out to `path` (a CSV to fix and
    import again; see planner.interchange.left_out), replacing it in one step. Returns how
    many were written."""
    from planner.interchange.atomic import write_atomically
    from planner.interchange.left_out import left_out_csv

    left_out = [*report.skipped, *report.unread]
    write_atomically(path, left_out_csv(table, left_out))
    return len(left_out)


def remember_mapping(target: Target, headers: Iterable[str], mapping: Mapping) -> None:
    """Keep the user's column choice for files with these headers."""
    from planner.interchange.tables import header_signature

    headers = tuple(headers)
    store.save_mapping(database_of(target), header_signature(headers), headers, mapping)


def remembered_mapping(target: Target, headers: Iterable[str]) -> Mapping | None:
    from planner.interchange.tables import header_signature

    return store.load_mapping(database_of(target), header_signature(tuple(headers)))


# --- the import itself ----------------------------------------------------------------------


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


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    report: ImportReport
    changes: ImportChanges


def run_import(
    target: Target,
    table: Table,
    mapping: Mapping,
    event_id: EventId,
    *,
    layout: Layout | None = None,
    default_region: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    parallel: bool | None = None,
) -> ImportOutcome:
    """Import every row of `table` into the event, in one transaction.

    `layout` only names the format in the report (when `mapping` is still its mapping).
    `default_region` (e.g. "PT") places phone numbers written without a country code.
    `parallel`: share the preparation of rows with a helper process (see
    `planner.services.importing.rows`); by default a large file does, a small one does not.
    Raises ImportCancelled when `cancelled()` turns true, NotFoundError when the event does
    not exist, ValueError when the mapping has no name or email column; the database is
    unchanged whenever it raises.
    """
    from planner.interchange.layouts import row_plan
    from planner.services.importing.rows import PreparedChunks, RowPreparer

    if not maps_identity(mapping):
        raise ValueError("the mapping takes no column of names or emails")
    db = database_of(target)
    report = ImportReport(
        source=table.source,
        layout=layout.name if layout is not None and layout.mapping == mapping else None,
        encoding=table.encoding,
        rows=len(table.rows) + len(table.left_out),
        skipped=[skipped for skipped, _ in table.left_out],
        unread=list(table.unread),
    )
    total = len(table.rows)
    runs: list[_Run] = []
    plan = row_plan(table, mapping)
    report.changed.extend(
        ChangedValue(
            table.header_line or 1,
            field,
            _spelled(table, column, word),
            f"read as empty in {count:,} rows: the “{table.headers[column]}” column writes "
            "it for nothing",
        )
        for column, field, word, count in plan.conventions
    )
    preparer = RowPreparer(plan, default_region)
    # Made first, so a helper process starts while the people already known are loaded.
    # Closed on the way out, so the helper stops at once on a cancel or an error.
    chunks = PreparedChunks(table.rows, preparer, parallel=parallel)
    with chunks, _bulk_work(db):
        try:
            with db.transaction() as conn:
                if not store.event_exists(conn, event_id):
                    raise NotFoundError(f"event {event_id} does not exist")
                run = _Run(conn, event_id, table.source, report, preparer)
                runs.append(run)
                done = 0
                place, skipped, changed = run.place, report.skipped, report.changed
                withdrawn = run.withdrawn
                for chunk in chunks:
                    before = len(changed)
                    for row in chunk:
                        if isinstance(row, tuple):
                            place(row)
                        elif isinstance(row, Skipped):
                            if isinstance(row, Withdrawn):
                                withdrawn.append((len(skipped), row))
                            skipped.append(row)
                        else:
                            changed.append(row)
                    done += len(chunk) - (len(changed) - before)  # rows, not their values
                    if run.placed - run.flushed_at >= FLUSH_EVERY:
                        run.flush()
                    time.sleep(0)  # let the GUI thread have the GIL now
                    if cancelled is not None and cancelled():
                        raise ImportCancelled()
                    if progress is not None and done < total:  # the last once committed
                        progress(done, total)
                run.take_off_withdrawn()
                run.flush()
                changes = run.changes()
                if cancelled is not None and cancelled():  # the last chance, before the commit
                    raise ImportCancelled()
        finally:
            # The matching index and the preparer's memory go in a thread of their own, a
            # little at a time, once the caller has taken the result: 0.2 s for a large file
            # that the result need not wait for, and that would slow a GUI putting it on screen.
            threading.Thread(
                target=_release, args=(runs, preparer), name="import release", daemon=True
            ).start()
            del runs
    if progress is not None:
        progress(total, total)
    return ImportOutcome(report, changes)


def _spelled(table: Table, column: int, word: str) -> str:
    """`word` (case-folded) as the column first writes it ("NULL")."""
    for row in table.rows:
        cell = row.cells[column].strip() if column < len(row.cells) else ""
        if cell.casefold() == word:
            return cell
    return word


def _release(runs: list[_Run], preparer: RowPreparer) -> None:
    time.sleep(RELEASE_AFTER_S)
    for run in runs:
        run.release()
    preparer.release()


@contextlib.contextmanager
def _bulk_work(db: Database) -> Iterator[None]:
    """For the length of an import: a 64 MB page cache on its connection (the person and
    attendance indexes take every row), and the garbage collector kept off the rows and the
    matching index (`bulk_objects`: it walked the growing index again and again, a third of
    the time). The cache size is put back afterwards."""
    with store.page_cache(db.connection, BULK_CACHE_KIB), bulk_objects():
        yield


def undo_import(target: Target, changes: ImportChanges) -> None:
    """Take the whole import back: its people, attendances and review items go, the people it
    filled in get their empty fields back. One transaction."""
    with database_of(target).transaction() as conn:
        apply_changes(conn, changes.rows, "before")


def redo_import(target: Target, changes: ImportChanges) -> None:
    """Write the import again exactly, with the same ids. One transaction."""
    with database_of(target).transaction() as conn:
        apply_changes(conn, changes.rows, "after")


# Indexes into PERSON_COLUMNS.
_ATTENDEE = AttendeeRole.ATTENDEE.value
_NICE_TO_MEET = PriorityTier.NICE_TO_MEET.value
_TO_MEET = AttendanceStatus.TO_MEET.value

# The blocks a row searches, as (mark, lowest name score), by what the row has: no email
# (anyone may be them), an email and a company block key, or an email and a name key.
_ANY_PERSON: tuple[tuple[str, float], ...] = (("-", UNCERTAIN), ("@", UNCERTAIN))
_SAME_COMPANY: tuple[tuple[str, float], ...] = (("-", UNCERTAIN), ("@", CERTAIN_NAME))
_NO_EMAIL_ONLY: tuple[tuple[str, float], ...] = (("-", UNCERTAIN),)


class _Known:
    """A person in the matching index: someone in the database or added by this import."""

    __slots__ = (
        "attendance",
        "company_key",
        "compare",
        "dirty",
        "email_key",
        "flushed",
        "is_new",
        "linkedin_key",
        "named_by_email",
        "refreshable",
        "values",
    )

    def __init__(
        self,
        values: list[Any],
        is_new: bool,
        named_by_email: bool,
        compare: str,
        email_key: str | None,
        linkedin_key: str | None,
        company_key: str,
        refreshable: bool = False,
    ) -> None:
        # values: in PERSON_COLUMNS order; notes and imported_at None = unknown (kept as they
        # are). The keys are RowPreparer.keys of the same values (made by the row or the load
        # that adds it). refreshable: in the database, and nobody has edited them since an
        # import wrote them, so this import may replace what changed (REFRESH_ORDER).
        self.values = values
        self.refreshable = refreshable
        self.is_new = is_new
        self.flushed = not is_new
        self.dirty = False
        self.attendance: _Attendance | None = None
        self.named_by_email = named_by_email
        self.compare = compare
        self.email_key = email_key
        self.linkedin_key = linkedin_key
        self.company_key = company_key

    @property
    def id(self) -> int:
        return int(self.values[P_ID])


class _Attendance:
    __slots__ = ("confirmed", "dirty", "flushed", "id", "is_new", "role", "row")

    def __init__(self, attendance_id: int, role: str, row: list[Any] | None) -> None:
        self.id = attendance_id
        self.role = role
        self.row = row  # the full row when this import adds it
        self.is_new = row is not None
        self.flushed = row is None
        self.dirty = False
        self.confirmed = False  # a row of this file has the person coming


class _Match:
    """The best candidates found so far for one row."""

    __slots__ = ("certain", "company", "email_key", "linkedin", "ratio", "seen", "uncertain")

    def __init__(
        self,
        email: str | None,
        company: str,
        linkedin: str | None,
        ratio: Callable[[str, str], float],
    ) -> None:
        self.email_key = email
        self.company = company
        self.linkedin = linkedin
        self.ratio = ratio  # rapidfuzz.fuzz.ratio, imported only when an import runs
        self.seen: set[int] = set()
        self.certain: tuple[_Known, float] | None = None
        self.uncertain: tuple[_Known, float] | None = None

    def consider(self, known: _Known, name_score: float) -> None:
        marker = id(known)
        if marker in self.seen:
            return
        self.seen.add(marker)
        company_score = None
        if self.company and known.company_key:
            company_score = self.ratio(self.company, known.company_key)
            score = 0.7 * name_score + 0.3 * company_score
        else:
            score = name_score
        email_conflict = (
            self.email_key is not None
            and known.email_key is not None
            and known.email_key != self.email_key
        )
        corroborated = (company_score or 0) >= SAME_COMPANY or (
            self.linkedin is not None and self.linkedin == known.linkedin_key
        )
        if not corroborated and name_score == 100 and company_score is None:
            # Already on this event's list under the very same name: the same list imported
            # again, not a namesake.
            attendance = known.attendance
            corroborated = attendance is not None and not attendance.is_new
        if name_score >= CERTAIN_NAME and corroborated and not email_conflict:
            if self.certain is None or score > self.certain[1]:
                self.certain = (known, score)
        elif (
            score >= UNCERTAIN
            and (not email_conflict or (name_score >= CERTAIN_NAME and corroborated))
            and (self.uncertain is None or score > self.uncertain[1])
        ):
            self.uncertain = (known, score)


class _Run:
    """One import's matching index and pending writes. Rows come prepared (`RowPreparer`);
    `preparer` also makes the keys of the people already in the database."""

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
        self.by_email: dict[str, list[_Known]] = {}
        self.by_linkedin: dict[str, list[_Known]] = {}
        self.blocks: dict[str, tuple[list[str], list[_Known]]] = {}
        self.exact: dict[tuple[str, str], list[_Known]] = {}
        self.next_person = store.next_id(conn, "person")
        self.next_attendance = store.next_id(conn, "attendance")
        self.next_review = store.next_id(conn, "import_review")
        self.new_people: list[_Known] = []
        self.pending_people: list[_Known] = []
        self.dirty_people: list[_Known] = []
        self.updated_people: dict[int, _Known] = {}
        self.before_people: dict[int, tuple[Any, ...]] = {}
        self.new_attendances: list[_Attendance] = []
        self.pending_attendances: list[_Attendance] = []
        self.dirty_attendances: list[_Attendance] = []
        self.before_attendances: dict[int, tuple[Any, ...]] = {}
        self.removed_attendances: dict[int, tuple[Any, ...]] = {}
        self.withdrawn: list[tuple[int, Withdrawn]] = []  # (position in report.skipped, row)
        self.known_on_list: list[_Known] = []  # on the event's list before this import
        self._by_listed_name: dict[str, list[_Known]] | None = None
        self.review_rows: list[tuple[Any, ...]] = []
        self.pending_reviews: list[tuple[Any, ...]] = []
        self.placed = 0  # rows placed so far
        self.flushed_at = 0  # rows placed at the last flush
        from rapidfuzz import fuzz, process

        self.ratio: Callable[..., float] = fuzz.ratio
        self.extract: Callable[..., list[tuple[str, float, int]]] = process.extract
        self.preparer = preparer
        self._load()

    # loading ---------------------------------------------------------------------------

    def _keys_of(
        self, values: Sequence[Any]
    ) -> tuple[bool, str, str | None, str | None, str, tuple[str, ...]]:
        """RowPreparer.keys of a person's values (PERSON_COLUMNS order): a row from the
        database, or a known person whose empty fields an import filled."""
        full_name, email, linkedin = values[P_FULL_NAME], values[P_EMAIL], values[P_LINKEDIN_URL]
        return self.preparer.keys(
            email is not None and full_name == email,
            full_name,
            values[P_GIVEN_NAME],
            values[P_FAMILY_NAME],
            email,
            values[P_COMPANY],
            linkedin.casefold() if linkedin else None,
        )

    def _load(self) -> None:
        people: dict[int, _Known] = {}
        index = self._index
        for row in store.people_for_matching(self.conn):
            # notes: '' when empty (an import may fill it), None when there is text.
            values = [*row[:9], None if row[9] else "", None, None, None, None]
            named_by_email, compare, email, linkedin, company, blocks = self._keys_of(values)
            known = _Known(
                values, False, named_by_email, compare, email, linkedin, company, bool(row[10])
            )
            people[known.id] = known
            index(known, blocks)
        for person_id, (attendance_id, role) in store.attendances_at(
            self.conn, self.event_id
        ).items():
            known_person = people.get(person_id)
            if known_person is not None:
                known_person.attendance = _Attendance(attendance_id, role, None)
                self.known_on_list.append(known_person)

    def _index(self, known: _Known, block_keys: Sequence[str]) -> None:
        if known.email_key:
            self.by_email.setdefault(known.email_key, []).append(known)
        if known.linkedin_key:
            self.by_linkedin.setdefault(known.linkedin_key, []).append(known)
        if known.compare:
            self._index_name(known, block_keys)

    def _index_name(self, known: _Known, block_keys: Sequence[str]) -> None:
        """File the person under their block keys, with "@" for people with an email (a row
        with another email only looks among them for a review case) and "-" without."""
        mark = "@" if known.email_key else "-"
        blocks = self.blocks
        compare = known.compare
        for key in block_keys:
            block = blocks.get(mark + key)
            if block is None:
                blocks[mark + key] = ([compare], [known])
            elif len(block[0]) < MAX_BLOCK:
                block[0].append(compare)
                block[1].append(known)
        self.exact.setdefault((compare, known.company_key), []).append(known)

    # matching --------------------------------------------------------------------------

    def place(self, row: Prepared) -> None:
        """Match a prepared row (planner.services.importing.rows) and write what it adds."""
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
                self.pending_reviews.append(review)
                report.review.append(ReviewItem(row[R_LINE], target.id, other.id, review[6]))
        self._attend(target, row[R_ROLE])

    def _match(self, row: Prepared) -> tuple[_Known | None, tuple[_Known, float] | None]:
        """(the person the row surely is, None) or (None, (whom it may be, score) or None)."""
        ratio = self.ratio
        compare = row[R_COMPARE]
        key = row[R_EMAIL_KEY]
        if key is not None:
            same_email = self.by_email.get(key)
            if same_email:
                best: tuple[_Known, float] | None = None
                for known in same_email:
                    if not compare or not known.compare:
                        return known, None
                    score = ratio(compare, known.compare)
                    if score >= EMAIL_NAME_FLOOR:
                        return known, None
                    if best is None or score > best[1]:
                        best = (known, score)
                return None, best
        if not compare:
            return None, None

        # Most rows have no one to consider: the _Match is made for the first candidate.
        company, linkedin = row[R_COMPANY_KEY], row[R_LINKEDIN_KEY]
        match: _Match | None = None
        if company:
            exact = self.exact.get((compare, company))
            if exact:
                match = _Match(key, company, linkedin, ratio)
                for known in exact:
                    match.consider(known, 100.0)
                if match.certain is not None:
                    return match.certain[0], None
        if linkedin is not None:
            for known in self.by_linkedin.get(linkedin, ()):
                if known.compare:
                    if match is None:
                        match = _Match(key, company, linkedin, ratio)
                    match.consider(known, ratio(compare, known.compare))
        blocks = self.blocks
        extract = self.extract
        for block_key in row[R_BLOCKS]:
            # People without an email ("-"): anyone may be them. People with one ("@"): a
            # row with another email can only be a review case, at the same company.
            if key is None:
                searched = _ANY_PERSON
            elif block_key.startswith("c:"):
                searched = _SAME_COMPANY
            else:
                searched = _NO_EMAIL_ONLY
            for mark, cutoff in searched:
                block = blocks.get(mark + block_key)
                if block is None:
                    continue
                names, members = block
                for _, name_score, index in extract(
                    compare, names, scorer=ratio, score_cutoff=cutoff, limit=BEST_PER_BLOCK
                ):
                    if match is None:
                        match = _Match(key, company, linkedin, ratio)
                    match.consider(members[index], name_score)
        if match is None:
            return None, None
        if match.certain is not None:
            return match.certain[0], None
        return None, match.uncertain

    def _add(self, row: Prepared) -> _Known:
        stamp = self.stamp
        # R_FULL_NAME .. R_NOTES are the person's columns after its id, up to is_sample.
        values = [self.next_person, *row[R_FULL_NAME : R_NOTES + 1], 0, stamp, stamp, stamp]
        self.next_person += 1
        known = _Known(
            values,
            True,
            row[R_NAMED_BY_EMAIL],
            row[R_COMPARE],
            row[R_EMAIL_KEY],
            row[R_LINKEDIN_KEY],
            row[R_COMPANY_KEY],
        )
        self.new_people.append(known)
        self.pending_people.append(known)
        self._index(known, row[R_BLOCKS])
        return known

    def _fill(self, known: _Known, row: Prepared) -> None:
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
        had_name = not known.named_by_email
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
        old_email, old_linkedin, old_company = (
            known.email_key,
            known.linkedin_key,
            known.company_key,
        )
        (
            known.named_by_email,
            known.compare,
            known.email_key,
            known.linkedin_key,
            known.company_key,
            block_keys,
        ) = self._keys_of(values)
        if known.email_key and known.email_key != old_email:
            self.by_email.setdefault(known.email_key, []).append(known)
        if known.linkedin_key and known.linkedin_key != old_linkedin:
            self.by_linkedin.setdefault(known.linkedin_key, []).append(known)
        if known.compare and (
            not had_name or (known.email_key and not old_email) or known.company_key != old_company
        ):
            self._index_name(known, block_keys)  # under the keys it gained
        if not known.is_new:
            values[P_UPDATED_AT] = self.stamp
            self.updated_people[known.id] = known
            self.report.updated = len(self.updated_people)
        if known.flushed and not known.dirty:
            known.dirty = True
            self.dirty_people.append(known)

    def _attend(self, known: _Known, role: str) -> None:
        attendance = known.attendance
        if attendance is None:
            attendance_id = self.next_attendance
            row: list[Any] = [
                attendance_id,
                self.event_id,
                known.id,
                role,
                _NICE_TO_MEET,
                _TO_MEET,
                "",
                "",
                "",
                "",
            ]
            self.next_attendance += 1
            attendance = _Attendance(attendance_id, role, row)
            known.attendance = attendance
            self.new_attendances.append(attendance)
            self.pending_attendances.append(attendance)
            self.report.attendances_added += 1
        else:
            attendance.confirmed = True  # a row of this file has them coming
        if attendance.role == _ATTENDEE and role != _ATTENDEE:
            attendance.role = role
            if attendance.row is not None:
                attendance.row[3] = role
            if attendance.flushed and not attendance.dirty:
                attendance.dirty = True
                self.dirty_attendances.append(attendance)

    # people no longer coming -------------------------------------------------------------

    def take_off_withdrawn(self) -> None:
        """After every row is placed: take off the event's list the people a row says are not
        coming (`Withdrawn`), when an earlier import put them there, no row of this file has
        them coming after all, and the user has not started planning to meet them. Each such
        row's reason in the report says what became of the person."""
        if not self.withdrawn:
            return
        found = [(at, row, self._on_list(row)) for at, row in self.withdrawn]
        candidates = [known.attendance.id for _, _, known in found if known and known.attendance]
        unplanned = store.unplanned_attendances(self.conn, candidates) if candidates else set()
        leaving: dict[int, _Known] = {}
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
        for before in store.attendance_rows(self.conn, ids):
            self.removed_attendances[before[0]] = before
        store.delete_attendances(self.conn, ids)
        for known in leaving.values():
            known.attendance = None
        self.report.attendances_removed = len(ids)

    def _on_list(self, row: Withdrawn) -> _Known | None:
        """The one person `row` names (by email, else by the very same name) when their
        attendance at this event is from before this import and no row of it confirms it."""
        people: list[_Known] = []
        key = email_key(row.email) if row.email else None
        if key is not None:
            people = self.by_email.get(key, [])
        elif row.full_name:
            people = self._listed_by_name().get(compare_of(name_key(row.full_name)), [])
        listed = [k for k in people if k.attendance is not None and not k.attendance.is_new]
        if len(listed) != 1 or listed[0].attendance is None or listed[0].attendance.confirmed:
            return None
        return listed[0]

    def _listed_by_name(self) -> dict[str, list[_Known]]:
        """The people on the event's list from before this import, by their full name's
        compare key (made the same way for a withdrawn row's name); made once, when needed."""
        if self._by_listed_name is None:
            self._by_listed_name = {}
            for known in self.known_on_list:
                name = known.values[P_FULL_NAME]
                self._by_listed_name.setdefault(compare_of(name_key(name)), []).append(known)
        return self._by_listed_name

    # writing ---------------------------------------------------------------------------

    def flush(self) -> None:
        conn = self.conn
        self.flushed_at = self.placed
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

    def changes(self) -> ImportChanges:
        conn = self.conn
        updated_ids = sorted(self.before_people)
        after_people = {row[0]: row for row in store.people_rows(conn, updated_ids)}
        updated_attendances = sorted(self.before_attendances)
        after_attendances = {
            row[0]: row for row in store.attendance_rows(conn, updated_attendances)
        }
        people = _columns([k.values for k in self.new_people], len(PERSON_COLUMNS))
        attendances = _columns([a.row or [] for a in self.new_attendances], len(ATTENDANCE_COLUMNS))
        reviews = _columns(self.review_rows, len(REVIEW_COLUMNS))
        rows = ChangeSet(
            (
                TableChanges(
                    "person",
                    PERSON_COLUMNS,
                    1,
                    tuple((self.before_people[i], after_people[i]) for i in updated_ids),
                    people,
                ),
                TableChanges(
                    "attendance",
                    ATTENDANCE_COLUMNS,
                    1,
                    (
                        *(
                            (self.before_attendances[i], after_attendances[i])
                            for i in updated_attendances
                        ),
                        *((before, None) for before in self.removed_attendances.values()),
                    ),
                    attendances,
                ),
                TableChanges("import_review", REVIEW_COLUMNS, 1, (), reviews),
            )
        )
        return ImportChanges(
            event_id=self.event_id,
            source=self.source,
            people_added=people[0] if people else (),
            people_updated=tuple(PersonId(i) for i in updated_ids),
            attendances_added=attendances[0] if attendances else (),
            attendances_updated=tuple(AttendanceId(i) for i in updated_attendances),
            attendances_removed=tuple(AttendanceId(i) for i in sorted(self.removed_attendances)),
            reviews_added=reviews[0] if reviews else (),
            rows=rows,
        )

    def release(self) -> None:
        """Drop the index a little at a time, giving up the GIL in between: freeing a
        hundred thousand people in one go would hold up every other thread."""
        self.before_people.clear()
        self.before_attendances.clear()
        forget(
            (
                self.blocks,
                self.exact,
                self.by_email,
                self.by_linkedin,
                self.updated_people,
                self.new_people,
                self.new_attendances,
                self.review_rows,
            ),
            FREE_BATCH,
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
