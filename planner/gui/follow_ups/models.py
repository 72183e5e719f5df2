"""Follow-ups (all, or one event's), as a table model."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from planner.domain.enums import FollowUpStatus
from planner.domain.ids import EventId
from planner.gui.common.formatting import day_text
from planner.gui.common.labels import follow_up_status_name
from planner.gui.common.list_models import tr
from planner.gui.common.table_model import Column, RowTableModel
from planner.gui.context import AppContext
from planner.services.listings import (
    follow_up_listings,
)
from planner.storage.followups import FollowUpListing


class FollowUpsModel(RowTableModel[FollowUpListing]):
    """All follow-ups, or one event's when `event_id` is set."""

    EVENT_COLUMN = 3  # hidden on an event's own tab, where every row would repeat its name

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        self._today = date.today()
        self.event_id: EventId | None = None
        columns = [
            Column[FollowUpListing](
                tr("Due"), lambda f: day_text(f.follow_up.due), lambda f: f.follow_up.due
            ),
            Column[FollowUpListing](tr("Person"), lambda f: f.person_name),
            Column[FollowUpListing](tr("Action"), lambda f: f.follow_up.action),
            Column[FollowUpListing](tr("Event"), lambda f: f.event_name or ""),
            Column[FollowUpListing](
                tr("Status"), lambda f: follow_up_status_name(f.follow_up.status)
            ),
        ]
        super().__init__(columns, self._load, key=lambda f: f.follow_up.id, parent=parent)
        self._context = context

    def _load(self) -> list[FollowUpListing]:
        self._today = date.today()
        return follow_up_listings(self._context.workspace, self.event_id)

    def is_overdue(self, row: FollowUpListing) -> bool:
        return row.follow_up.status == FollowUpStatus.OPEN and row.follow_up.due < self._today

    def extra_data(self, row: FollowUpListing, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.is_overdue(row):
                return QColor("#b3261e")
            if row.follow_up.status != FollowUpStatus.OPEN:
                return QColor("#6b6b6b")
        if role == Qt.ItemDataRole.FontRole and self.is_overdue(row) and column == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None
