"""The Events page: every event, the next one first, with the chosen one's details beside."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner.domain.ids import EventId
from planner.domain.model import Event
from planner.gui.common.columns import StretchColumn
from planner.gui.common.formatting import breakable, span_text
from planner.gui.common.labels import network_name
from planner.gui.common.lists import details_panel, make_table
from planner.gui.common.widgets import EmptyState, SampleBanner, page_title
from planner.gui.context import AppContext
from planner.gui.events.models import EventsModel
from planner.services.changes import Changed, Kind
from planner.services.events import likely_event


class EventsPage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    edit_requested = Signal()
    delete_requested = Signal()
    remove_sample_requested = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self._context = context
        self.model = EventsModel(context, self)
        self.table = make_table(self.model)
        self.table.activated.connect(self.open_requested)  # double-click or Enter

        self.banner = SampleBanner()
        self.banner.remove_requested.connect(self.remove_sample_requested)

        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.clicked.connect(self.open_requested)
        self.new_button = new_button = QPushButton(self.tr("New Event…"))
        new_button.setObjectName("primary")
        new_button.clicked.connect(self.new_requested)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_requested)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_requested)

        header = QHBoxLayout()
        header.addWidget(page_title(self.tr("Events")))
        header.addStretch(1)
        for button in (self.open_button, self.edit_button, self.delete_button, new_button):
            header.addWidget(button)

        self.empty = EmptyState(
            self.tr("No events yet.\nPress Ctrl+N to plan the first one you are going to.")
        )
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)

        self.details, details = details_panel(300)
        self.details_area = details
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list_stack)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([720, 280])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        # The name takes what is left; the short columns are sized to their contents when
        # rows come or go (ResizeToContents mode would re-measure every cell on each layout
        # pass). Measured first by the refresh below.
        self.columns = StretchColumn(self.table, self.model, 0, squeeze=True)
        self._fitted_rows = -1
        context.changed.connect(self._changed)
        self.refresh()
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)

    SHOWS = frozenset((Kind.EVENT, Kind.GOAL, Kind.ATTENDANCE))
    """The events, with how many goals, people and people met each has."""

    def _changed(self, changed: Changed) -> None:
        if changed.touches(self.SHOWS):
            self.refresh()

    def selected_event(self) -> Event | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()).event if rows else None

    def select_event(self, event_id: EventId | None) -> None:
        position = None if event_id is None else self.model.position_of(event_id)
        if position is None:
            position = self._first_upcoming()
        if position is None:
            self.table.clearSelection()
            return
        self.table.selectionModel().select(
            self.model.index(position, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.setCurrentIndex(self.model.index(position, 0))
        self.table.scrollTo(self.model.index(position, 0))

    def _first_upcoming(self) -> int | None:
        """Where the next event is, whatever column the list is sorted by."""
        events = [self.model.row(position).event for position in range(self.model.rowCount())]
        chosen = likely_event(events, datetime.now(UTC))
        return None if chosen is None else self.model.position_of(chosen)

    def refresh(self) -> None:
        current = self.selected_event()
        self.model.reload()
        if self.model.rowCount() != self._fitted_rows:  # an event added or deleted: measure
            self._fitted_rows = self.model.rowCount()  # again (a long name gets its room)
            self.columns.fit()
        self.select_event(current.id if current else None)
        self.list_stack.setCurrentWidget(self.table if self.model.rowCount() else self.empty)
        self.details_area.setVisible(self.model.rowCount() > 0)  # nothing to describe
        self.banner.show_for(self._context.workspace)
        self._selection_changed()

    def _selection_changed(self) -> None:
        event = self.selected_event()
        for button in (self.open_button, self.edit_button, self.delete_button):
            button.setEnabled(event is not None)
        self._context.disable_when_read_only(self.new_button, self.edit_button, self.delete_button)
        self.details.setText(self._details_html(event) if event else "")

    def _details_html(self, event: Event) -> str:
        """A summary of the event; every user string is escaped before it meets rich text."""
        assert event.id is not None
        parts = [f"<h2>{escape(breakable(event.name))}</h2>"]
        parts.append(
            f"<p><b>{escape(span_text(event.local_start, event.local_end))}</b>"
            f"<br><span style='color:#6b6b6b'>{escape(event.timezone)}</span>"
        )
        # The computer's own clock, without asking the system for its zone name (slow).
        mine = (event.start.astimezone(), event.end.astimezone())
        if [t.utcoffset() for t in mine] != [
            t.utcoffset() for t in (event.local_start, event.local_end)
        ]:
            yours = f"{span_text(*mine)} {mine[0].tzname() or ''}".rstrip()
            parts.append("<br>" + escape(self.tr("Your time: %1").replace("%1", yours)))
        parts.append("</p>")
        if event.venue:
            parts.append(f"<p>{escape(breakable(event.venue))}</p>")
        if event.url:
            url = escape(event.url, quote=True)
            parts.append(f'<p><a href="{url}">{escape(breakable(event.url))}</a></p>')
        if event.notes:
            parts.append(f"<p>{escape(breakable(event.notes)).replace(chr(10), '<br>')}</p>")
        goals = self._context.goals.for_event(event.id)
        if goals:
            parts.append(f"<h3>{escape(self.tr('Goals'))}</h3><ul>")
            for goal in goals:
                kind = network_name(goal.network_type)
                target = self.tr("target %n").replace("%n", str(goal.target_count))
                parts.append(
                    f"<li>{escape(breakable(goal.text))} <span style='color:#6b6b6b'>· "
                    f"{escape(kind)} · {escape(target)}</span></li>"
                )
            parts.append("</ul>")
        return "".join(parts)
