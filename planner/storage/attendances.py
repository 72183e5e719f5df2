"""Who is on an event's list, and the user's plan for each of them there."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from planner.domain.enums import AttendanceStatus, AttendeeRole, PriorityTier, ResearchStatus
from planner.domain.ids import AttendanceId, EventId, GoalId, PersonId
from planner.domain.model import Attendance
from planner.storage.database import Database, inserted_id
from planner.storage.errors import NotFoundError
from planner.storage.ordered import IDS, by_event, ids_param

if TYPE_CHECKING:
    from planner.domain.introductions import Intro
    from planner.domain.ranking import Ranked

# Plain lookups: several times faster than calling the enum for each of thousands of rows.
_ROLES = {role.value: role for role in AttendeeRole}
_TIERS = {tier.value: tier for tier in PriorityTier}
_STATUSES = {status.value: status for status in AttendanceStatus}
_RESEARCH = {status.value: status for status in ResearchStatus}


def _tier_value(tier: PriorityTier | None) -> str | None:
    """The pinned tier as stored (NULL: none pinned, the ranking suggests one)."""
    return tier.value if tier is not None else None


@dataclass(frozen=True, slots=True)
class AttendeeListing:
    """An attendance with the person's name and work, for the event's People tab."""

    attendance: Attendance
    full_name: str
    company: str
    title: str
    ranking: Ranked | None = None  # how they serve the event's goals, when ranked
    introductions: tuple[Intro, ...] = ()  # who could introduce them, when worked out


class AttendanceRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, attendance: Attendance) -> Attendance:
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO attendance (id, event_id, person_id, role, pinned_tier, status,"
                " research_status, research_notes, talking_points, offer, ask)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    attendance.id,
                    attendance.event_id,
                    attendance.person_id,
                    attendance.role.value,
                    _tier_value(attendance.tier),
                    attendance.status.value,
                    attendance.research_status.value,
                    attendance.research_notes,
                    attendance.talking_points,
                    attendance.offer,
                    attendance.ask,
                ),
            )
            new_id = AttendanceId(inserted_id(cursor))
            conn.executemany(
                "INSERT INTO attendance_goal (attendance_id, goal_id) VALUES (?, ?)",
                [(new_id, goal_id) for goal_id in sorted(attendance.goal_ids)],
            )
        return replace(attendance, id=new_id)

    def update(self, attendance: Attendance) -> Attendance:
        """Store the user's plan for a person at an event, goal links included."""
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "UPDATE attendance SET role = ?, pinned_tier = ?, status = ?,"
                " research_status = ?, research_notes = ?, talking_points = ?, offer = ?,"
                " ask = ? WHERE id = ?",
                (
                    attendance.role.value,
                    _tier_value(attendance.tier),
                    attendance.status.value,
                    attendance.research_status.value,
                    attendance.research_notes,
                    attendance.talking_points,
                    attendance.offer,
                    attendance.ask,
                    attendance.id,
                ),
            )
            if cursor.rowcount != 1:
                raise NotFoundError(f"attendance {attendance.id} no longer exists")
            conn.execute("DELETE FROM attendance_goal WHERE attendance_id = ?", (attendance.id,))
            conn.executemany(
                "INSERT INTO attendance_goal (attendance_id, goal_id) VALUES (?, ?)",
                [(attendance.id, goal_id) for goal_id in sorted(attendance.goal_ids)],
            )
        return attendance

    def count_for_event(self, event_id: EventId) -> int:
        """How many people are on the event's list."""
        row = self._db.connection.execute(
            "SELECT count(*) FROM attendance WHERE event_id = ?", (event_id,)
        ).fetchone()
        return int(row[0])

    def person_ids(self, event_id: EventId) -> set[PersonId]:
        """Who is on the event's list: ids only, quick for a conference's list."""
        rows = self._db.connection.execute(
            "SELECT person_id FROM attendance WHERE event_id = ?", (event_id,)
        )
        return {PersonId(person) for (person,) in rows}

    def on_list(self, event_id: EventId, person_ids: Sequence[PersonId]) -> set[PersonId]:
        """Those of these people who are on the event's list: only they are looked up (the
        (event, person) index), not a conference's whole list."""
        rows = self._db.connection.execute(
            f"SELECT person_id FROM attendance WHERE event_id = ? AND person_id IN {IDS}",
            (event_id, ids_param(person_ids)),
        )
        return {PersonId(person) for (person,) in rows}

    def person_names(self, person_ids: Iterable[PersonId]) -> dict[PersonId, str]:
        """The full names of these people (those that exist), for a plan that names a few
        of them: read here, so showing an event's plan does not load the people storage."""
        wanted = sorted(set(person_ids))
        rows = self._db.connection.execute(
            f"SELECT id, full_name FROM person WHERE id IN {IDS}", (ids_param(wanted),)
        )
        return {PersonId(row[0]): row[1] for row in rows}

    def listings(self, event_id: EventId) -> list[AttendeeListing]:
        people = {
            row[0]: row[1:]
            for row in self._db.connection.execute(
                "SELECT p.id, p.full_name, coalesce(p.company, ''), coalesce(p.title, '')"
                " FROM person p JOIN attendance a ON a.person_id = p.id WHERE a.event_id = ?",
                (event_id,),
            )
        }
        return [AttendeeListing(a, *people[a.person_id]) for a in self.for_event(event_id)]

    def for_event(self, event_id: EventId) -> list[Attendance]:
        return self.for_events([event_id]).get(event_id, [])

    def for_events(
        self, event_ids: Sequence[EventId], *, planned_only: bool = False
    ) -> dict[EventId, list[Attendance]]:
        """Attendances of several events, with their goal links, in two queries.

        `planned_only` keeps the ones the plan mentions (must-meet, or linked to a goal):
        all that goal progress and the checklist need, a few dozen out of a list that may
        hold thousands.
        """
        conn = self._db.connection
        ids = ids_param(event_ids)
        planned = (
            " AND (pinned_tier = 'must-meet' OR id IN (SELECT attendance_id FROM attendance_goal))"
            if planned_only
            else ""
        )
        links: dict[int, set[GoalId]] = {}
        for attendance_id, goal_id in conn.execute(
            "SELECT ag.attendance_id, ag.goal_id FROM attendance_goal ag"
            f" JOIN attendance a ON a.id = ag.attendance_id WHERE a.event_id IN {IDS}",
            (ids,),
        ):
            links.setdefault(attendance_id, set()).add(GoalId(goal_id))
        rows = conn.execute(
            "SELECT id, event_id, person_id, role, pinned_tier, status, research_notes,"
            " talking_points, offer, ask, research_status"
            f" FROM attendance WHERE event_id IN {IDS}{planned} ORDER BY id",
            (ids,),
        )
        return by_event(
            Attendance(
                id=AttendanceId(row[0]),
                event_id=EventId(row[1]),
                person_id=PersonId(row[2]),
                role=_ROLES[row[3]],
                tier=_TIERS.get(row[4]),
                status=_STATUSES[row[5]],
                research_status=_RESEARCH[row[10]],
                research_notes=row[6],
                talking_points=row[7],
                offer=row[8],
                ask=row[9],
                goal_ids=frozenset(links.get(row[0], ())),
            )
            for row in rows
        )
