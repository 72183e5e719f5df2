"""One running instance per data folder.

The operating system drops the lock when the holder dies, even by SIGKILL, so a crash never
leaves a stale lock behind. While it holds the lock, the holder's lock file says what it is:
its process id and "window" or the command it runs, so a refused start can tell the user what
to close or wait for. A holder that ends normally empties the file; one that was killed leaves
its record, which the next holder overwrites.

In a folder where nothing can be written (read-only, or a full disk that cannot take the
record) the lock is still taken on the file if it is there, shared, so several read-only
viewers may look while no writer works; without a lock file nothing else could write either.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import sys
import time
from pathlib import Path
from typing import BinaryIO

from planner.storage.errors import DataDirLockedError, write_failure

LOCK_NAME = "planner.lock"
WINDOW = "window"
"""The holder recorded by the desktop app; anything else is a command line."""
HOLDER_WAIT_SECONDS = 1.0
"""How long a refused start waits for a holder that has just taken the lock to write its
record (it writes at once, so this is only ever a few milliseconds)."""
_HOLDER_CHARS = 120


def this_command() -> str:
    """This process's command line as the user typed it, shortened for a message."""
    words = shlex.join(["planner", *sys.argv[1:]]).replace("\n", " ")
    return words if len(words) <= _HOLDER_CHARS else words[: _HOLDER_CHARS - 1] + "…"


class DataDirLock:
    def __init__(self, folder: Path, holder: str | None = None) -> None:
        self.path = folder / LOCK_NAME
        self.holder = (holder if holder is not None else this_command()).replace("\n", " ")
        self.shared = False  # True when the folder could take no record: a read-only viewer
        self._file: BinaryIO | None = None

    def acquire(self) -> None:
        handle = self._open()
        if handle is None:  # a read-only folder without a lock file: nobody can write there
            self.shared = True
            return
        try:
            _lock(handle, shared=self.shared)
        except OSError:
            pid, holder = _holder_of(handle)
            handle.close()
            raise DataDirLockedError(self.path.parent, pid, holder) from None
        if not self.shared:
            # Unbuffered, so a full disk fails here, where it is harmless (the lock holds all
            # the same, without its record), and not later when the file is closed.
            with contextlib.suppress(OSError):
                os.ftruncate(handle.fileno(), 0)
                handle.write(f"{os.getpid()}\n{self.holder}\n".encode())
        self._file = handle

    def _open(self) -> BinaryIO | None:
        try:
            return open(self.path, "a+b", buffering=0)
        except OSError as exc:
            if write_failure(exc, self.path.parent) is None:
                raise
        self.shared = True
        try:
            return open(self.path, "rb", buffering=0)
        except FileNotFoundError:
            return None

    def release(self) -> None:
        if self._file is not None:
            if not self.shared:  # the record goes with the lock: an empty file names nobody
                with contextlib.suppress(OSError):
                    os.ftruncate(self._file.fileno(), 0)
            _unlock(self._file)
            self._file.close()
            self._file = None

    def __enter__(self) -> DataDirLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _holder_of(handle: BinaryIO) -> tuple[int | None, str]:
    """The pid and holder the lock file names. A holder that has only just taken the lock may
    not have written its record yet, and a killed one's record stays until the next holder
    overwrites it: wait a moment for a record that names a live process."""
    deadline = time.monotonic() + HOLDER_WAIT_SECONDS
    while True:
        pid, holder = _read_record(handle)
        if (pid is not None and _alive(pid)) or time.monotonic() >= deadline:
            return pid, holder
        time.sleep(0.01)


def _read_record(handle: BinaryIO) -> tuple[int | None, str]:
    try:
        handle.seek(0)
        lines = handle.read(4096).decode("utf-8", "replace").splitlines()
    except OSError:  # Windows: the holder's locked byte cannot be read
        return None, ""
    first = lines[0].strip() if lines else ""
    pid = int(first) if first.isdigit() else None
    return pid, (lines[1].strip() if len(lines) > 1 else "")


def _alive(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill(pid, 0) would end the process there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


if sys.platform == "win32":
    import msvcrt

    # Windows locks bytes against reading too: lock one far past the record, so the record
    # stays readable by a start that is refused.
    _LOCKED_BYTE = 1 << 20

    def _lock(handle: BinaryIO, *, shared: bool) -> None:
        handle.seek(_LOCKED_BYTE)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: BinaryIO) -> None:
        handle.seek(_LOCKED_BYTE)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: BinaryIO, *, shared: bool) -> None:
        fcntl.flock(handle.fileno(), (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)

    def _unlock(handle: BinaryIO) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
