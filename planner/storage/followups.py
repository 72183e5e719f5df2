"""What happened with people (interactions) and what the user still owes them (follow-ups)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from planner.domain.enums import FollowUpStatus, InteractionKind
from planner.domain.ids import EventId, FollowUpId, InteractionId, PersonId
from planner.domain.model import FollowUp, Interaction
from planner.storage.codec import from_utc_text, utc_text
from planner.storage.database import Database, inserted_id


@dataclass(frozen=True, slots=True)
class FollowUpListing:
    """A follow-up with the names the follow-ups list shows beside it."""

    follow_up: FollowUp
    person_name: str
    event_name: str | None


def interactions_of_one(conn: sqlite3.Connection, interaction_ids: Sequence[int]) -> list[int]:
    """Those of these interactions that have one person in them (and go when they go)."""
    return [
        row[0]
        for row in conn.execute(
            """SELECT interaction_id FROM interaction_person
               WHERE interaction_id IN (SELECT value FROM json_each(?))
               GROUP BY interaction_id HAVING count(*) = 1""",
            (json.dumps(list(interaction_ids)),),
        )
    ]


class InteractionRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, interaction: Interaction) -> Interaction:
        zone = getattr(interaction.occurred_at.tzinfo, "key", "UTC")
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO interaction (id, occurred_at, timezone, kind, place, notes, event_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    interaction.id,
                    utc_text(interaction.occurred_at),
                    zone,
                    interaction.kind.value,
                    interaction.place,
                    interaction.notes,
                    interaction.event_id,
                ),
            )
            new_id = InteractionId(inserted_id(cursor))
            conn.executemany(
                "INSERT INTO interaction_person (interaction_id, person_id) VALUES (?, ?)",
                [(new_id, person_id) for person_id in interaction.person_ids],
            )
        # Stored to the second, so hand back what a later read will return.
        return replace(
            interaction, id=new_id, occurred_at=interaction.occurred_at.replace(microsecond=0)
        )

    def for_person(self, person_id: PersonId) -> list[Interaction]:
        conn = self._db.connection
        rows = conn.execute(
            "SELECT i.id, i.occurred_at, i.timezone, i.kind, i.place, i.notes, i.event_id"
            " FROM interaction i JOIN interaction_person ip ON ip.interaction_id = i.id"
            " WHERE ip.person_id = ? ORDER BY i.occurred_at, i.id",
            (person_id,),
        ).fetchall()
        result = []
        for row in rows:
            people = tuple(
                PersonId(p)
                for (p,) in conn.execute(
                    "SELECT person_id FROM interaction_person WHERE interaction_id = ?"
                    " ORDER BY person_id",
                    (row[0],),
                )
            )
            result.append(
                Interaction(
                    id=InteractionId(row[0]),
                    occurred_at=from_utc_text(row[1], row[2]),
                    kind=InteractionKind(row[3]),
                    person_ids=people,
                    place=row[4],
                    notes=row[5],
                    event_id=None if row[6] is None else EventId(row[6]),
                )
            )
        return result


def _follow_up(row: tuple[Any, ...]) -> FollowUp:
    return FollowUp(
        id=FollowUpId(row[0]),
        person_id=PersonId(row[1]),
        event_id=None if row[2] is None else EventId(row[2]),
        due=date.fromisoformat(row[3]),
        action=row[4],
        status=FollowUpStatus(row[5]),
        uid=row[6],
        sequence=row[7],
        notes=row[8],
    )


_SELECT = (
    "SELECT f.id, f.person_id, f.event_id, f.due, f.action, f.status, f.uid, f.sequence, f.notes"
)


class FollowUpRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, follow_up: FollowUp) -> FollowUp:
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO follow_up (id, person_id, event_id, due, action, status, uid,"
                " sequence, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    follow_up.id,
                    follow_up.person_id,
                    follow_up.event_id,
                    follow_up.due.isoformat(),
                    follow_up.action,
                    follow_up.status.value,
                    follow_up.uid,
                    follow_up.sequence,
                    follow_up.notes,
                ),
            )
        return replace(follow_up, id=FollowUpId(inserted_id(cursor)))

    def for_event(self, event_id: EventId) -> list[FollowUp]:
        rows = self._db.connection.execute(
            f"{_SELECT} FROM follow_up f WHERE f.event_id = ? ORDER BY f.due, f.id", (event_id,)
        ).fetchall()
        return [_follow_up(row) for row in rows]

    def of_person(self, person_id: PersonId) -> list[FollowUpListing]:
        """The person's follow-ups, open ones first and soonest first, with event names."""
        rows = self._db.connection.execute(
            f"""{_SELECT}, p.full_name, e.name
            FROM follow_up f
            JOIN person p ON p.id = f.person_id
            LEFT JOIN event e ON e.id = f.event_id
            WHERE f.person_id = ?
            ORDER BY f.status != 'open', f.due, f.id""",
            (person_id,),
        ).fetchall()
        return [FollowUpListing(_follow_up(row), row[9], row[10]) for row in rows]

    def listings(self, event_id: EventId | None = None) -> list[FollowUpListing]:
        """Follow-ups (of one event, or all), open ones first and soonest first, with person
        and event names."""
        where = "" if event_id is None else "WHERE f.event_id = ?"
        rows = self._db.connection.execute(
            f"""{_SELECT}, p.full_name, e.name
            FROM follow_up f
            JOIN person p ON p.id = f.person_id
            LEFT JOIN event e ON e.id = f.event_id
            {where}
            ORDER BY f.status != 'open', f.due, f.id""",
            () if event_id is None else (event_id,),
        ).fetchall()
        return [FollowUpListing(_follow_up(row), row[9], row[10]) for row in rows]
