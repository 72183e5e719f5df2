"""Every row a database holds, for exact before/after comparisons in tests.

A full-text index keeps its words in shadow tables whose bytes depend on the order of the
writes (an undo writes the same rows back in another order), so those are compared by what
the index holds (`SELECT rowid, *` of the virtual table), never byte by byte.
"""

from __future__ import annotations

import sqlite3
from typing import Any

__all__ = ["every_row", "table_names"]


def table_names(conn: sqlite3.Connection) -> list[str]:
    """The ordinary tables and the virtual ones, without the virtual tables' shadows."""
    hidden = {row[1] for row in conn.execute("PRAGMA main.table_list") if row[2] == "shadow"}
    return [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name"
        )
        if name not in hidden
    ]


def every_row(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Each table's rows, sorted; a virtual table's with their rowid."""
    virtual = {row[1] for row in conn.execute("PRAGMA main.table_list") if row[2] == "virtual"}
    return {
        name: sorted(
            conn.execute(f'SELECT {"rowid, " if name in virtual else ""}* FROM "{name}"'),
            key=repr,
        )
        for name in table_names(conn)
    }
