"""What the user prepares per event: goals, the people they may meet, and the checklist."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol, TypeVar

from planner.domain.checklist import WHITESPACE, PlanCounts
from planner.domain.enums import (
    AttendanceStatus,
    AttendeeRole,
    NetworkType,
    PrepPhase,
    PriorityTier,
)
from planner.domain.ids import (
    AttendanceId,
    ChecklistItemId,
    ChecklistTemplateId,
    EventId,
    GoalId,
    PersonId,
)
from planner.domain.model import Attendance, ChecklistItem, ChecklistTemplate, Goal
from planner.storage.codec import words_from_text, words_text
from planner.storage.database import Database, insert_sql, inserted_id, update_sql
from planner.storage.errors import NotFoundError


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


_GOAL_FIELDS = (
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
_GOAL_SELECT = "SELECT id, " + ", ".join(_GOAL_FIELDS) + " FROM goal"


def _goal_values(goal: Goal) -> tuple[Any, ...]:
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


@dataclass(frozen=True, slots=True)
class GoalSnapshot:
    """A deleted goal and the attendees it was linked to, to put back on undo."""

    goal: Goal
    attendance_ids: tuple[AttendanceId, ...]


class GoalRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, goal: Goal) -> Goal:
        with self._db.transaction() as conn:
            cursor = conn.execute(
                insert_sql("goal", ("id", *_GOAL_FIELDS)),
                (goal.id, *_goal_values(goal)),
            )
        return replace(goal, id=GoalId(inserted_id(cursor)))

    def update(self, goal: Goal) -> Goal:
        with self._db.transaction() as conn:
            cursor = conn.execute(update_sql("goal", _GOAL_FIELDS), (*_goal_values(goal), goal.id))
            if cursor.rowcount != 1:
                raise NotFoundError(f"goal {goal.id} no longer exists")
        return goal

    def get(self, goal_id: GoalId) -> Goal:
        row = self._db.connection.execute(f"{_GOAL_SELECT} WHERE id = ?", (goal_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"goal {goal_id} does not exist")
        return _goal(row)

    def for_event(self, event_id: EventId) -> list[Goal]:
        return self.for_events([event_id]).get(event_id, [])

    def for_events(self, event_ids: Sequence[EventId]) -> dict[EventId, list[Goal]]:
        """Goals of several events in one query, each event's in the user's order."""
        rows = self._db.connection.execute(
            f"{_GOAL_SELECT} WHERE event_id IN {_IDS} ORDER BY position, id", (_ids(event_ids),)
        )
        return _by_event(_goal(row) for row in rows)

    def delete(self, goal_id: GoalId) -> GoalSnapshot:
        with self._db.transaction() as conn:
            goal = self.get(goal_id)
            links = tuple(
                AttendanceId(a)
                for (a,) in conn.execute(
                    "SELECT attendance_id FROM attendance_goal WHERE goal_id = ?"
                    " ORDER BY attendance_id",
                    (goal_id,),
                )
            )
            conn.execute("DELETE FROM goal WHERE id = ?", (goal_id,))
        return GoalSnapshot(goal, links)

    def restore(self, snapshot: GoalSnapshot) -> Goal:
        with self._db.transaction() as conn:
            goal = self.add(snapshot.goal)
            conn.executemany(
                "INSERT OR IGNORE INTO attendance_goal (attendance_id, goal_id)"
                " SELECT ?, ? WHERE EXISTS (SELECT 1 FROM attendance WHERE id = ?)",
                [(a, goal.id, a) for a in snapshot.attendance_ids],
            )
        return goal

    def set_order(self, ids: Sequence[GoalId]) -> None:
        with self._db.transaction() as conn:
            _set_positions(conn, "goal", ids)

    def next_position(self, event_id: EventId) -> int:
        return _next_position(self._db, "goal", event_id)

    def link_counts(self, event_ids: Sequence[EventId]) -> dict[GoalId, tuple[int, int]]:
        """Per goal of these events: attendances of the goal's event linked to it, and how
        many of them are marked met. Goals nobody is linked to are left out."""
        # CROSS JOIN keeps SQLite on the goals first: a few links per goal, instead of every
        # attendance of the events looked up in the links (four times slower).
        rows = self._db.connection.execute(
            "SELECT g.id, count(*), sum(a.status = 'met') FROM goal g"
            " CROSS JOIN attendance_goal ag ON ag.goal_id = g.id"
            " CROSS JOIN attendance a ON a.id = ag.attendance_id AND a.event_id = g.event_id"
            f" WHERE g.event_id IN {_IDS} GROUP BY g.id",
            (_ids(event_ids),),
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


# Many ids as one parameter (a JSON array), so no query hits SQLite's variable limit.
_IDS = "(SELECT value FROM json_each(?))"


def _ids(event_ids: Sequence[EventId]) -> str:
    return json.dumps([int(i) for i in event_ids])


class _HasEvent(Protocol):
    @property
    def event_id(self) -> EventId: ...


R = TypeVar("R", bound=_HasEvent)


def _by_event(rows: Iterable[R]) -> dict[EventId, list[R]]:
    grouped: dict[EventId, list[R]] = {}
    for row in rows:
        grouped.setdefault(row.event_id, []).append(row)
    return grouped


def _set_positions(conn: sqlite3.Connection, table: str, ids: Sequence[int]) -> None:
    conn.executemany(
        f"UPDATE {table} SET position = ? WHERE id = ?",
        [(position, row_id) for position, row_id in enumerate(ids)],
    )


def _next_position(db: Database, table: str, event_id: EventId) -> int:
    row = db.connection.execute(
        f"SELECT coalesce(max(position) + 1, 0) FROM {table} WHERE event_id = ?", (event_id,)
    ).fetchone()
    return int(row[0])


# Plain lookups: several times faster than calling the enum for each of thousands of rows.
_ROLES = {role.value: role for role in AttendeeRole}
_TIERS = {tier.value: tier for tier in PriorityTier}
_STATUSES = {status.value: status for status in AttendanceStatus}


@dataclass(frozen=True, slots=True)
class AttendeeListing:
    """An attendance with the person's name and work, for the event's People tab."""

    attendance: Attendance
    full_name: str
    company: str
    title: str


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

    def update(self, attendance: Attendance) -> Attendance:
        """Store the user's plan for a person at an event, goal links included."""
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "UPDATE attendance SET role = ?, tier = ?, status = ?, research_notes = ?,"
                " talking_points = ?, offer = ?, ask = ? WHERE id = ?",
                (
                    attendance.role.value,
                    attendance.tier.value,
                    attendance.status.value,
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
        ids = _ids(event_ids)
        planned = (
            " AND (tier = 'must-meet' OR id IN (SELECT attendance_id FROM attendance_goal))"
            if planned_only
            else ""
        )
        links: dict[int, set[GoalId]] = {}
        for attendance_id, goal_id in conn.execute(
            "SELECT ag.attendance_id, ag.goal_id FROM attendance_goal ag"
            f" JOIN attendance a ON a.id = ag.attendance_id WHERE a.event_id IN {_IDS}",
            (ids,),
        ):
            links.setdefault(attendance_id, set()).add(GoalId(goal_id))
        rows = conn.execute(
            "SELECT id, event_id, person_id, role, tier, status, research_notes, talking_points,"
            f" offer, ask FROM attendance WHERE event_id IN {_IDS}{planned} ORDER BY id",
            (ids,),
        )
        return _by_event(
            Attendance(
                id=AttendanceId(row[0]),
                event_id=EventId(row[1]),
                person_id=PersonId(row[2]),
                role=_ROLES[row[3]],
                tier=_TIERS[row[4]],
                status=_STATUSES[row[5]],
                research_notes=row[6],
                talking_points=row[7],
                offer=row[8],
                ask=row[9],
                goal_ids=frozenset(links.get(row[0], ())),
            )
            for row in rows
        )


_ITEM_FIELDS = (
    "event_id",
    "text",
    "due_offset_days",
    "done",
    "position",
    "uid",
    "sequence",
    "template_key",
)
_ITEM_SELECT = "SELECT id, " + ", ".join(_ITEM_FIELDS) + " FROM checklist_item"


def _item(row: tuple[Any, ...]) -> ChecklistItem:
    return ChecklistItem(
        id=ChecklistItemId(row[0]),
        event_id=EventId(row[1]),
        text=row[2],
        due_offset_days=row[3],
        done=bool(row[4]),
        position=row[5],
        uid=row[6],
        sequence=row[7],
        template_key=row[8],
    )


def _item_values(item: ChecklistItem) -> tuple[Any, ...]:
    if not item.uid:
        raise ValueError("a checklist item needs a calendar uid")
    return (
        item.event_id,
        item.text,
        item.due_offset_days,
        int(item.done),
        item.position,
        item.uid,
        item.sequence,
        item.template_key,
    )


class ChecklistRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, item: ChecklistItem) -> ChecklistItem:
        return self.add_many([item])[0]

    def add_many(self, items: Sequence[ChecklistItem]) -> list[ChecklistItem]:
        saved = []
        with self._db.transaction() as conn:
            for item in items:
                cursor = conn.execute(
                    insert_sql("checklist_item", ("id", *_ITEM_FIELDS)),
                    (item.id, *_item_values(item)),
                )
                saved.append(replace(item, id=ChecklistItemId(inserted_id(cursor))))
        return saved

    def update(self, item: ChecklistItem) -> ChecklistItem:
        with self._db.transaction() as conn:
            cursor = conn.execute(
                update_sql("checklist_item", _ITEM_FIELDS),
                (*_item_values(item), item.id),
            )
            if cursor.rowcount != 1:
                raise NotFoundError(f"checklist item {item.id} no longer exists")
        return item

    def get(self, item_id: ChecklistItemId) -> ChecklistItem:
        row = self._db.connection.execute(f"{_ITEM_SELECT} WHERE id = ?", (item_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"checklist item {item_id} does not exist")
        return _item(row)

    def for_event(self, event_id: EventId) -> list[ChecklistItem]:
        return self.for_events([event_id]).get(event_id, [])

    def for_events(self, event_ids: Sequence[EventId]) -> dict[EventId, list[ChecklistItem]]:
        rows = self._db.connection.execute(
            f"{_ITEM_SELECT} WHERE event_id IN {_IDS} ORDER BY position, id", (_ids(event_ids),)
        )
        return _by_event(_item(row) for row in rows)

    def plan_counts(self, event_ids: Sequence[EventId]) -> dict[EventId, PlanCounts]:
        """Each event's checklist counted in one query: stored items, goals (shortlisted when
        an attendance of the same event is linked to them) and must-meet people (researched
        when their notes hold more than whitespace), as `dynamic_items` decides them."""
        rows = self._db.connection.execute(
            """
            WITH ids (id) AS (SELECT DISTINCT value FROM json_each(?2)),
            items AS (
                SELECT event_id, count(*) AS n, sum(done) AS done,
                    min(CASE WHEN done THEN NULL ELSE due_offset_days END) AS earliest,
                    min(CASE WHEN done OR due_offset_days <= 0 THEN NULL
                        ELSE due_offset_days END) AS after_start
                FROM checklist_item WHERE event_id IN ids GROUP BY event_id),
            goals AS (
                SELECT g.event_id, count(*) AS n, sum(EXISTS (
                    SELECT 1 FROM attendance_goal ag
                    CROSS JOIN attendance a ON a.id = ag.attendance_id
                    WHERE ag.goal_id = g.id AND a.event_id = g.event_id)) AS shortlisted
                FROM goal g WHERE g.event_id IN ids GROUP BY g.event_id),
            must AS (
                SELECT event_id, count(*) AS n,
                    sum(trim(research_notes, ?1) != '') AS researched
                FROM attendance WHERE event_id IN ids AND tier = 'must-meet'
                GROUP BY event_id)
            SELECT ids.id, coalesce(items.n, 0), coalesce(items.done, 0), items.earliest,
                coalesce(goals.n, 0), coalesce(goals.shortlisted, 0),
                coalesce(must.n, 0), coalesce(must.researched, 0), items.after_start
            FROM ids
            LEFT JOIN items ON items.event_id = ids.id
            LEFT JOIN goals ON goals.event_id = ids.id
            LEFT JOIN must ON must.event_id = ids.id
            """,
            (WHITESPACE, _ids(event_ids)),
        )
        return {EventId(row[0]): PlanCounts(*row[1:]) for row in rows}

    def delete(self, item_id: ChecklistItemId) -> ChecklistItem:
        with self._db.transaction() as conn:
            item = self.get(item_id)
            conn.execute("DELETE FROM checklist_item WHERE id = ?", (item_id,))
        return item

    def set_order(self, ids: Sequence[ChecklistItemId]) -> None:
        with self._db.transaction() as conn:
            _set_positions(conn, "checklist_item", ids)

    def next_position(self, event_id: EventId) -> int:
        return _next_position(self._db, "checklist_item", event_id)


_TEMPLATE_FIELDS = ("key", "phase", "text", "offset_days", "position", "enabled")
_TEMPLATE_SELECT = "SELECT id, " + ", ".join(_TEMPLATE_FIELDS) + " FROM checklist_template"


def _template(row: tuple[Any, ...]) -> ChecklistTemplate:
    return ChecklistTemplate(
        id=ChecklistTemplateId(row[0]),
        key=row[1],
        phase=PrepPhase(row[2]),
        text=row[3],
        offset_days=row[4],
        position=row[5],
        enabled=bool(row[6]),
    )


def _template_values(template: ChecklistTemplate) -> tuple[Any, ...]:
    return (
        template.key,
        template.phase.value,
        template.text,
        template.offset_days,
        template.position,
        int(template.enabled),
    )


class TemplateRepository:
    """The preparation routine every new event's checklist starts from."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add_many(self, templates: Sequence[ChecklistTemplate]) -> list[ChecklistTemplate]:
        saved = []
        with self._db.transaction() as conn:
            for template in templates:
                cursor = conn.execute(
                    insert_sql("checklist_template", ("id", *_TEMPLATE_FIELDS)),
                    (template.id, *_template_values(template)),
                )
                saved.append(replace(template, id=ChecklistTemplateId(inserted_id(cursor))))
        return saved

    def add(self, template: ChecklistTemplate) -> ChecklistTemplate:
        return self.add_many([template])[0]

    def update(self, template: ChecklistTemplate) -> ChecklistTemplate:
        with self._db.transaction() as conn:
            cursor = conn.execute(
                update_sql("checklist_template", _TEMPLATE_FIELDS),
                (*_template_values(template), template.id),
            )
            if cursor.rowcount != 1:
                raise NotFoundError(f"template {template.id} no longer exists")
        return template

    def delete(self, template_id: ChecklistTemplateId) -> ChecklistTemplate:
        with self._db.transaction() as conn:
            row = conn.execute(f"{_TEMPLATE_SELECT} WHERE id = ?", (template_id,)).fetchone()
            if row is None:
                raise NotFoundError(f"template {template_id} does not exist")
            conn.execute("DELETE FROM checklist_template WHERE id = ?", (template_id,))
        return _template(row)

    def all(self) -> list[ChecklistTemplate]:
        rows = self._db.connection.execute(f"{_TEMPLATE_SELECT} ORDER BY position, id").fetchall()
        return [_template(row) for row in rows]

    def count(self) -> int:
        row = self._db.connection.execute("SELECT count(*) FROM checklist_template").fetchone()
        return int(row[0])

    def set_order(self, ids: Sequence[ChecklistTemplateId]) -> None:
        with self._db.transaction() as conn:
            _set_positions(conn, "checklist_template", ids)
