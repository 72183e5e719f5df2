"""The import service the GUI and the command line call: read an attendee file, choose its
columns, import it into an event in one transaction, and undo or redo that as one step.

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

The parts
---------
Rows are prepared (mapped, cleaned up, keyed) in `rows`, shared with a helper process for a
large file; `matching` says whom each prepared row is, and `run` what it then does (merge,
add, fill, attend, take off the list): their docstrings spell out the rules. `writes` writes
in batches through planner.storage.imports; `change_set` gathers what was written into the
`ImportChanges` that undo and redo apply.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from planner.domain.ids import EventId
from planner.domain.importing import (
    ChangedValue,
    Field,
    ImportCancelled,
    ImportReport,
    Layout,
    Mapping,
    Skipped,
    Table,
    Withdrawn,
)
from planner.services.importing.change_set import ImportChanges
from planner.services.memory import bulk_objects
from planner.services.workspace import Target, database_of
from planner.storage import imports as store
from planner.storage.changes import apply_changes
from planner.storage.database import Database
from planner.storage.errors import NotFoundError

if TYPE_CHECKING:
    from planner.services.importing.rows import RowPreparer
    from planner.services.importing.run import ImportRun

__all__ = [
    "IDENTITY_FIELDS",
    "ImportCancelled",
    "ImportOutcome",
    "PreparedImport",
    "maps_identity",
    "prepare_import",
    "redo_import",
    "remember_mapping",
    "remembered_mapping",
    "run_import",
    "save_left_out",
    "undo_import",
    "with_remembered",
]

BULK_CACHE_KIB = 65536  # SQLite page cache for the import's connection
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
    from planner.interchange.row_mapping import row_plan
    from planner.services.importing.rows import PreparedChunks, RowPreparer
    from planner.services.importing.run import ImportRun

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
    runs: list[ImportRun] = []
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
            with db.transaction() as conn, store.people_indexed_at_the_end(conn):
                if not store.event_exists(conn, event_id):
                    raise NotFoundError(f"event {event_id} does not exist")
                run = ImportRun(conn, event_id, table.source, report, preparer)
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


def _release(runs: list[ImportRun], preparer: RowPreparer) -> None:
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
    with database_of(target).transaction() as conn, store.people_indexed_at_the_end(conn):
        apply_changes(conn, changes.rows, "after")
