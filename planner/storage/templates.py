"""The preparation routine every new event's checklist starts from, in the user's order."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from planner.domain.enums import PrepPhase
from planner.domain.ids import ChecklistTemplateId
from planner.domain.model import ChecklistTemplate
from planner.storage.ordered import OrderedRepository


class TemplateRepository(OrderedRepository[ChecklistTemplate]):
    table = "checklist_template"
    fields = ("key", "phase", "text", "offset_days", "position", "enabled")
    noun = "template"

    def _from_row(self, row: tuple[Any, ...]) -> ChecklistTemplate:
        return ChecklistTemplate(
            id=ChecklistTemplateId(row[0]),
            key=row[1],
            phase=PrepPhase(row[2]),
            text=row[3],
            offset_days=row[4],
            position=row[5],
            enabled=bool(row[6]),
        )

    def _values(self, template: ChecklistTemplate) -> tuple[Any, ...]:
        return (
            template.key,
            template.phase.value,
            template.text,
            template.offset_days,
            template.position,
            int(template.enabled),
        )

    def _id_of(self, template: ChecklistTemplate) -> int | None:
        return template.id

    def _with_id(self, template: ChecklistTemplate, row_id: int) -> ChecklistTemplate:
        return replace(template, id=ChecklistTemplateId(row_id))

    def all(self) -> list[ChecklistTemplate]:
        return self._in_order()

    def count(self) -> int:
        row = self._db.connection.execute("SELECT count(*) FROM checklist_template").fetchone()
        return int(row[0])
