"""A full disk and a read-only folder, made real where this machine allows, for the tests of
what the app does when it cannot write.

The tests run as root, whom permission bits do not stop: a read-only folder is a read-only
bind mount of it, and a full disk a small tmpfs filled up; both skip where mounting is not
permitted. `database_cannot_grow` makes SQLite itself report a full disk ("database or disk is
full") at the next write that needs a new page, anywhere, without mounting anything.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.storage.database import Database


def _mount(*args: str) -> bool:
    if sys.platform != "linux" or shutil.which("mount") is None:
        return False
    done = subprocess.run(["mount", *args], capture_output=True, check=False)
    return done.returncode == 0


def _umount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    """`folder` (which exists) read-only for this process, its contents as they are."""
    if os.geteuid() != 0:
        mode = folder.stat().st_mode
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(mode)
        return
    if not _mount("--bind", str(folder), str(folder)):
        pytest.skip("a read-only folder needs a bind mount, which is not permitted here")
    try:
        if not _mount("-o", "remount,ro,bind", str(folder)):
            pytest.skip("a read-only bind mount is not permitted here")
        probe = folder / ".probe"
        with pytest.raises(OSError) as refused:
            probe.write_bytes(b"")
        assert refused.value.errno == errno.EROFS
        yield folder
    finally:
        _umount(folder)


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "2m") -> Iterator[Path]:
    """A tmpfs of `size` mounted at `folder` (made empty here)."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)):
        pytest.skip("a small disk needs a tmpfs mount, which is not permitted here")
    try:
        yield folder
    finally:
        _umount(folder)


def fill(folder: Path) -> Path:
    """Write into `folder` until its disk is full; returns the file that filled it."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as handle, contextlib.suppress(OSError):
        while True:
            handle.write(b"\0" * 4096)
    assert shutil.disk_usage(folder).free < 8192
    return filler


def database_cannot_grow(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every database opened from now on is as big as it may get: SQLite answers the next
    write that needs a page with SQLITE_FULL, as it does on a full disk."""
    configure = Database._configure

    def limited(db: Database) -> None:
        configure(db)
        (pages,) = db.connection.execute("PRAGMA page_count").fetchone()
        db.connection.execute(f"PRAGMA max_page_count = {max(int(pages), 1)}").fetchone()

    monkeypatch.setattr(Database, "_configure", limited)
