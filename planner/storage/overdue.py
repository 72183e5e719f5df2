"""Follow-ups past their day, for Home: a light query of its own, so the first screen does not
load the follow-up storage (planner.storage.followups) to list a few late ones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planner.domain.ids import EventId, FollowUpId
from planner.storage.database import Database


@dataclass(frozen=True, slots=True)
class LateFollowUp:
    """An open follow-up whose day has passed, with the names Home shows beside it."""

    id: FollowUpId
    due: date
    action: str
    person_name: str
    event_id: EventId | None
    event_name: str | None


def late_follow_ups(db: Database, today: date) -> list[LateFollowUp]:
    """Open follow-ups due before `today`, the longest overdue first."""
    rows = db.connection.execute(
        """SELECT f.id, f.due, f.action, p.full_name, f.event_id, e.name
        FROM follow_up f
        JOIN person p ON p.id = f.person_id
        LEFT JOIN event e ON e.id = f.event_id
        WHERE f.status = 'open' AND f.due < ?
        ORDER BY f.due, f.id""",
        (today.isoformat(),),
    ).fetchall()
    return [
        LateFollowUp(
            id=FollowUpId(row[0]),
            due=date.fromisoformat(row[1]),
            action=row[2],
            person_name=row[3],
            event_id=None if row[4] is None else EventId(row[4]),
            event_name=row[5],
        )
        for row in rows
    ]
