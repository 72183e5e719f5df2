"""Write a file so that a reader, or a crash, sees either the old contents or the new, never half.

An export overwrites a file the user may already have open in another program (a calendar that
re-reads it, a sync folder). Writing in place would leave it truncated or half-written if the
disk filled up, the app crashed or the power went. So the bytes go to a hidden temporary file
in the same folder (same file system, so the final rename cannot turn into a copy), are flushed
and fsync'ed to the disk, and only then renamed over the target with `os.replace`, which is
atomic on POSIX and on Windows. On any failure the temporary file is removed and the target is
left exactly as it was.

`tempfile` creates its files with mode 0600, which is right for secrets but surprising for an
export the user will share with other programs; the finished file gets the mode of the file it
replaces or, for a new file, 0644 less the process umask, as a plain `open()` would give.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

_NEW_FILE_MODE = 0o644


def write_atomically(path: Path, data: bytes) -> None:
    """Replace the file at `path` with `data` in one step; see the module docstring."""
    try:
        _write(path, data)
    except OSError as exc:
        # Report the file the user chose, not the hidden temporary one.
        raise type(exc)(exc.errno, exc.strerror or str(exc), str(path)) from exc
    _sync_folder(path.parent)


def _write(path: Path, data: bytes) -> None:
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    mode = _mode_for(path)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below on every path
        dir=path.parent, delete=False, prefix=f".{path.name}.", suffix=".part"
    )
    part = Path(handle.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(part, mode)
        os.replace(part, path)
    except BaseException:
        with contextlib.suppress(OSError):
            part.unlink()
        raise


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
