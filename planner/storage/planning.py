"""What the user prepares per event: goals, the people they may meet, and the checklist."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from planner.domain.enums import AttendanceStatus, AttendeeRole, NetworkType, PriorityTier
from planner.domain.ids import AttendanceId, ChecklistItemId, EventId, GoalId, PersonId
from planner.domain.model import Attendance, ChecklistItem, Goal
from planner.storage.codec import words_from_text, words_text
from planner.storage.database import Database, inserted_id


def _goal(row: tuple[Any, ...]) -> Goal:
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


class GoalRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, goal: Goal) -> Goal:
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO goal (id, event_id, text, network_type, target_count, keywords,"
                " roles, companies, priority, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    goal.id,
                    goal.event_id,
                    goal.text,
                    goal.network_type.value,
                    goal.target_count,
                    words_text(goal.keywords),
                    words_text(goal.roles),
                    words_text(goal.companies),
                    goal.priority,
                    goal.position,
                ),
            )
        return replace(goal, id=GoalId(inserted_id(cursor)))

    def for_event(self, event_id: EventId) -> list[Goal]:
        rows = self._db.connection.execute(
            "SELECT id, event_id, text, network_type, target_count, keywords, roles, companies,"
            " priority, position FROM goal WHERE event_id = ? ORDER BY position, id",
            (event_id,),
        ).fetchall()
        return [_goal(row) for row in rows]


class AttendanceRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, attendance: Attendance) -> Attendance:
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO attendance (id, event_id, person_id, role, tier, status,"
                " research_notes, talking_points, offer, ask)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    attendance.id,
                    attendance.event_id,
                    attendance.person_id,
                    attendance.role.value,
                    attendance.tier.value,
                    attendance.status.value,
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

    def for_event(self, event_id: EventId) -> list[Attendance]:
        conn = self._db.connection
        links: dict[int, set[GoalId]] = {}
        for attendance_id, goal_id in conn.execute(
            "SELECT ag.attendance_id, ag.goal_id FROM attendance_goal ag"
            " JOIN attendance a ON a.id = ag.attendance_id WHERE a.event_id = ?",
            (event_id,),
        ):
            links.setdefault(attendance_id, set()).add(GoalId(goal_id))
        rows = conn.execute(
            "SELECT id, event_id, person_id, role, tier, status, research_notes, talking_points,"
            " offer, ask FROM attendance WHERE event_id = ? ORDER BY id",
            (event_id,),
        ).fetchall()
        return [
            Attendance(
                id=AttendanceId(row[0]),
                event_id=EventId(row[1]),
                person_id=PersonId(row[2]),
                role=AttendeeRole(row[3]),
                tier=PriorityTier(row[4]),
                status=AttendanceStatus(row[5]),
                research_notes=row[6],
                talking_points=row[7],
                offer=row[8],
                ask=row[9],
                goal_ids=frozenset(links.get(row[0], ())),
            )
            for row in rows
        ]


class ChecklistRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, item: ChecklistItem) -> ChecklistItem:
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO checklist_item (id, event_id, text, due_offset_days, done, position)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    item.id,
                    item.event_id,
                    item.text,
                    item.due_offset_days,
                    int(item.done),
                    item.position,
                ),
            )
        return replace(item, id=ChecklistItemId(inserted_id(cursor)))

    def for_event(self, event_id: EventId) -> list[ChecklistItem]:
        rows = self._db.connection.execute(
            "SELECT id, event_id, text, due_offset_days, done, position FROM checklist_item"
            " WHERE event_id = ? ORDER BY position, id",
            (event_id,),
        ).fetchall()
        return [
            ChecklistItem(
                id=ChecklistItemId(row[0]),
                event_id=EventId(row[1]),
                text=row[2],
                due_offset_days=row[3],
                done=bool(row[4]),
                position=row[5],
            )
            for row in rows
        ]
