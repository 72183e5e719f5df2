"""A database another program holds locked is busy, not damaged: the message says so, and
nothing is changed."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.cli import main
from planner.services.workspace import DATABASE_NAME, Workspace
from planner.storage import database
from planner.storage.database import Database
from planner.storage.errors import DatabaseBusyError
from tests.builders import event_in

BUSY = "is locked by another program"


@pytest.fixture(autouse=True)
def _short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 50)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    with Workspace.open(tmp_path) as workspace:
        event_in(workspace)
    return tmp_path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def held(path: Path, *statements: str) -> Iterator[sqlite3.Connection]:
    other = sqlite3.connect(path, isolation_level=None)
    for statement in statements:
        other.execute(statement)
    try:
        yield other
    finally:
        other.close()


@pytest.fixture
def exclusive(folder: Path) -> Iterator[sqlite3.Connection]:
    """Another program with the database in exclusive locking mode and a write under way:
    nobody else can even read it."""
    yield from held(
        folder / DATABASE_NAME,
        "PRAGMA locking_mode = EXCLUSIVE",
        "BEGIN EXCLUSIVE",
        "CREATE TABLE other_program (x)",
    )


def test_opening_a_database_another_program_holds_says_it_is_busy(
    folder: Path, exclusive: sqlite3.Connection
) -> None:
    path = folder / DATABASE_NAME
    before = digest(path)
    with pytest.raises(DatabaseBusyError, match=BUSY) as caught:
        Database.open(path)
    assert "damaged" not in str(caught.value)
    assert digest(path) == before


def test_the_command_line_says_busy_not_damaged(
    folder: Path, exclusive: sqlite3.Connection, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--data-dir", str(folder), "event", "list"])
    out, err = capsys.readouterr()
    assert code == 1 and not out
    assert BUSY in err and "damaged" not in err and "Traceback" not in err


def test_a_write_while_another_program_writes_is_refused_as_busy(folder: Path) -> None:
    db = Database.open(folder / DATABASE_NAME)
    try:
        for _ in held(folder / DATABASE_NAME, "BEGIN IMMEDIATE"):
            with pytest.raises(DatabaseBusyError, match=BUSY), db.transaction() as conn:
                conn.execute("DELETE FROM event")
        assert db.connection.execute("SELECT count(*) FROM event").fetchone()[0] == 1
    finally:
        db.connection.close()
