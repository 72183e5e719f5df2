"""A process killed mid-write loses nothing it reported as saved, and leaves a sound file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from planner.services.workspace import DATABASE_NAME, Workspace

WANTED = 200
TIMEOUT = 60

WRITER = """
    import sys
    from datetime import UTC, datetime, timedelta
    from pathlib import Path

    from planner.domain.model import Event
    from planner.services.events import EventService
    from planner.services.workspace import Workspace

    workspace = Workspace.open(Path(sys.argv[1]))
    service = EventService(workspace)
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    print("ready", flush=True)
    for n in range(1_000_000):
        event = service.create(
            Event(
                name=f"Event {n} " + "é" * 150,
                start=start + timedelta(hours=n),
                end=start + timedelta(hours=n + 1),
                timezone="Europe/Lisbon",
                notes="x" * 2000,
            )
        )
        # Only after create() returned, i.e. after COMMIT.
        print(event.id, flush=True)
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_while_writing_loses_no_committed_event(tmp_path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(WRITER), str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    committed: list[int] = []
    try:
        assert child.stdout is not None
        deadline = time.monotonic() + TIMEOUT
        first = child.stdout.readline().strip()
        assert first == "ready", child.stderr.read() if child.stderr else first
        while len(committed) < WANTED:
            assert time.monotonic() < deadline, f"only {len(committed)} events in {TIMEOUT}s"
            line = child.stdout.readline()
            if not line:
                child.wait(timeout=TIMEOUT)
                pytest.fail(
                    f"the writer stopped early: {child.stderr.read() if child.stderr else ''}"
                )
            committed.append(int(line))
        assert child.poll() is None, "the writer must still be running when it is killed"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        _, errors = child.communicate(timeout=TIMEOUT)
    assert child.returncode == -signal.SIGKILL, errors

    assert len(set(committed)) == WANTED
    # The lock died with the process, so the folder opens; the WAL is recovered on open.
    with Workspace.open(tmp_path) as workspace:
        conn = workspace.db.connection
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = {row[0] for row in conn.execute("SELECT id FROM event")}
        missing = sorted(set(committed) - stored)
        assert not missing, f"events reported as saved but lost: {missing[:10]}"
        assert len(stored) >= WANTED
        # Every surviving row is whole, not torn.
        for name, notes in conn.execute("SELECT name, notes FROM event"):
            assert name.endswith("é" * 150)
            assert notes == "x" * 2000
    assert (tmp_path / DATABASE_NAME).exists()
