"""Undo and redo for operations that touch many rows in several tables.

A `ChangeSet` holds, for every row an operation inserted, updated or deleted, the row as it
was (`before`, None if it did not exist) and as the operation left it (`after`, None if it
deleted it). `apply_changes(conn, changes, "before")` puts every row back as it was (undo);
`"after"` does the operation again with the same ids (redo).

Tables are listed parents first. Rows are written in an order no foreign key or UNIQUE
constraint can object to: inserts parents first, then updates, then deletes children first
(so deleting a row never cascades into a row that was to be moved elsewhere). Every write is
counted; when the rows are not as the change set expects (someone changed them since), the
whole apply fails and the caller's transaction rolls back.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from planner.storage.errors import StorageError

Row = tuple[Any, ...]
_BATCH = 20_000
State = Literal["before", "after"]


class StaleChangesError(StorageError):
    """The rows an undo or redo would write are no longer as it left them."""


@dataclass(frozen=True, slots=True)
class TableChanges:
    """Row images of one table; the first `key_size` columns are its primary key.

    `rows` pairs (before, after) images. `added` holds rows that exist only after, column by
    column (`added[c][i]` is column c of the i-th row): a few objects instead of one tuple
    per row, for imports that add hundreds of thousands of rows.
    """

    table: str
    columns: tuple[str, ...]
    key_size: int
    rows: tuple[tuple[Row | None, Row | None], ...] = ()
    added: tuple[tuple[Any, ...], ...] = ()

    def keys(self, state: State) -> list[Row]:
        """Keys of the rows that exist in the given state."""
        index = 0 if state == "before" else 1
        keys = [row[: self.key_size] for row in (pair[index] for pair in self.rows) if row]
        if state == "after" and self.added:
            keys.extend(zip(*self.added[: self.key_size], strict=True))
        return keys

    @property
    def added_count(self) -> int:
        return len(self.added[0]) if self.added else 0


@dataclass(frozen=True, slots=True)
class ChangeSet:
    tables: tuple[TableChanges, ...]  # parents first

    def table(self, name: str) -> TableChanges | None:
        return next((t for t in self.tables if t.table == name), None)

    def __len__(self) -> int:
        return sum(len(t.rows) + t.added_count for t in self.tables)


def apply_changes(conn: sqlite3.Connection, changes: ChangeSet, state: State) -> None:
    """Write every row of `changes` as it is in `state`. Call inside a transaction."""
    plans = [_plan(table, state) for table in changes.tables]
    for table, (inserts, _, _) in zip(changes.tables, plans, strict=True):
        added = table.added if state == "after" else ()
        if inserts or added:
            marks = ", ".join("?" for _ in table.columns)
            sql = f"INSERT INTO {table.table} ({', '.join(table.columns)}) VALUES ({marks})"
            if inserts:
                conn.executemany(sql, inserts)
            if added:
                conn.executemany(sql, zip(*added, strict=True))
    for table, (_, updates, _) in zip(changes.tables, plans, strict=True):
        if updates:
            assignments = ", ".join(f"{c} = ?" for c in table.columns[table.key_size :])
            cursor = conn.executemany(
                f"UPDATE {table.table} SET {assignments} WHERE {_key_clause(table)}", updates
            )
            _expect(cursor, len(updates), table.table, "update")
    for table, (_, _, deletes) in reversed(list(zip(changes.tables, plans, strict=True))):
        removed = table.added_count if state == "before" else 0
        if deletes or removed:
            sql = f"DELETE FROM {table.table} WHERE {_key_clause(table)}"
            if deletes:
                cursor = conn.executemany(sql, deletes)
                _expect(cursor, len(deletes), table.table, "delete")
            if removed and table.key_size == 1:
                # One statement per batch of ids: much quicker than one per row.
                ids = table.added[0]
                count = 0
                for start in range(0, len(ids), _BATCH):
                    cursor = conn.execute(
                        f"DELETE FROM {table.table} WHERE {table.columns[0]} IN"
                        " (SELECT value FROM json_each(?))",
                        (json.dumps(ids[start : start + _BATCH]),),
                    )
                    count += cursor.rowcount
                if count != removed:
                    raise _stale("delete", removed, count, table.table)
            elif removed:
                keys = zip(*table.added[: table.key_size], strict=True)
                cursor = conn.executemany(sql, keys)
                _expect(cursor, removed, table.table, "delete")


def _plan(table: TableChanges, state: State) -> tuple[list[Row], list[Row], list[Row]]:
    """(rows to insert, (values..., key...) to update, keys to delete) to reach `state`."""
    inserts: list[Row] = []
    updates: list[Row] = []
    deletes: list[Row] = []
    size = table.key_size
    has_values = len(table.columns) > size
    for before, after in table.rows:
        target, current = (before, after) if state == "before" else (after, before)
        if target is None:
            if current is not None:
                deletes.append(current[:size])
        elif current is None:
            inserts.append(target)
        elif has_values:
            updates.append((*target[size:], *target[:size]))
    return inserts, updates, deletes


def _key_clause(table: TableChanges) -> str:
    return " AND ".join(f"{c} = ?" for c in table.columns[: table.key_size])


def _expect(cursor: sqlite3.Cursor, count: int, table: str, what: str) -> None:
    if cursor.rowcount != count:
        raise _stale(what, count, cursor.rowcount, table)


def _stale(what: str, count: int, found: int, table: str) -> StaleChangesError:
    """Rows an undo or redo expected are gone (or more are there): someone changed them."""
    if count == 1:
        return StaleChangesError(
            f"Could not {what} 1 {table} row: it no longer exists as it was (something "
            "changed it since). Nothing was written."
        )
    return StaleChangesError(
        f"Could not {what} {count} {table} rows: {found} found (something changed them "
        "since). Nothing was written."
    )


def read_rows(
    conn: sqlite3.Connection,
    table: str,
    columns: Sequence[str],
    where: str,
    values: Iterable[Any],
) -> list[Row]:
    """Rows of `table` whose column `where` is one of `values`, in one query."""
    return conn.execute(
        f"SELECT {', '.join(columns)} FROM {table}"
        f" WHERE {where} IN (SELECT value FROM json_each(?))",
        (json.dumps(list(values)),),
    ).fetchall()


def table_columns(conn: sqlite3.Connection, table: str) -> tuple[str, ...]:
    """The table's columns in their order, primary key columns first."""
    info = conn.execute(f"PRAGMA table_info({table})").fetchall()
    keyed = sorted((row[5], row[0], row[1]) for row in info if row[5])
    rest = [row[1] for row in info if not row[5]]
    return (*(name for _, _, name in keyed), *rest)


def key_size(conn: sqlite3.Connection, table: str) -> int:
    return sum(1 for row in conn.execute(f"PRAGMA table_info({table})") if row[5])
