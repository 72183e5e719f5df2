"""Write a file so that a reader, or a crash, sees either the old contents or the new, never half.

An export overwrites a file the user may already have open in another program (a calendar that
re-reads it, a sync folder). Writing in place would leave it truncated or half-written if the
disk filled up, the app crashed or the power went. So the bytes go to a hidden temporary file
in the same folder (same file system, so the final rename cannot turn into a copy), are flushed
and fsync'ed to the disk, and only then renamed over the target with `os.replace`, which is
atomic on POSIX and on Windows. On any failure the temporary file is removed and the target is
left exactly as it was.

A writer killed mid-write (SIGKILL, a power cut) cannot remove its temporary file, which may be
as big as the export. Each writer holds an advisory lock on its temporary file while it lives,
and the next write to the same target removes the temporary files of that target that no live
writer holds. (On Windows, where an open file cannot be deleted, a live writer's file refuses
deletion by itself; one younger than STALE_AFTER_SECONDS is left alone there all the same.)

A write the disk or the folder refuses (full, read-only, not the user's to write in) raises
the OSError with a message that says so and what to do.

`tempfile` creates its files with mode 0600, which is right for secrets but surprising for an
export the user will share with other programs; the finished file gets the mode of the file it
replaces or, for a new file, 0644 less the process umask, as a plain `open()` would give.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
import time
from pathlib import Path
from typing import IO

_NEW_FILE_MODE = 0o644
_PART_SUFFIX = ".part"


STALE_AFTER_SECONDS = 600
"""Windows only: how old a temporary file must be before it is taken for a dead writer's."""

_EXPLAINED = {
    errno.ENOSPC: "the disk is full: free some space and try again",
    getattr(errno, "EDQUOT", errno.ENOSPC): "the disk is full: free some space and try again",
    errno.EROFS: "the folder is read-only: choose another folder, or check its permissions",
    errno.EACCES: "the folder may not be written to: choose another, or check its permissions",
    errno.EPERM: "the folder may not be written to: choose another, or check its permissions",
}


def write_atomically(path: Path, data: bytes) -> None:
    """Replace the file at `path` with `data` in one step; see the module docstring."""
    try:
        _write(path, data)
    except OSError as exc:
        # Report the file the user chose, not the hidden temporary one, and say what to do
        # when the disk or the folder is to blame.
        explained = _EXPLAINED.get(exc.errno or 0)
        strerror = f"{explained}; the file was left as it was" if explained else exc.strerror
        raise type(exc)(exc.errno, strerror or str(exc), str(path)) from exc
    _sync_folder(path.parent)


def _write(path: Path, data: bytes) -> None:
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    mode = _mode_for(path)
    remove_stale_parts(path)
    handle = _claim_part(path)
    part = Path(handle.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.chmod(part, mode)
            if os.name == "posix":  # renamed while held: no cleaner can take it meanwhile
                os.replace(part, path)
        if os.name != "posix":  # an open file cannot be renamed there
            os.replace(part, path)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        raise


def _claim_part(path: Path) -> IO[bytes]:
    """A new temporary file beside `path`, locked as a live writer's. A cleaner may have
    removed it between its creation and the lock: then it has no name left, and another is
    made."""
    while True:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed by the caller
            dir=path.parent, delete=False, prefix=f".{path.name}.", suffix=_PART_SUFFIX
        )
        if _hold(handle.fileno(), wait=True) and os.fstat(handle.fileno()).st_nlink > 0:
            return handle
        handle.close()


def remove_stale_parts(path: Path) -> int:
    """Remove the temporary files that writers of `path` killed mid-write left beside it;
    another live writer's stays. Returns how many were removed. Best effort: a file that
    cannot be looked at or removed is left."""
    pattern = re.compile(re.escape(f".{path.name}.") + r"[a-z0-9_]{8}" + re.escape(_PART_SUFFIX))
    removed = 0
    try:
        candidates = [p for p in path.parent.iterdir() if pattern.fullmatch(p.name)]
    except OSError:
        return 0
    for candidate in candidates:
        with contextlib.suppress(OSError):
            removed += _remove_if_stale(candidate)
    return removed


def _remove_if_stale(part: Path) -> bool:
    if os.name != "posix":
        if time.time() - part.stat().st_mtime < STALE_AFTER_SECONDS:
            return False
        part.unlink()  # fails while a writer has it open
        return True
    fd = os.open(part, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        if not _hold(fd, wait=False):
            return False  # a live writer's
        if not os.path.samestat(os.fstat(fd), os.stat(part, follow_symlinks=False)):
            return False  # renamed into place and replaced meanwhile: not this file any more
        part.unlink()  # while holding its lock: its writer, had it one, is gone
        return True
    finally:
        os.close(fd)


if os.name == "posix":
    import fcntl

    def _hold(fd: int, *, wait: bool) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            return False
        return True

else:

    def _hold(fd: int, *, wait: bool) -> bool:
        return True


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:  # no file there yet (or not one we may look at): what open() would give
        return _NEW_FILE_MODE & ~_current_umask()


def _current_umask() -> int:
    """The process umask, read without changing it where the system allows.

    `os.umask` can only be read by setting it, which for a moment would give files that other
    threads create meanwhile the wrong mode; Linux reports it in /proc instead.
    """
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text("ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); best effort, the data is already on disk."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
