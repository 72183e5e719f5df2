"""The user's goals for an event, in their order, and how far each has come."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from planner.domain.enums import NetworkType
from planner.domain.ids import AttendanceId, EventId, GoalId
from planner.domain.model import Goal
from planner.storage.codec import words_from_text, words_text
from planner.storage.ordered import IDS, EventOrderedRepository, ids_param


@dataclass(frozen=True, slots=True)
class GoalSnapshot:
    """A deleted goal and the attendees it was linked to, to put back on undo."""

    goal: Goal
    attendance_ids: tuple[AttendanceId, ...]


class GoalRepository(EventOrderedRepository[Goal]):
    table = "goal"
    fields = (
        "event_id",
        "text",
        "network_type",
        "target_count",
        "keywords",
        "roles",
        "companies",
        "priority",
        "position",
    )
    noun = "goal"

    def _from_row(self, row: tuple[Any, ...]) -> Goal:
        return Goal(
            id=GoalId(row[0]),
            event_id=EventId(row[1]),
            text=row[2],
            network_type=NetworkType(row[3]),
            target_count=row[4],
            keywords=words_from_text(row[5]),
            roles=words_from_text(row[6]),
            companies=words_from_text(row[7]),
            priority=row[8],
            position=row[9],
        )

    def _values(self, goal: Goal) -> tuple[Any, ...]:
        return (
            goal.event_id,
            goal.text,
            goal.network_type.value,
            goal.target_count,
            words_text(goal.keywords),
            words_text(goal.roles),
            words_text(goal.companies),
            goal.priority,
            goal.position,
        )

    def _id_of(self, goal: Goal) -> int | None:
        return goal.id

    def _with_id(self, goal: Goal, row_id: int) -> Goal:
        return replace(goal, id=GoalId(row_id))

    def delete_with_links(self, goal_id: GoalId) -> GoalSnapshot:
        """Delete the goal; the snapshot keeps who was linked to it, for `restore`."""
        with self._db.transaction() as conn:
            links = tuple(
                AttendanceId(a)
                for (a,) in conn.execute(
                    "SELECT attendance_id FROM attendance_goal WHERE goal_id = ?"
                    " ORDER BY attendance_id",
                    (goal_id,),
                )
            )
            goal = self.delete(goal_id)
        return GoalSnapshot(goal, links)

    def restore(self, snapshot: GoalSnapshot) -> Goal:
        """Put a deleted goal back with its id, linked again to the attendees still there."""
        with self._db.transaction() as conn:
            goal = self.add(snapshot.goal)
            conn.executemany(
                "INSERT OR IGNORE INTO attendance_goal (attendance_id, goal_id)"
                " SELECT ?, ? WHERE EXISTS (SELECT 1 FROM attendance WHERE id = ?)",
                [(a, goal.id, a) for a in snapshot.attendance_ids],
            )
        return goal

    def link_counts(self, event_ids: Sequence[EventId]) -> dict[GoalId, tuple[int, int]]:
        """Per goal of these events: attendances of the goal's event linked to it, and how
        many of them are marked met. Goals nobody is linked to are left out."""
        # CROSS JOIN keeps SQLite on the goals first: a few links per goal, instead of every
        # attendance of the events looked up in the links (four times slower).
        rows = self._db.connection.execute(
            "SELECT g.id, count(*), sum(a.status = 'met') FROM goal g"
            " CROSS JOIN attendance_goal ag ON ag.goal_id = g.id"
            " CROSS JOIN attendance a ON a.id = ag.attendance_id AND a.event_id = g.event_id"
            f" WHERE g.event_id IN {IDS} GROUP BY g.id",
            (ids_param(event_ids),),
        )
        return {GoalId(goal_id): (linked, met) for goal_id, linked, met in rows}

    def network_counts(self) -> tuple[dict[NetworkType, int], dict[NetworkType, int]]:
        """Across all events: goals per network type, and distinct people met for goals of
        each type."""
        conn = self._db.connection
        goals = {
            NetworkType(kind): count
            for kind, count in conn.execute(
                "SELECT network_type, count(*) FROM goal GROUP BY network_type"
            )
        }
        met = {
            NetworkType(kind): count
            for kind, count in conn.execute(
                "SELECT g.network_type, count(DISTINCT a.person_id)"
                " FROM goal g JOIN attendance_goal ag ON ag.goal_id = g.id"
                " JOIN attendance a ON a.id = ag.attendance_id"
                " WHERE a.status = 'met' GROUP BY g.network_type"
            )
        }
        return goals, met
