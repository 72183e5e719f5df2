"""A write killed mid-way leaves a hidden temporary file; the next write to the same target
removes it (and only the dead writers' ones). A full disk or a read-only folder is said so."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from planner.interchange import atomic
from planner.interchange.atomic import remove_stale_parts, write_atomically
from tests.disk_conditions import fill, read_only_folder, small_disk

posix_only = pytest.mark.skipif(os.name != "posix", reason="uses flock and SIGKILL")

# A writer that stops for good just before its data is on the disk, as one killed there would.
STUCK_WRITER = """
    import os, sys, time
    from pathlib import Path
    from planner.interchange.atomic import write_atomically

    def stuck(fd):
        print("writing", flush=True)
        time.sleep(60)

    os.fsync = stuck
    write_atomically(Path(sys.argv[1]), b"x" * 4_000_000)
"""


def start_writer(target: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(STUCK_WRITER), str(target)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "writing"
    return child


def parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.mark.slow
@posix_only
def test_the_next_write_removes_what_a_killed_writer_left(tmp_path: Path) -> None:
    target = tmp_path / "tasks.ics"
    target.write_bytes(b"old")
    child = start_writer(target)
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    left = parts(tmp_path)
    assert len(left) == 1 and left[0].startswith(".tasks.ics.")
    assert (tmp_path / left[0]).stat().st_size == 4_000_000
    assert target.read_bytes() == b"old"

    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["tasks.ics"]


@pytest.mark.slow
@posix_only
def test_a_live_writers_temporary_file_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "tasks.ics"
    child = start_writer(target)
    try:
        live = parts(tmp_path)
        assert len(live) == 1
        write_atomically(target, b"mine")
        assert target.read_bytes() == b"mine"
        assert parts(tmp_path) == live
    finally:
        child.kill()
        child.communicate(timeout=30)
    assert remove_stale_parts(target) == 1
    assert parts(tmp_path) == []


def test_only_the_targets_own_temporary_files_are_removed(tmp_path: Path) -> None:
    target = tmp_path / "tasks.ics"
    others = [
        ".other.ics.abcd1234.part",  # another target's
        ".tasks.ics.notes.part",  # not a name a writer makes
        "tasks.ics.abcd1234.part",  # not hidden: the user's own file
        ".tasks.ics.abcd1234.partial",
    ]
    for name in [*others, ".tasks.ics.abcd1234.part", ".tasks.ics.x_9y8z7w.part"]:
        (tmp_path / name).write_bytes(b"left over")
    write_atomically(target, b"new")
    assert sorted(os.listdir(tmp_path)) == sorted([*others, "tasks.ics"])


@posix_only
def test_a_temporary_file_removed_before_it_was_locked_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hold = atomic._hold
    made: list[str] = []

    def cleaner_first(fd: int, *, wait: bool) -> bool:
        if wait and not made:  # a cleaner got there between the creation and the lock
            name = os.readlink(f"/proc/self/fd/{fd}")
            made.append(name)
            os.unlink(name)
        return hold(fd, wait=wait)

    monkeypatch.setattr(atomic, "_hold", cleaner_first)
    target = tmp_path / "tasks.ics"
    write_atomically(target, b"new")
    assert len(made) == 1
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["tasks.ics"]


@pytest.mark.parametrize(
    ("code", "said"),
    [
        (errno.ENOSPC, "the disk is full: free some space and try again"),
        (errno.EROFS, "the folder is read-only: choose another folder, or check its permissions"),
        (errno.EACCES, "the folder may not be written to: choose another, or check its perm"),
    ],
)
def test_a_refused_write_says_what_to_do_and_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, said: str
) -> None:
    target = tmp_path / "tasks.ics"
    target.write_bytes(b"old")

    def refuse(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", refuse)
    with pytest.raises(OSError) as caught:
        write_atomically(target, b"new")
    assert caught.value.errno == code
    assert caught.value.strerror is not None and caught.value.strerror.startswith(said)
    assert caught.value.strerror.endswith("; the file was left as it was")
    assert caught.value.filename == str(target)
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["tasks.ics"]


@pytest.mark.slow
def test_a_really_full_disk_is_said_so(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", size="1m") as disk:
        target = disk / "tasks.ics"
        target.write_bytes(b"old")
        fill(disk)
        with pytest.raises(OSError) as caught:
            write_atomically(target, b"x" * 200_000)
        assert caught.value.errno == errno.ENOSPC
        assert "the disk is full: free some space" in str(caught.value)
        assert target.read_bytes() == b"old"
        assert parts(disk) == []


def test_a_really_read_only_folder_is_said_so(tmp_path: Path) -> None:
    target = tmp_path / "tasks.ics"
    target.write_bytes(b"old")
    with read_only_folder(tmp_path), pytest.raises(OSError) as caught:
        write_atomically(target, b"new")
    assert caught.value.errno in (errno.EROFS, errno.EACCES)
    assert "choose another" in str(caught.value)
    assert target.read_bytes() == b"old"
