"""One event, opened: its overview at the top and tabs for goals, people, checklist and
follow-ups below."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.domain.ids import EventId
from planner.domain.model import Event
from planner.gui.common.formatting import (
    breakable,
    excerpt,
    plain_tip,
    relative_text,
    span_text,
)
from planner.gui.common.widgets import ElidedLabel, RefreshWhenShown
from planner.gui.context import AppContext
from planner.gui.events import tabs as tab_index
from planner.gui.events.attendees_tab import AttendeesTab
from planner.gui.events.checklist_view import ChecklistTab
from planner.gui.events.goals_view import GoalsTab
from planner.gui.events.list_tab import ListTab
from planner.gui.follow_ups.models import FollowUpsModel
from planner.services.changes import Kind
from planner.storage.errors import NotFoundError


def tr(text: str) -> str:
    return QCoreApplication.translate("event_workspace", text)


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
        self.follow_ups = ListTab(
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
        if self.shown_event is None or self.shown_event.id != event.id:
            self.attendees.reset_filter()  # another event's list: all of it in view
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
