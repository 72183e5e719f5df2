"""The app's lists as table models: events, people and follow-ups."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from operator import attrgetter
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont

from planner.domain.enums import AttendanceStatus, FollowUpStatus, PriorityTier
from planner.domain.ids import EventId, GoalId
from planner.gui.common.formatting import dates_text, day_text, relative_text, span_text, tr_n
from planner.gui.common.labels import follow_up_status_name, role_name, status_name, tier_name
from planner.gui.common.table_model import BackgroundLoad, Column, RowTableModel
from planner.gui.context import AppContext
from planner.services.listings import (
    attendee_count,
    attendee_listings,
    follow_up_listings,
    people_count,
    people_listings,
)
from planner.services.workspace import Target, Workspace
from planner.storage.attendances import AttendeeListing
from planner.storage.events import EventSummary
from planner.storage.followups import FollowUpListing
from planner.storage.people import PersonListing

SAMPLE_COLOUR = QColor("#7a5c00")


Row = TypeVar("Row")


def tr(text: str) -> str:
    return QCoreApplication.translate("models", text)


def elsewhere(workspace: Workspace, read: Callable[[Target], list[Row]]) -> Callable[[], list[Row]]:
    """`read` for a worker thread: over a connection of its own, closed afterwards."""

    def load() -> list[Row]:
        db = workspace.second_connection()
        try:
            return read(db)
        finally:
            db.close()

    return load


class EventsModel(RowTableModel[EventSummary]):
    def __init__(self, context: AppContext, parent: Any = None) -> None:
        self._now = datetime.now(UTC)
        columns = [
            Column[EventSummary](
                tr("Event"),
                lambda s: s.event.name + (tr("  (sample)") if s.event.is_sample else ""),
                tooltip=lambda s: (
                    tr("Sample data: remove it from the banner above the list")
                    if s.event.is_sample
                    else s.event.name
                ),
            ),
            Column[EventSummary](
                tr("When"),
                lambda s: dates_text(s.event.local_start, s.event.local_end),
                sort_key=lambda s: s.event.start,
                tooltip=lambda s: (
                    span_text(s.event.local_start, s.event.local_end)
                    + "  "
                    + tr("(local time at the venue, %1)").replace("%1", s.event.timezone)
                ),
            ),
            Column[EventSummary](
                tr("Status"),
                lambda s: relative_text(s.event.start, s.event.end, self._now),
                sort_key=lambda s: s.event.start,
            ),
            Column[EventSummary](
                tr("Goals"), lambda s: str(s.goal_count), lambda s: s.goal_count, align_right=True
            ),
            Column[EventSummary](
                tr("Met"),
                lambda s: f"{s.met_count} / {s.attendee_count}",
                lambda s: (s.met_count, s.attendee_count),
                tooltip=lambda s: tr_n(
                    "models",
                    "%1 met of %n people on the list",
                    s.attendee_count,
                    one="%1 met of %n person on the list",
                ).replace("%1", str(s.met_count)),
                align_right=True,
            ),
        ]
        super().__init__(columns, self._load, key=lambda s: s.event.id, parent=parent)
        self._context = context

    def _load(self) -> list[EventSummary]:
        self._now = datetime.now(UTC)
        return self._context.events.summaries()

    def extra_data(self, row: EventSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and row.event.is_sample and column == 0:
            return SAMPLE_COLOUR
        if role == Qt.ItemDataRole.ForegroundRole and row.event.end <= self._now:
            return QColor("#6b6b6b")
        return None


class PeopleModel(RowTableModel[PersonListing]):
    def __init__(self, context: AppContext, parent: Any = None) -> None:
        columns = [
            Column[PersonListing](tr("Name"), lambda p: p.person.full_name),
            Column[PersonListing](tr("Company"), lambda p: p.person.company or ""),
            Column[PersonListing](tr("Title"), lambda p: p.person.title or ""),
            Column[PersonListing](tr("Email"), lambda p: p.person.email or ""),
            Column[PersonListing](
                tr("Events"),
                lambda p: str(p.event_count),
                lambda p: p.event_count,
                align_right=True,
            ),
        ]
        workspace = context.workspace
        super().__init__(
            columns,
            lambda: people_listings(workspace),
            key=attrgetter("person.id"),  # made in C: a pass over 143,000 rows is quick
            parent=parent,
            background=BackgroundLoad(
                count=lambda: people_count(workspace),
                start=lambda: elsewhere(workspace, people_listings),
            ),
        )


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


class AttendeesModel(RowTableModel[AttendeeListing]):
    """The people on one event's list, with what the user plans for them."""

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        self._context = context
        self.event_id: EventId | None = None
        self._goal_names: dict[GoalId, str] = {}
        tier_order = list(PriorityTier)
        columns = [
            Column[AttendeeListing](tr("Name"), lambda a: a.full_name),
            Column[AttendeeListing](tr("Company"), lambda a: a.company),
            Column[AttendeeListing](tr("Title"), lambda a: a.title),
            Column[AttendeeListing](tr("Role"), lambda a: role_name(a.attendance.role)),
            Column[AttendeeListing](
                tr("Priority"),
                lambda a: tier_name(a.attendance.tier),
                sort_key=lambda a: tier_order.index(a.attendance.tier),
            ),
            Column[AttendeeListing](tr("Status"), lambda a: status_name(a.attendance.status)),
            Column[AttendeeListing](
                tr("Goals"),
                lambda a: "; ".join(
                    self._goal_names.get(g, "") for g in sorted(a.attendance.goal_ids)
                ),
            ),
        ]
        super().__init__(
            columns,
            self._load,
            key=lambda a: a.attendance.id,
            parent=parent,
            background=BackgroundLoad(count=self._count, start=self._start_load),
        )

    def _load(self) -> list[AttendeeListing]:
        event_id = self._prepare()
        if event_id is None:
            return []
        return attendee_listings(self._context.workspace, event_id)

    def _count(self) -> int:
        if self.event_id is None:
            return 0
        return attendee_count(self._context.workspace, self.event_id)

    def _start_load(self) -> Callable[[], list[AttendeeListing]]:
        event_id = self._prepare()
        if event_id is None:
            return list
        return elsewhere(self._context.workspace, lambda db: attendee_listings(db, event_id))

    def _prepare(self) -> EventId | None:
        """The event shown, with its goals' names (for the Goals column) read now."""
        if self.event_id is not None:
            self._goal_names = {
                g.id: g.text
                for g in self._context.goals.for_event(self.event_id)
                if g.id is not None
            }
        return self.event_id

    def extra_data(self, row: AttendeeListing, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and row.attendance.tier == PriorityTier.MUST_MEET:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row.attendance.status == AttendanceStatus.MET:
            return QColor("#2f7d6d")
        return None
