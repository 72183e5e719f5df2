"""A refused start says what holds the data folder: the window, or which command, and its
process id, even when the holder has only just taken the lock."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from planner.services.workspace import Workspace
from planner.storage.errors import DataDirLockedError
from planner.storage.lock import LOCK_NAME, WINDOW, DataDirLock

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses flock and POSIX signals")


def test_a_window_holding_the_folder_is_named_as_the_window(tmp_path: Path) -> None:
    with Workspace.open(tmp_path, holder=WINDOW), pytest.raises(DataDirLockedError) as caught:
        Workspace.open(tmp_path)
    message = str(caught.value)
    assert message == (
        f"The data in {tmp_path} is in use by a Networking Planner window "
        f"(process {os.getpid()}). Close that window first, or start with another data folder."
    )
    assert (caught.value.pid, caught.value.holder) == (os.getpid(), WINDOW)


HOLD = """
    import sys, time
    from pathlib import Path
    from planner.services.workspace import Workspace
    folder = Path(sys.argv[1])
    sys.argv = ["planner", "--data-dir", str(folder), "import", "guests list.csv", "--event", "1"]
    workspace = Workspace.open(folder)
    print("holding", flush=True)
    time.sleep(60)
"""


@pytest.mark.slow
def test_a_command_holding_the_folder_is_named_with_its_pid(tmp_path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(HOLD), str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "holding"
        with pytest.raises(DataDirLockedError) as caught:
            Workspace.open(tmp_path, holder=WINDOW)
    finally:
        child.kill()
        child.communicate(timeout=30)
    message = str(caught.value)
    command = f"planner --data-dir {tmp_path} import 'guests list.csv' --event 1"
    assert f"is in use by the command “{command}” (process {child.pid})" in message
    assert "Wait for it to finish" in message
    assert "window" not in message


def late_holder(folder: Path, stale: str, delay: float) -> tuple[threading.Thread, threading.Event]:
    """Take the folder's lock as a starting holder does, but write the record only after
    `delay` seconds; `stale` is what a killed holder left in the file before."""
    import fcntl

    path = folder / LOCK_NAME
    path.write_text(stale, encoding="utf-8")
    handle = open(path, "r+b", buffering=0)  # noqa: SIM115 - closed by the thread
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    release = threading.Event()

    def hold() -> None:
        time.sleep(delay)
        os.ftruncate(handle.fileno(), 0)
        handle.write(f"{os.getpid()}\n{WINDOW}\n".encode())
        release.wait(10)
        handle.close()

    thread = threading.Thread(target=hold)
    thread.start()
    return thread, release


@pytest.mark.parametrize(
    "stale",
    [
        "",  # first use of the folder, or the last holder ended normally
        "999999999\nplanner import old.csv\n",  # a killed holder's record: no such process
    ],
)
def test_a_holder_that_has_not_written_its_record_yet_is_still_named(
    tmp_path: Path, stale: str
) -> None:
    thread, release = late_holder(tmp_path, stale, delay=0.15)
    try:
        with pytest.raises(DataDirLockedError) as caught:
            DataDirLock(tmp_path).acquire()
    finally:
        release.set()
        thread.join()
    assert caught.value.pid == os.getpid()
    assert "a Networking Planner window" in str(caught.value)


def test_a_holder_that_never_says_who_it_is_is_reported_without_a_pid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import fcntl

    from planner.storage import lock

    monkeypatch.setattr(lock, "HOLDER_WAIT_SECONDS", 0.05)
    with open(tmp_path / LOCK_NAME, "wb") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        with pytest.raises(DataDirLockedError) as caught:
            DataDirLock(tmp_path).acquire()
    assert str(caught.value) == (
        f"The data in {tmp_path} is in use by another Networking Planner (its process id "
        "unknown). Close it or wait for it to finish, or start with another data folder."
    )


def test_a_holder_that_ends_leaves_no_record(tmp_path: Path) -> None:
    with Workspace.open(tmp_path, holder=WINDOW):
        record = (tmp_path / LOCK_NAME).read_text(encoding="utf-8")
        assert record == f"{os.getpid()}\n{WINDOW}\n"
    assert (tmp_path / LOCK_NAME).read_text(encoding="utf-8") == ""
