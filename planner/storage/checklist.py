"""Each event's checklist: the items the user keeps in their order, and how far along the
plan is, counted in the database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from planner.domain.checklist import PlanCounts
from planner.domain.ids import ChecklistItemId, EventId
from planner.domain.model import ChecklistItem
from planner.storage.ordered import EventOrderedRepository, ids_param


class ChecklistRepository(EventOrderedRepository[ChecklistItem]):
    table = "checklist_item"
    fields = (
        "event_id",
        "text",
        "due_offset_days",
        "done",
        "position",
        "uid",
        "sequence",
        "template_key",
    )
    noun = "checklist item"

    def _from_row(self, row: tuple[Any, ...]) -> ChecklistItem:
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

    def _values(self, item: ChecklistItem) -> tuple[Any, ...]:
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

    def _id_of(self, item: ChecklistItem) -> int | None:
        return item.id

    def _with_id(self, item: ChecklistItem, row_id: int) -> ChecklistItem:
        return replace(item, id=ChecklistItemId(row_id))

    def generated(self, event_id: EventId) -> bool | None:
        """Whether the event's checklist was filled from the routine (None: no such event)."""
        row = self._db.connection.execute(
            "SELECT checklist_generated FROM event WHERE id = ?", (event_id,)
        ).fetchone()
        return None if row is None else bool(row[0])

    def mark_generated(self, event_id: EventId) -> None:
        """Record that the event's checklist was filled: it is never filled again."""
        with self._db.transaction() as conn:
            conn.execute("UPDATE event SET checklist_generated = 1 WHERE id = ?", (event_id,))

    def plan_counts(self, event_ids: Sequence[EventId]) -> dict[EventId, PlanCounts]:
        """Each event's checklist counted in one query: stored items, goals (shortlisted when
        an attendance of the same event is linked to them) and the people pinned as must meet
        (researched when their research is done), as `dynamic_items` decides them."""
        rows = self._db.connection.execute(
            """
            WITH ids (id) AS (SELECT DISTINCT value FROM json_each(?)),
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
                    sum(research_status = 'done') AS researched
                FROM attendance WHERE event_id IN ids AND pinned_tier = 'must-meet'
                GROUP BY event_id)
            SELECT ids.id, coalesce(items.n, 0), coalesce(items.done, 0), items.earliest,
                coalesce(goals.n, 0), coalesce(goals.shortlisted, 0),
                coalesce(must.n, 0), coalesce(must.researched, 0), items.after_start
            FROM ids
            LEFT JOIN items ON items.event_id = ids.id
            LEFT JOIN goals ON goals.event_id = ids.id
            LEFT JOIN must ON must.event_id = ids.id
            """,
            (ids_param(event_ids),),
        )
        return {EventId(row[0]): PlanCounts(*row[1:]) for row in rows}
