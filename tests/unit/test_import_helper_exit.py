"""An import killed mid-way (SIGTERM, Ctrl+C) leaves nothing behind: no helper process, and
nothing for multiprocessing's resource tracker to warn about on the user's terminal."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planner.services.workspace import Workspace

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc"),
]

ROWS = 60_000  # from PARALLEL_FROM_ROWS on, the import shares its work with a helper


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text("ascii", "replace")
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def is_helper(pid: int) -> bool:
    try:
        return b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text("ascii").rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize("sent", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_an_import_stopped_by_a_signal_leaves_nothing_to_warn_about(
    tmp_path: Path, sent: signal.Signals
) -> None:
    folder = tmp_path / "data"
    attendees = tmp_path / "attendees.csv"
    lines = (f"Given{n},Family{n % 977},p{n}@ex{n % 331}.org,Co {n % 1500}" for n in range(ROWS))
    attendees.write_text("First Name,Last Name,Email,Company\n" + "\n".join(lines), "utf-8")
    command = [sys.executable, "-m", "planner", "--data-dir", str(folder)]
    add = ["event", "add", "--name", "Big", "--start", "2027-01-01T09:00"]
    subprocess.run(
        [*command, *add, "--end", "2027-01-01T10:00", "--tz", "UTC"], check=True, timeout=60
    )
    importing = subprocess.Popen(
        [*command, "import", str(attendees), "--event", "Big"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        helpers: list[int] = []
        while not helpers and importing.poll() is None and time.monotonic() < deadline:
            helpers = [pid for pid in children_of(importing.pid) if is_helper(pid)]
            time.sleep(0.02)
        assert helpers, "the import finished, or never started its helper"
        time.sleep(0.3)  # under way
        importing.send_signal(sent)
        # stderr ends when every process that shares it has ended: the command, its helper
        # and the resource tracker, which prints its warnings as it goes.
        _, err = importing.communicate(timeout=60)
    finally:
        if importing.poll() is None:
            importing.kill()
            importing.communicate(timeout=30)
    assert "leaked" not in err and "resource_tracker" not in err, err
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in helpers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(alive(pid) for pid in helpers)
    with Workspace.open(folder) as workspace:
        assert workspace.repos.people.count() in (0, ROWS)  # one transaction: all or nothing
        assert workspace.db.integrity_ok()
