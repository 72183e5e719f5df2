"""Recording what a transaction changed, as a ChangeSet, without writing row images by hand.

`with recording(db) as rec: ...` runs its body in one transaction and leaves in `rec.changes`
every row the body inserted, updated or deleted, as it was before and as it is after, in every
table, foreign-key cascades included. Undo and redo then replay it with `apply_changes`.

How: the first time a connection records, it gets TEMP triggers (its own, never in the schema
file) on every table. While a recording is active they append each old image of a row into a
temp table shaped like the real one (the first is the row's before), and note the key of each
row inserted; at the end the new images are read from the tables themselves. Tables come
parents first, as apply_changes wants them. A connection that never records (an import's own
connection) has no triggers at all; on one that has recorded, a write outside a recording pays
for one look at a one-row temp table per row. Deleting an event with 120,000 attendances
takes 0.65 s recorded, against 0.49 s for the same delete reading a snapshot of its rows.
"""

from __future__ import annotations

import contextlib
import sqlite3
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field

from planner.storage.changes import ChangeSet, Row, TableChanges, table_columns
from planner.storage.database import Database

_STATE = "recording_state"


@dataclass(slots=True)
class Recording:
    """What the recorded transaction changed; filled in when it has finished writing."""

    changes: ChangeSet = field(default_factory=lambda: ChangeSet(()))


@dataclass(frozen=True, slots=True)
class _Table:
    name: str
    columns: tuple[str, ...]
    key_size: int
    types: tuple[str, ...]  # as declared: the notes compare (and find keys) as the table does

    @property
    def key(self) -> tuple[str, ...]:
        return self.columns[: self.key_size]

    @property
    def old(self) -> str:
        return f'"recorded_old_{self.name}"'

    @property
    def new(self) -> str:
        return f'"recorded_new_{self.name}"'


_known: weakref.WeakKeyDictionary[Database, list[_Table]] = weakref.WeakKeyDictionary()
"""The tables of each database that has recorded, once its triggers are made."""


@contextlib.contextmanager
def recording(db: Database) -> Iterator[Recording]:
    """One transaction (a savepoint inside another) whose changes end up in the Recording.
    Recordings do not nest."""
    result = Recording()
    with db.transaction() as conn:
        tables = _installed(db, conn)
        (active,) = conn.execute(f"SELECT active FROM temp.{_STATE}").fetchone()
        if active:
            raise RuntimeError("a recording is already under way on this connection")
        conn.execute(f"UPDATE temp.{_STATE} SET active = 1")
        # A failure in the body rolls the notes back with the rows; after a success they are
        # cleared within the same transaction.
        yield result
        conn.execute(f"UPDATE temp.{_STATE} SET active = 0")
        result.changes = _collect(conn, tables)
        for table in tables:
            conn.execute(f"DELETE FROM {table.old}")
            conn.execute(f"DELETE FROM {table.new}")


def _collect(conn: sqlite3.Connection, tables: list[_Table]) -> ChangeSet:
    found = []
    for table in tables:
        olds = conn.execute(f"SELECT * FROM {table.old} ORDER BY rowid").fetchall()
        new_keys = conn.execute(f"SELECT * FROM {table.new}").fetchall()
        if not olds and not new_keys:
            continue
        size = table.key_size
        keys = ", ".join(f'"{c}"' for c in table.key)
        where = keys if size == 1 else f"({keys})"
        columns = ", ".join(f'"{c}"' for c in table.columns)
        current = {
            row[:size]: row
            for row in conn.execute(
                f'SELECT {columns} FROM main."{table.name}" WHERE {where} IN'
                f" (SELECT {keys} FROM {table.old} UNION SELECT {keys} FROM {table.new})"
            )
        }
        pairs: list[tuple[Row | None, Row | None]] = []
        seen: set[Row] = set()
        for before in olds:
            key = before[:size]
            if key in seen:  # a later image of a row changed more than once
                continue
            seen.add(key)
            after = current.pop(key, None)
            if before != after:
                pairs.append((before, after))
        pairs.extend((None, after) for after in current.values())  # rows it inserted
        if pairs:
            found.append(TableChanges(table.name, table.columns, size, tuple(pairs)))
    return ChangeSet(tuple(found))


def _installed(db: Database, conn: sqlite3.Connection) -> list[_Table]:
    """The recorded tables, parents first; the triggers made the first time."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = ?", (_STATE,)
    ).fetchone()
    tables = _known.get(db) if exists else None
    if tables is None:
        tables = _tables(conn)
        _known[db] = tables
    if exists is None:
        # Made inside the recording's transaction: if it rolls back, so do they, and the
        # next recording makes them again.
        conn.execute(f"CREATE TEMP TABLE {_STATE} (active INTEGER NOT NULL)")
        conn.execute(f"INSERT INTO temp.{_STATE} VALUES (0)")
        for table in tables:
            _install(conn, table)
    return tables


def _install(conn: sqlite3.Connection, table: _Table) -> None:
    name = table.name
    columns = ", ".join(f'"{c}" {t}' for c, t in zip(table.columns, table.types, strict=True))
    key = ", ".join(f'"{c}"' for c in table.key)
    typed_key = ", ".join(
        f'"{c}" {t}' for c, t in zip(table.key, table.types[: table.key_size], strict=True)
    )
    # Old images are appended (a keyed table costs a lookup per row): a row changed twice
    # has two, and the first is its before.
    conn.execute(f'CREATE TEMP TABLE "recorded_old_{name}" ({columns})')
    conn.execute(
        f'CREATE TEMP TABLE "recorded_new_{name}" ({typed_key}, PRIMARY KEY ({key})) WITHOUT ROWID'
    )
    when = f"WHEN (SELECT active FROM {_STATE})"
    old_values = ", ".join(f'OLD."{c}"' for c in table.columns)
    new_key = ", ".join(f'NEW."{c}"' for c in table.key)

    def absent(where: str, row: str) -> str:
        match = " AND ".join(f'"{c}" = {row}."{c}"' for c in table.key)
        return f"NOT EXISTS (SELECT 1 FROM {where} WHERE {match})"

    # No old image for a row the recording inserted; no key noted twice. Spelt out rather
    # than OR IGNORE: the statement that fires a trigger imposes its own conflict handling on
    # the trigger's statements.
    keep_old = f"INSERT INTO {table.old} SELECT {old_values} WHERE {absent(table.new, 'OLD')};"
    keep_new = f"INSERT INTO {table.new} SELECT {new_key} WHERE {absent(table.new, 'NEW')}"
    key_moved = " OR ".join(f'NEW."{c}" IS NOT OLD."{c}"' for c in table.key)
    conn.execute(
        f'CREATE TEMP TRIGGER "recorded_insert_{name}" AFTER INSERT ON main."{name}" {when}'
        f" BEGIN {keep_new}; END"
    )
    conn.execute(
        f'CREATE TEMP TRIGGER "recorded_update_{name}" AFTER UPDATE ON main."{name}" {when}'
        f" BEGIN {keep_old} {keep_new} AND ({key_moved}); END"
    )
    conn.execute(
        f'CREATE TEMP TRIGGER "recorded_delete_{name}" AFTER DELETE ON main."{name}" {when}'
        f" BEGIN {keep_old} END"
    )


def _tables(conn: sqlite3.Connection) -> list[_Table]:
    """Every ordinary table of the main schema, parents before the tables that refer to them."""
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
        )
    ]
    shadows = {
        row[1] for row in conn.execute("PRAGMA main.table_list") if row[2] in ("shadow", "virtual")
    }
    names = [name for name in names if name not in shadows]
    parents = {
        name: {row[2] for row in conn.execute(f'PRAGMA foreign_key_list("{name}")')} - {name}
        for name in names
    }
    ordered: list[str] = []
    placed: set[str] = set()
    while len(ordered) < len(names):
        ready = [n for n in names if n not in placed and parents[n] <= placed]
        if not ready:  # a cycle of references: the rest in name order
            ready = [n for n in names if n not in placed]
        ordered.extend(ready)
        placed.update(ready)
    result = []
    for name in ordered:
        columns = table_columns(conn, name)
        info = {row[1]: row for row in conn.execute(f'PRAGMA table_info("{name}")')}
        size = sum(1 for row in info.values() if row[5])
        types = tuple(info[column][2] for column in columns)
        result.append(_Table(name, columns, size or len(columns), types))
    return result
