"""A full disk or a read-only folder: every write says what happened and what to do, changes
nothing, and what can still be read is shown; a damaged file is still called damaged."""

from __future__ import annotations

import errno
import hashlib
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from planner.cli import main
from planner.services.events import EventService
from planner.services.workspace import DATABASE_NAME, Workspace
from planner.storage.database import Database
from planner.storage.errors import (
    DiskFullError,
    NotADatabaseError,
    OpenedReadOnlyError,
    ReadOnlyError,
    StorageError,
    WriteFailedError,
    write_failure,
)
from planner.storage.lock import LOCK_NAME
from tests.builders import an_event, event_in
from tests.disk_conditions import database_cannot_grow, fill, read_only_folder, small_disk

FULL = "is full: free some space and try again; nothing was changed."
READ_ONLY = "is read-only: check its permissions"


def a_folder_with_an_event(folder: Path) -> Path:
    with Workspace.open(folder) as workspace:
        event_in(workspace)
    return folder


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def cli(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(folder), *argv])
    out, err = capsys.readouterr()
    return code, out, err


ADD = ("event", "add", "--name", "Later", "--start", "2027-06-01T09:00", "--end")
ADD_ARGS = (*ADD, "2027-06-01T17:00", "--tz", "UTC")


def one_line_error(code: int, out: str, err: str) -> str:
    assert code == 1, (out, err)
    assert err.startswith("planner: error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


# --- what a failure is called ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), DiskFullError),
        (OSError(errno.EDQUOT, "Disk quota exceeded"), DiskFullError),
        (OSError(errno.EROFS, "Read-only file system"), ReadOnlyError),
        (OSError(errno.EACCES, "Permission denied"), ReadOnlyError),
        (sqlite3.OperationalError("database or disk is full"), DiskFullError),
        (sqlite3.OperationalError("attempt to write a readonly database"), ReadOnlyError),
    ],
)
def test_a_write_failure_is_named_with_what_to_do(
    tmp_path: Path, error: BaseException, kind: type[WriteFailedError]
) -> None:
    failure = write_failure(error, tmp_path)
    assert isinstance(failure, kind)
    message = str(failure)
    assert str(tmp_path) in message
    assert message.endswith("and try again; nothing was changed.")


@pytest.mark.parametrize(
    "error",
    [
        OSError(errno.ENOENT, "No such file or directory"),
        sqlite3.OperationalError("no such table: x"),
        sqlite3.IntegrityError("UNIQUE constraint failed"),
        ValueError("a bug"),
    ],
)
def test_other_failures_are_not_blamed_on_the_disk(tmp_path: Path, error: BaseException) -> None:
    assert write_failure(error, tmp_path) is None


# --- a full disk -------------------------------------------------------------------------------


def test_a_full_disk_at_a_write_says_so_and_keeps_the_data(tmp_path: Path) -> None:
    with Workspace.open(tmp_path) as workspace:
        events = EventService(workspace)
        first = events.create(an_event())
        conn = workspace.db.connection
        (pages,) = conn.execute("PRAGMA page_count").fetchone()
        conn.execute(f"PRAGMA max_page_count = {pages}").fetchone()  # SQLite's own SQLITE_FULL
        with pytest.raises(DiskFullError) as caught:
            events.create(an_event("Too big", notes="n" * 200_000))
        assert str(caught.value) == f"The disk holding {tmp_path} {FULL}"
        assert workspace.repos.events.all() == [first]
        assert not conn.in_transaction
        conn.execute("PRAGMA max_page_count = 1073741823").fetchone()  # space freed
        events.create(an_event("Fits now", notes="n" * 200_000))
        assert len(workspace.repos.events.all()) == 2
        assert workspace.db.integrity_ok()


def test_a_full_disk_inside_a_nested_unit_rolls_back_everything(tmp_path: Path) -> None:
    with Workspace.open(tmp_path) as workspace:
        db = workspace.db
        (pages,) = db.connection.execute("PRAGMA page_count").fetchone()
        db.connection.execute(f"PRAGMA max_page_count = {pages + 1}").fetchone()
        with pytest.raises(DiskFullError), db.transaction() as conn:
            conn.execute("INSERT INTO app_state (key, value) VALUES ('a', '1')")
            with db.transaction():
                conn.execute("INSERT INTO app_state (key, value) VALUES ('b', ?)", ("x" * 90_000,))
        assert not db.connection.in_transaction
        found = db.connection.execute("SELECT key FROM app_state WHERE key IN ('a', 'b')")
        assert found.fetchall() == []


def test_cli_event_add_on_a_full_disk_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = a_folder_with_an_event(tmp_path / "data")
    database_cannot_grow(monkeypatch)
    err = one_line_error(*cli(capsys, folder, *ADD_ARGS, "--notes", "n" * 100_000))
    assert f"The disk holding {folder} {FULL}" in err
    monkeypatch.undo()
    with Workspace.open(folder) as workspace:
        assert [e.name for e in workspace.repos.events.all()] == ["Web Summit"]


def test_cli_import_on_a_full_disk_is_one_clear_line_and_imports_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = a_folder_with_an_event(tmp_path / "data")
    attendees = tmp_path / "attendees.csv"
    rows = "".join(f"Person {n},p{n}@example.org,Company {n}\n" for n in range(2000))
    attendees.write_text("Name,Email,Company\n" + rows, encoding="utf-8")
    database_cannot_grow(monkeypatch)
    err = one_line_error(*cli(capsys, folder, "import", str(attendees), "--event", "Web Summit"))
    assert FULL in err
    monkeypatch.undo()
    with Workspace.open(folder) as workspace:
        assert workspace.repos.people.count() == 0
        assert workspace.db.integrity_ok()


@pytest.mark.slow
def test_a_really_full_disk_still_reads_and_refuses_writes_clearly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        folder = a_folder_with_an_event(disk / "data")
        fill(disk)
        before = snapshot(folder)
        code, out, err = cli(capsys, folder, "event", "list")
        assert (code, err) == (0, "")
        assert "Web Summit" in out
        err = one_line_error(*cli(capsys, folder, *ADD_ARGS))
        assert "not a Networking Planner database" not in err
        assert f"the disk holding {folder} is full. Free some space" in err
        with Workspace.open(folder) as workspace:
            assert isinstance(workspace.read_only, DiskFullError)
            with pytest.raises(OpenedReadOnlyError):
                EventService(workspace).create(an_event("Refused"))
        # Nothing was written: no database file changed, none was added.
        after = snapshot(folder)
        assert after.keys() <= before.keys() | {f"{DATABASE_NAME}-shm", f"{DATABASE_NAME}-wal"}
        assert after[DATABASE_NAME] == before[DATABASE_NAME]


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="mounts a tmpfs")
def test_the_command_on_a_full_disk_prints_no_traceback(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        folder = a_folder_with_an_event(disk / "data")
        fill(disk)
        done = subprocess.run(
            [sys.executable, "-m", "planner", "--data-dir", str(folder), *ADD_ARGS],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "is full" in done.stderr and done.stderr.count("\n") == 1


# --- a read-only folder ------------------------------------------------------------------------


def test_a_read_only_connection_refuses_a_write_with_the_reason(tmp_path: Path) -> None:
    with Workspace.open(tmp_path) as workspace:
        workspace.db.connection.execute("PRAGMA query_only = ON")  # SQLITE_READONLY at writes
        with pytest.raises(ReadOnlyError, match=READ_ONLY):
            EventService(workspace).create(an_event())
        workspace.db.connection.execute("PRAGMA query_only = OFF")
        assert workspace.repos.events.all() == []


def test_a_read_only_folder_opens_for_reading(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = a_folder_with_an_event(tmp_path / "data")
    with Workspace.open(folder) as workspace:
        event_id = workspace.repos.events.all()[0].id
    before = snapshot(folder)
    with read_only_folder(folder):
        for argv in (
            ("event", "list"),
            ("people",),
            ("goal", "list", "Web Summit"),
            ("checklist", "Web Summit"),
        ):
            code, _out, err = cli(capsys, folder, *argv)
            assert (code, err) == (0, ""), argv
        assert "Web Summit" in cli(capsys, folder, "event", "list")[1]
        err = one_line_error(*cli(capsys, folder, *ADD_ARGS))
        assert "not a Networking Planner database" not in err
        assert f"Changes cannot be saved: {folder} is read-only. Check its permissions" in err
        with Workspace.open(folder) as workspace:
            assert isinstance(workspace.read_only, ReadOnlyError)
            assert workspace.repos.events.get(event_id).name == "Web Summit"
            with pytest.raises(OpenedReadOnlyError, match="Changes cannot be saved"):
                EventService(workspace).create(an_event("Refused"))
            second = workspace.second_connection()
            try:
                assert second.read_only is not None
            finally:
                second.close()
    assert snapshot(folder) == before


def test_a_read_only_folder_reads_the_changes_a_killed_process_left_in_its_log(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    killed = """
import os, sys
from datetime import UTC, datetime
from pathlib import Path
from planner.domain.model import Event
from planner.services.events import EventService
from planner.services.workspace import Workspace
workspace = Workspace.open(Path(sys.argv[1]))
EventService(workspace).create(Event(name="Only in the log", start=datetime(2027, 1, 1, 9,
    tzinfo=UTC), end=datetime(2027, 1, 1, 10, tzinfo=UTC), timezone="UTC"))
os._exit(0)
"""
    subprocess.run([sys.executable, "-c", killed, str(folder)], check=True, timeout=60)
    assert (folder / f"{DATABASE_NAME}-wal").stat().st_size > 0
    with read_only_folder(folder), Workspace.open(folder) as workspace:
        assert workspace.read_only is not None
        assert [e.name for e in workspace.repos.events.all()] == ["Only in the log"]
    # Without the log's index, the log cannot be read in place: said so, and not "damaged".
    (folder / f"{DATABASE_NAME}-shm").unlink()
    with read_only_folder(folder), pytest.raises(StorageError) as caught:
        Workspace.open(folder)
    assert not isinstance(caught.value, NotADatabaseError)
    assert f"{DATABASE_NAME}-wal" in str(caught.value)
    assert "is read-only. Check its permissions" in str(caught.value)


def test_a_read_only_folder_without_a_lock_file_opens_for_reading(tmp_path: Path) -> None:
    folder = a_folder_with_an_event(tmp_path / "data")
    (folder / LOCK_NAME).unlink()
    with read_only_folder(folder), Workspace.open(folder) as workspace:
        assert workspace.read_only is not None
        assert len(workspace.repos.events.all()) == 1


def test_a_new_data_folder_inside_a_read_only_one_is_refused_clearly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    parent = tmp_path / "parent"
    parent.mkdir()
    with read_only_folder(parent):
        err = one_line_error(*cli(capsys, parent / "data", "event", "list"))
        assert f"{parent} {READ_ONLY}" in err
        err = one_line_error(*cli(capsys, parent, "event", "list"))  # no database in it yet
        assert f"{parent} {READ_ONLY}" in err
    assert list(parent.iterdir()) == []


def test_a_damaged_database_in_a_read_only_folder_is_still_called_damaged(
    tmp_path: Path,
) -> None:
    folder = a_folder_with_an_event(tmp_path / "data")
    path = folder / DATABASE_NAME
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page, scribbled over
    path.write_bytes(bytes(data))
    with read_only_folder(folder), pytest.raises(NotADatabaseError):
        Workspace.open(folder)


def test_a_database_needing_an_upgrade_in_a_read_only_folder_says_why_it_cannot(
    tmp_path: Path,
) -> None:
    folder = a_folder_with_an_event(tmp_path / "data")
    db = Database.open(folder / DATABASE_NAME)
    db.connection.execute("PRAGMA user_version = 1")
    db.close()
    with read_only_folder(folder), pytest.raises(StorageError) as caught:
        Workspace.open(folder)
    assert "needs an upgrade" in str(caught.value)
    assert "is read-only" in str(caught.value)


def test_a_checklist_exports_from_a_read_only_folder_with_the_same_uids_each_time(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from planner.services.sample import seed_sample

    folder = tmp_path / "data"
    with Workspace.open(folder) as workspace:
        seed_sample(workspace, datetime(2026, 12, 1, tzinfo=UTC))
    out = tmp_path / "out"
    out.mkdir()
    with read_only_folder(folder):
        for name in ("first.ics", "second.ics"):
            code, _out, err = cli(capsys, folder, "checklist", "1", "--ics", str(out / name))
            assert (code, "error" in err) == (0, False), err
    uids = [
        [line for line in (out / name).read_text("utf-8").splitlines() if line.startswith("UID")]
        for name in ("first.ics", "second.ics")
    ]
    assert uids[0] and uids[0] == uids[1]
