"""The sample's rows (flagged is_sample): whether any are left, and removing them."""

from __future__ import annotations

import sqlite3

SAMPLE_LEFT = (
    "SELECT EXISTS (SELECT 1 FROM event WHERE is_sample)"
    " OR EXISTS (SELECT 1 FROM person WHERE is_sample)"  # index person_sample: no scan
)


def sample_left(conn: sqlite3.Connection) -> bool:
    return bool(conn.execute(SAMPLE_LEFT).fetchone()[0])


def has_events(conn: sqlite3.Connection) -> bool:
    return bool(conn.execute("SELECT EXISTS (SELECT 1 FROM event)").fetchone()[0])


# A sample person the user has made part of their own plans: on the list of one of their
# events, or owed a follow-up or met outside the sample's events.
_ADOPTED = """
UPDATE person SET is_sample = 0 WHERE is_sample AND (
    EXISTS (SELECT 1 FROM attendance a JOIN event e ON e.id = a.event_id
            WHERE a.person_id = person.id AND NOT e.is_sample)
    OR EXISTS (SELECT 1 FROM follow_up f LEFT JOIN event e ON e.id = f.event_id
               WHERE f.person_id = person.id AND (e.id IS NULL OR NOT e.is_sample))
    OR EXISTS (SELECT 1 FROM interaction_person ip
               JOIN interaction i ON i.id = ip.interaction_id
               LEFT JOIN event e ON e.id = i.event_id
               WHERE ip.person_id = person.id AND (e.id IS NULL OR NOT e.is_sample))
)"""


def delete_sample(conn: sqlite3.Connection) -> int:
    """Delete the sample events and people, except sample people the user adopted (who stop
    being sample), and meetings left with nobody in them. Returns events and people deleted."""
    conn.execute(_ADOPTED)  # before the sample's events go, which unlinks their rows
    events = conn.execute("DELETE FROM event WHERE is_sample").rowcount
    people = conn.execute("DELETE FROM person WHERE is_sample").rowcount
    # A meeting with nobody left in it means nothing; the sample's own go with it.
    conn.execute(
        "DELETE FROM interaction WHERE NOT EXISTS"
        " (SELECT 1 FROM interaction_person ip WHERE ip.interaction_id = interaction.id)"
    )
    return int(events + people)
