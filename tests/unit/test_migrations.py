"""Every schema version ever shipped has a fixture database; each must open at today's version
with every row intact. Build a new fixture with tests/data/schemas/make_fixture.py."""

from __future__ import annotations

import re
import shutil
import sqlite3
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import planner.storage.database as database_module
import planner.storage.schema as schema_module
from planner.domain.enums import AttendanceStatus, FollowUpStatus, InteractionKind, NetworkType
from planner.services.workspace import DATABASE_NAME, Workspace
from planner.storage.database import SQLITE_MAGIC, Database
from planner.storage.errors import StorageError
from planner.storage.schema import MIGRATIONS, SCHEMA_VERSION

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "schemas"
FIXTURE_NAME = re.compile(r"v(\d+)\.sqlite3")

# What tests/data/schemas/make_fixture.py writes, table by table.
EXPECTED_COUNTS = {
    "event": 3,
    "person": 5,
    "goal": 3,
    "attendance": 5,
    "attendance_goal": 4,
    "checklist_item": 3,
    "interaction": 2,
    "interaction_person": 3,
    "follow_up": 3,
    "app_state": 1,
}


def fixtures() -> list[Path]:
    return sorted(p for p in SCHEMAS.glob("v*.sqlite3") if FIXTURE_NAME.fullmatch(p.name))


def fixture_version(path: Path) -> int:
    match = FIXTURE_NAME.fullmatch(path.name)
    assert match, path
    return int(match.group(1))


def header_user_version(path: Path) -> int:
    """user_version straight from the file header (offset 60), without opening it in SQLite."""
    with open(path, "rb") as handle:
        header = handle.read(100)
    return int.from_bytes(header[60:64], "big")


def raw_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in EXPECTED_COUNTS
        }
    finally:
        conn.close()


def backups(folder: Path, version: int) -> list[Path]:
    return sorted(folder.glob(f"{DATABASE_NAME}.schema{version}-*.bak"))


def copy_fixture(fixture: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / DATABASE_NAME
    shutil.copyfile(fixture, target)
    return target


def assert_fixture_rows(workspace: Workspace) -> None:
    """The data set make_fixture.py writes, read back through today's repositories."""
    repos, conn = workspace.repos, workspace.db.connection
    counts = {
        table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in EXPECTED_COUNTS
    }
    # Opening adds the app's own bookkeeping (e.g. the checklist routine being installed);
    # the fixture's state must still be there.
    assert counts["app_state"] >= EXPECTED_COUNTS["app_state"]
    assert conn.execute("SELECT value FROM app_state WHERE key = 'sample_seeded'").fetchone()
    assert {**counts, "app_state": EXPECTED_COUNTS["app_state"]} == EXPECTED_COUNTS

    events = {event.name: event for event in repos.events.all()}
    assert sorted(events) == ["Conferência de Inovação", "Sample Meetup", "東京フィンテック週間"]
    lisbon = events["Conferência de Inovação"]
    assert lisbon.timezone == "Europe/Lisbon"
    assert lisbon.start.isoformat() == "2026-03-28T22:00:00+00:00"
    assert lisbon.end.isoformat() == "2026-03-29T10:00:00+01:00"
    assert lisbon.venue == "Centro de Congressos, Lisboa"
    assert lisbon.notes == "Two days.\nBadge from 8:00."
    tokyo = events["東京フィンテック週間"]
    assert tokyo.local_start == datetime(2026, 11, 10, 9, 30, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert events["Sample Meetup"].is_sample
    assert not lisbon.is_sample

    people = {person.full_name: person for person in repos.people.all()}
    assert sorted(people) == sorted(
        ["José Ñúñez-Gonçalves", "田中 美咲", "محمد الأمين", "נועה לוי", "Liam O'Brien"]
    )
    jose = people["José Ñúñez-Gonçalves"]
    assert (jose.given_name, jose.family_name, jose.company) == (
        "José",
        "Ñúñez-Gonçalves",
        "Açores Tech",
    )
    assert jose.notes == "Prefers Portuguese.\nMet twice before."
    assert people["田中 美咲"].company == "桜キャピタル"
    mohammed = people["محمد الأمين"]
    assert (mohammed.given_name, mohammed.email, mohammed.notes) == (None, None, "")
    liam = people["Liam O'Brien"]
    assert liam.is_sample
    assert liam.company == "<b>Brightside</b> & Co"
    assert liam.notes == "Robert'); DROP TABLE person;--"

    assert lisbon.id is not None and tokyo.id is not None
    goals = repos.goals.for_event(lisbon.id)
    assert [goal.text for goal in goals] == [
        "Conhecer 3 investidores",
        "Re-connect with my old team",
    ]
    assert goals[0].keywords == ("fintech", "pagamentos", "決済")
    assert goals[0].companies == ("Açores Tech", "桜キャピタル")
    assert goals[0].network_type is NetworkType.STRATEGIC

    attendances = {a.person_id: a for a in repos.attendances.for_event(lisbon.id)}
    assert jose.id is not None
    assert attendances[jose.id].status is AttendanceStatus.MET
    assert attendances[jose.id].goal_ids == {goal.id for goal in goals}
    assert [item.text for item in repos.checklist.for_event(tokyo.id)] == ["名刺を準備する"]

    (meeting,) = repos.interactions.for_person(jose.id)
    assert meeting.kind is InteractionKind.IN_PERSON
    assert meeting.event_id == lisbon.id
    assert set(meeting.person_ids) == {jose.id, people["田中 美咲"].id}
    assert meeting.occurred_at.isoformat() == "2026-03-29T08:30:00+01:00"

    follow_ups = {f.follow_up.uid: f for f in repos.follow_ups.listings()}
    first = follow_ups["fixture-follow-up-1@networking-planner.local"]
    assert first.follow_up.due == date(2026, 4, 2)
    assert first.follow_up.action == "Enviar a apresentação"
    assert first.event_name == "Conferência de Inovação"
    done = follow_ups["fixture-follow-up-2@networking-planner.local"].follow_up
    assert (done.status, done.sequence, done.event_id) == (FollowUpStatus.DONE, 2, None)

    assert workspace.db.integrity_ok()
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


# --- the fixtures themselves -----------------------------------------------------------------


def test_there_is_a_fixture_for_every_schema_version() -> None:
    versions = {fixture_version(path) for path in fixtures()}
    missing = sorted(set(range(1, SCHEMA_VERSION + 1)) - versions)
    assert not missing, (
        f"no fixture for schema version(s) {missing}: run "
        "`python tests/data/schemas/make_fixture.py` before adding a migration"
    )
    assert max(versions) <= SCHEMA_VERSION


@pytest.mark.parametrize("fixture", fixtures(), ids=lambda p: p.name)
def test_each_fixture_is_one_file_at_its_own_version(fixture: Path) -> None:
    with open(fixture, "rb") as handle:
        header = handle.read(100)
    assert header.startswith(SQLITE_MAGIC)
    assert header_user_version(fixture) == fixture_version(fixture)
    assert header[18:20] == b"\x01\x01", "fixture must be in rollback-journal mode, not WAL"
    assert not Path(f"{fixture}-wal").exists()
    assert raw_counts(fixture) == EXPECTED_COUNTS


# --- opening each fixture with today's code --------------------------------------------------


@pytest.mark.parametrize("fixture", fixtures(), ids=lambda p: p.name)
def test_fixture_opens_at_the_current_version_with_every_row(fixture: Path, tmp_path: Path) -> None:
    path = copy_fixture(fixture, tmp_path / "data")
    version = fixture_version(fixture)

    with Workspace.open(path.parent) as workspace:
        assert workspace.db.schema_version == SCHEMA_VERSION
        assert not workspace.created
        assert_fixture_rows(workspace)

    taken = backups(path.parent, version)
    if version < SCHEMA_VERSION:
        assert len(taken) == 1
        assert header_user_version(taken[0]) == version
        assert raw_counts(taken[0]) == EXPECTED_COUNTS
    else:
        assert taken == []
    # Reopening an up-to-date database takes no further backup.
    with Workspace.open(path.parent) as workspace:
        assert_fixture_rows(workspace)
    assert backups(path.parent, version) == taken


@pytest.mark.parametrize("fixture", [f for f in fixtures() if fixture_version(f) < 5])
def test_people_from_before_version_5_count_as_imported_unless_in_the_sample(
    fixture: Path, tmp_path: Path
) -> None:
    path = copy_fixture(fixture, tmp_path / "data")
    with Workspace.open(path.parent) as workspace:
        rows = workspace.db.connection.execute(
            "SELECT is_sample, imported_at IS NOT NULL AND imported_at = updated_at"
            " FROM person ORDER BY id"
        ).fetchall()
    assert rows == [(0, 1), (0, 1), (0, 1), (0, 1), (1, 0)]


def test_fixture_opens_with_database_open(tmp_path: Path) -> None:
    path = copy_fixture(fixtures()[-1], tmp_path)
    db = Database.open(path)
    try:
        assert db.schema_version == SCHEMA_VERSION
        assert db.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        db.close()


# --- adding a migration ----------------------------------------------------------------------


def add_migration(monkeypatch: pytest.MonkeyPatch, script: str) -> int:
    migrations = (*MIGRATIONS, script)
    for module in (schema_module, database_module):
        monkeypatch.setattr(module, "MIGRATIONS", migrations)
        monkeypatch.setattr(module, "SCHEMA_VERSION", len(migrations))
    return len(migrations)


def test_an_added_migration_upgrades_the_newest_fixture_and_backs_it_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_fixture(fixtures()[-1], tmp_path / "data")
    old_version = header_user_version(path)
    new_version = add_migration(
        monkeypatch,
        "ALTER TABLE person ADD COLUMN nickname TEXT NOT NULL DEFAULT '';\n"
        "CREATE TABLE tag (id INTEGER PRIMARY KEY, name TEXT NOT NULL);",
    )

    with Workspace.open(path.parent) as workspace:
        assert workspace.db.schema_version == new_version
        assert_fixture_rows(workspace)
        columns = [row[1] for row in workspace.db.connection.execute("PRAGMA table_info(person)")]
        assert "nickname" in columns

    (backup,) = backups(path.parent, old_version)
    assert header_user_version(backup) == old_version
    assert raw_counts(backup) == EXPECTED_COUNTS
    assert not Path(f"{backup}.part").exists()


def test_a_failing_migration_leaves_the_database_at_its_old_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_fixture(fixtures()[-1], tmp_path / "data")
    old_version = header_user_version(path)
    # The first statement would succeed; the second fails because the table exists.
    add_migration(
        monkeypatch, "CREATE TABLE tag (id INTEGER PRIMARY KEY);\nCREATE TABLE person (x);"
    )

    with pytest.raises(StorageError) as caught:
        Workspace.open(path.parent)
    assert str(path) in str(caught.value)

    (backup,) = backups(path.parent, old_version)
    assert raw_counts(backup) == EXPECTED_COUNTS
    assert header_user_version(path) == old_version

    # The broken release is withdrawn; the previous one opens the data as it was.
    monkeypatch.undo()
    with Workspace.open(path.parent) as workspace:
        assert workspace.db.schema_version == old_version == SCHEMA_VERSION
        assert_fixture_rows(workspace)
        tables = {
            row[0]
            for row in workspace.db.connection.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table'"
            )
        }
        assert "tag" not in tables  # the half-applied migration was rolled back


def test_a_failing_migration_can_be_retried_after_a_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_fixture(fixtures()[-1], tmp_path / "data")
    with monkeypatch.context() as patch:
        add_migration(patch, "CREATE TABLE person (x);")
        with pytest.raises(StorageError):
            Workspace.open(path.parent)
    new_version = add_migration(monkeypatch, "CREATE TABLE tag (id INTEGER PRIMARY KEY);")
    with Workspace.open(path.parent) as workspace:
        assert workspace.db.schema_version == new_version
        assert_fixture_rows(workspace)


def test_a_failing_migration_is_not_reported_as_a_foreign_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = copy_fixture(fixtures()[-1], tmp_path / "data")
    add_migration(monkeypatch, "CREATE TABLE person (x);")
    with pytest.raises(StorageError) as caught:
        Workspace.open(path.parent)
    assert "not a Networking Planner database" not in str(caught.value)
