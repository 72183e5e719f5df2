"""Opening the database safely: refuse what is not ours, back up before migrating, WAL on.

The connection runs in autocommit mode; every write goes through `transaction()`, which is the
only place BEGIN/COMMIT/ROLLBACK are issued, so a failure anywhere rolls back the whole unit.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from planner.storage.errors import (
    DatabaseTooNewError,
    MigrationError,
    NotADatabaseError,
    StorageError,
)
from planner.storage.schema import MIGRATIONS, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"


class Database:
    def __init__(self, connection: sqlite3.Connection, path: Path | None) -> None:
        self.connection = connection
        self.path = path
        self._depth = 0

    @classmethod
    def open(cls, path: Path) -> Database:
        """Open (or create) the database at `path` and bring its schema up to date.

        Nothing is written to a file until it has been recognised as ours (or is new): a
        refused file keeps every byte.
        """
        if not path.parent.is_dir():
            raise StorageError(f"The folder {path.parent} does not exist.")
        _refuse_foreign_file(path)
        try:
            connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise NotADatabaseError(path, str(exc)) from exc
        db = cls(connection, path)
        try:
            try:
                db._configure()
                db._check_ownership()
                db.connection.execute("PRAGMA journal_mode = WAL").fetchone()
            except sqlite3.DatabaseError as exc:
                raise NotADatabaseError(path, str(exc)) from exc
            db._migrate()
        except BaseException:
            connection.close()
            raise
        return db

    @classmethod
    def in_memory(cls) -> Database:
        db = cls(sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False), None)
        db._configure()
        db._migrate()
        return db

    def close(self) -> None:
        self.connection.close()

    @property
    def schema_version(self) -> int:
        return int(self.connection.execute("PRAGMA user_version").fetchone()[0])

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One all-or-nothing unit of work. Nested calls become savepoints."""
        conn = self.connection
        if self._depth == 0:
            conn.execute("BEGIN IMMEDIATE")
        else:
            conn.execute(f"SAVEPOINT sp{self._depth}")
        self._depth += 1
        try:
            yield conn
            if self._depth == 1:
                conn.execute("COMMIT")
            else:
                conn.execute(f"RELEASE sp{self._depth - 1}")
        except BaseException:
            if self._depth == 1:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
            else:
                conn.execute(f"ROLLBACK TO sp{self._depth - 1}")
                conn.execute(f"RELEASE sp{self._depth - 1}")
            raise
        finally:
            self._depth -= 1

    def _configure(self) -> None:
        conn = self.connection
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 5000")
        # Reading the schema makes SQLite check the header and page 1 without writing.
        conn.execute("PRAGMA schema_version").fetchone()
        # FULL: a committed transaction survives power loss, not only a killed process.
        conn.execute("PRAGMA synchronous = FULL")

    def _check_ownership(self) -> None:
        """Refuse, before any write, a database from a newer version or another program."""
        where = self.path or Path(":memory:")
        found = self.schema_version
        if found > SCHEMA_VERSION:
            raise DatabaseTooNewError(where, found, SCHEMA_VERSION)
        if found == 0 and self._has_tables():
            raise NotADatabaseError(where, "it holds tables from another program")

    def _migrate(self) -> None:
        found = self.schema_version
        if found == SCHEMA_VERSION:
            return
        backup = None
        if found > 0 and self.path is not None:
            backup = _backup_path(self.path, found)
            self.backup(backup)
        for version in range(found, SCHEMA_VERSION):
            try:
                self._apply(version)
            except sqlite3.Error as exc:
                raise MigrationError(self.path or Path(":memory:"), version, backup, exc) from exc

    def _apply(self, version: int) -> None:
        script = MIGRATIONS[version]
        try:
            self.connection.executescript(
                f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {version + 1};\nCOMMIT;"
            )
        except BaseException:
            if self.connection.in_transaction:
                self.connection.execute("ROLLBACK")
            raise

    def _has_tables(self) -> bool:
        row = self.connection.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        return bool(row[0])

    def backup(self, target: Path) -> None:
        """A consistent copy, taken with SQLite's online backup so WAL content is included."""
        partial = target.with_name(target.name + ".part")
        dest = sqlite3.connect(partial)
        try:
            self.connection.backup(dest)
        finally:
            dest.close()
        partial.replace(target)

    def integrity_ok(self) -> bool:
        return bool(self.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


def _backup_path(path: Path, version: int) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return path.with_name(f"{path.name}.schema{version}-{stamp}.bak")


def _refuse_foreign_file(path: Path) -> None:
    """Never hand SQLite a file that is plainly something else: it would not be ours to touch."""
    if path.is_dir():
        raise NotADatabaseError(path, "it is a folder")
    if not path.exists() or path.stat().st_size == 0:
        return
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if header != SQLITE_MAGIC:
        raise NotADatabaseError(path, "it does not start with the SQLite header")


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The rowid of the row an INSERT just wrote."""
    if cursor.lastrowid is None:
        raise RuntimeError("SQLite returned no row id for an insert")
    return cursor.lastrowid


def insert_sql(table: str, columns: Sequence[str]) -> str:
    """INSERT of one row with these columns, as positional parameters."""
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def update_sql(table: str, columns: Sequence[str]) -> str:
    """UPDATE of these columns of the row whose id is the last parameter."""
    return f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?"
