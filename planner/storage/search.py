"""Finding people through the full-text index of schema 7 (person_search, kept by triggers)."""

from __future__ import annotations

import sqlite3

from planner.domain.ids import PersonId

__all__ = ["matching_people"]


def matching_people(conn: sqlite3.Connection, query: str) -> set[PersonId]:
    """The ids of the people the FTS5 `query` matches (built by domain.search.index_query)."""
    rows = conn.execute("SELECT rowid FROM person_search WHERE person_search MATCH ?", (query,))
    return {PersonId(row[0]) for row in rows}
