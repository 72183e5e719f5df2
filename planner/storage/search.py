"""Finding people through the full-text index of schema 7 (person_search, kept by triggers)."""

from __future__ import annotations

import sqlite3

from planner.domain.ids import PersonId

__all__ = ["matching_people"]


def matching_people(conn: sqlite3.Connection, query: str) -> set[PersonId]:
    """The ids of the people the FTS5 `query` matches (built by domain.search.index_query)."""
    rows = conn.execute("SELECT rowid FROM person_search WHERE person_search MATCH ?", (query,))
    return {PersonId(row[0]) for row in rows}


def people_by_email(conn: sqlite3.Connection, email: str) -> list[tuple[PersonId, str]]:
    rows = conn.execute(
        "SELECT id, full_name FROM person WHERE lower(email) = lower(?) ORDER BY id", (email,)
    )
    return [(PersonId(row[0]), row[1]) for row in rows]


def people_named(conn: sqlite3.Connection, part: str, limit: int) -> list[tuple[PersonId, str]]:
    """People whose name holds `part` (case ignored for ASCII letters), at most `limit`."""
    escaped = part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = conn.execute(
        "SELECT id, full_name FROM person WHERE full_name LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?",
        (f"%{escaped}%", limit),
    )
    return [(PersonId(row[0]), row[1]) for row in rows]


def person_name(conn: sqlite3.Connection, person_id: int) -> str | None:
    row = conn.execute("SELECT full_name FROM person WHERE id = ?", (person_id,)).fetchone()
    return None if row is None else str(row[0])
