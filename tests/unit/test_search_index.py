"""Schema 7: pins carried over from the old tier, and the people index kept by triggers."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from planner.services.workspace import DATABASE_NAME, Workspace

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "schemas"


def opened_v6(tmp_path: Path) -> Workspace:
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(SCHEMAS / "v6.sqlite3", folder / DATABASE_NAME)
    return Workspace.open(folder)


def hits(conn: sqlite3.Connection, query: str) -> list[int]:
    return [
        row[0]
        for row in conn.execute(
            "SELECT rowid FROM person_search WHERE person_search MATCH ? ORDER BY rowid", (query,)
        )
    ]


def test_must_and_should_become_pins_and_nice_to_meet_is_left_to_the_ranking(
    tmp_path: Path,
) -> None:
    with opened_v6(tmp_path) as workspace:
        rows = workspace.db.connection.execute(
            "SELECT tier, pinned_tier, research_status FROM attendance ORDER BY id"
        ).fetchall()
    assert [(tier, pinned) for tier, pinned, _ in rows] == [
        ("must-meet", "must-meet"),
        ("should-meet", "should-meet"),
        ("nice-to-meet", None),
        ("nice-to-meet", None),
        ("nice-to-meet", None),
    ]
    assert {status for _, _, status in rows} == {"not-started"}


def test_people_already_there_are_indexed_by_the_migration(tmp_path: Path) -> None:
    with opened_v6(tmp_path) as workspace:
        conn = workspace.db.connection
        (people,) = conn.execute("SELECT count(*) FROM person").fetchone()
        (indexed,) = conn.execute("SELECT count(*) FROM person_search").fetchone()
        jose = conn.execute("SELECT id FROM person WHERE full_name LIKE 'Jos%'").fetchone()[0]
        assert indexed == people
        assert hits(conn, "jose") == [jose]  # accents folded: José


@pytest.fixture
def conn() -> sqlite3.Connection:
    workspace = Workspace.in_memory()
    return workspace.db.connection


def test_the_index_follows_every_write_to_a_person_and_their_tags(
    conn: sqlite3.Connection,
) -> None:
    now = "2026-01-01T00:00:00+00:00"
    conn.execute(
        "INSERT INTO person (id, full_name, company, title, notes, email, created_at, updated_at)"
        " VALUES (7, 'Zoë Ångström', 'Société Générale', 'CTO', 'met in Porto', 'zoe@sg.fr', ?, ?)",
        (now, now),
    )
    for query in ("zoe", "ANGSTROM", "societe", "cto", "porto", "sg", '"zoe"*', "an*"):
        assert hits(conn, query) == [7], query
    conn.execute("UPDATE person SET company = 'Banco Único', notes = '' WHERE id = 7")
    assert hits(conn, "unico") == [7]
    assert hits(conn, "societe") == hits(conn, "porto") == []
    conn.execute("INSERT INTO person_tag VALUES (7, 'fintech'), (7, 'Open Banking')")
    assert hits(conn, "tags:fintech") == hits(conn, "banking") == [7]
    conn.execute("DELETE FROM person_tag WHERE tag = 'FINTECH'")  # tags compare without case
    assert hits(conn, "fintech") == []
    assert hits(conn, "banking") == [7]
    conn.execute("DELETE FROM person WHERE id = 7")
    assert hits(conn, "unico") == hits(conn, "banking") == []
    assert conn.execute("SELECT count(*) FROM person_tag").fetchone() == (0,)


def test_a_tag_is_held_once_whatever_its_case(conn: sqlite3.Connection) -> None:
    now = "2026-01-01T00:00:00+00:00"
    conn.execute(
        "INSERT INTO person (id, full_name, created_at, updated_at) VALUES (1, 'Ana', ?, ?)",
        (now, now),
    )
    conn.execute("INSERT INTO person_tag VALUES (1, 'Investor')")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO person_tag VALUES (1, 'investor')")


def test_links_must_be_web_addresses(conn: sqlite3.Connection) -> None:
    now = "2026-01-01T00:00:00+00:00"
    conn.execute(
        "INSERT INTO person (id, full_name, created_at, updated_at) VALUES (1, 'Ana', ?, ?)",
        (now, now),
    )
    conn.execute("INSERT INTO person_link (person_id, url) VALUES (1, 'https://acme.example')")
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("INSERT INTO person_link (person_id, url) VALUES (1, 'javascript:alert(1)')")
