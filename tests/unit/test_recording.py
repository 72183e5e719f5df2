"""Recording a transaction's changes: undo puts every table back, redo makes the same rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.services.sample import seed_sample
from planner.services.workspace import Workspace
from planner.storage.changes import ChangeSet, StaleChangesError, apply_changes
from planner.storage.recording import recording
from tests.db_contents import every_row, table_names

NOW = datetime(2026, 11, 22, tzinfo=UTC)


def tables(conn: sqlite3.Connection) -> list[str]:
    return table_names(conn)


def everything(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    return every_row(conn)


def undo(workspace: Workspace, changes: ChangeSet) -> None:
    with workspace.db.transaction() as conn:
        apply_changes(conn, changes, "before")


def redo(workspace: Workspace, changes: ChangeSet) -> None:
    with workspace.db.transaction() as conn:
        apply_changes(conn, changes, "after")


@pytest.fixture
def sample() -> Iterator[Workspace]:
    with Workspace.in_memory() as workspace:
        seed_sample(workspace, NOW)
        conn = workspace.db.connection
        with workspace.db.transaction():  # rows for the tables the sample leaves empty
            people = [row[0] for row in conn.execute("SELECT id FROM person ORDER BY id")]
            event = conn.execute("SELECT id FROM event ORDER BY id").fetchone()[0]
            conn.execute(
                "INSERT INTO not_duplicate VALUES (?, ?), (?, ?)",
                (people[0], people[1], people[2], people[3]),
            )
            conn.execute(
                "INSERT INTO import_review (event_id, source, line, new_person_id,"
                " existing_person_id, score, created_at) VALUES (?, 'a.csv', 2, ?, ?, 80, 'x')",
                (event, people[4], people[5]),
            )
            conn.execute("INSERT INTO import_mapping VALUES ('sig', '{}', '[]', 'x')")
        yield workspace


def test_undo_and_redo_of_an_event_deleted_with_everything_it_owns(sample: Workspace) -> None:
    conn = sample.db.connection
    event = conn.execute(
        "SELECT event_id FROM attendance_goal JOIN attendance ON id = attendance_id"
    ).fetchone()[0]
    before = everything(conn)
    with recording(sample.db) as recorded:
        conn.execute("DELETE FROM event WHERE id = ?", (event,))
    after = everything(conn)
    changed = {table.table for table in recorded.changes.tables}
    assert {"event", "goal", "attendance", "attendance_goal", "checklist_item"} <= changed
    # Links that outlive the event were set to NULL: recorded as updates.
    for name in ("interaction", "follow_up"):
        table = recorded.changes.table(name)
        if table is not None:
            assert all(b is not None and a is not None for b, a in table.rows)
    undo(sample, recorded.changes)
    assert everything(conn) == before
    redo(sample, recorded.changes)
    assert everything(conn) == after


def test_tables_come_parents_first(sample: Workspace) -> None:
    conn = sample.db.connection
    with recording(sample.db) as recorded:
        conn.execute("DELETE FROM event")
        conn.execute("DELETE FROM person")
    order = [table.table for table in recorded.changes.tables]
    assert order.index("event") < order.index("goal") < order.index("attendance_goal")
    assert order.index("person") < order.index("attendance") < order.index("attendance_goal")
    assert order.index("interaction") < order.index("interaction_person")


def test_without_rowid_tables_are_keyed_by_their_primary_key(sample: Workspace) -> None:
    conn = sample.db.connection
    with recording(sample.db) as recorded:
        conn.execute("DELETE FROM not_duplicate")
        conn.execute("DELETE FROM interaction_person")
    table = recorded.changes.table("not_duplicate")
    assert table is not None and table.key_size == 2 and len(table.rows) == 2
    before = everything(conn)
    undo(sample, recorded.changes)
    redo(sample, recorded.changes)
    assert everything(conn) == before


def test_a_row_added_then_changed_then_removed_in_one_recording_is_no_change(
    sample: Workspace,
) -> None:
    conn = sample.db.connection
    with recording(sample.db) as recorded:
        conn.execute("INSERT INTO app_state VALUES ('k', 'v')")
        conn.execute("UPDATE app_state SET value = 'w' WHERE key = 'k'")
        conn.execute("DELETE FROM app_state WHERE key = 'k'")
    assert recorded.changes.tables == ()


def test_only_the_first_image_of_a_row_is_its_before(sample: Workspace) -> None:
    conn = sample.db.connection
    (old,) = conn.execute("SELECT value FROM app_state").fetchone()
    with recording(sample.db) as recorded:
        conn.execute("UPDATE app_state SET value = 'one'")
        conn.execute("UPDATE app_state SET value = 'two'")
    table = recorded.changes.table("app_state")
    assert table is not None
    ((before, after),) = table.rows
    assert before is not None and before[1] == old
    assert after is not None and after[1] == "two"


def test_writes_outside_a_recording_are_not_recorded(sample: Workspace) -> None:
    conn = sample.db.connection
    with recording(sample.db):
        pass
    with sample.db.transaction():
        conn.execute("DELETE FROM not_duplicate")
    with recording(sample.db) as recorded:
        conn.execute("UPDATE app_state SET value = 'x'")
    assert [table.table for table in recorded.changes.tables] == ["app_state"]


def test_a_recording_that_fails_writes_nothing_and_the_next_one_works(sample: Workspace) -> None:
    conn = sample.db.connection
    before = everything(conn)
    with pytest.raises(sqlite3.IntegrityError), recording(sample.db):
        conn.execute("DELETE FROM event")
        conn.execute("INSERT INTO goal (event_id, text, network_type) VALUES (-1, 't', 'x')")
    assert everything(conn) == before
    with recording(sample.db) as recorded:
        conn.execute("DELETE FROM not_duplicate")
    assert [table.table for table in recorded.changes.tables] == ["not_duplicate"]


def test_recordings_do_not_nest(sample: Workspace) -> None:
    with pytest.raises(RuntimeError), recording(sample.db), recording(sample.db):
        pass


def test_a_connection_that_never_recorded_has_no_triggers(sample: Workspace) -> None:
    conn = sample.db.connection
    assert conn.execute("SELECT count(*) FROM sqlite_temp_master").fetchone()[0] == 0
    with recording(sample.db):
        pass
    assert conn.execute("SELECT count(*) FROM sqlite_temp_master").fetchone()[0] > 0
    assert "recorded" not in " ".join(
        row[0] or "" for row in conn.execute("SELECT sql FROM sqlite_schema")
    )


def test_undo_of_rows_changed_since_fails_and_writes_nothing(sample: Workspace) -> None:
    conn = sample.db.connection
    with recording(sample.db) as recorded:
        conn.execute("DELETE FROM not_duplicate")
        conn.execute("UPDATE event SET notes = 'changed'")
    with sample.db.transaction():
        conn.execute("DELETE FROM event")  # the rows undo would write back are gone
    before = everything(conn)
    with pytest.raises(StaleChangesError):
        undo(sample, recorded.changes)
    assert everything(conn) == before


def _text_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    references = {row[3] for row in conn.execute(f"PRAGMA foreign_key_list({table})")}
    return [
        row[1]
        for row in conn.execute(f"PRAGMA table_info({table})")
        if row[2].upper() == "TEXT" and not row[5] and row[1] not in references
    ]


def _edit(conn: sqlite3.Connection, table: str, op: str, pick: float) -> None:
    """One generic edit of `table`: delete a row, change a text column, or copy a row."""
    (sql,) = conn.execute("SELECT sql FROM sqlite_schema WHERE name = ?", (table,)).fetchone()
    info = conn.execute(f"PRAGMA table_info({table})").fetchall()
    key = [row[1] for row in sorted(info, key=lambda row: row[5]) if row[5]]
    if "WITHOUT ROWID" not in sql.upper():
        key = ["rowid"]
    rows = (
        conn.execute(f"SELECT {', '.join(key)} FROM {table} ORDER BY 1, 2").fetchall()
        if len(key) > 1
        else conn.execute(f"SELECT rowid FROM {table} ORDER BY 1").fetchall()
    )
    if not rows:
        return
    chosen = rows[int(pick * len(rows)) % len(rows)]
    where = " AND ".join(f"{column} = ?" for column in key)
    if op == "delete":
        conn.execute(f"DELETE FROM {table} WHERE {where}", chosen)
    elif op == "update":
        for column in _text_columns(conn, table)[:1]:
            conn.execute(
                f"UPDATE OR IGNORE {table} SET {column} = {column} || '!' WHERE {where}", chosen
            )
    elif info[0][1] == "id":
        rest = ", ".join(row[1] for row in info[1:])
        conn.execute(
            f"INSERT OR IGNORE INTO {table} ({rest}) SELECT {rest} FROM {table} WHERE {where}",
            chosen,
        )


TABLES = (
    "person",
    "event",
    "goal",
    "attendance",
    "attendance_goal",
    "checklist_item",
    "checklist_template",
    "interaction",
    "interaction_person",
    "follow_up",
    "app_state",
    "import_mapping",
    "import_review",
    "not_duplicate",
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    edits=st.lists(
        st.tuples(
            st.sampled_from(TABLES),
            st.sampled_from(("delete", "update", "insert")),
            st.floats(0, 1, exclude_max=True),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_undo_and_redo_round_trip_any_edits_of_any_tables(
    sample: Workspace, edits: list[tuple[str, str, float]]
) -> None:
    conn = sample.db.connection
    start = everything(conn)
    with recording(sample.db) as recorded:
        for table, op, pick in edits:
            _edit(conn, table, op, pick)
    end = everything(conn)
    undo(sample, recorded.changes)
    assert everything(conn) == start
    redo(sample, recorded.changes)
    assert everything(conn) == end
    undo(sample, recorded.changes)
    assert everything(conn) == start
