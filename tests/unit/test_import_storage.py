"""storage.imports: the writes of an import, the rows it reads back, and its page cache."""

from __future__ import annotations

from typing import Any

from planner.services.workspace import Workspace
from planner.storage import imports as store
from planner.storage.people import PERSON_COLUMNS
from tests.builders import event_id_in


def person_row(
    person_id: int, name: str, *, notes: str = "", imported: str | None = None
) -> list[Any]:
    # PERSON_COLUMNS: id, full_name, given_name, family_name, email, company, title, phone,
    # linkedin_url, notes, is_sample, created_at, updated_at, imported_at
    return [
        person_id,
        name,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
        notes,
        0,
        "t0",
        "t0",
        imported,
    ]


def test_people_written_and_updated_read_back_as_stored(workspace: Workspace) -> None:
    with workspace.db.transaction() as conn:
        store.insert_people(
            conn, [person_row(1, "Ana Lima", notes="met in 2024"), person_row(2, "Bo")]
        )
        store.update_people(
            conn,
            [
                # full_name .. notes, updated_at, imported_at, id: None notes, imported_at kept
                (
                    "Ana Lima",
                    "Ana",
                    "Lima",
                    "ana@x.example",
                    "Acme",
                    None,
                    None,
                    None,
                    None,
                    "t1",
                    None,
                    1,
                ),
                ("Bo", None, None, None, None, None, None, None, "hi", "t2", "t2", 2),
            ],
        )
        rows = {row[0]: row for row in store.people_rows(conn, [1, 2])}
    assert rows[1][1:6] == ("Ana Lima", "Ana", "Lima", "ana@x.example", "Acme")
    assert rows[1][9] == "met in 2024" and rows[1][12:] == ("t1", None)
    assert rows[2][9] == "hi" and rows[2][12:] == ("t2", "t2")
    assert len(rows[1]) == len(PERSON_COLUMNS)


def test_attendances_added_given_a_role_and_deleted(workspace: Workspace) -> None:
    event = event_id_in(workspace, "PyCon Lisboa")
    with workspace.db.transaction() as conn:
        store.insert_people(conn, [person_row(1, "Ana"), person_row(2, "Bo")])
        store.insert_attendances(
            conn,
            [
                (
                    10,
                    event,
                    1,
                    "attendee",
                    "nice-to-meet",
                    "to-meet",
                    "",
                    "",
                    "",
                    "",
                    None,
                    "not-started",
                ),
                (
                    11,
                    event,
                    2,
                    "attendee",
                    "nice-to-meet",
                    "to-meet",
                    "",
                    "",
                    "",
                    "",
                    None,
                    "not-started",
                ),
            ],
        )
        store.set_attendance_roles(conn, [("speaker", 11)])
        assert store.attendances_at(conn, event) == {1: (10, "attendee"), 2: (11, "speaker")}
        (row,) = store.attendance_rows(conn, [11])
        assert row == (
            11,
            event,
            2,
            "speaker",
            "nice-to-meet",
            "to-meet",
            "",
            "",
            "",
            "",
            None,
            "not-started",
        )
        store.delete_attendances(conn, [10])
        assert store.attendances_at(conn, event) == {2: (11, "speaker")}


def test_review_items_are_added_with_their_ids(workspace: Workspace) -> None:
    event = event_id_in(workspace, "PyCon Lisboa")
    with workspace.db.transaction() as conn:
        store.insert_people(conn, [person_row(1, "Ana"), person_row(2, "Ana Lima")])
        store.insert_reviews(conn, [(5, event, "list.csv", 7, 2, 1, 88.5, "t0")])
        assert store.next_id(conn, "import_review") == 6
    assert store.review_count(workspace.db, event) == 1


def test_the_page_cache_is_put_back_after_the_block_even_on_an_error(
    workspace: Workspace,
) -> None:
    conn = workspace.db.connection
    (before,) = conn.execute("PRAGMA cache_size").fetchone()
    try:
        with store.page_cache(conn, 65536):
            assert conn.execute("PRAGMA cache_size").fetchone() == (-65536,)
            raise KeyError("stop")
    except KeyError:
        pass
    assert conn.execute("PRAGMA cache_size").fetchone() == (before,)
