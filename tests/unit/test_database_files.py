"""Opening safety: files that are not ours are refused and left byte-for-byte alone; one
process per data folder; data survives a restart."""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from planner.domain.model import Event, Person
from planner.services.events import EventService
from planner.services.workspace import DATABASE_NAME, Workspace
from planner.storage.database import SQLITE_MAGIC, Database
from planner.storage.errors import (
    DatabaseTooNewError,
    DataDirLockedError,
    NotADatabaseError,
    StorageError,
)
from planner.storage.lock import LOCK_NAME
from planner.storage.schema import SCHEMA_VERSION

SUBPROCESS_TIMEOUT = 30


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def a_real_database(path: Path) -> bytes:
    """Bytes of a genuine planner database with a few rows, checkpointed into one file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = Database.open(path)
    with Workspace(db, None, created=True) as workspace:
        service = EventService(workspace)
        for n in range(30):
            service.create(
                Event(
                    name=f"Event {n} " + "x" * 150,
                    start=datetime(2026, 1, 1 + n % 28, 9, tzinfo=UTC),
                    end=datetime(2026, 1, 1 + n % 28, 17, tzinfo=UTC),
                    timezone="UTC",
                    notes="n" * 500,
                )
            )
        db.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path.read_bytes()


def damaged_files(tmp_path: Path) -> dict[str, bytes]:
    real = a_real_database(tmp_path / "source" / "real.sqlite3")
    assert real.startswith(SQLITE_MAGIC) and len(real) > 16_384
    rng = random.Random(20260329)
    noise = bytes(rng.randrange(256) for _ in range(8192))
    return {
        "text": b"This is my shopping list.\nEggs\nMilk\n",
        "random-binary": noise,
        "almost-the-header": b"SQLite format 3",  # one byte short of the magic
        "header-then-garbage": SQLITE_MAGIC + noise,
        "first-100-bytes-then-garbage": real[:100] + noise,
        "truncated-to-100-bytes": real[:100],
        "truncated-to-one-page": real[:4096],
        "truncated-to-half": real[: len(real) // 2],
        "truncated-mid-page": real[: 3 * 4096 + 1234],
    }


DAMAGE_KINDS = [
    "text",
    "random-binary",
    "almost-the-header",
    "header-then-garbage",
    "first-100-bytes-then-garbage",
    "truncated-to-100-bytes",
    "truncated-to-one-page",
    "truncated-to-half",
    "truncated-mid-page",
]


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return damaged_files(tmp_path_factory.mktemp("damaged"))


# --- files that are not a planner database ---------------------------------------------------


@pytest.mark.parametrize("kind", DAMAGE_KINDS)
def test_a_damaged_or_foreign_file_is_refused_and_left_untouched(
    tmp_path: Path, damaged: dict[str, bytes], kind: str
) -> None:
    path = tmp_path / DATABASE_NAME
    path.write_bytes(damaged[kind])
    before = digest(path)

    with pytest.raises(NotADatabaseError) as caught:
        Database.open(path)

    assert str(path) in str(caught.value)
    assert caught.value.path == path
    assert isinstance(caught.value, StorageError)
    assert path.exists()
    assert digest(path) == before
    assert listing(tmp_path) == [DATABASE_NAME]  # no -wal, -shm or journal left behind


@pytest.mark.parametrize("kind", ["text", "header-then-garbage", "truncated-to-half"])
def test_workspace_refuses_a_damaged_database_and_releases_the_lock(
    tmp_path: Path, damaged: dict[str, bytes], kind: str
) -> None:
    path = tmp_path / DATABASE_NAME
    path.write_bytes(damaged[kind])
    before = digest(path)

    for _ in range(2):  # a second try gets the same answer, not "folder locked"
        with pytest.raises(NotADatabaseError, match="not a Networking Planner database"):
            Workspace.open(tmp_path)

    assert digest(path) == before
    assert sorted(set(listing(tmp_path)) - {LOCK_NAME}) == [DATABASE_NAME]


def test_a_folder_at_the_database_path_is_refused(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    path.mkdir()
    (path / "keep.txt").write_text("mine")
    with pytest.raises(NotADatabaseError) as caught:
        Database.open(path)
    assert str(path) in str(caught.value)
    assert "folder" in str(caught.value)
    assert path.is_dir()
    assert listing(path) == ["keep.txt"]


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    path.touch()
    db = Database.open(path)
    try:
        assert db.schema_version == SCHEMA_VERSION
    finally:
        db.close()
    assert path.read_bytes().startswith(SQLITE_MAGIC)


def make_foreign_database(path: Path, *, user_version: int = 0) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipe (id INTEGER PRIMARY KEY, title TEXT)")
    conn.executemany("INSERT INTO recipe (title) VALUES (?)", [("Bacalhau",), ("Pastéis",)])
    conn.execute(f"PRAGMA user_version = {user_version}")
    conn.commit()
    conn.close()


def recipes(path: Path) -> list[tuple[int, str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id, title FROM recipe ORDER BY id").fetchall()
    finally:
        conn.close()


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    make_foreign_database(path)

    with pytest.raises(NotADatabaseError, match="another program") as caught:
        Database.open(path)

    assert str(path) in str(caught.value)
    assert recipes(path) == [(1, "Bacalhau"), (2, "Pastéis")]
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
        tables = conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'").fetchall()
        assert tables == [("recipe",)]  # none of our tables were added
    finally:
        conn.close()
    assert listing(tmp_path) == [DATABASE_NAME]


def test_another_programs_database_keeps_its_exact_bytes(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    make_foreign_database(path)
    before = digest(path)
    with pytest.raises(NotADatabaseError):
        Database.open(path)
    assert digest(path) == before


def make_too_new_database(path: Path) -> None:
    db = Database.open(path)
    with Workspace(db, None, created=True) as workspace:
        workspace.repos.people.add(Person(full_name="Zoë"))
        db.connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    make_too_new_database(path)

    with pytest.raises(DatabaseTooNewError) as caught:
        Database.open(path)

    message = str(caught.value)
    assert str(path) in message
    assert f"schema {SCHEMA_VERSION + 1}" in message
    assert caught.value.path == path
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        assert conn.execute("SELECT full_name FROM person").fetchall() == [("Zoë",)]
    finally:
        conn.close()
    assert [name for name in listing(tmp_path) if name.endswith(".bak")] == []


def test_workspace_refuses_a_newer_database_and_stays_openable(tmp_path: Path) -> None:
    make_too_new_database(tmp_path / DATABASE_NAME)
    for _ in range(2):
        with pytest.raises(DatabaseTooNewError):
            Workspace.open(tmp_path)


def test_a_database_from_a_newer_version_keeps_its_exact_bytes(tmp_path: Path) -> None:
    path = tmp_path / DATABASE_NAME
    make_too_new_database(path)
    before = digest(path)
    with pytest.raises(DatabaseTooNewError):
        Database.open(path)
    assert digest(path) == before


# --- one process per data folder -------------------------------------------------------------


def test_opening_the_same_folder_twice_in_one_process_is_refused(tmp_path: Path) -> None:
    first = Workspace.open(tmp_path)
    try:
        with pytest.raises(DataDirLockedError) as caught:
            Workspace.open(tmp_path)
        message = str(caught.value)
        assert str(tmp_path) in message
        assert f"process {os.getpid()}" in message
        assert caught.value.path == tmp_path
        # The refused attempt did not disturb the open workspace.
        EventService(first).create(
            Event(
                name="still works",
                start=datetime(2026, 1, 1, 9, tzinfo=UTC),
                end=datetime(2026, 1, 1, 10, tzinfo=UTC),
                timezone="UTC",
            )
        )
        assert (tmp_path / LOCK_NAME).read_text().splitlines()[0] == str(os.getpid())
    finally:
        first.close()


def test_after_close_the_folder_can_be_reopened(tmp_path: Path) -> None:
    Workspace.open(tmp_path).close()
    second = Workspace.open(tmp_path)
    second.close()
    with Workspace.open(tmp_path) as third:
        assert third.folder == tmp_path


def test_data_survives_close_and_reopen(tmp_path: Path) -> None:
    with Workspace.open(tmp_path) as workspace:
        assert workspace.created
        created = EventService(workspace).create(
            Event(
                name="Conferência Ñ 東京",
                start=datetime(2026, 3, 29, 9, tzinfo=UTC),
                end=datetime(2026, 3, 29, 17, tzinfo=UTC),
                timezone="Europe/Lisbon",
            )
        )
        person = workspace.repos.people.add(Person(full_name="Zoë"))
    with Workspace.open(tmp_path) as workspace:
        assert not workspace.created
        assert workspace.repos.events.all() == [created]
        assert workspace.repos.people.all() == [person]
        assert workspace.db.integrity_ok()


def run_python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT,
        check=False,
    )


TRY_OPEN = """
    import sys
    from pathlib import Path
    from planner.services.workspace import Workspace
    from planner.storage.errors import DataDirLockedError
    try:
        Workspace.open(Path(sys.argv[1])).close()
    except DataDirLockedError as exc:
        print(exc)
        sys.exit(3)
    print("opened")
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="checks the POSIX flock behaviour")
def test_another_process_cannot_open_a_folder_in_use(tmp_path: Path) -> None:
    with Workspace.open(tmp_path):
        refused = run_python(TRY_OPEN, str(tmp_path))
        assert refused.returncode == 3, refused.stderr
        assert f"process {os.getpid()}" in refused.stdout
        assert str(tmp_path) in refused.stdout
    allowed = run_python(TRY_OPEN, str(tmp_path))
    assert allowed.returncode == 0, allowed.stderr
    assert allowed.stdout.strip() == "opened"


HOLD_OPEN = """
    import sys, time
    from pathlib import Path
    from planner.services.workspace import Workspace
    workspace = Workspace.open(Path(sys.argv[1]))
    print("holding", flush=True)
    time.sleep(60)
"""


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")
def test_the_lock_of_a_killed_process_is_released(tmp_path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(HOLD_OPEN), str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "holding"
        with pytest.raises(DataDirLockedError, match=f"process {child.pid}"):
            Workspace.open(tmp_path)
    finally:
        child.kill()
        child.communicate(timeout=SUBPROCESS_TIMEOUT)
    with Workspace.open(tmp_path) as workspace:
        assert workspace.db.integrity_ok()
