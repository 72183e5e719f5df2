"""Storage failures the user can act on, each with a message that says what to do."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path


class StorageError(Exception):
    """Base for problems with the data on disk (as opposed to bugs)."""


class NotADatabaseError(StorageError):
    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"{path} is not a Networking Planner database, or it is damaged ({detail}). "
            "It has been left untouched. Move it aside or choose another data folder."
        )
        self.path = path


class DatabaseTooNewError(StorageError):
    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(
            f"{path} was written by a newer version of Networking Planner "
            f"(schema {found}; this version knows up to {supported}). Update the app to open it."
        )
        self.path = path


class MigrationError(StorageError):
    """Upgrading the schema failed; the database is still at its old version."""

    def __init__(self, path: Path, version: int, backup: Path | None, cause: Exception) -> None:
        kept = f" A copy taken before the upgrade is at {backup}." if backup else ""
        super().__init__(
            f"Could not upgrade {path} from schema {version} to {version + 1} ({cause}). "
            f"The database was left as it was.{kept}"
        )
        self.path = path


class DataDirLockedError(StorageError):
    """Another process holds the data folder; `holder` says what it is, as its lock file
    records it: "window" or the command line it runs, and its process id (either may be
    unknown)."""

    def __init__(self, path: Path, pid: int | None, holder: str = "") -> None:
        process = f"process {pid}" if pid else "its process id unknown"
        if holder == "window":
            what = f"a Networking Planner window ({process})"
            advice = "Close that window first, or start with another data folder."
        elif holder:
            what = f"the command “{holder}” ({process})"
            advice = "Wait for it to finish, or start with another data folder."
        else:
            what = f"another Networking Planner ({process})"
            advice = "Close it or wait for it to finish, or start with another data folder."
        super().__init__(f"The data in {path} is in use by {what}. {advice}")
        self.path = path
        self.pid = pid
        self.holder = holder


class WriteFailedError(StorageError):
    """Nothing could be written where the data lives (a full disk, a read-only folder);
    whatever was being saved was not saved, and nothing was half-written.

    `problem` says what is wrong, mid-sentence ("the disk holding … is full"), `advice`
    what to do about it ("free some space")."""

    def __init__(self, problem: str, advice: str, folder: Path | None) -> None:
        super().__init__(f"{sentence(problem)}: {advice} and try again; nothing was changed.")
        self.problem = problem
        self.advice = advice
        self.folder = folder


class DiskFullError(WriteFailedError):
    def __init__(self, folder: Path | None) -> None:
        where = f" holding {folder}" if folder else ""
        super().__init__(f"the disk{where} is full", "free some space", folder)


class ReadOnlyError(WriteFailedError):
    def __init__(self, folder: Path | None) -> None:
        super().__init__(
            f"{folder or 'the data folder'} is read-only",
            "check its permissions (and that its disk is not mounted read-only)",
            folder,
        )


class DiskWriteError(WriteFailedError):
    def __init__(self, folder: Path | None, detail: str) -> None:
        where = f" to {folder}" if folder else ""
        super().__init__(f"could not write{where} ({detail})", "check the disk", folder)


class OpenedReadOnlyError(WriteFailedError):
    """A write to data that was opened read-only because writing was impossible then."""

    def __init__(self, cause: WriteFailedError) -> None:
        StorageError.__init__(
            self,
            f"Changes cannot be saved: {cause.problem}. {sentence(cause.advice)}, then start "
            "Networking Planner again; nothing was changed.",
        )
        self.problem = cause.problem
        self.advice = cause.advice
        self.folder = cause.folder
        self.cause = cause


class DatabaseBusyError(StorageError):
    """Another program holds the database locked for longer than we wait (a backup tool, an
    SQLite browser with a transaction open): the file is sound, only busy."""

    def __init__(self, path: Path | None) -> None:
        where = str(path) if path else "The database"
        super().__init__(
            f"{where} is locked by another program (an open SQLite browser or a backup, "
            "perhaps). Close that program or wait for it to finish, then try again; "
            "nothing was changed."
        )
        self.path = path


def busy_failure(exc: BaseException, path: Path | None) -> DatabaseBusyError | None:
    """A DatabaseBusyError when SQLite gave up waiting for another connection's lock."""
    if isinstance(exc, sqlite3.OperationalError) and _sqlite_code(exc) in (
        _SQLITE_BUSY,
        _SQLITE_LOCKED,
    ):
        return DatabaseBusyError(path)
    return None


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED = 3, 5, 6
_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CORRUPT = 8, 10, 11
_SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 13, 14, 26
_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def _sqlite_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def write_failure(exc: BaseException, folder: Path | None) -> WriteFailedError | None:
    """What a failed write says about where the data lives, as a message for the user, or
    None when the failure is not the disk's or the folder's (a bug, a constraint, damage)."""
    if isinstance(exc, OSError):
        if exc.errno in _FULL_ERRNOS:
            return DiskFullError(folder)
        if exc.errno in _READ_ONLY_ERRNOS:
            return ReadOnlyError(folder)
        return None
    if not isinstance(exc, sqlite3.OperationalError):
        return None
    code = _sqlite_code(exc)
    text = str(exc).lower()
    if code == _SQLITE_FULL or "database or disk is full" in text:
        return DiskFullError(folder)
    if code in (_SQLITE_READONLY, _SQLITE_PERM) or "readonly database" in text:
        return ReadOnlyError(folder)
    if code in (_SQLITE_IOERR, _SQLITE_CANTOPEN) or "disk i/o error" in text:
        # SQLite says "disk I/O error" when it cannot grow its shared-memory file on a full
        # disk, and "unable to open" when it cannot create one in a read-only folder.
        return _folder_failure(folder) or DiskWriteError(folder, str(exc))
    return None


FULL_BELOW_BYTES = 256 * 1024
"""Free space under which a disk counts as full: SQLite needs a few pages to write at all."""


def _folder_failure(folder: Path | None) -> WriteFailedError | None:
    """A full disk or a read-only folder, when that is what the folder shows."""
    if folder is None:
        return None
    try:
        if shutil.disk_usage(folder).free < FULL_BELOW_BYTES:
            return DiskFullError(folder)
    except OSError:
        return None
    if not os.access(folder, os.W_OK):
        return ReadOnlyError(folder)
    return None


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether SQLite says the file itself is not a sound database."""
    return _sqlite_code(exc) in (_SQLITE_CORRUPT, _SQLITE_NOTADB)


class NotFoundError(StorageError):
    """A row the caller asked for by id does not exist (any more)."""
