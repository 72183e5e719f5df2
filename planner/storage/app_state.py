"""What a database remembers about itself, by key (table app_state): that the shipped routine
or the sample was once put in, the instance id its calendar UIDs derive from."""

from __future__ import annotations

import sqlite3


def state_value(conn: sqlite3.Connection, key: str) -> str | None:
    """The value kept under `key`, or None when there is none."""
    row = conn.execute("SELECT value FROM app_state WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_state(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Keep `value` under a key that has none yet (IntegrityError when it has one)."""
    conn.execute("INSERT INTO app_state (key, value) VALUES (?, ?)", (key, value))
