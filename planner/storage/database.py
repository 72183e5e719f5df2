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
    OpenedReadOnlyError,
    StorageError,
    WriteFailedError,
    busy_failure,
    is_damage,
    sentence,
    write_failure,
)
from planner.storage.schema import MIGRATIONS, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
"""How long a statement waits for another connection's lock before the database counts as
busy (DatabaseBusyError)."""


class Database:
    def __init__(
        self,
        connection: sqlite3.Connection,
        path: Path | None,
        *,
        read_only: WriteFailedError | None = None,
    ) -> None:
        self.connection = connection
        self.path = path
        self.read_only = read_only
        """Why this database was opened read-only (every write is refused), or None."""
        self._depth = 0

    @property
    def folder(self) -> Path | None:
        return None if self.path is None else self.path.parent

    @classmethod
    def open(cls, path: Path, *, read_only: WriteFailedError | None = None) -> Database:
        """Open (or create) the database at `path` and bring its schema up to date.

        Nothing is written to a file until it has been recognised as ours (or is new): a
        refused file keeps every byte. Where nothing can be written (a read-only folder or
        file, a full disk; or `read_only`, the reason the caller already knows) an existing
        database opens read-only: it can be read, and every write is refused with that reason.
        """
        if not path.parent.is_dir():
            raise StorageError(f"The folder {path.parent} does not exist.")
        _refuse_foreign_file(path)
        if read_only is None:
            try:
                return cls._open_for_writing(path)
            except WriteFailedError as exc:
                read_only = exc
        if not path.is_file() or path.stat().st_size == 0:
            raise read_only  # nothing there to read, and no database can be made
        return cls._open_read_only(path, read_only)

    @classmethod
    def _open_for_writing(cls, path: Path) -> Database:
        try:
            connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise _refusal(path, exc) from exc
        db = cls(connection, path)
        try:
            try:
                db._configure()
                db._check_ownership()
                db.connection.execute("PRAGMA journal_mode = WAL").fetchone()
            except sqlite3.DatabaseError as exc:
                raise _refusal(path, exc) from exc
            db._migrate()
        except BaseException:
            connection.close()
            raise
        return db

    @classmethod
    def _open_read_only(cls, path: Path, reason: WriteFailedError) -> Database:
        """Open for reading only, without creating or changing any file.

        `mode=ro` reads a WAL database only where its shared-memory file exists or can be
        made; in a read-only folder or on a full disk after a clean close it cannot, and the
        file is opened `immutable` instead, which is right when it holds everything (no
        unmerged -wal content) and nothing can write there meanwhile."""
        uri = path.absolute().as_uri()
        for query in ("mode=ro", "immutable=1"):
            if query == "immutable=1" and _unmerged_changes(path):
                raise StorageError(
                    f"{path} has changes not yet merged into it (in {path.name}-wal), which "
                    f"cannot be read while {reason.problem}. {sentence(reason.advice)} and "
                    "try again; nothing was changed."
                ) from reason
            try:
                connection = sqlite3.connect(
                    f"{uri}?{query}", uri=True, isolation_level=None, check_same_thread=False
                )
            except sqlite3.Error:
                continue
            db = cls(connection, path, read_only=reason)
            try:
                db._configure_read_only()
                db._check_ownership()
            except sqlite3.DatabaseError as exc:
                connection.close()
                if is_damage(exc):
                    raise NotADatabaseError(path, str(exc)) from exc
                busy = busy_failure(exc, path)
                if busy is not None:
                    raise busy from exc
                continue
            except BaseException:
                connection.close()
                raise
            if db.schema_version < SCHEMA_VERSION:
                connection.close()
                raise StorageError(
                    f"{path} needs an upgrade to be used by this version of Networking "
                    f"Planner, which cannot be saved while {reason.problem}. "
                    f"{sentence(reason.advice)} and try again; nothing was changed."
                ) from reason
            return db
        raise reason

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
        """One all-or-nothing unit of work. Nested calls become savepoints.

        A write the disk or the folder refuses (full, read-only) rolls back and raises a
        WriteFailedError that says so; on a database opened read-only, nothing is tried."""
        if self.read_only is not None:
            raise OpenedReadOnlyError(self.read_only)
        conn = self.connection
        try:
            if self._depth == 0:
                conn.execute("BEGIN IMMEDIATE")
            else:
                conn.execute(f"SAVEPOINT sp{self._depth}")
        except sqlite3.OperationalError as exc:
            raise self._failure(exc) from exc
        self._depth += 1
        try:
            yield conn
            if self._depth == 1:
                conn.execute("COMMIT")
            else:
                conn.execute(f"RELEASE sp{self._depth - 1}")
        except BaseException as exc:
            self._roll_back()
            if isinstance(exc, sqlite3.OperationalError):
                failure = self._failure(exc)
                if failure is not exc:
                    raise failure from exc
            raise
        finally:
            self._depth -= 1

    def _roll_back(self) -> None:
        """Undo the innermost unit. SQLite may have rolled the whole transaction back by itself
        (a full disk can): then there is nothing left to undo, and no error to add."""
        conn = self.connection
        with contextlib.suppress(sqlite3.Error):
            if self._depth == 1:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
            elif conn.in_transaction:
                conn.execute(f"ROLLBACK TO sp{self._depth - 1}")
                conn.execute(f"RELEASE sp{self._depth - 1}")

    def _failure(self, exc: sqlite3.OperationalError) -> Exception:
        return write_failure(exc, self.folder) or busy_failure(exc, self.path) or exc

    def _configure(self) -> None:
        conn = self.connection
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # Reading the schema makes SQLite check the header and page 1 without writing.
        conn.execute("PRAGMA schema_version").fetchone()
        # FULL: a committed transaction survives power loss, not only a killed process.
        conn.execute("PRAGMA synchronous = FULL")

    def _configure_read_only(self) -> None:
        conn = self.connection
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA schema_version").fetchone()
        # Parsing the schema reads page 1 whole: a damaged one is found here, not at a query.
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        conn.execute("PRAGMA query_only = ON")  # a write that slips past transaction() fails

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
            try:
                self.backup(backup)
            except (sqlite3.Error, OSError) as exc:
                failure = write_failure(exc, self.folder)
                if failure is None:
                    raise
                raise failure from exc
        for version in range(found, SCHEMA_VERSION):
            try:
                self._apply(version)
            except sqlite3.Error as exc:
                failure = write_failure(exc, self.folder)
                if failure is not None:
                    raise failure from exc
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
        except BaseException:
            dest.close()
            with contextlib.suppress(OSError):
                partial.unlink()
            raise
        dest.close()
        partial.replace(target)

    def integrity_ok(self) -> bool:
        return bool(self.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok")


def _backup_path(path: Path, version: int) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return path.with_name(f"{path.name}.schema{version}-{stamp}.bak")


def _refusal(path: Path, exc: sqlite3.Error) -> StorageError:
    """What opening `path` failed on: the disk or the folder (full, read-only), another
    program's lock, or the file."""
    busy = busy_failure(exc, path)
    if busy is not None:
        return busy
    if not is_damage(exc):
        failure = write_failure(exc, path.parent)
        if failure is not None:
            return failure
    return NotADatabaseError(path, str(exc))


def _unmerged_changes(path: Path) -> bool:
    """Whether the database's write-ahead log holds anything (committed changes that only an
    SQLite able to use the log's index can read)."""
    try:
        return path.with_name(path.name + "-wal").stat().st_size > 0
    except FileNotFoundError:
        return False


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
