"""What the user notes while researching an event's attendees, many at once: the tier they
pin, how far the research has gone, tags on people and the goals people are linked to."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from planner.domain.ids import AttendanceId, EventId, GoalId, PersonId
from planner.storage.ordered import IDS, ids_param

__all__ = [
    "add_tags",
    "attendance_of",
    "link_goal",
    "pinned_research",
    "remove_tags",
    "set_pinned_tier",
    "set_research_status",
    "tag_counts",
    "tags_of",
    "tags_on_list",
]


def set_pinned_tier(
    conn: sqlite3.Connection, attendance_ids: Sequence[AttendanceId], tier: str | None
) -> int:
    """Pin `tier` (None: unpin) on the attendances; how many changed."""
    cursor = conn.execute(
        f"UPDATE attendance SET pinned_tier = ? WHERE id IN {IDS} AND pinned_tier IS NOT ?",
        (tier, ids_param(attendance_ids), tier),
    )
    return cursor.rowcount


def set_research_status(
    conn: sqlite3.Connection, attendance_ids: Sequence[AttendanceId], status: str
) -> int:
    cursor = conn.execute(
        f"UPDATE attendance SET research_status = ? WHERE id IN {IDS} AND research_status != ?",
        (status, ids_param(attendance_ids), status),
    )
    return cursor.rowcount


def link_goal(
    conn: sqlite3.Connection, attendance_ids: Sequence[AttendanceId], goal_id: GoalId
) -> int:
    """Link the attendances to the goal (those of the goal's own event only); how many were
    not linked before."""
    cursor = conn.execute(
        "INSERT OR IGNORE INTO attendance_goal (attendance_id, goal_id)"
        f" SELECT a.id, g.id FROM attendance a JOIN goal g ON g.event_id = a.event_id"
        f" WHERE g.id = ? AND a.id IN {IDS}",
        (goal_id, ids_param(attendance_ids)),
    )
    return cursor.rowcount


def add_tags(conn: sqlite3.Connection, person_ids: Sequence[PersonId], tags: Sequence[str]) -> int:
    """Give each person each tag (a tag they have, in any case, is left as it is)."""
    cursor = conn.executemany(
        f"INSERT OR IGNORE INTO person_tag (person_id, tag) SELECT p.id, ? FROM person p"
        f" WHERE p.id IN {IDS}",
        [(tag, ids_param(person_ids)) for tag in tags],
    )
    return cursor.rowcount


def remove_tags(
    conn: sqlite3.Connection, person_ids: Sequence[PersonId], tags: Sequence[str]
) -> int:
    cursor = conn.executemany(
        f"DELETE FROM person_tag WHERE tag = ? AND person_id IN {IDS}",
        [(tag, ids_param(person_ids)) for tag in tags],
    )
    return cursor.rowcount


def tags_of(conn: sqlite3.Connection, person_id: PersonId) -> tuple[str, ...]:
    rows = conn.execute("SELECT tag FROM person_tag WHERE person_id = ? ORDER BY tag", (person_id,))
    return tuple(row[0] for row in rows)


def tag_counts(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Every tag in use with how many people have it, the most used first."""
    rows = conn.execute(
        "SELECT min(tag), count(*) FROM person_tag GROUP BY tag ORDER BY count(*) DESC, tag"
    )
    return [(row[0], row[1]) for row in rows]


def tags_on_list(conn: sqlite3.Connection, event_id: EventId) -> dict[PersonId, tuple[str, ...]]:
    """The tags of the people on an event's list, in one query."""
    found: dict[PersonId, list[str]] = {}
    for person, tag in conn.execute(
        "SELECT t.person_id, t.tag FROM attendance a JOIN person_tag t ON t.person_id = a.person_id"
        " WHERE a.event_id = ? ORDER BY t.person_id, t.tag",
        (event_id,),
    ):
        found.setdefault(PersonId(person), []).append(tag)
    return {person: tuple(tags) for person, tags in found.items()}


def pinned_research(conn: sqlite3.Connection, event_id: EventId) -> dict[str, int]:
    """How many of the event's must-meet people (pinned) are at each research status."""
    rows = conn.execute(
        "SELECT research_status, count(*) FROM attendance"
        " WHERE event_id = ? AND pinned_tier = 'must-meet' GROUP BY research_status",
        (event_id,),
    )
    return {row[0]: row[1] for row in rows}


def attendance_of(
    conn: sqlite3.Connection, event_id: EventId, person_id: PersonId
) -> AttendanceId | None:
    row = conn.execute(
        "SELECT id FROM attendance WHERE event_id = ? AND person_id = ?", (event_id, person_id)
    ).fetchone()
    return None if row is None else AttendanceId(row[0])
