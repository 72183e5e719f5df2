"""One event, opened: its overview at the top and tabs for goals, people, checklist and
follow-ups below."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.domain.enums import AttendanceStatus
from planner.domain.ids import EventId
from planner.domain.model import Attendance, Event
from planner.gui.common.columns import StretchColumn
from planner.gui.common.formatting import (
    breakable,
    excerpt,
    plain_tip,
    relative_text,
    span_text,
    tr_n,
)
from planner.gui.common.lists import make_table
from planner.gui.common.table_model import RowTableModel
from planner.gui.common.widgets import ElidedLabel, EmptyState, RefreshWhenShown, exec_once
from planner.gui.context import AppContext
from planner.gui.events import tabs as tab_index
from planner.gui.events.checklist_view import ChecklistTab
from planner.gui.events.goals_view import GoalsTab
from planner.gui.events.models import AttendeesModel
from planner.gui.follow_ups.models import FollowUpsModel
from planner.services.changes import Kind
from planner.services.people import person_story, update_attendance
from planner.storage.attendances import AttendeeListing
from planner.storage.errors import NotFoundError


def tr(text: str) -> str:
    return QCoreApplication.translate("event_workspace", text)


class _ListTab(QWidget):
    """A read-only list of this event's rows, with a sentence when there are none. A long list
    loads in the background (see RowTableModel): `rows_in` runs when its rows are in."""

    def __init__(self, model: RowTableModel[Any], empty: str, stretch: int) -> None:
        """`stretch`: the column of running text, which takes the width the others leave."""
        super().__init__()
        self.model = model
        model.setParent(self)
        self.table = make_table(model)
        self.columns = StretchColumn(self.table, model, stretch)
        self.empty = EmptyState(empty)
        self.loading = EmptyState(tr("Loading the list…"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.loading, 1)
        self.fit_next = True  # fit the columns to the next rows shown (a new event)
        self._keep: object = None  # the row selected before the rows were replaced
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.reloaded.connect(self.rows_in)
        model.loading_changed.connect(self._show_state)

    def refresh(self) -> None:
        self.model.reload()

    def rows_in(self) -> None:
        self._show_state()
        if self.model.rowCount() and self.fit_next:
            self.fit_next = False
            self.columns.fit()
        if self._keep is not None:
            self.select(self._keep)

    def select(self, key: object) -> None:
        position = self.model.position_of(key)
        if position is not None:
            self.table.selectRow(position)

    def _remember_selection(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._keep = self.model.key(self.model.row(rows[0].row())) if rows else None

    def _show_state(self, *_: object) -> None:
        has_rows = self.model.rowCount() > 0
        waiting = not has_rows and self.model.loading
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows and not waiting)
        self.loading.setVisible(waiting)


class AttendeesTab(_ListTab):
    """The event's list, with the way to import one and to settle possible duplicates."""

    import_requested = Signal()
    review_requested = Signal()
    add_requested = Signal()
    remove_requested = Signal()

    def __init__(self, context: AppContext) -> None:
        super().__init__(
            AttendeesModel(context),
            tr(
                "Nobody on this event's list yet. Import the attendee list (Ctrl+I), drop the "
                "file onto this window, or add people you know (Ctrl+Shift+A)."
            ),
            stretch=6,  # the goals each person is for
        )
        self._context = context
        self.review_note = QLabel()
        self.review_note.setObjectName("hint")
        self.review_button = review = QPushButton(tr("Review…"))
        review.clicked.connect(self.review_requested)
        self.edit_button = QPushButton(tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.met_button = QPushButton(tr("Mark Met"))
        self.met_button.clicked.connect(self.toggle_met)
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.setToolTip(tr("Take the person off this event's list (Delete)"))
        self.remove_button.clicked.connect(self.remove_requested)
        self.add_button = add_button = QPushButton(tr("Add People…"))
        add_button.setToolTip(tr("Put people from your network on this list (Ctrl+Shift+A)"))
        add_button.clicked.connect(self.add_requested)
        self.table.activated.connect(
            lambda: self.edit_selected() if context.writable else None  # no unsavable dialog
        )
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.dataChanged.connect(self._update_buttons)  # a row edited here (replace)
        self.import_button = import_button = QPushButton(tr("Import Attendees…"))
        import_button.setObjectName("primary")
        import_button.clicked.connect(self.import_requested)
        self.review_bar = QWidget()
        bar = QHBoxLayout(self.review_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.review_note)
        bar.addWidget(review)
        top = QHBoxLayout()
        top.addWidget(self.review_bar)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        top.addWidget(self.met_button)
        top.addWidget(self.remove_button)
        top.addSpacing(12)
        top.addWidget(add_button)
        top.addWidget(import_button)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(0, top)

    def refresh(self) -> None:
        super().refresh()
        from planner.services.review import pending_review_count

        event_id = self.model.event_id  # type: ignore[attr-defined]
        pending = 0 if event_id is None else pending_review_count(self._context.workspace, event_id)
        self.review_note.setText(
            tr_n(
                "event_workspace",
                "%n people may already be in your network.",
                pending,
                one="One person may already be in your network.",
            )
        )
        self.review_bar.setVisible(pending > 0)
        self._update_buttons()

    def rows_in(self) -> None:
        super().rows_in()
        self._update_buttons()

    def selected(self) -> AttendeeListing | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def _update_buttons(self, *_: object) -> None:
        current = self.selected()
        self.edit_button.setEnabled(current is not None)
        self.met_button.setEnabled(current is not None)
        self.remove_button.setEnabled(current is not None)
        self._context.disable_when_read_only(
            self.edit_button,
            self.met_button,
            self.remove_button,
            self.review_button,
            self.add_button,
            self.import_button,
        )
        met = current is not None and current.attendance.status == AttendanceStatus.MET
        self.met_button.setText(tr("Mark Not Met") if met else tr("Mark Met"))

    def _save(self, label: str, before: Attendance, after: Attendance) -> None:
        if after == before:
            return
        from planner.gui.common.operations import Operation

        workspace, model, shown = self._context.workspace, self.model, self.selected()

        def show(value: Attendance) -> None:
            if shown is not None:  # on screen at once, whether the list reloads here or not
                model.replace(replace(shown, attendance=value))

        Operation(self._context, lambda target: update_attendance(workspace, after)).undoable(
            label.replace("%1", self.selected_name()),
            then=lambda undone: show(before if undone else after),
        ).success(lambda saved: show(after)).run()
        self.select(after.id)

    def selected_name(self) -> str:
        current = self.selected()
        return current.full_name if current else ""

    def edit_selected(self, *_: object) -> None:
        from planner.gui.events.attendee_dialog import AttendeeDialog

        current = self.selected()
        if current is None:
            return
        goals = self._context.goals.for_event(current.attendance.event_id)
        try:
            story = person_story(self._context.workspace, current.attendance.person_id)
        except NotFoundError:
            self._context.failed.emit(tr("This person no longer exists."))
            return
        earlier = tuple(
            place.event_name
            for place in sorted(story.places, key=lambda place: place.start, reverse=True)
            if place.event_id != current.attendance.event_id
            and place.status == AttendanceStatus.MET
        )
        dialog = AttendeeDialog(
            current.full_name,
            current.attendance,
            goals,
            self,
            person=story.person,
            earlier_events=earlier,
        )
        if exec_once(dialog):
            self._save(tr("Edit Plan for %1"), current.attendance, dialog.attendance_value())

    def toggle_met(self) -> None:
        current = self.selected()
        if current is None:
            return
        before = current.attendance
        met = before.status == AttendanceStatus.MET
        after = replace(before, status=AttendanceStatus.TO_MEET if met else AttendanceStatus.MET)
        self._save(tr("Mark %1 Not Met") if met else tr("Mark %1 Met"), before, after)


class EventWorkspace(RefreshWhenShown, QWidget):
    """One event, opened. Kept up to date while on screen, and brought up to date when shown
    again: a hidden workspace does not reload a conference's list at every change."""

    back_requested = Signal()
    edit_requested = Signal()

    GOALS, PEOPLE, CHECKLIST, FOLLOW_UPS = (
        tab_index.GOALS,
        tab_index.PEOPLE,
        tab_index.CHECKLIST,
        tab_index.FOLLOW_UPS,
    )

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self._context = context
        self.shown_event: Event | None = None

        back = QPushButton(tr("‹ All Events"))
        back.setObjectName("link")
        back.clicked.connect(self.back_requested)
        edit = QPushButton(tr("Edit Event…"))
        edit.clicked.connect(self.edit_requested)
        context.disable_when_read_only(edit)
        self.title = ElidedLabel()  # a long name is cut short, not made the window's width
        self.title.setObjectName("pageTitle")
        self.countdown = QLabel()
        self.countdown.setObjectName("countdown")
        self.countdown.setTextFormat(Qt.TextFormat.PlainText)
        self.sample_pill = QLabel(tr("Sample event"))
        self.sample_pill.setObjectName("samplePill")
        self.sample_pill.setToolTip(
            tr("Part of the sample data, which File > Remove Sample Data takes away.")
        )
        self.sample_pill.hide()
        self.overview = QLabel()
        self.overview.setObjectName("overview")
        self.overview.setTextFormat(Qt.TextFormat.RichText)
        self.overview.setWordWrap(True)
        self.overview.setOpenExternalLinks(True)
        self.overview.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)

        top = QHBoxLayout()
        top.addWidget(back)
        top.addStretch(1)
        top.addWidget(edit)
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addSpacing(12)
        heading.addWidget(self.countdown)
        heading.addSpacing(6)
        heading.addWidget(self.sample_pill)
        heading.addStretch(1)

        self.goals = GoalsTab(context)
        self.attendees = AttendeesTab(context)
        self.checklist = ChecklistTab(context)
        self.follow_ups = _ListTab(
            FollowUpsModel(context),
            tr("No follow-ups for this event yet. After it, note whom you met and what you owe."),
            stretch=2,  # the action
        )
        # The event is the one shown: its name on every row would take the action's room.
        self.follow_ups.table.setColumnHidden(FollowUpsModel.EVENT_COLUMN, True)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.goals, tr("&Goals"))
        self.tabs.addTab(self.attendees, tr("&People"))
        self.tabs.addTab(self.checklist, tr("&Checklist"))
        self.tabs.addTab(self.follow_ups, tr("&Follow-ups"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 12, 20, 16)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(heading)
        layout.addWidget(self.overview)
        layout.addWidget(self.tabs, 1)
        # The header, the People and Follow-ups tabs (Goals and Checklist reload themselves).
        self.watch(
            context.changed, frozenset(Kind) - {Kind.CHECKLIST, Kind.ROUTINE}, lambda: self.event_id
        )

    @property
    def event_id(self) -> EventId | None:
        return None if self.shown_event is None else self.shown_event.id

    def show_event(self, event: Event) -> None:
        self.shown_event = event
        assert event.id is not None
        self.goals.show_event(event.id)
        self.checklist.show_event(event)
        for tab in (self.attendees, self.follow_ups):
            tab.model.event_id = event.id  # type: ignore[attr-defined]
            tab.fit_next = True
        self.refresh()

    def refresh(self) -> None:
        self._stale = False
        if self.shown_event is None or self.shown_event.id is None:
            return
        try:
            self.shown_event = self._context.events.get(self.shown_event.id)
        except NotFoundError:
            self.shown_event = None  # deleted (or undone): the window goes back to the list
            self.back_requested.emit()
            return
        self.checklist.model.current_event = self.shown_event
        self.attendees.refresh()
        self.follow_ups.refresh()
        self._fill_header(self.shown_event)

    def _fill_header(self, event: Event) -> None:
        self.title.setText(event.name)
        self.countdown.setText(relative_text(event.start, event.end, datetime.now(UTC)))
        self.sample_pill.setVisible(event.is_sample)
        lines = [
            f"<b>{escape(span_text(event.local_start, event.local_end))}</b>"
            f" <span style='color:#6b7480'>({escape(event.timezone)})</span>"
        ]
        mine = (event.start.astimezone(), event.end.astimezone())
        venue = (event.local_start, event.local_end)
        if [t.utcoffset() for t in mine] != [t.utcoffset() for t in venue]:
            yours = f"{span_text(*mine)} {mine[0].tzname() or ''}".rstrip()
            lines.append(escape(tr("Your time: %1").replace("%1", yours)))
        # A header, not the whole record: long text is cut short (Edit Event… has it all) and
        # made breakable, so it neither pushes the tabs down nor widens the window.
        where = [escape(breakable(excerpt(event.venue, 160, 1)))] if event.venue else []
        if event.url:
            link = escape(breakable(excerpt(event.url, 100, 1)))
            where.append(f'<a href="{escape(event.url, quote=True)}">{link}</a>')
        if where:
            lines.append(" · ".join(where))
        if event.notes:
            notes = escape(breakable(excerpt(event.notes))).replace(chr(10), "<br>")
            lines.append(f"<span style='color:#3b4a5a'>{notes}</span>")
        self.overview.setText("<br>".join(lines))
        self.overview.setToolTip(
            plain_tip(event.notes) if excerpt(event.notes) != event.notes else ""
        )

    def show_tab(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)
